// SPDX-License-Identifier: Apache-2.0
#include "complaints/ops/log.hpp"

#include "complaints/workflow/feedback.hpp"
#include "complaints/workflow/steps.hpp"
#include "complaints/workflow/workflow.hpp"

#include <fmt/format.h>

namespace complaints {

std::string_view letter_name(EventType type) {
    switch (type) {
    case EventType::acknowledged:
        return "acknowledgement";
    case EventType::letter:
        return "letter";
    case EventType::email:
        return "email";
    default:
        field_error(ProblemCode::field_not_applicable,
                    fmt::format("{{letter}} goes with {{type}} acknowledged, letter or email, "
                                "not {}",
                                name_of(type)));
    }
}

Event log_event(Case& c, const LogRequest& request, const Policy& policy,
                const date::time_zone& zone, const KeepLetter& keep_letter) {
    const std::string_view kept_as = request.keeps_letter ? letter_name(request.event.type) : "";
    Event event = request.event;
    check_logged(c, event, zone);
    // Feedback its acknowledgement closes is acknowledged once.
    if (policy.feedback_closes_on_acknowledgement && c.kind == Kind::feedback &&
        event.type == EventType::acknowledged)
        require_unacknowledged(c, zone);
    check_step(c, policy, event.type, event, request.skip_step);
    const bool closes = closes_feedback(c, policy, event.type);
    if (request.keeps_letter)
        event.letter = keep_letter(kept_as);
    add_event(c, event);
    if (closes)
        close_acknowledged_feedback(c, event);
    return event;
}

} // namespace complaints
