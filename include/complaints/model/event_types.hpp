// SPDX-License-Identifier: Apache-2.0
#pragma once
// The event types as one table: each type's name in files and on the
// command line, who records it, and what it means to the policy. A type
// without its row does not compile.
#include "complaints/base/enum_names.hpp"

#include <array>
#include <cstddef>
#include <string_view>
#include <utility>

namespace complaints {

// What an event records. Files and caches hold a type by its name and its
// number, so a new type goes at the end.
enum class EventType {
    note,
    call,
    email,
    letter,
    meeting,
    statement,
    interview,
    record_agreed,
    shared_with_complainee,
    acknowledged,
    consultation_offered,
    consultation_held,
    independent_consultation_offered,
    independent_consultation_held,
    mediation,
    investigation_complete,
    response_period_agreed,
    late_complaint_accepted,
    opened,
    assigned,
    response_sent,
    delay_explained,
    warning,
    suspension_review_due,
    suspended,
    reinstated,
    resolved,
    closed,
    converted,
    excluded,
    consent,
    finding,
    escalated,
    review_outcome,
    action,
    consent_waived,
    corrected,
    reopened,
    point_added,
    voided,
    clock_start_corrected,
    warning_rescinded,
    step_skipped,
    practitioner_waived,
    no_written_response,
    safety_incident,
    being_open,
    being_open_follow_up,
    insurer_notified,
    // A suspension review's decisions that suspend no one; a suspension is
    // `suspended` (with `due`, the last day of a temporary one).
    review_no_action,
    final_warning,
    mediation_booked,
    // A suspension review no longer due: an appeal rescinded a warning it
    // counted. Its text says which and how many warnings are left.
    review_withdrawn,
    // A merge conflict settled with `complaints conflict --keep`: `corrects`
    // names the field, `after` the side kept, `before` the side set aside.
    conflict_resolved,
    // Regulation 13(8): the complainant declined to discuss the handling,
    // so the organisation set the response period itself and told them.
    response_period_set,
    // A file kept as evidence (a scan, a photograph, a statement): the
    // event's `attachment` names it in attachments/<ID>/.
    attached,
    // A clock's stage given more time, to the limit its policy sets, with
    // the reason (NHS Scotland's stage 1: 5 working days to 10).
    time_extended,
    // The complaint goes on to the policy's next stage (NHS Scotland's
    // stage 2, investigation): escalated, or started there at receipt.
    stage_two_started,
    // The link to the complaint form, sent when the complaint is first
    // known: it may be dated before the form (the case's receipt) arrives.
    form_link_sent,
    // The complainant signed the agreed written record of a verbal complaint.
    record_signed,
};

// Who records an event.
enum class EventGroup {
    logged,   // a person, with `log --type`: a contact or a step with no command of its own
    step,     // the command for the step: `respond`, `close`, `escalate`, ...
    standing, // a clinician's standing: warnings and suspension reviews
    record,   // a later entry that corrects the record (nothing is ever removed)
};

// What an event means to the policy's clocks, beyond the clocks' own lists
// of which type meets which clock (policy.hpp).
enum class EventRole {
    none,
    answers,          // the organisation's answer to the complainant
    sets_answer_date, // a date for the answer agreed with the complainant
    explains_delay,   // the answer will be late, why, and (maybe) a new date
    // More time for the stage, to the limit the clock's policy sets
    // (`ClockRule::extension_limit`), with the reason: no date of its own.
    extends_within_limit,
    // The next stage starts: the clocks that run from it start, the earlier
    // stage's clocks end, and the stage's answer is the one that counts
    // from then on (the answering clock, the refusals of a second answer).
    starts_next_stage,
    // Done before the complaint was received, to bring it in (the link to
    // the form): its date may precede the case's receipt.
    precedes_receipt,
};

struct EventInfo {
    EventType type;
    std::string_view name;
    EventGroup group;
    EventRole role;
};

// The last type names the count: a new type moves this line with it.
inline constexpr std::size_t k_event_type_count =
    static_cast<std::size_t>(EventType::record_signed) + 1;

// One row a line, so the table reads as one.
// clang-format off
inline constexpr std::array<EventInfo, k_event_type_count> k_event_types{{
    {EventType::note,                             "note",                             EventGroup::logged,   EventRole::none},
    {EventType::call,                             "call",                             EventGroup::logged,   EventRole::none},
    {EventType::email,                            "email",                            EventGroup::logged,   EventRole::none},
    {EventType::letter,                           "letter",                           EventGroup::logged,   EventRole::none},
    {EventType::meeting,                          "meeting",                          EventGroup::logged,   EventRole::none},
    {EventType::statement,                        "statement",                        EventGroup::logged,   EventRole::none},
    {EventType::interview,                        "interview",                        EventGroup::logged,   EventRole::none},
    {EventType::record_agreed,                    "record-agreed",                    EventGroup::logged,   EventRole::none},
    {EventType::shared_with_complainee,           "shared-with-complainee",           EventGroup::logged,   EventRole::none},
    {EventType::acknowledged,                     "acknowledged",                     EventGroup::logged,   EventRole::none},
    {EventType::consultation_offered,             "consultation-offered",             EventGroup::logged,   EventRole::none},
    {EventType::consultation_held,                "consultation-held",                EventGroup::logged,   EventRole::none},
    {EventType::independent_consultation_offered, "independent-consultation-offered", EventGroup::logged,   EventRole::none},
    {EventType::independent_consultation_held,    "independent-consultation-held",    EventGroup::logged,   EventRole::none},
    {EventType::mediation,                        "mediation",                        EventGroup::logged,   EventRole::none},
    {EventType::investigation_complete,           "investigation-complete",           EventGroup::logged,   EventRole::none},
    {EventType::response_period_agreed,           "response-period-agreed",           EventGroup::logged,   EventRole::sets_answer_date},
    {EventType::late_complaint_accepted,          "late-complaint-accepted",          EventGroup::logged,   EventRole::none},
    {EventType::opened,                           "opened",                           EventGroup::step,     EventRole::none},
    {EventType::assigned,                         "assigned",                         EventGroup::step,     EventRole::none},
    {EventType::response_sent,                    "response-sent",                    EventGroup::step,     EventRole::answers},
    {EventType::delay_explained,                  "delay-explained",                  EventGroup::step,     EventRole::explains_delay},
    {EventType::warning,                          "warning",                          EventGroup::standing, EventRole::none},
    {EventType::suspension_review_due,            "suspension-review-due",            EventGroup::standing, EventRole::none},
    {EventType::suspended,                        "suspended",                        EventGroup::standing, EventRole::none},
    {EventType::reinstated,                       "reinstated",                       EventGroup::standing, EventRole::none},
    {EventType::resolved,                         "resolved",                         EventGroup::step,     EventRole::none},
    {EventType::closed,                           "closed",                           EventGroup::step,     EventRole::none},
    {EventType::converted,                        "converted",                        EventGroup::step,     EventRole::none},
    {EventType::excluded,                         "excluded",                         EventGroup::step,     EventRole::none},
    {EventType::consent,                          "consent",                          EventGroup::step,     EventRole::none},
    {EventType::finding,                          "finding",                          EventGroup::step,     EventRole::none},
    {EventType::escalated,                        "escalated",                        EventGroup::step,     EventRole::none},
    {EventType::review_outcome,                   "review-outcome",                   EventGroup::step,     EventRole::none},
    {EventType::action,                           "action",                           EventGroup::step,     EventRole::none},
    {EventType::consent_waived,                   "consent-waived",                   EventGroup::step,     EventRole::none},
    {EventType::corrected,                        "corrected",                        EventGroup::record,   EventRole::none},
    {EventType::reopened,                         "reopened",                         EventGroup::step,     EventRole::none},
    {EventType::point_added,                      "point-added",                      EventGroup::step,     EventRole::none},
    {EventType::voided,                           "voided",                           EventGroup::record,   EventRole::none},
    {EventType::clock_start_corrected,            "clock-start-corrected",            EventGroup::record,   EventRole::none},
    {EventType::warning_rescinded,                "warning-rescinded",                EventGroup::standing, EventRole::none},
    {EventType::step_skipped,                     "step-skipped",                     EventGroup::step,     EventRole::none},
    {EventType::practitioner_waived,              "practitioner-waived",              EventGroup::step,     EventRole::none},
    {EventType::no_written_response,              "no-written-response",              EventGroup::step,     EventRole::none},
    {EventType::safety_incident,                  "safety-incident",                  EventGroup::step,     EventRole::none},
    {EventType::being_open,                       "being-open",                       EventGroup::step,     EventRole::none},
    {EventType::being_open_follow_up,             "being-open-follow-up",             EventGroup::step,     EventRole::none},
    {EventType::insurer_notified,                 "insurer-notified",                 EventGroup::logged,   EventRole::none},
    {EventType::review_no_action,                 "review-no-action",                 EventGroup::standing, EventRole::none},
    {EventType::final_warning,                    "final-warning",                    EventGroup::standing, EventRole::none},
    {EventType::mediation_booked,                 "mediation-booked",                 EventGroup::logged,   EventRole::none},
    {EventType::review_withdrawn,                 "review-withdrawn",                 EventGroup::standing, EventRole::none},
    {EventType::conflict_resolved,                "conflict-resolved",                EventGroup::record,   EventRole::none},
    {EventType::response_period_set,              "response-period-set",              EventGroup::logged,   EventRole::sets_answer_date},
    {EventType::attached,                         "attached",                         EventGroup::record,   EventRole::none},
    {EventType::time_extended,                    "time-extended",                    EventGroup::logged,   EventRole::extends_within_limit},
    {EventType::stage_two_started,                "stage-two-started",                EventGroup::logged,   EventRole::starts_next_stage},
    {EventType::form_link_sent,                   "form-link-sent",                   EventGroup::logged,   EventRole::precedes_receipt},
    {EventType::record_signed,                    "record-signed",                    EventGroup::logged,   EventRole::none},
}};
// clang-format on

namespace detail {
constexpr bool rows_in_enum_order() {
    for (std::size_t i = 0; i < k_event_types.size(); ++i)
        if (static_cast<std::size_t>(k_event_types[i].type) != i || k_event_types[i].name.empty())
            return false;
    return true;
}
} // namespace detail
// One row per type, in the enum's order: a missing row leaves a blank
// (type 0, no name) where a type should be, and fails here.
static_assert(detail::rows_in_enum_order(), "each event type has one row, in the enum's order");

constexpr const EventInfo& event_info(EventType type) {
    return k_event_types[static_cast<std::size_t>(type)];
}
constexpr bool is_loggable(EventType type) {
    return event_info(type).group == EventGroup::logged;
}
constexpr bool may_precede_receipt(EventType type) {
    return event_info(type).role == EventRole::precedes_receipt;
}

template <> struct EnumNames<EventType> {
    static constexpr std::string_view what = "event type";
    static constexpr auto names = [] {
        std::array<std::pair<EventType, std::string_view>, k_event_types.size()> pairs{};
        for (std::size_t i = 0; i < pairs.size(); ++i)
            pairs[i] = {k_event_types[i].type, k_event_types[i].name};
        return pairs;
    }();
};

} // namespace complaints
