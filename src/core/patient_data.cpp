#include "complaints/patient_data.hpp"

#include "complaints/error.hpp"
#include "complaints/text.hpp"

#include <fmt/format.h>

#include <regex>

namespace complaints {

bool valid_nhs_number(std::string_view digits) {
    if (digits.size() != 10)
        return false;
    int sum = 0;
    for (int i = 0; i < 9; ++i)
        sum += (digits[static_cast<std::size_t>(i)] - '0') * (10 - i);
    const int check = 11 - sum % 11;
    if (check == 10)
        return false;
    return (check == 11 ? 0 : check) == digits[9] - '0';
}

namespace {

// Ten digits, grouped 3-3-4 by spaces or dashes or not at all, and not part
// of a longer run of digits.
const std::regex& nhs_shape() {
    static const std::regex shape(R"((^|[^0-9])([0-9]{3}[ -]?[0-9]{3}[ -]?[0-9]{4})(?![0-9]))");
    return shape;
}

std::optional<PatientData> find_nhs_number(std::string_view text) {
    const std::string haystack(text);
    for (auto it = std::sregex_iterator(haystack.begin(), haystack.end(), nhs_shape()); it != std::sregex_iterator();
         ++it) {
        const auto& match = (*it)[2];
        std::string digits;
        for (const char c : match.str())
            if (c >= '0' && c <= '9')
                digits += c;
        if (valid_nhs_number(digits))
            return PatientData{static_cast<std::size_t>(match.first - haystack.begin()),
                               static_cast<std::size_t>(match.length()), "an NHS number"};
    }
    return std::nullopt;
}

} // namespace

std::optional<PatientData> find_patient_data(std::string_view text, const Policy& policy) {
    if (!policy.patient_data_guard)
        return std::nullopt;
    if (auto nhs = find_nhs_number(text))
        return nhs;
    const std::string haystack(text);
    for (const auto& pattern : policy.patient_data_patterns) {
        std::smatch match;
        if (std::regex_search(haystack, match, std::regex(pattern)) && match.length() > 0)
            return PatientData{static_cast<std::size_t>(match.position()), static_cast<std::size_t>(match.length()),
                               fmt::format("text matching the pattern '{}'", pattern)};
    }
    return std::nullopt;
}

void for_each_text(const Case& c, const std::function<void(const std::string&, const std::string&)>& visit) {
    visit("complainant", c.complainant);
    visit("on_behalf_of", c.on_behalf_of);
    visit("about", c.about);
    visit("type", c.type);
    visit("summary", c.summary);
    visit("exclusion", c.exclusion_text);
    visit("apology", c.apology);
    visit("learning", c.learning);
    visit("no_learning", c.no_learning);
    for (const auto& name : c.practitioners)
        visit("practitioners", name);
    for (const auto& p : c.points) {
        const std::string where = fmt::format("point {}", p.number);
        visit(where, p.text);
        visit(where + " conclusion", p.conclusion);
        visit(where + " remedial action", p.remedial_action);
        visit(where + " staff", p.staff);
    }
    for (const auto& a : c.actions) {
        visit(fmt::format("action {}", a.number), a.text);
        for (const auto& step : a.progress)
            visit(fmt::format("action {} progress", a.number), step.text);
    }
    for (const auto& e : c.escalations) {
        visit("escalation reference", e.reference);
        visit("escalation outcome", e.outcome);
    }
    for (std::size_t i = 0; i < c.events.size(); ++i) {
        const std::string where = fmt::format("text of event {} ({})", i + 1, name_of(c.events[i].type));
        visit(where, c.events[i].text);
        for (const auto& name : c.events[i].attendees)
            visit(where + " attendees", name);
    }
}

void guard_patient_data(const Case& c, const Policy& policy) {
    if (!policy.patient_data_guard)
        return;
    for_each_text(c, [&](const std::string& field, const std::string& text) {
        const auto found = find_patient_data(text, policy);
        if (!found)
            return;
        const std::size_t first = display_width(std::string_view(text).substr(0, found->offset)) + 1;
        const std::size_t last = first + display_width(std::string_view(text).substr(found->offset, found->length)) - 1;
        throw Error(ErrorKind::refused,
                    fmt::format("the {} contains {} ('{}', characters {}-{}): the platform's policy forbids "
                                "patient details in its records; refer to the patient another way",
                                field, found->what, text.substr(found->offset, found->length), first, last));
    });
}

} // namespace complaints
