// SPDX-License-Identifier: Apache-2.0
#include "complaints/workflow/answer_date.hpp"

namespace complaints {

AnswerDate answer_date_of(const Case& c, const Clock& clock) {
    if (!clock.agreed)
        return AnswerDate::policy;
    // The latest event of the role that gave the date the clock stands on.
    const Event* gave = nullptr;
    for (const auto& event : c.events)
        if (event_info(event.type).role == EventRole::sets_answer_date && !is_void(c, event) &&
            event.due == clock.policy_due.day)
            gave = &event;
    return gave && gave->type == EventType::response_period_set ? AnswerDate::set
                                                                : AnswerDate::agreed;
}

} // namespace complaints
