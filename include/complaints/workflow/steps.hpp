// SPDX-License-Identifier: Apache-2.0
#pragma once
// The policy's order of steps for a formal complaint (platform: assign →
// share with the complainee → investigation complete → resolution → close).
// A step out of order is refused unless a manager records why it is skipped:
// a `step-skipped` event at the same instant as the step it lets through.
#include "complaints/model/model.hpp"
#include "complaints/policy/policy.hpp"

#include <optional>
#include <string>
#include <utility>
#include <vector>

namespace complaints {

// The steps before `step` (all of them when `step` is none: closing) that the
// case has not recorded by `at`. Empty when the policy has no order, or the
// case is not a formal complaint.
std::vector<EventType> steps_missing(const Case& c, const Policy& policy,
                                     std::optional<EventType> step, const Timestamp& at);

// Checks that `doing` (the step's event, or the closing when `step` is none)
// may be recorded now. A step recorded once (investigation complete) is
// refused a second time. Missing steps are refused, naming them, unless
// `skip_reason` is given: then the `step-skipped` event is added, saying
// what was skipped and why. A reason with nothing to skip is a usage error.
void check_step(Case& c, const Policy& policy, std::optional<EventType> step, const Event& doing,
                const std::string& skip_reason);

// Closing at `at` comes after the resolution: throws a usage error when the
// case's resolution is dated later.
void check_close_after_resolution(const Case& c, const Timestamp& at);

// For `check`: each event (by index) that breaks the policy's order with no
// `step-skipped` event beside it, and why.
std::vector<std::pair<std::size_t, std::string>> order_problems(const Case& c,
                                                                const Policy& policy);

// For `check`: each acknowledgement or response sent after one already was
// (not void), by index, naming both with their dates and who sent them. The
// commands refuse a second, so two are two sites that each sent one before
// a pull brought them together: the complainant got both.
std::vector<std::pair<std::size_t, std::string>> sent_twice(const Case& c);

// For `check`: an acknowledgement or response sent more than once whose
// every copy is void, by the last one's index. Two sites that each voided
// the other's copy of a duplicate leave the case unsent, though it went.
std::vector<std::pair<std::size_t, std::string>> every_copy_void(const Case& c);

} // namespace complaints
