// SPDX-License-Identifier: Apache-2.0
#include "complaints/workflow/feedback.hpp"

#include "complaints/time/duration.hpp"
#include "complaints/time/timestamp.hpp"

#include <fmt/format.h>

namespace complaints {

bool closes_feedback(const Case& c, const Policy& policy, EventType type) {
    return policy.feedback_closes_on_acknowledgement && c.kind == Kind::feedback &&
           c.status == Status::open && type == EventType::acknowledged;
}

void close_acknowledged_feedback(Case& c, const Event& acknowledgement) {
    Event closing;
    closing.type = EventType::closed;
    closing.at = acknowledgement.at;
    closing.by = acknowledgement.by;
    closing.recorded = acknowledgement.recorded;
    closing.text = "Closed: feedback acknowledged (informal feedback is not a complaint: no "
                   "finding, nothing more owed)";
    c.status = Status::closed;
    c.outcome = Outcome::resolved;
    add_event(c, closing);
}

std::optional<Problem> feedback_prompt(const Case& c, const Policy& policy,
                                       const WorkingCalendar& calendar, const date::time_zone& zone,
                                       date::sys_seconds now) {
    if (!policy.feedback_prompt || c.kind != Kind::feedback || c.status != Status::open)
        return std::nullopt;
    const Deadline prompt = deadline_after(c.received, *policy.feedback_prompt, calendar, zone);
    const date::sys_days today{local_date(now, zone)};
    if (today < date::sys_days{prompt.day})
        return std::nullopt;
    const int open_days = calendar.between(date::sys_days{local_date(c.received.utc, zone)}, today);
    return Problem{ProblemCode::feedback_unacknowledged,
                   fmt::format("feedback open {} working day{}: acknowledge it to close it",
                               open_days, open_days == 1 ? "" : "s"),
                   c.id};
}

} // namespace complaints
