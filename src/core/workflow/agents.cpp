// SPDX-License-Identifier: Apache-2.0
#include "complaints/workflow/agents.hpp"

#include "complaints/base/error.hpp"
#include "complaints/base/name_hint.hpp"
#include "complaints/base/strings.hpp"
#include "complaints/base/text.hpp"
#include "complaints/time/timestamp.hpp"
#include "complaints/workflow/workflow.hpp"

#include <fmt/format.h>

#include <algorithm>

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

namespace complaints {

std::vector<std::string> roster_in_force(const std::vector<std::string>& names,
                                         const std::vector<AgentLeft>& left) {
    for (const auto& name : names)
        if (std::none_of(left.begin(), left.end(),
                         [&](const AgentLeft& gone) { return gone.name == name; }))
            return names;
    return {};
}

const AgentLeft* left_by(std::string_view name, const std::vector<AgentLeft>& left,
                         date::year_month_day day) {
    for (const auto& gone : left)
        if (folded(gone.name) == folded(name) && gone.on <= day)
            return &gone;
    return nullptr;
}

void require_present(const std::string& agent, const std::vector<AgentLeft>& left,
                     date::year_month_day day) {
    if (const AgentLeft* gone = left_by(agent, left, day))
        throw Error(ErrorKind::refused, fmt::format("cannot give {} new work", gone->name),
                    {{ProblemCode::agent_left,
                      fmt::format("{{to}}: {} left on {}; name someone on the roster", gone->name,
                                  format_date(gone->on)),
                      gone->name}});
}

bool holds_work(const Case& c, const Policy& policy) {
    if (c.kind != Kind::complaint || c.exclusion || c.agent.empty())
        return false;
    return c.status == Status::open || !open_referrals(c, policy).empty();
}

std::optional<Problem> held_by_leaver(const Case& c, const Policy& policy,
                                      const std::vector<AgentLeft>& left,
                                      date::year_month_day day) {
    const AgentLeft* gone = left_by(c.agent, left, day);
    if (!gone || !holds_work(c, policy))
        return std::nullopt;
    return Problem{ProblemCode::agent_left,
                   fmt::format("held by {}, who left on {}", gone->name, format_date(gone->on)),
                   gone->name};
}

} // namespace complaints
