#pragma once
// The platform's rule that no patient details go into its records: NHS
// numbers (with a valid modulus-11 check digit) and any extra patterns the
// repository names are refused on every write and reported by `check`.
#include "complaints/model.hpp"
#include "complaints/policy.hpp"

#include <functional>
#include <optional>
#include <string>
#include <string_view>

namespace complaints {

// Ten digits whose last is the modulus-11 check digit of the first nine.
bool valid_nhs_number(std::string_view ten_digits);

struct PatientData {
    std::size_t offset = 0; // in bytes
    std::size_t length = 0;
    std::string what; // "an NHS number", "text matching pattern '...'"
};

// The first span of `text` the policy forbids, if any.
std::optional<PatientData> find_patient_data(std::string_view text, const Policy& policy);

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

// "the summary contains an NHS number ('943 476 5919', characters 14-25): ..."
std::string describe(const PatientDataFound& found);

// Throws `refused` naming the field and the span when the policy's guard is
// on and the case holds patient data.
void guard_patient_data(const Case& c, const Policy& policy);

} // namespace complaints
