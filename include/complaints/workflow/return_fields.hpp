// SPDX-License-Identifier: Apache-2.0
#pragma once
// The fields the NHS's annual return (KO41b) counts each complaint by: which
// codes the policy's lists take, and what a complaint still lacks.
#include "complaints/base/error.hpp"
#include "complaints/model/model.hpp"
#include "complaints/policy/policy.hpp"

#include <optional>
#include <string>
#include <vector>

namespace complaints {

// What a command sets of the return's fields; an unset member is left as it is.
struct ReturnFields {
    std::optional<std::string> age_band;
    std::optional<std::string> complainant_status;
    std::optional<std::vector<std::string>> subject_areas;
    std::optional<std::vector<std::string>> staff_groups;
    bool empty() const {
        return !age_band && !complainant_status && !subject_areas && !staff_groups;
    }
};

// A value_invalid problem for each code not in the policy's list for its
// field (named as `{age_band}`, ...), and for a field the policy keeps no
// list for.
std::vector<Problem> unknown_return_codes(const ReturnFields& fields, const Policy& policy);

// Sets the given fields on `c`, or throws a usage Error listing every code
// the policy's lists lack, changing nothing.
void set_return_fields(Case& c, const ReturnFields& fields, const Policy& policy);

// Whether the return counts `c`: a complaint (not a concern or feedback)
// that was not set outside the process.
bool counted_by_return(const Case& c);

// A return_fields_missing problem for each field the return counts that `c`
// lacks, where the policy requires them (none otherwise, or for a case the
// return does not count).
std::vector<Problem> missing_return_fields(const Case& c, const Policy& policy);

} // namespace complaints
