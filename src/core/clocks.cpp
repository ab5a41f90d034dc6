#include "complaints/clocks.hpp"

#include <algorithm>

namespace complaints {

namespace {

struct ClockRule {
    std::string_view name;
    std::optional<Duration> Policy::*span;
    std::string_view runs_from;   // "received" or the event type that starts it
    std::string_view done_by;     // the event type that meets it
    std::string_view extended_by; // the event type that sets a new date, if any
    std::optional<Duration> Policy::*earliest = nullptr;
};

constexpr ClockRule k_rules[] = {
    {"acknowledgement", &Policy::acknowledgement, "received", "acknowledged", ""},
    {"assignment", &Policy::assignment, "received", "assigned", ""},
    {"investigation", &Policy::investigation, "assigned", "investigation-complete", "",
     &Policy::investigation_earliest},
    {"response", &Policy::response, "received", "response-sent", "delay-explained"},
    {"resolution", &Policy::resolution, "received", "resolved", ""},
};

// Receipt, or the start a manager set when converting a concern.
Timestamp clock_start(const Case& c, const date::time_zone& zone) {
    if (!c.clock_from)
        return c.received;
    const date::local_seconds midnight{date::sys_days{*c.clock_from}.time_since_epoch()};
    return in_zone(date::floor<std::chrono::seconds>(zone.to_sys(midnight, date::choose::earliest)), zone);
}

bool before_deadline(const Timestamp& at, const Deadline& due) { return at.utc < due.at; }

int working_days_left(const Deadline& due, const ClockContext& context) {
    const date::sys_days today{local_date(context.now, context.zone)};
    const date::sys_days due_day{due.day};
    return due_day >= today ? context.calendar.between(today, due_day)
                            : -context.calendar.between(due_day, today);
}

// An explanation of delay moves the date: to the one it names, or else a
// fresh span from the day it was sent.
void extend(Clock& clock, const Event& delay, const Duration& span, const ClockContext& context) {
    clock.extended = true;
    if (!delay.due) {
        clock.due = deadline_after(delay.at, span, context.calendar, context.zone);
        return;
    }
    clock.due = Deadline{*delay.due, end_of_local_day(*delay.due, context.zone), true};
}

ClockState state_of(const Clock& clock, const Case& c, const ClockContext& context) {
    if (clock.done)
        return before_deadline(*clock.done, clock.due) ? ClockState::met : ClockState::met_late;
    if (c.status == Status::closed)
        return ClockState::stopped;
    return context.now < clock.due.at ? ClockState::running : ClockState::overdue;
}

} // namespace

std::vector<Clock> case_clocks(const Case& c, const ClockContext& context) {
    std::vector<Clock> clocks;
    if (c.kind != Kind::complaint || c.exclusion)
        return clocks;
    for (const auto& rule : k_rules) {
        const auto& span = context.policy.*(rule.span);
        if (!span)
            continue;
        const Event* start = rule.runs_from == "received" ? nullptr : first_event(c, rule.runs_from);
        if (rule.runs_from != "received" && !start)
            continue;
        Clock clock;
        clock.rule = rule.name;
        clock.starts = start ? start->at : clock_start(c, context.zone);
        clock.due = deadline_after(clock.starts, *span, context.calendar, context.zone);
        clock.policy_due = clock.due;
        if (rule.earliest && context.policy.*(rule.earliest))
            clock.earliest = deadline_after(clock.starts, *(context.policy.*(rule.earliest)),
                                            context.calendar, context.zone);
        if (const Event* delay = rule.extended_by.empty() ? nullptr : last_event(c, rule.extended_by))
            extend(clock, *delay, *span, context);
        if (const Event* done = first_event(c, rule.done_by))
            clock.done = done->at;
        clock.state = state_of(clock, c, context);
        clock.working_days_left = working_days_left(clock.due, context);
        clock.hours_left = date::floor<std::chrono::hours>(clock.due.at - context.now).count();
        clocks.push_back(clock);
    }
    return clocks;
}

std::optional<Clock> next_clock(const std::vector<Clock>& clocks) {
    std::optional<Clock> next;
    for (const auto& clock : clocks) {
        const bool open = clock.state == ClockState::running || clock.state == ClockState::overdue;
        if (open && (!next || clock.due.at < next->due.at))
            next = clock;
    }
    return next;
}

} // namespace complaints
