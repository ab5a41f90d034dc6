#include "clock_text.hpp"

namespace complaints::cli {

namespace {

// Hours as people say them: "5 hours", or "3 days" past two days.
std::string span_of_hours(long hours) {
    return hours >= 48 ? plural(hours / 24, "day") : plural(hours, "hour");
}

} // namespace

Timestamp last_moment(const Clock& clock, const date::time_zone& zone) {
    return in_zone(clock.due.at - std::chrono::seconds(clock.due.whole_day ? 1 : 0), zone);
}

std::vector<Clock> clocks_of(const Case& c, const Store& store, date::sys_seconds now) {
    return case_clocks(c, ClockContext{store.config().policy, store.calendar(), store.zone(), now});
}

std::optional<Clock> answering_clock_of(const Case& c, const Store& store, date::sys_seconds now) {
    for (auto& clock : clocks_of(c, store, now))
        if (clock.answers_complainant)
            return clock;
    return std::nullopt;
}

std::string timeliness(const Case& c, const Clock& clock) {
    const std::string period = format_date(clock.policy_due.day);
    if (clock.done->utc < clock.policy_due.at)
        return fmt::format("on time (due {})", period);
    const Event* delay = first_event(c, EventType::delay_explained);
    if (!delay || delay->at.utc >= clock.policy_due.at)
        return fmt::format("late: due {}, no explanation of delay sent in time", period);
    if (clock.state == ClockState::met)
        return fmt::format("after the policy's date ({}) but by the new date the explanation of "
                           "delay gave ({}): the policy is met",
                           period, format_date(clock.due.day));
    return fmt::format("late: due {}, and after the new date the explanation of delay gave ({})",
                       period, format_date(clock.due.day));
}

std::string due_text(const Clock& clock, const date::time_zone& zone) {
    if (clock.due.whole_day)
        return format_date(clock.due.day);
    const std::string stamp = format_timestamp(last_moment(clock, zone));
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
        if (!clock.due.whole_day)
            return "overdue by " + span_of_hours(-clock.hours_left);
        return clock.working_days_left < 0
                   ? "overdue by " + plural(-clock.working_days_left, "working day")
                   : "overdue";
    case ClockState::running:
        if (!clock.due.whole_day)
            return span_of_hours(clock.hours_left) + " left";
        return clock.working_days_left == 0
                   ? "due today"
                   : plural(clock.working_days_left, "working day") + " left";
    }
    return "";
}

} // namespace complaints::cli
