// SPDX-License-Identifier: Apache-2.0
#include "complaints/ops/platform.hpp"

#include "complaints/base/name_hint.hpp"
#include "complaints/base/strings.hpp"
#include "complaints/base/text.hpp"
#include "complaints/workflow/agents.hpp"
#include "complaints/workflow/steps.hpp"
#include "complaints/workflow/workflow.hpp"

#include <fmt/format.h>

namespace complaints {

Assigned assign_agent(Case& c, const Assignment& request, const std::vector<std::string>& roster) {
    const std::string agent = agent_named(request.agent, roster);
    require_present(agent, request.left, written_date(request.event.at));
    require_formal_complaint(c, "assign a handler");
    Event event = request.event;
    event.type = EventType::assigned;
    event.text = "Assigned to " + agent + ", the main point of contact";
    event.agent = agent;
    const bool first = !first_event(c, EventType::assigned);
    c.agent = agent;
    add_event(c, event);
    return {agent, first};
}

namespace {

// `given` as the roster or the cases spell it; empty when neither names it.
std::string known_as(std::string_view given, const std::vector<std::string>& names) {
    for (const auto& name : names)
        if (folded(name) == folded(given))
            return name;
    return {};
}

} // namespace

Handover handover_names(std::string_view from, std::string_view to,
                        const std::vector<std::string>& roster, const std::vector<AgentLeft>& left,
                        const std::vector<std::string>& holders, date::year_month_day day) {
    Handover names;
    const std::string given = util::trim(from);
    if (given.empty())
        field_error(ProblemCode::field_missing, "{from}: the name of the agent handing over is "
                                                "blank");
    names.from = known_as(given, roster.empty() ? holders : roster);
    if (names.from.empty() && !roster.empty())
        field_error(ProblemCode::value_invalid,
                    fmt::format("{{from}}: '{}' is not on the agents roster in complaints.yaml{}; "
                                "it lists: {}",
                                given, did_you_mean_name(given, roster), util::join(roster, ", ")));
    if (names.from.empty())
        throw Error(ErrorKind::not_found, fmt::format("no case names '{}' as its agent{}", given,
                                                      did_you_mean_name(given, holders)));
    names.to = agent_named(to, roster_in_force(roster, left));
    if (folded(names.to) == folded(names.from))
        field_error(ProblemCode::fields_conflict,
                    fmt::format("{{from}} and {{to}} name the same agent, {}", names.to));
    require_present(names.to, left, day);
    return names;
}

bool hand_over(Case& c, const Handover& request, const Policy& policy) {
    if (folded(c.agent) != folded(request.from) || !holds_work(c, policy))
        return false;
    Event event = request.event;
    event.type = EventType::assigned;
    event.text = fmt::format("Handed over to {} from {}, now the main point of contact", request.to,
                             c.agent);
    event.agent = request.to;
    c.agent = request.to;
    add_event(c, event);
    return true;
}

std::string mark_left(std::vector<std::string>& roster, std::vector<AgentLeft>& left,
                      std::string_view given, date::year_month_day on) {
    std::string name = util::trim(given);
    if (name.empty())
        field_error(ProblemCode::field_missing, "{leaver}: the agent's name is blank");
    if (!roster.empty()) {
        name = known_as(name, roster);
        if (name.empty())
            field_error(ProblemCode::value_invalid,
                        fmt::format("{{leaver}}: '{}' is not on the agents roster in "
                                    "complaints.yaml{}; it lists: {}",
                                    util::trim(given), did_you_mean_name(util::trim(given), roster),
                                    util::join(roster, ", ")));
    } else {
        roster.push_back(name);
    }
    for (const auto& gone : left)
        if (gone.name == name)
            throw Error(ErrorKind::refused, fmt::format("cannot mark {} as left", name),
                        {{ProblemCode::already_done,
                          fmt::format("{} left on {}, as complaints.yaml already says", name,
                                      format_date(gone.on)),
                          name}});
    left.push_back({name, on});
    return name;
}

Event resolve_case(Case& c, const Resolution& request, const Policy& policy,
                   const KeepResolutionLetter& keep_letter) {
    require_formal_complaint(c, "record a resolution");
    Event resolution = request.event;
    resolution.type = EventType::resolved;
    resolution.text = request.text;
    if (!request.correction || !request.skip_step.empty())
        check_step(c, policy, EventType::resolved, resolution, request.skip_step);
    // Decided before the letter is kept: a refused change keeps none.
    Event& resolved = record_resolution(c, resolution, request.correction);
    resolved.letter = keep_letter(c, resolved);
    return resolved;
}

} // namespace complaints
