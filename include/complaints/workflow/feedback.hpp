// SPDX-License-Identifier: Apache-2.0
#pragma once
// Informal feedback does not stay open for ever: where the policy says so
// (the platform), logging its acknowledgement closes it, and feedback still
// open after the policy's `feedback_prompt` is prompted for.
#include "complaints/base/error.hpp"
#include "complaints/model/model.hpp"
#include "complaints/policy/policy.hpp"
#include "complaints/time/calendar.hpp"

#include <optional>

namespace complaints {

// Whether logging an event of `type` on `c` closes it: open feedback's
// acknowledgement, under a policy whose feedback closes so.
bool closes_feedback(const Case& c, const Policy& policy, EventType type);

// Closes the feedback at its acknowledgement's time, by its author: status
// closed, outcome resolved (feedback has nothing to uphold; the report
// counts it apart from complaints), and a `closed` event saying why.
void close_acknowledged_feedback(Case& c, const Event& acknowledgement);

// Open feedback past the policy's prompt at `now`: "feedback open 9 working
// days: acknowledge it to close it" (ProblemCode::feedback_unacknowledged).
std::optional<Problem> feedback_prompt(const Case& c, const Policy& policy,
                                       const WorkingCalendar& calendar, const date::time_zone& zone,
                                       date::sys_seconds now);

} // namespace complaints
