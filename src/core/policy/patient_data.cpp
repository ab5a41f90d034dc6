// SPDX-License-Identifier: Apache-2.0
#include "complaints/policy/patient_data.hpp"

#include "complaints/base/error.hpp"
#include "complaints/base/text.hpp"
#include "complaints/model/case_fields.hpp"
#include "patient_data_scan.hpp"

#include <fmt/format.h>

#include <algorithm>
#include <map>
#include <memory>
#include <set>

#include <re2/re2.h>

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

// A user's pattern runs in RE2, never std::regex: RE2 takes time linear in
// the text whatever the pattern, where std::regex backtracks, and took
// minutes for ([a-z0-9]+[._-]?)+@ against one long word while the command
// held the lock. complaints.yaml travels in git, so anyone who can push a
// commit writes these patterns. RE2 has no back-references or look-arounds:
// a pattern with one is refused when the configuration is read. "(?i)" is
// RE2's own syntax, so it needs no translation.
std::unique_ptr<re2::RE2> compiled(std::string_view pattern) {
    re2::RE2::Options options;
    options.set_log_errors(false); // the core prints nothing; the error is returned
    return std::make_unique<re2::RE2>(re2::StringPiece(pattern.data(), pattern.size()), options);
}

// Each pattern is compiled once per thread, not once per field: `check`
// runs the guard over every text of every case.
const re2::RE2& compiled_once(const std::string& pattern) {
    thread_local std::map<std::string, std::unique_ptr<re2::RE2>> cache;
    auto it = cache.find(pattern);
    if (it == cache.end())
        it = cache.emplace(pattern, compiled(pattern)).first;
    return *it->second;
}

// A user's pattern runs on windows of the text, never the whole of it: each
// search is linear in its window, so a pattern that matches at every word
// (and restarts its search after each match) still costs the text's length
// times the window's at worst, not the text's squared. Each window claims
// the matches that start in its first k_window_step bytes, so a match of up
// to k_window - k_window_step bytes is found whole, once (docs/policy.md).
constexpr std::size_t k_window = 256;
constexpr std::size_t k_window_step = 192;

void pattern_matches(std::string_view text, const std::string& pattern,
                     std::vector<PatientData>& found) {
    const re2::RE2& regex = compiled_once(pattern);
    // ^, $ and \b see the text around the window, not its edges: RE2 matches
    // between two offsets of the whole text.
    const re2::StringPiece whole(text.data(), text.size());
    for (std::size_t start = 0; start < text.size(); start += k_window_step) {
        const std::size_t end = std::min(text.size(), start + k_window);
        const bool last = end == text.size();
        re2::StringPiece match;
        for (std::size_t from = start;
             from <= end && regex.Match(whole, from, end, re2::RE2::UNANCHORED, &match, 1);) {
            const auto at = static_cast<std::size_t>(match.data() - text.data());
            if (!last && at >= start + k_window_step)
                break; // the next window starts here and finds it whole
            if (!match.empty())
                found.push_back(PatientData{
                    at, match.size(), fmt::format("text matching the pattern '{}'", pattern)});
            from = at + std::max<std::size_t>(match.size(), 1);
        }
        if (last)
            break;
    }
}

} // namespace

std::optional<std::string> bad_patient_data_pattern(std::string_view pattern) {
    const auto regex = compiled(pattern);
    if (regex->ok())
        return std::nullopt;
    return regex->error();
}

std::vector<PatientData> find_all_patient_data(std::string_view text, const Policy& policy) {
    if (!policy.patient_data_guard)
        return {};
    std::vector<PatientData> found = detail::scan_patient_data(text);
    if (policy.patient_data_patterns.empty())
        return found;
    for (const auto& pattern : policy.patient_data_patterns)
        pattern_matches(text, pattern, found);
    std::stable_sort(found.begin(), found.end(),
                     [](const auto& a, const auto& b) { return a.offset < b.offset; });
    std::vector<PatientData> kept;
    for (auto& hit : found)
        if (kept.empty() || hit.offset >= kept.back().offset + kept.back().length)
            kept.push_back(std::move(hit));
    return kept;
}

std::optional<PatientData> find_patient_data(std::string_view text, const Policy& policy) {
    for (auto& hit : find_all_patient_data(text, policy))
        if (hit.refused)
            return std::move(hit);
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
std::string label(const Attachment&, std::size_t) {
    return "attachment";
}

std::string label(const Imported&, std::size_t) {
    return "imported";
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
        TextWalk inner(m_visit, top(key.name),
                       (m_prefix.empty() ? "" : m_prefix + " ") + label(record, 0));
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

namespace {

std::string clean_key(const TextField& field, std::string_view text) {
    std::string key = field.name;
    key += '\0';
    key += text;
    return key;
}

// Every span in every text of the case, but those `clean` holds.
std::vector<PatientDataFound> found_in(const Case& c, const Policy& policy,
                                       const CleanTexts* clean) {
    std::vector<PatientDataFound> found;
    if (!policy.patient_data_guard)
        return found;
    for_each_text(c, [&](const TextField& field, const std::string& text) {
        if (clean && clean->contains(field, text))
            return;
        for (auto& hit : find_all_patient_data(text, policy))
            found.push_back(PatientDataFound{field, text, std::move(hit)});
        // The platform takes complaints from practices: someone a complaint
        // is made for is a patient, and naming them is patient data.
        if (field.name == "on_behalf_of" && !text.empty())
            found.push_back(PatientDataFound{
                field, text, {0, text.size(), "the person a complaint is made for"}});
    });
    return found;
}

} // namespace

bool CleanTexts::contains(const TextField& field, std::string_view text) const {
    return m_keys.contains(clean_key(field, text));
}

void CleanTexts::add(const TextField& field, std::string_view text) {
    m_keys.insert(clean_key(field, text));
}

CleanTexts clean_texts(const Case& c, const Policy& policy) {
    CleanTexts clean;
    if (!policy.patient_data_guard)
        return clean;
    std::set<std::string> refused; // fields, with their texts, holding a refused span
    for (const auto& found : found_in(c, policy, nullptr))
        if (found.span.refused)
            refused.insert(clean_key(found.field, found.text));
    for_each_text(c, [&](const TextField& field, const std::string& text) {
        if (!refused.contains(clean_key(field, text)))
            clean.add(field, text);
    });
    return clean;
}

std::vector<PatientDataFound> find_all_patient_data(const Case& c, const Policy& policy) {
    return found_in(c, policy, nullptr);
}

std::optional<PatientDataFound> find_patient_data(const Case& c, const Policy& policy) {
    for (auto& found : find_all_patient_data(c, policy))
        if (found.span.refused)
            return std::move(found);
    return std::nullopt;
}

std::string describe(const PatientDataFound& found) {
    const std::string_view text = found.text;
    const auto& span = found.span;
    if (found.field.name == "on_behalf_of")
        return fmt::format("the case is made on behalf of '{}': the platform takes complaints from "
                           "practices, not for patients ({{on_behalf_of}}), and its policy forbids "
                           "patient details in its records",
                           text);
    const std::size_t first = display_width(text.substr(0, span.offset)) + 1;
    const std::size_t last = first + display_width(text.substr(span.offset, span.length)) - 1;
    if (!span.refused)
        return fmt::format("the {} holds {} ('{}', characters {}-{}): kept, since it may be a "
                           "phone number or a reference; if it is an NHS number, remove it",
                           found.field.name, span.what, text.substr(span.offset, span.length),
                           first, last);
    return fmt::format("the {} contains {} ('{}', characters {}-{}): the platform's policy forbids "
                       "patient details in its records; refer to the patient another way",
                       found.field.name, span.what, text.substr(span.offset, span.length), first,
                       last);
}

void guard_patient_data(const Case& c, const Policy& policy, const CleanTexts* clean) {
    // A text `clean` holds had no refused span, so the first refused span
    // left is the first of the whole case: the same refusal either way.
    for (const auto& found : found_in(c, policy, clean))
        if (found.span.refused)
            throw Error(ErrorKind::refused, describe(found));
}

std::vector<std::string> patient_data_warnings(const Case& c, const Policy& policy) {
    std::vector<std::string> warnings;
    for (const auto& found : find_all_patient_data(c, policy))
        if (!found.span.refused)
            warnings.push_back(describe(found));
    return warnings;
}

} // namespace complaints
