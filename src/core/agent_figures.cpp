#include "agent_figures.hpp"

#include "complaints/clocks.hpp"

#include <algorithm>

namespace complaints {

namespace {

AgentFigures& figures_of(std::vector<AgentFigures>& figures, const std::string& agent) {
    const auto at = std::lower_bound(
        figures.begin(), figures.end(), agent,
        [](const AgentFigures& f, const std::string& name) { return f.agent < name; });
    if (at != figures.end() && at->agent == agent)
        return *at;
    return *figures.insert(at, AgentFigures{agent});
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

bool ended_before(const Case& c, EventType type, date::sys_seconds end) {
    const Event* event = last_event(c, type);
    return event && event->at.utc < end;
}

} // namespace

void count_agent(std::vector<AgentFigures>& figures, const Case& c, const ReportContext& context,
                 date::sys_seconds start, date::sys_seconds end) {
    const ClockRule* assignment = clock_met_by(context.policy, EventType::assigned);
    const ClockRule* resolution = clock_met_by(context.policy, EventType::resolved);
    const Event* assigned = first_event(c, EventType::assigned);
    if (!assignment || !assigned || assigned->at.utc >= end || c.agent.empty())
        return;
    AgentFigures& mine = figures_of(figures, c.agent);
    const auto clocks =
        case_clocks(c, ClockContext{context.policy, context.calendar, context.zone, context.now});
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
    const bool closed = c.status == Status::closed && ended_before(c, EventType::closed, end);
    const bool excluded = c.exclusion && ended_before(c, EventType::excluded, end);
    mine.open_at_end += !closed && !excluded;
}

} // namespace complaints
