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
    std::string what;       // "an NHS number", "text matching pattern '...'"
};

// The first span of `text` the policy forbids, if any.
std::optional<PatientData> find_patient_data(std::string_view text, const Policy& policy);

// Calls visit(field, text) for every text a person typed into the case.
void for_each_text(const Case& c, const std::function<void(const std::string&, const std::string&)>& visit);

// Throws `refused` naming the field and the span when the policy's guard is
// on and the case holds patient data.
void guard_patient_data(const Case& c, const Policy& policy);

} // namespace complaints
