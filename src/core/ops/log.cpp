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

std::string default_log_text(EventType type, const std::string& website) {
    switch (type) {
    case EventType::form_link_sent:
        return website.empty() ? "Link to the complaint form on our website sent"
                               : "Link to the complaint form sent: " + website;
    case EventType::record_signed:
        return "The complainant signed the agreed written record";
    case EventType::insurer_notified:
        return "The indemnity insurer was told of the patient safety incident";
    default:
        return "";
    }
}

namespace {

// What only some types take: a reference (the insurer's), a statement kept
// internal; and a signature needs the record it signs.
void check_details(const Case& c, const Event& event) {
    const auto not_with = [&](const char* field, const char* types) {
        field_error(
            ProblemCode::field_not_applicable,
            fmt::format("{{{}}} goes with {{type}} {}, not {}", field, types, name_of(event.type)));
    };
    if (!event.reference.empty() && event.type != EventType::insurer_notified)
        not_with("reference", "insurer-notified");
    if (event.visibility && event.type != EventType::statement &&
        event.type != EventType::interview)
        not_with("internal", "statement or interview");
    if (event.type == EventType::record_signed && !first_event(c, EventType::record_agreed))
        throw Error(ErrorKind::refused, "",
                    {{ProblemCode::step_too_early,
                      fmt::format("{}: the written record is signed once it is agreed; log "
                                  "record-agreed first",
                                  c.id),
                      c.id}});
}

} // namespace

Event log_event(Case& c, const LogRequest& request, const Policy& policy,
                const date::time_zone& zone, const KeepLetter& keep_letter) {
    const std::string_view kept_as = request.keeps_letter ? letter_name(request.event.type) : "";
    Event event = request.event;
    check_details(c, event);
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
