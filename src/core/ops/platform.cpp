// SPDX-License-Identifier: Apache-2.0
#include "complaints/ops/platform.hpp"

#include "complaints/workflow/agents.hpp"
#include "complaints/workflow/steps.hpp"
#include "complaints/workflow/workflow.hpp"

namespace complaints {

Assigned assign_agent(Case& c, const Assignment& request, const std::vector<std::string>& roster) {
    const std::string agent = agent_named(request.agent, roster);
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
