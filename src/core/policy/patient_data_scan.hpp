// SPDX-License-Identifier: Apache-2.0
#pragma once
// The built-in detectors of the patient-data guard: NHS numbers, dates of
// birth, UK postcodes and labelled hospital numbers. Hand-written scanners
// over a folded copy of the text rather than std::regex, since the guard
// runs over every field on every write and in `check`.
#include "complaints/policy/patient_data.hpp"

#include <string_view>
#include <vector>

namespace complaints::detail {

// Every span of `text` the built-in detectors find, by offset, overlapping
// ones left out.
std::vector<PatientData> scan_patient_data(std::string_view text);

} // namespace complaints::detail
