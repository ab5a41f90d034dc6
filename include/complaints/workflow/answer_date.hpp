// SPDX-License-Identifier: Apache-2.0
#pragma once
// What the date a complainant's answer is measured by stands on: the
// policy's own period, a period agreed with the complainant (NHS England,
// regulation 13(7)), or one the organisation set when the complainant
// declined to discuss it (13(8)). Both of the last share the event role
// `sets_answer_date` and move the clock alike; letters and `show` must not
// call a date the practice set "agreed".
#include "complaints/model/model.hpp"
#include "complaints/workflow/clocks.hpp"

namespace complaints {

enum class AnswerDate { policy, agreed, set };

// How `clock`'s date came to be: `set` when the event that gave it is a
// `response-period-set`, `agreed` for any other event with the role, and
// `policy` when no such event gave it (clock.agreed is false).
AnswerDate answer_date_of(const Case& c, const Clock& clock);

} // namespace complaints
