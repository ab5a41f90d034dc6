// SPDX-License-Identifier: Apache-2.0
#include "complaints/workflow/clocks.hpp"

#include <algorithm>

namespace complaints {

namespace {

// Receipt, or the start a manager set when converting a concern.
Timestamp clock_start(const Case& c, const date::time_zone& zone) {
    if (!c.clock_from)
        return c.received;
    const date::local_seconds midnight{date::sys_days{*c.clock_from}.time_since_epoch()};
    return in_zone(date::floor<std::chrono::seconds>(zone.to_sys(midnight, date::choose::earliest)),
                   zone);
}

Deadline day_before(const Deadline& due, const date::time_zone& zone) {
    const date::year_month_day day{date::sys_days{due.day} - date::days{1}};
    return Deadline{day, end_of_local_day(day, zone), true};
}

// "Commencing on the day": the start day is the first counted, so the
// period ends the day before the same date a span on; where that month has
// no such date (31 August, six months on), on the month's last day, as
// months clamp. Working days and hours already leave the start out.
Deadline counting_start_day(const Timestamp& starts, const Duration& span, const Deadline& due,
                            const date::time_zone& zone) {
    if (span.unit == DurationUnit::working_days || span.unit == DurationUnit::hours)
        return due;
    if (span.unit == DurationUnit::months && local_date(starts.utc, zone).day() > due.day.day())
        return due;
    return day_before(due, zone);
}

bool before_deadline(const Timestamp& at, const Deadline& due) {
    return at.utc < due.at;
}

int working_days_left(const Deadline& due, const ClockContext& context) {
    const date::sys_days today{local_date(context.now, context.zone)};
    const date::sys_days due_day{due.day};
    return due_day >= today ? context.calendar.between(today, due_day)
                            : -context.calendar.between(due_day, today);
}

// An explanation of delay (or an agreed period) moves the date: to the one
// it names, or else a fresh span from the day it was sent. A rule that only
// lengthens keeps its own date when the new one comes first.
// An extension to the policy's limit (`extends_within_limit`) moves it to
// that span from the clock's start: 10 working days in all, not 10 more.
void extend(Clock& clock, const ClockRule& rule, const Event& event, const ClockContext& context) {
    const bool to_limit =
        event_info(event.type).role == EventRole::extends_within_limit && rule.extension_limit;
    const Deadline moved =
        event.due ? Deadline{*event.due, end_of_local_day(*event.due, context.zone), true}
        : to_limit
            ? deadline_after(clock.starts, *rule.extension_limit, context.calendar, context.zone)
            : deadline_after(event.at, *rule.span, context.calendar, context.zone);
    if (rule.extension_only_later && moved.at <= clock.due.at)
        return;
    clock.due = moved;
    if (event_info(event.type).role == EventRole::sets_answer_date) {
        // Regulation 14(4)'s "or such longer period as may be agreed": the
        // agreed date is the one the answer is measured against, earlier
        // or later than the policy's.
        clock.agreed = true;
        clock.policy_due = moved;
    } else {
        clock.extended = true;
    }
}

// Each explanation (or agreed period) in turn, sent while the date it moves
// still stood: one written after that date has passed is already late, and
// moves nothing ("or, where this is not possible, an explanation" in time).
// A clock that runs from a fact (a later stage's start) takes only what
// happened from then on: an earlier stage's explanation moves nothing.
void extend_in_time(Clock& clock, const ClockRule& rule, const Case& c, bool own_steps_only,
                    const ClockContext& context) {
    for (const auto& event : c.events)
        if (extends(rule, event.type) && !is_void(c, event) && event.at.utc < clock.due.at &&
            (!own_steps_only || event.at.utc >= clock.starts.utc))
            extend(clock, rule, event, context);
}

// The first event of any of the types that is not void, in time order, at
// or after `from`: a later stage is met by its own steps, not an earlier
// stage's answer.
const Event* first_of(const Case& c, const std::vector<EventType>& types,
                      std::optional<date::sys_seconds> from = std::nullopt) {
    for (const auto& event : c.events)
        if (std::find(types.begin(), types.end(), event.type) != types.end() &&
            !is_void(c, event) && (!from || event.at.utc >= *from))
            return &event;
    return nullptr;
}

bool starts_stage(EventType type) {
    return event_info(type).role == EventRole::starts_next_stage;
}

// The clock that answers the complainant on this case: the policy's, until
// a later stage starts and the answering clock that runs from it takes over.
const ClockRule* answering_rule(const Case& c, const Policy& policy) {
    const ClockRule* answering = answering_clock(policy);
    for (const auto& rule : policy.clocks)
        if (rule.answers_complainant && rule.span && rule.runs_from &&
            starts_stage(*rule.runs_from) && first_event(c, *rule.runs_from))
            answering = &rule;
    return answering;
}

// A complaint that started at a later stage on the day it came in never
// ran the first: the clocks from receipt are not its.
bool skipped_stage(const Case& c, const ClockRule& rule, const ClockContext& context) {
    const Event* start = stage_start(c);
    return !rule.runs_from && start &&
           local_date(start->at.utc, context.zone) <= local_date(c.received.utc, context.zone);
}

ClockState state_of(const Clock& clock, const Case& c, const ClockContext& context) {
    if (clock.done)
        return before_deadline(*clock.done, clock.due) ? ClockState::met : ClockState::met_late;
    if (c.status == Status::closed)
        return ClockState::stopped;
    return context.now < clock.due.at ? ClockState::running : ClockState::overdue;
}

// The clock `rule` runs on the case from `starts`. One that runs from a
// later fact (`own_steps_only`) is met and moved only by what happened from
// then on.
Clock run_clock(const Case& c, const ClockRule& rule, const Timestamp& starts, bool own_steps_only,
                const ClockContext& context) {
    Clock clock;
    clock.rule = rule.name;
    clock.policy_rule = rule.name;
    clock.starts = starts;
    clock.due = deadline_after(clock.starts, *rule.span, context.calendar, context.zone);
    if (rule.counts_start_day)
        clock.due = counting_start_day(clock.starts, *rule.span, clock.due, context.zone);
    clock.policy_due = clock.due;
    if (rule.earliest)
        clock.earliest =
            deadline_after(clock.starts, *rule.earliest, context.calendar, context.zone);
    if (rule.extended_by)
        extend_in_time(clock, rule, c, own_steps_only, context);
    if (const Event* done = first_of(
            c, rule.met_by, own_steps_only ? std::optional(clock.starts.utc) : std::nullopt))
        clock.done = done->at;
    clock.state = state_of(clock, c, context);
    clock.working_days_left = working_days_left(clock.due, context);
    clock.hours_left = date::floor<std::chrono::hours>(clock.due.at - context.now).count();
    return clock;
}

} // namespace

const Event* further_reopening(const Case& c) {
    const Event* reopening = nullptr;
    bool answered = false;
    for (const auto& event : c.events) {
        if (is_void(c, event) || !in_current_stage(c, event))
            continue;
        if (event_info(event.type).role == EventRole::answers)
            answered = true;
        else if (event.type == EventType::reopened && answered)
            reopening = &event;
    }
    return reopening;
}

const Event* round_answer(const Case& c) {
    const Event* reopening = further_reopening(c);
    if (!reopening)
        return first_answer(c);
    for (const auto& event : c.events)
        if (event_info(event.type).role == EventRole::answers && !is_void(c, event) &&
            event.at.utc >= reopening->at.utc && &event != reopening)
            return &event;
    return nullptr;
}

std::vector<Clock> case_clocks(const Case& c, const ClockContext& context) {
    std::vector<Clock> clocks;
    if (c.kind != Kind::complaint || c.exclusion)
        return clocks;
    const ClockRule* answering = answering_rule(c, context.policy);
    for (const auto& rule : context.policy.clocks) {
        if (!rule.span || (rule.since && local_date(c.received.utc, context.zone) < *rule.since) ||
            skipped_stage(c, rule, context))
            continue;
        const Event* start = rule.runs_from ? first_event(c, *rule.runs_from) : nullptr;
        if (rule.runs_from && !start)
            continue;
        Clock clock = run_clock(c, rule, start ? start->at : clock_start(c, context.zone),
                                rule.runs_from.has_value(), context);
        clock.answers_complainant = &rule == answering;
        clocks.push_back(clock);
    }
    // A reopening after the answer owes the complainant a further one, due
    // the answering rule's span after it; a report of an earlier day has
    // none yet.
    const Event* reopening = further_reopening(c);
    if (answering && answering->span && reopening && reopening->at.utc <= context.now &&
        !(answering->since && local_date(c.received.utc, context.zone) < *answering->since) &&
        !skipped_stage(c, *answering, context)) {
        Clock further = run_clock(c, *answering, reopening->at, true, context);
        further.rule = "further-response";
        further.answers_complainant = true;
        clocks.push_back(further);
    }
    return clocks;
}

AnswerTiming answer_timing(const Case& c, const Clock& clock) {
    if (clock.done->utc < clock.policy_due.at)
        return AnswerTiming::on_time;
    if (clock.agreed && !clock.extended)
        return AnswerTiming::late_agreed;
    const Event* delay = first_of(c, {EventType::delay_explained}, clock.starts.utc);
    if (!delay || delay->at.utc >= clock.policy_due.at)
        return AnswerTiming::late_unexplained;
    if (!clock.extended)
        return AnswerTiming::late_no_new_date;
    return clock.state == ClockState::met ? AnswerTiming::by_new_date
                                          : AnswerTiming::after_new_date;
}

std::optional<Clock> clock_met_by(const Case& c, const ClockContext& context, EventType type) {
    // The answer of the stage the case is at first, when `type` meets it.
    const ClockRule* answering = answering_rule(c, context.policy);
    const ClockRule* rule = answering && answering->span &&
                                    std::find(answering->met_by.begin(), answering->met_by.end(),
                                              type) != answering->met_by.end()
                                ? answering
                                : clock_met_by(context.policy, type);
    if (!rule)
        return std::nullopt;
    // A further response's clock, when the case owes one, comes last.
    std::optional<Clock> found;
    for (auto& clock : case_clocks(c, context))
        if (clock.policy_rule == rule->name)
            found = clock;
    return found;
}

std::optional<OffDayDeadline> off_day_deadline(const Clock& clock, const WorkingCalendar& calendar,
                                               const date::time_zone& zone) {
    const Deadline& due = clock.due;
    const date::sys_days day{due.day};
    if (calendar.is_working_day(day))
        return std::nullopt;
    const std::string why = day_off_name(calendar, due.day);
    const date::sys_days before = calendar.previous_working_day(day);
    const date::sys_days started{local_date(clock.starts.utc, zone)};
    if (before < started)
        return OffDayDeadline{due.day, why, date::year_month_day{started}, true};
    return OffDayDeadline{due.day, why, date::year_month_day{before}};
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

namespace {

LateEntry late_entry(const Timestamp& recorded, date::year_month_day due,
                     const WorkingCalendar& calendar, const date::time_zone& zone) {
    const auto entered = local_date(recorded.utc, zone);
    return LateEntry{entered, calendar.between(date::sys_days{due}, date::sys_days{entered})};
}

} // namespace

std::optional<LateEntry> entered_late(const Event& event, const Clock& clock,
                                      const WorkingCalendar& calendar,
                                      const date::time_zone& zone) {
    if (!event.recorded || clock.state != ClockState::met || !clock.done ||
        *clock.done != event.at || event.recorded->utc < clock.due.at)
        return std::nullopt;
    return late_entry(*event.recorded, clock.due.day, calendar, zone);
}

std::optional<LateEntry> explained_late_on_paper(const Event& event, const Clock& clock,
                                                 const WorkingCalendar& calendar,
                                                 const date::time_zone& zone) {
    if (event.type != EventType::delay_explained || !event.recorded ||
        event.at.utc >= clock.policy_due.at || event.recorded->utc < clock.policy_due.at)
        return std::nullopt;
    return late_entry(*event.recorded, clock.policy_due.day, calendar, zone);
}

} // namespace complaints
