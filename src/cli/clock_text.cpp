// SPDX-License-Identifier: Apache-2.0
#include "clock_text.hpp"

#include "complaints/workflow/answer_date.hpp"

namespace complaints::cli {

Timestamp last_moment(const Deadline& due, const date::time_zone& zone) {
    return in_zone(due.at - std::chrono::seconds(due.whole_day ? 1 : 0), zone);
}

std::vector<Clock> clocks_of(const Case& c, const Store& store, date::sys_seconds now) {
    return case_clocks(c, ClockContext{store.config().policy, store.calendar(), store.zone(), now});
}

std::optional<Clock> answering_clock_of(const Case& c, const Store& store, date::sys_seconds now) {
    std::optional<Clock> found; // a further response's, after a reopening, comes last
    for (auto& clock : clocks_of(c, store, now))
        if (clock.answers_complainant)
            found = clock;
    return found;
}

std::string timeliness(const Case& c, const Clock& clock) {
    const std::string period = format_date(clock.policy_due.day);
    const AnswerDate stood_on = answer_date_of(c, clock);
    const std::string agreed = stood_on == AnswerDate::agreed
                                   ? ", the date agreed with the complainant"
                               : stood_on == AnswerDate::set ? ", the period the organisation set"
                                                             : "";
    switch (answer_timing(c, clock)) {
    case AnswerTiming::on_time:
        return fmt::format("on time (due {}{})", period, agreed);
    case AnswerTiming::late_agreed:
        return fmt::format("late: due {}{}", period, agreed);
    case AnswerTiming::late_unexplained:
        return fmt::format("late: due {}{}, no explanation of delay sent in time", period, agreed);
    case AnswerTiming::late_no_new_date:
        return fmt::format("late: due {}{}; the explanation of delay sent in time gave no later "
                           "date",
                           period, agreed);
    case AnswerTiming::by_new_date:
        return fmt::format("after the policy's date ({}) but by the new date the explanation of "
                           "delay gave ({}): the policy is met",
                           period, format_date(clock.due.day));
    case AnswerTiming::after_new_date:
        break;
    }
    return fmt::format("late: due {}, and after the new date the explanation of delay gave ({})",
                       period, format_date(clock.due.day));
}

std::string due_text(const Clock& clock, const date::time_zone& zone) {
    if (clock.due.whole_day)
        return format_date(clock.due.day);
    const std::string stamp = format_timestamp(last_moment(clock.due, zone));
    return stamp.substr(0, 10) + " " + stamp.substr(11, 5);
}

std::string standing_text(const Clock& clock, const date::time_zone& zone) {
    switch (clock.state) {
    case ClockState::met:
        return "met " + format_date(local_date(clock.done->utc, zone));
    case ClockState::met_late:
        return "met late " + format_date(local_date(clock.done->utc, zone));
    case ClockState::stopped:
        return "stopped: case closed";
    case ClockState::overdue:
    case ClockState::running:
        return time_left_text(clock.due, clock.state == ClockState::overdue,
                              clock.working_days_left, clock.hours_left);
    }
    return "";
}

std::string time_left_text(const Deadline& due, bool overdue, int working_days_left,
                           long hours_left) {
    if (!due.whole_day) {
        // Whole hours, rounded down: 59 minutes past is "overdue", 59 to go
        // is "under an hour".
        if (overdue)
            return -hours_left > 0 ? "overdue by " + plural(-hours_left, "hour") : "overdue";
        return hours_left > 0 ? plural(hours_left, "hour") + " left" : "under an hour left";
    }
    if (overdue)
        return working_days_left < 0 ? "overdue by " + plural(-working_days_left, "working day")
                                     : "overdue";
    return working_days_left == 0 ? "due today"
                                  : plural(working_days_left, "working day") + " left";
}

std::string off_day_text(const OffDayDeadline& off_day) {
    const std::string act_by = date::format("%a %F", date::sys_days{off_day.act_by});
    if (off_day.no_working_day_before)
        return fmt::format("falls on {}, with no working day before it since receipt: only "
                           "whoever is on call can meet it; act on {}",
                           off_day.why, act_by);
    return fmt::format("falls on {}: nobody may be in; act by {}", off_day.why, act_by);
}

std::string clock_hours_text(const Clock& clock, const Policy& policy) {
    const ClockRule* rule = find_clock(policy, clock.policy_rule);
    if (clock.due.whole_day || !rule || !rule->span)
        return "";
    // A new date an explanation of delay set is not the policy's span.
    if (clock.extended)
        return "clock hours, weekends and bank holidays included";
    const std::string from =
        rule->runs_from ? std::string(name_of(*rule->runs_from)) : std::string("receipt");
    return fmt::format("{} clock hours after {}, weekends and bank holidays included",
                       rule->span->amount, from);
}

} // namespace complaints::cli
