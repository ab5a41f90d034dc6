// SPDX-License-Identifier: Apache-2.0
#include "complaints/workflow/agents.hpp"

#include "complaints/base/error.hpp"
#include "complaints/base/name_hint.hpp"
#include "complaints/base/strings.hpp"
#include "complaints/base/text.hpp"

#include <fmt/format.h>

namespace complaints {

std::string agent_named(std::string_view given, const std::vector<std::string>& roster) {
    const std::string name = util::trim(given);
    if (name.empty())
        field_error(ProblemCode::field_missing,
                    "{to}: the agent's name is blank; name the support agent who handles the "
                    "complaint (the 48-hour clock is met only by a named agent)");
    if (roster.empty())
        return name;
    for (const auto& agent : roster)
        if (folded(agent) == folded(name))
            return agent;
    field_error(ProblemCode::value_invalid,
                fmt::format("{{to}}: '{}' is not on the agents roster in complaints.yaml{}; it "
                            "lists: {}",
                            name, did_you_mean_name(name, roster), util::join(roster, ", ")));
}

} // namespace complaints
