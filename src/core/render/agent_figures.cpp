// SPDX-License-Identifier: Apache-2.0
#include "agent_figures.hpp"

#include "complaints/workflow/clocks.hpp"
#include "complaints/workflow/later_entries.hpp"

#include <algorithm>

namespace complaints {

namespace {

// By name, the complaints nobody has (agent empty) last.
bool before(const std::string& a, const std::string& b) {
    return !a.empty() && (b.empty() || a < b);
}

void add_to(std::vector<AgentFigures>& figures, const AgentFigures& more) {
    auto at = std::lower_bound(
        figures.begin(), figures.end(), more.agent,
        [](const AgentFigures& f, const std::string& name) { return before(f.agent, name); });
    if (at == figures.end() || at->agent != more.agent)
        at = figures.insert(at, AgentFigures{more.agent});
    at->assigned += more.assigned;
    at->assigned_in_time += more.assigned_in_time;
    at->resolved += more.resolved;
    at->resolved_in_time += more.resolved_in_time;
    at->open_at_end += more.open_at_end;
}

// Whether the step the clock waits for happened in [start, end), and whether
// by its deadline.
struct StepIn {
    bool happened = false;
    bool in_time = false;
};
StepIn step_in(const Clock& clock, date::sys_seconds start, date::sys_seconds end) {
    if (!clock.done || clock.done->utc < start || clock.done->utc >= end)
        return {};
    return {true, clock.state == ClockState::met};
}

// Who held the case at `end`, as it stood then: the agent the last
// assignment before `end` names. An assignment from files older than the
// event's `agent` names nobody itself; the case's agent stands in for it.
std::string agent_at(const Case& c, date::sys_seconds end) {
    const Event* held = nullptr;
    for (const auto& event : c.events)
        if (event.type == EventType::assigned && event.at.utc < end && !is_void(c, event))
            held = &event;
    if (!held)
        return {};
    return held->agent.empty() ? c.agent : held->agent;
}

} // namespace

void count_agent(std::vector<AgentFigures>& figures, const Case& c, const AtEnd& then,
                 const ReportContext& context, date::sys_seconds start, date::sys_seconds end) {
    const ClockRule* assignment = clock_met_by(context.policy, EventType::assigned);
    const ClockRule* resolution = clock_met_by(context.policy, EventType::resolved);
    if (!assignment || c.received.utc >= end)
        return;
    const auto& clocks = then.clocks;
    // Only a formal complaint is assigned (it alone runs the clock).
    if (std::none_of(clocks.begin(), clocks.end(),
                     [&](const Clock& clock) { return clock.rule == assignment->name; }))
        return;
    const Event* assigned = first_event(c, EventType::assigned);
    const bool was_assigned = assigned && assigned->at.utc < end;
    const std::string agent = was_assigned ? agent_at(c, end) : std::string();
    // An assignment recorded without the agent's name (files from before
    // `assign --to`) counts for nobody: it is neither an agent's nor unassigned.
    if (was_assigned && agent.empty())
        return;
    const bool has_agent = was_assigned;
    AgentFigures mine{agent};
    for (const auto& clock : clocks) {
        const StepIn step = step_in(clock, start, end);
        if (clock.rule == assignment->name) {
            mine.assigned += step.happened;
            mine.assigned_in_time += step.in_time;
        } else if (resolution && clock.rule == resolution->name) {
            mine.resolved += step.happened;
            mine.resolved_in_time += step.in_time;
        }
    }
    mine.open_at_end += !then.ending;
    // Nobody's complaints count when they say something: open, or resolved
    // in the period without an agent.
    if (has_agent || mine.open_at_end > 0 || mine.resolved > 0)
        add_to(figures, mine);
}

} // namespace complaints
