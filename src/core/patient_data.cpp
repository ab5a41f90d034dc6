#include "complaints/patient_data.hpp"

#include "complaints/case_fields.hpp"
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
    for (auto it = std::sregex_iterator(haystack.begin(), haystack.end(), nhs_shape());
         it != std::sregex_iterator(); ++it) {
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
            return PatientData{static_cast<std::size_t>(match.position()),
                               static_cast<std::size_t>(match.length()),
                               fmt::format("text matching the pattern '{}'", pattern)};
    }
    return std::nullopt;
}

namespace {

std::string label(const Point& p, std::size_t) {
    return fmt::format("point {}", p.number);
}
std::string label(const Action& a, std::size_t) {
    return fmt::format("action {}", a.number);
}
std::string label(const ActionProgress&, std::size_t i) {
    return fmt::format("progress note {}", i + 1);
}
std::string label(const Escalation&, std::size_t i) {
    return fmt::format("escalation {}", i + 1);
}
std::string label(const Event& e, std::size_t i) {
    return fmt::format("event {} ({})", i + 1, name_of(e.type));
}
std::string label(const Excluded&, std::size_t) {
    return "exclusion";
}
std::string label(const EventRef&, std::size_t) {
    return "voids";
}

// Every text of the description a person typed, unknown keys included.
class TextWalk {
  public:
    using Visit = std::function<void(const TextField&, const std::string&)>;
    TextWalk(const Visit& visit, std::string top_key, std::string prefix)
        : m_visit(visit), m_top_key(std::move(top_key)), m_prefix(std::move(prefix)) {}

    void field(const fields::Key& key, const std::string& text) {
        if (key.typed)
            m_visit(where(key.name), text);
    }
    template <class T> void field(const fields::Key&, const T&) {}
    template <class T> void field(const fields::Key& key, const std::optional<T>& value) {
        if (value)
            field(key, *value);
    }
    template <fields::Record R> void field(const fields::Key& key, const R& record) {
        TextWalk inner(m_visit, top(key.name), label(record, 0));
        fields::describe(inner, record);
    }
    void field(const fields::Key& key, const std::vector<std::string>& texts) {
        for (const auto& text : texts)
            field(key, text);
    }
    template <fields::Record R> void field(const fields::Key& key, const std::vector<R>& records) {
        for (std::size_t i = 0; i < records.size(); ++i) {
            TextWalk inner(m_visit, top(key.name),
                           (m_prefix.empty() ? "" : m_prefix + " ") + label(records[i], i));
            fields::describe(inner, records[i]);
        }
    }
    void extras(const std::vector<Extra>& unknown) {
        for (const auto& extra : unknown)
            m_visit(where(extra.key), extra.yaml);
    }
    void no_extras() {}

  private:
    std::string top(std::string_view key) const {
        return m_top_key.empty() ? std::string(key) : m_top_key;
    }
    TextField where(std::string_view key) const {
        return TextField{m_prefix.empty() ? std::string(key) : m_prefix + " " + std::string(key),
                         top(key)};
    }
    const Visit& m_visit;
    std::string m_top_key;
    std::string m_prefix;
};

} // namespace

void for_each_text(const Case& c,
                   const std::function<void(const TextField&, const std::string&)>& visit) {
    TextWalk walk(visit, {}, {});
    fields::describe(walk, c);
}

std::optional<PatientDataFound> find_patient_data(const Case& c, const Policy& policy) {
    std::optional<PatientDataFound> first;
    if (!policy.patient_data_guard)
        return first;
    for_each_text(c, [&](const TextField& field, const std::string& text) {
        if (first)
            return;
        if (auto found = find_patient_data(text, policy))
            first = PatientDataFound{field, text, std::move(*found)};
    });
    return first;
}

std::string describe(const PatientDataFound& found) {
    const std::string_view text = found.text;
    const auto& span = found.span;
    const std::size_t first = display_width(text.substr(0, span.offset)) + 1;
    const std::size_t last = first + display_width(text.substr(span.offset, span.length)) - 1;
    return fmt::format("the {} contains {} ('{}', characters {}-{}): the platform's policy forbids "
                       "patient details in its records; refer to the patient another way",
                       found.field.name, span.what, text.substr(span.offset, span.length), first,
                       last);
}

void guard_patient_data(const Case& c, const Policy& policy) {
    if (const auto found = find_patient_data(c, policy))
        throw Error(ErrorKind::refused, describe(*found));
}

} // namespace complaints
