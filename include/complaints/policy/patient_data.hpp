// SPDX-License-Identifier: Apache-2.0
#pragma once
// The platform's rule that no patient details go into its records: NHS
// numbers (with a valid modulus-11 check digit, however grouped), dates of
// birth, UK postcodes, hospital and patient numbers after their label, a
// patient named as the one a complaint is made for, and any extra patterns
// the repository names are refused on every write and reported by `check`.
// A number shaped like an NHS number whose check digit is wrong is only a
// warning. What it cannot catch (a patient's name in free text) is in
// docs/policy.md.
#include "complaints/model/model.hpp"
#include "complaints/policy/policy.hpp"

#include <functional>
#include <optional>
#include <string>
#include <string_view>
#include <unordered_set>
#include <vector>

namespace complaints {

// Ten digits whose last is the modulus-11 check digit of the first nine.
bool valid_nhs_number(std::string_view ten_digits);

struct PatientData {
    std::size_t offset = 0; // in bytes
    std::size_t length = 0;
    std::string what;    // "an NHS number", "text matching pattern '...'"
    bool refused = true; // false: a warning (see above)
};

// The first span of `text` the policy forbids, if any.
std::optional<PatientData> find_patient_data(std::string_view text, const Policy& policy);
// Every span the policy forbids or warns about, by offset, none overlapping.
std::vector<PatientData> find_all_patient_data(std::string_view text, const Policy& policy);

// Why a pattern of patient_data_patterns cannot be used, if it cannot. A
// pattern is in RE2's syntax (github.com/google/re2/wiki/Syntax), which
// runs in linear time and so has no back-references; "(?i)" makes it
// ignore case.
std::optional<std::string> bad_patient_data_pattern(std::string_view pattern);

// Where a text sits: "summary", "point 2 conclusion", "event 3 (note) text",
// and the top-level key of the file it is under (for `check`'s line).
struct TextField {
    std::string name;
    std::string top_key;
};

// Calls visit(field, text) for every text a person typed into the case,
// as fields::describe lists them, unknown keys included.
void for_each_text(const Case& c,
                   const std::function<void(const TextField&, const std::string&)>& visit);

struct PatientDataFound {
    TextField field;
    std::string text;
    PatientData span;
};

// The first text of the case the policy forbids, if the guard is on.
std::optional<PatientDataFound> find_patient_data(const Case& c, const Policy& policy);
// Every span in every text of the case the policy forbids or warns about,
// in file order.
std::vector<PatientDataFound> find_all_patient_data(const Case& c, const Policy& policy);

// "the summary contains an NHS number ('943 476 5919', characters 14-25): ...",
// or for a warning "the summary holds ... shaped like an NHS number ...".
std::string describe(const PatientDataFound& found);

// The texts of a case the guard passed, each with its field. A write scans
// the case before it takes the repository's lock, so that under the lock
// only what the command changed is scanned (guard_patient_data): a long
// case never holds up the other writers while it is read through.
class CleanTexts {
  public:
    bool contains(const TextField& field, std::string_view text) const;
    void add(const TextField& field, std::string_view text);

  private:
    std::unordered_set<std::string> m_keys; // the field's name, a NUL, the text
};
CleanTexts clean_texts(const Case& c, const Policy& policy);

// Throws `refused` naming the field and the span when the policy's guard is
// on and the case holds patient data. Texts `clean` holds in the same field
// passed already and are not scanned again.
void guard_patient_data(const Case& c, const Policy& policy, const CleanTexts* clean = nullptr);

// What the guard lets through but a person should look at (see describe),
// for the command that wrote the case to say.
std::vector<std::string> patient_data_warnings(const Case& c, const Policy& policy);

} // namespace complaints
