// SPDX-License-Identifier: Apache-2.0
#include "complaints/workflow/practitioners.hpp"

#include "complaints/base/error.hpp"
#include "complaints/base/name_hint.hpp"
#include "complaints/base/strings.hpp"
#include "complaints/base/text.hpp"

#include <fmt/format.h>

namespace complaints {

std::string practitioner_named(std::string_view given, const std::vector<std::string>& listed) {
    const std::string name = util::trim(given);
    if (folded(name).empty())
        field_error(ProblemCode::field_missing, "{practitioner}: give the practitioner's name");
    if (listed.empty())
        return name;
    for (const auto& known : listed)
        if (folded(known) == folded(name))
            return known;
    field_error(ProblemCode::value_invalid,
                fmt::format("{{practitioner}}: '{}' is not in the practitioners' register in "
                            "complaints.yaml{}; it lists: {}",
                            name, did_you_mean_name(name, listed), util::join(listed, ", ")));
}

} // namespace complaints
