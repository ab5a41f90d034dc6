// SPDX-License-Identifier: Apache-2.0
#pragma once
// The one error type of the core. `main` maps each kind to a documented
// exit code; the core never prints.
#include "complaints/base/enum_names.hpp"

#include <functional>
#include <stdexcept>
#include <string>
#include <string_view>
#include <vector>

namespace complaints {

enum class ErrorKind {
    usage = 2,     // the command line is wrong (bad flag, bad value)
    not_found = 3, // no repository, no such case, ambiguous ID
    bad_data = 4,  // a file in the repository is malformed
    refused = 5,   // the process or policy forbids it
    io = 6,        // the file system failed, or the repository is locked
};

// Where in a file the problem is; line and column are 1-based, 0 = unknown.
struct Location {
    std::string file;
    int line = 0;
    int column = 0;
};

// What a process rule found wrong, as data: the CLI turns the code into the
// command that fixes it. `{field}` in the message marks where a field is
// named: the core reads it as the field's name, the CLI as its flag. One
// code for each kind of fix, not for each sentence; a new one takes its name
// in EnumNames below, and its hint, if a command fixes it, in the CLI's
// problem_text.cpp.
enum class ProblemCode {
    // What the case owes under the process (attention, and refusals).
    record_not_agreed,        // a verbal complaint's written record is not agreed
    consent_outstanding,      // on someone's behalf, without their consent
    practitioner_not_named,   // a treatment-related complaint names no practitioner
    practitioner_unheard,     // ... and the practitioner has given no account
    being_open_pending,       // a patient safety incident with no Being Open conversation
    follow_up_pending,        // a Being Open conversation with no written follow-up
    not_formal,               // a concern or feedback, not converted
    withdrawal_notice_needed, // a late withdrawal without its notice
    learning_not_documented,  // neither lessons learnt nor why there are none
    action_plan_missing,      // lessons learnt without an action on the plan
    referral_open,            // a stage 2 referral awaits its outcome
    late_complaint,           // made after the policy's time limit, no reason recorded
    already_sent,             // changes what the complainant was sent, without a correction
    case_closed,              // a closed or excluded case, to be reopened first
    point_after_response,     // a point added after the response, not as a correction
    point_unanswered,         // a point added after the response has no finding yet
    mediation_booked,         // a mediation meeting booked, not yet recorded as held
    insurer_not_told,         // a patient safety incident the indemnity insurer is not told of
    // What the policy does not provide.
    answered_by_resolution, // the policy answers by a resolution, not a letter or delay
    nothing_excluded,       // the policy excludes nothing from its process
    no_being_open,          // the policy has no Being Open step
    not_in_policy,          // a kind, type, rule, step or exclusion the policy lacks
    // What was given: a usage error, fixed by giving something else.
    field_missing,        // a field the step needs was not given
    field_not_applicable, // a field given that this step, or this case, does not take
    fields_conflict,      // two things given say different things: change one
    value_invalid,        // a value not of its form, or not one of those known
    date_out_of_order,    // a date before what it must follow
    no_such_item,         // a point, action or event the case does not have
    // Where the case stands: the step waits, or is past, or is done.
    already_closed,        // closing or excluding a case closed or excluded already
    already_done,          // a step taken once is taken already
    step_not_applicable,   // a step that does not apply to the case as it stands
    step_too_early,        // a step that follows another not yet recorded
    earlier_steps_owed,    // the policy's order needs earlier steps first, or a skip
    step_too_late,         // a step that belongs before the response, which has gone
    response_incomplete,   // a point with no finding or conclusion, or no points
    response_owed,         // waits for the organisation's own response
    response_already_sent, // the response went: a further letter is kept instead
    not_voidable,          // an event whose effect the case keeps: corrected its own way
    // The platform's clinicians.
    clinician_suspended,     // suspended already: made graver, or reinstated first
    warning_not_warranted,   // the policy's rules give this case no warning
    clinician_not_consulted, // the complaint not yet shared with the clinician
    gmc_number_in_use,       // the GMC number is another name's
    // The repository's files.
    letter_unrecorded,  // a letter kept that no event names
    id_drawn_twice,     // two sites' cases drew the same ID
    link_in_repository, // a symbolic link below the root, which no command follows
    // Evidence coming in.
    attachment_too_large,  // a file past complaints.yaml's attachment limit
    already_filed,         // the same file or email is kept already
    attachment_unrecorded, // a file under attachments/ that no event names
    attachment_damaged,    // a kept file missing, or not the bytes its event hashed
    // The statutory return (KO41b).
    return_fields_missing, // a complaint lacks a field the return counts it by
    return_invalid,        // a figure of the return fails the return's own validation
    // The platform's support team and its feedback.
    agent_left,              // work given to, or still held by, an agent who has left
    feedback_unacknowledged, // feedback open past the policy's prompt, not yet acknowledged
};
template <> struct EnumNames<ProblemCode> {
    static constexpr std::string_view what = "problem code";
    static constexpr std::array<std::pair<ProblemCode, std::string_view>, 53> names{{
        {ProblemCode::record_not_agreed, "record-not-agreed"},
        {ProblemCode::consent_outstanding, "consent-outstanding"},
        {ProblemCode::practitioner_not_named, "practitioner-not-named"},
        {ProblemCode::practitioner_unheard, "practitioner-unheard"},
        {ProblemCode::being_open_pending, "being-open-pending"},
        {ProblemCode::follow_up_pending, "follow-up-pending"},
        {ProblemCode::not_formal, "not-formal"},
        {ProblemCode::withdrawal_notice_needed, "withdrawal-notice-needed"},
        {ProblemCode::learning_not_documented, "learning-not-documented"},
        {ProblemCode::action_plan_missing, "action-plan-missing"},
        {ProblemCode::referral_open, "referral-open"},
        {ProblemCode::late_complaint, "late-complaint"},
        {ProblemCode::already_sent, "already-sent"},
        {ProblemCode::case_closed, "case-closed"},
        {ProblemCode::point_after_response, "point-after-response"},
        {ProblemCode::point_unanswered, "point-unanswered"},
        {ProblemCode::mediation_booked, "mediation-booked"},
        {ProblemCode::insurer_not_told, "insurer-not-told"},
        {ProblemCode::answered_by_resolution, "answered-by-resolution"},
        {ProblemCode::nothing_excluded, "nothing-excluded"},
        {ProblemCode::no_being_open, "no-being-open"},
        {ProblemCode::not_in_policy, "not-in-policy"},
        {ProblemCode::field_missing, "field-missing"},
        {ProblemCode::field_not_applicable, "field-not-applicable"},
        {ProblemCode::fields_conflict, "fields-conflict"},
        {ProblemCode::value_invalid, "value-invalid"},
        {ProblemCode::date_out_of_order, "date-out-of-order"},
        {ProblemCode::no_such_item, "no-such-item"},
        {ProblemCode::already_closed, "already-closed"},
        {ProblemCode::already_done, "already-done"},
        {ProblemCode::step_not_applicable, "step-not-applicable"},
        {ProblemCode::step_too_early, "step-too-early"},
        {ProblemCode::earlier_steps_owed, "earlier-steps-owed"},
        {ProblemCode::step_too_late, "step-too-late"},
        {ProblemCode::response_incomplete, "response-incomplete"},
        {ProblemCode::response_owed, "response-owed"},
        {ProblemCode::response_already_sent, "response-already-sent"},
        {ProblemCode::not_voidable, "not-voidable"},
        {ProblemCode::clinician_suspended, "clinician-suspended"},
        {ProblemCode::warning_not_warranted, "warning-not-warranted"},
        {ProblemCode::clinician_not_consulted, "clinician-not-consulted"},
        {ProblemCode::gmc_number_in_use, "gmc-number-in-use"},
        {ProblemCode::letter_unrecorded, "letter-unrecorded"},
        {ProblemCode::id_drawn_twice, "id-drawn-twice"},
        {ProblemCode::link_in_repository, "link-in-repository"},
        {ProblemCode::attachment_too_large, "attachment-too-large"},
        {ProblemCode::already_filed, "already-filed"},
        {ProblemCode::attachment_unrecorded, "attachment-unrecorded"},
        {ProblemCode::attachment_damaged, "attachment-damaged"},
        {ProblemCode::return_fields_missing, "return-fields-missing"},
        {ProblemCode::return_invalid, "return-invalid"},
        {ProblemCode::agent_left, "agent-left"},
        {ProblemCode::feedback_unacknowledged, "feedback-unacknowledged"},
    }};
};

// A problem is given its code: there is no code for "something else".
struct Problem {
    Problem(ProblemCode code, std::string message, std::string subject = {}, std::string step = {});
    ProblemCode code;
    std::string message;
    std::string subject; // the case it is about, for the fix the CLI names
    // A step the fix records, by its name ("shared-with-complainee"), where
    // the policy decides which.
    std::string step;
};

// A usage error about a field: the message names it as `{field}`, which the
// CLI reads as the flag that sets it.
[[noreturn]] void field_error(ProblemCode code, std::string message, std::string subject = {});

// How a `{field}` is read: as a word ("on behalf of"), or as a flag.
using FieldNamer = std::string (*)(std::string_view field);

// The text with each `{field}` read by `name`.
std::string render(std::string_view text, FieldNamer name);
std::string render(const Problem& problem, FieldNamer name);

class Error : public std::runtime_error {
  public:
    Error(ErrorKind kind, std::string message, Location where = {});
    // A refusal or usage error that lists everything wrong at once, after
    // `heading` ("cannot close LUM-2026-XTE74M").
    Error(ErrorKind kind, std::string heading, std::vector<Problem> problems);
    ErrorKind kind() const { return m_kind; }
    const Location& where() const { return m_where; }
    const std::string& heading() const { return m_heading; }
    const std::vector<Problem>& problems() const { return m_problems; }
    // "file:line:col: message", or the message alone when no file is known,
    // each `{field}` read as a word; `describe(name)` reads it by `name`.
    std::string describe() const;
    std::string describe(FieldNamer name) const;

  private:
    ErrorKind m_kind;
    std::string m_message; // as given, with its `{field}`s; what() has them as words
    Location m_where;
    std::string m_heading;
    std::vector<Problem> m_problems;
};

// The problems, each as `say` words it, joined with "; ", after the heading
// and ": " when there is one.
std::string describe(const std::string& heading, const std::vector<Problem>& problems,
                     const std::function<std::string(const Problem&)>& say);

// " (did you mean 'x'?)" for the closest candidate, or "" when none is close.
std::string did_you_mean(std::string_view given, const std::vector<std::string>& candidates);

} // namespace complaints
