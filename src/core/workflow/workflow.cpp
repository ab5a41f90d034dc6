// SPDX-License-Identifier: Apache-2.0
#include "complaints/workflow/workflow.hpp"

#include "complaints/workflow/return_fields.hpp"

#include "complaints/workflow/being_open.hpp"
#include "complaints/workflow/clocks.hpp"
#include "complaints/workflow/corrections.hpp"

#include "complaints/base/error.hpp"
#include "complaints/base/strings.hpp"
#include "complaints/base/text.hpp"

#include <fmt/format.h>

#include <algorithm>

namespace complaints {

bool is_verbal(const Case& c) {
    return c.channel == Channel::phone || c.channel == Channel::in_person;
}

bool record_agreed(const Case& c) {
    return first_event(c, EventType::record_agreed) != nullptr;
}

bool consent_outstanding(const Case& c) {
    const bool on_behalf = !c.on_behalf_of.empty() || c.consent.has_value();
    return on_behalf && c.consent != Consent::yes && !first_event(c, EventType::consent_waived);
}

bool gives_outcome(const Escalation& referral, const Policy& policy) {
    const ReviewBody* body = find_review_body(policy, referral.body);
    return !(body && body->advice);
}

bool awaits_outcome(const Escalation& referral, const Policy& policy) {
    return referral.outcome.empty() && gives_outcome(referral, policy);
}

std::vector<std::string> open_referrals(const Case& c, const Policy& policy) {
    std::vector<std::string> open;
    for (const auto& referral : c.escalations)
        if (awaits_outcome(referral, policy))
            open.push_back(referral.body);
    return open;
}

std::vector<std::string> referrals_blocking_close(const Case& c, const Policy& policy) {
    std::vector<std::string> open;
    for (const auto& key : open_referrals(c, policy)) {
        const ReviewBody* body = find_review_body(policy, key);
        if (!body || body->blocks_close)
            open.push_back(key);
    }
    return open;
}

int stage(const Case& c, const Policy& policy) {
    // A later stage inside the organisation (NHS Scotland's investigation)
    // comes before the body that reviews it (then the SPSO is stage 3).
    const int own = stage_start(c) ? 2 : 1;
    return std::any_of(c.escalations.begin(), c.escalations.end(),
                       [&](const Escalation& e) {
                           const ReviewBody* body = find_review_body(policy, e.body);
                           return !(body && body->advice);
                       })
               ? own + 1
               : own;
}

namespace {

// "A mediation meeting may be booked between complainant, complainee and
// Lantum": a booking is for a time to come, between the parties.
void check_booking(const Event& event) {
    const bool booking = event.type == EventType::mediation_booked;
    if (!booking && event.booked_for)
        field_error(
            ProblemCode::field_not_applicable,
            fmt::format("{{on}} goes with a mediation booked, not a {}", name_of(event.type)));
    if (!booking)
        return;
    if (!event.booked_for)
        field_error(ProblemCode::field_missing,
                    "a mediation booked needs the day and time it is booked for ({on})");
    if (*event.booked_for < event.at)
        field_error(ProblemCode::date_out_of_order,
                    fmt::format("{{on}}: {} is before the booking ({})",
                                format_minute(*event.booked_for), format_minute(event.at)));
    if (event.attendees.size() < 2)
        field_error(ProblemCode::field_missing,
                    "a mediation is between the parties: name at least two attendees "
                    "({attendee}, once for each)");
}

} // namespace

void check_logged(const Case& c, const Event& event, const date::time_zone& zone) {
    const bool dated = event_info(event.type).role == EventRole::sets_answer_date;
    if (dated && !event.due)
        field_error(ProblemCode::field_missing,
                    "a response period agreed with the complainant, or set for them, needs the "
                    "date it runs to ({until})");
    if (!dated && event.due)
        field_error(ProblemCode::field_not_applicable,
                    fmt::format("{{until}} goes with a response period agreed or set, not a {}",
                                name_of(event.type)));
    if (dated && date::sys_days{*event.due} < date::sys_days{local_date(c.received.utc, zone)})
        field_error(ProblemCode::date_out_of_order,
                    "{until}: the date is before the complaint was received");
    check_booking(event);
}

void check_gmc_number(std::string_view gmc) {
    if (gmc.size() != 7 ||
        !std::all_of(gmc.begin(), gmc.end(), [](char ch) { return ch >= '0' && ch <= '9'; }))
        field_error(ProblemCode::value_invalid,
                    fmt::format("{{gmc}}: '{}' is not a GMC number (seven digits)", gmc));
    // GMC reference numbers are issued from 1000000 up: none starts with 0.
    if (gmc.front() == '0')
        field_error(
            ProblemCode::value_invalid,
            fmt::format("{{gmc}}: '{}' is not a GMC number (seven digits, never starting with 0)",
                        gmc));
}

namespace {

void classify_withdrawal(Case& c, const Policy& policy, int notice, bool kind_given) {
    const int limit = policy.late_withdrawal_notice_days;
    if (notice < 0)
        field_error(ProblemCode::date_out_of_order, "the withdrawal is dated after the session");
    // The notice decides, whatever the type says (or leaves out); a practice
    // may still give informal feedback about any withdrawal.
    if (notice > limit) {
        if (c.kind == Kind::complaint)
            throw Error(
                ErrorKind::refused, "",
                {{ProblemCode::not_in_policy,
                  fmt::format(
                      "a withdrawal with {} days' notice is not a complaint under the policy, "
                      "which counts {} days' notice or fewer; record it as informal feedback "
                      "({{kind}} feedback)",
                      notice, limit),
                  c.id}});
        return;
    }
    if (!c.type.empty() && c.type != "late-withdrawal")
        field_error(ProblemCode::fields_conflict,
                    fmt::format("{{type}}: a withdrawal with {} days' notice is a late-withdrawal "
                                "complaint, not '{}'",
                                notice, c.type));
    if (kind_given && c.kind != Kind::complaint && c.kind != Kind::feedback)
        throw Error(ErrorKind::refused, "",
                    {{ProblemCode::fields_conflict,
                      fmt::format("a withdrawal with {} days' notice is a complaint under the "
                                  "policy (or informal feedback), not {}",
                                  notice, name_of(c.kind)),
                      c.id}});
    c.type = "late-withdrawal";
}

// The withdrawal a complaint is about was made before the complaint came in.
void check_withdrawal_dates(const Case& c) {
    if (!c.withdrawn)
        return;
    const auto received = written_date(c.received);
    if (*c.withdrawn > received)
        field_error(ProblemCode::date_out_of_order,
                    fmt::format("{{withdrawn}}: {} is after the complaint was received ({}); a "
                                "complaint is about a withdrawal already made",
                                format_date(*c.withdrawn), format_date(received)));
}

} // namespace

void classify_intake(Case& c, const Policy& policy, std::optional<int> notice_days,
                     bool kind_given) {
    if (std::find(policy.kinds.begin(), policy.kinds.end(), c.kind) == policy.kinds.end()) {
        std::vector<std::string> kinds;
        for (const Kind kind : policy.kinds)
            kinds.emplace_back(name_of(kind));
        field_error(ProblemCode::not_in_policy,
                    fmt::format("{{kind}} {0}: this repository's policy takes no {0}; open it as "
                                "{1}",
                                name_of(c.kind), util::join(kinds, " or ")));
    }
    if (notice_days) {
        // Typed, not counted from the dates: a negative count is a typing
        // slip, not a withdrawal dated after its session.
        if (*notice_days < 0 && !c.withdrawn)
            field_error(ProblemCode::value_invalid,
                        fmt::format("{{notice_days}} {}: a notice is the days from the "
                                    "withdrawal to the session, 0 or more; it cannot be negative",
                                    *notice_days));
        if (policy.late_withdrawal_notice_days <= 0)
            field_error(ProblemCode::not_in_policy,
                        "this repository's policy has no late-withdrawal rule");
        check_withdrawal_dates(c);
        classify_withdrawal(c, policy, *notice_days, kind_given);
        c.notice_days = notice_days;
    } else if (c.type == "late-withdrawal") {
        throw Error(
            ErrorKind::usage, "",
            {{ProblemCode::withdrawal_notice_needed,
              "{type} late-withdrawal needs the withdrawal's notice, so the policy's rule decides",
              c.id}});
    }
    if (policy.complaint_types.empty() || c.type.empty())
        return;
    std::vector<Category> implied;
    std::vector<std::string> names;
    for (const auto& known : policy.complaint_types) {
        names.push_back(known.name);
        if (known.name == c.type)
            implied.push_back(known.category);
    }
    if (implied.empty())
        field_error(ProblemCode::value_invalid,
                    fmt::format("{{type}}: unknown type '{}'{}; the policy names: {}", c.type,
                                did_you_mean(c.type, names), joined(names)));
    if (!c.category && implied.size() > 1)
        field_error(
            ProblemCode::field_missing,
            fmt::format("{{type}} {} is clinical or non-clinical: give {{category}}", c.type));
    if (!c.category)
        c.category = implied.front();
    if (std::find(implied.begin(), implied.end(), *c.category) == implied.end())
        field_error(ProblemCode::fields_conflict,
                    fmt::format("{{type}} {} is a {} complaint, but {{category}} says {}", c.type,
                                name_of(implied.front()), name_of(*c.category)));
}

bool late_complaint_outstanding(const Case& c, const Policy& policy) {
    if (!policy.time_limit || !c.happened || c.kind != Kind::complaint ||
        first_event(c, EventType::late_complaint_accepted))
        return false;
    // The local date of receipt: 00:30 on 11 July in London is still 10 July in UTC.
    return date::sys_days{calendar_day_after(*c.happened, *policy.time_limit)} <
           date::sys_days{written_date(c.received)};
}

namespace {

Problem record_problem(const Case& c) {
    return {ProblemCode::record_not_agreed,
            fmt::format(
                "the written record of this {} complaint has not been agreed with the complainant",
                name_of(c.channel)),
            c.id};
}

Problem consent_problem(const Case& c, std::string_view who) {
    return {
        ProblemCode::consent_outstanding,
        fmt::format("consent from {} is {}", who, c.consent ? name_of(*c.consent) : "not recorded"),
        c.id};
}

Problem late_problem(const Case& c, const Policy& policy) {
    return {
        ProblemCode::late_complaint,
        fmt::format(
            "the complaint was made more than {} after what it is about ({}); it goes ahead only "
            "with a recorded reason",
            format_duration(*policy.time_limit), format_date(*c.happened)),
        c.id};
}

} // namespace

const Event* booked_mediation(const Case& c) {
    const Event* booking = last_event(c, EventType::mediation_booked);
    const Event* held = last_event(c, EventType::mediation);
    return booking && !(held && held->at >= booking->at) ? booking : nullptr;
}

std::vector<Problem> attention(const Case& c, const Policy& policy) {
    // Being Open is owed to the patient whatever became of the complaint.
    std::vector<Problem> notes = being_open_owed(c, policy);
    for (auto& owed : insurer_owed(c, policy))
        notes.push_back(std::move(owed));
    // A regulator's referral the complaint closed without waiting for stays
    // in view until its outcome is recorded.
    for (const auto& key : open_referrals(c, policy))
        if (const ReviewBody* body = find_review_body(policy, key); body && !body->blocks_close)
            notes.push_back({ProblemCode::referral_open,
                             fmt::format("the referral to {} awaits its outcome", body->name),
                             c.id});
    if (c.exclusion || c.status == Status::closed)
        return notes;
    if (policy.verbal_record_agreed && c.kind == Kind::complaint && is_verbal(c) &&
        !record_agreed(c))
        notes.push_back(record_problem(c));
    if (consent_outstanding(c))
        notes.push_back(
            consent_problem(c, c.on_behalf_of.empty() ? "the patient" : c.on_behalf_of));
    if (policy.practitioners_named && c.kind == Kind::complaint &&
        c.category == Category::clinical && c.practitioners.empty())
        notes.push_back({ProblemCode::practitioner_not_named,
                         "a treatment-related complaint names no practitioner", c.id});
    if (late_complaint_outstanding(c, policy))
        notes.push_back(late_problem(c, policy));
    if (first_answer(c))
        for (const auto& point : c.points)
            if (!point.finding && !point.correction.empty())
                notes.push_back({ProblemCode::point_unanswered,
                                 fmt::format("point {}, added after the response was sent, has "
                                             "no finding",
                                             point.number),
                                 c.id});
    if (const Event* booking = booked_mediation(c))
        notes.push_back(
            {ProblemCode::mediation_booked,
             fmt::format("mediation booked for {} with {}", format_minute(*booking->booked_for),
                         util::join(booking->attendees, ", ")),
             c.id});
    return notes;
}

void require_formal_complaint(const Case& c, std::string_view doing) {
    // The fix is to reopen it (the CLI names the command): said as a
    // case_closed problem, as the later entries say it.
    if (!c.exclusion && c.status == Status::closed)
        throw Error(ErrorKind::refused, fmt::format("cannot {}", doing),
                    {{ProblemCode::case_closed,
                      fmt::format("{} is closed; a closed case is reopened, never rewritten", c.id),
                      c.id}});
    require_complaint(c, doing);
}

void require_unacknowledged(const Case& c, const date::time_zone& zone) {
    const auto day = [&](const Event& e) { return format_date(local_date(e.at.utc, zone)); };
    // An earlier stage's acknowledgement does not acknowledge this one.
    if (const Event* sent = first_event(c, EventType::acknowledged);
        sent && in_current_stage(c, *sent))
        throw Error(ErrorKind::refused, "",
                    {{ProblemCode::already_done,
                      fmt::format("{} was acknowledged on {}; a second acknowledgement is not "
                                  "recorded (void the first with a reason to replace it)",
                                  c.id, day(*sent)),
                      c.id}});
    if (const Event* response = first_answer(c))
        throw Error(ErrorKind::refused, "",
                    {{ProblemCode::step_too_late,
                      fmt::format("{}: the full response went on {} and acknowledged the "
                                  "complaint; no acknowledgement follows it",
                                  c.id, day(*response)),
                      c.id}});
}

void require_complaint(const Case& c, std::string_view doing) {
    // An excluded case is reopened to come back into the process.
    if (c.exclusion)
        throw Error(ErrorKind::refused, fmt::format("cannot {}", doing),
                    {{ProblemCode::case_closed,
                      fmt::format("{} is excluded from the complaints policy ({})", c.id,
                                  name_of(c.exclusion->reason)),
                      c.id}});
    if (c.kind != Kind::complaint)
        throw Error(ErrorKind::refused, fmt::format("cannot {}", doing),
                    {{ProblemCode::not_formal,
                      fmt::format("{} is a {}, resolved locally; convert it to a complaint first",
                                  c.id, name_of(c.kind)),
                      c.id}});
}

namespace {

bool heard_from(const Event& event, const std::string& practitioner) {
    constexpr std::array k_accounts{EventType::statement, EventType::interview, EventType::meeting,
                                    EventType::call};
    if (std::find(k_accounts.begin(), k_accounts.end(), event.type) == k_accounts.end())
        return false;
    return folded(event.by) == folded(practitioner) ||
           std::any_of(
               event.attendees.begin(), event.attendees.end(),
               [&](const std::string& name) { return folded(name) == folded(practitioner); });
}

} // namespace

bool practitioner_unheard(const Case& c, const Policy& policy) {
    if (!policy.practitioner_heard || c.kind != Kind::complaint ||
        c.category != Category::clinical || c.practitioners.empty() ||
        first_event(c, EventType::practitioner_waived))
        return false;
    return std::none_of(c.events.begin(), c.events.end(), [&](const Event& event) {
        return !is_void(c, event) &&
               std::any_of(c.practitioners.begin(), c.practitioners.end(),
                           [&](const std::string& name) { return heard_from(event, name); });
    });
}

std::vector<Problem> response_missing(const Case& c, const Policy& policy,
                                      const ResponseWaivers& waivers) {
    std::vector<Problem> missing;
    const auto incomplete = [&](std::string message) {
        missing.push_back({ProblemCode::response_incomplete, std::move(message), c.id});
    };
    if (c.points.empty())
        incomplete("no points raised are recorded; the response answers every point");
    for (const auto& point : c.points) {
        if (!point.finding)
            incomplete(fmt::format("point {} has no finding", point.number));
        else if (point.conclusion.empty())
            incomplete(fmt::format("point {} has no conclusion", point.number));
    }
    if (consent_outstanding(c) && !waivers.consent)
        missing.push_back(consent_problem(c, c.on_behalf_of));
    if (policy.verbal_record_agreed && is_verbal(c) && !record_agreed(c))
        missing.push_back(record_problem(c));
    if (practitioner_unheard(c, policy) && !waivers.practitioner)
        missing.push_back(
            {ProblemCode::practitioner_unheard,
             fmt::format("no statement, interview or discussion with the practitioner ({}) is "
                         "recorded",
                         util::join(c.practitioners, ", ")),
             c.id});
    if (late_complaint_outstanding(c, policy))
        missing.push_back(late_problem(c, policy));
    // The CLI says with which command a further letter is kept. A case
    // reopened since its answer owes a further response, sent as this one.
    if (round_answer(c))
        missing.push_back({ProblemCode::response_already_sent,
                           further_reopening(c)
                               ? "the further response after the reopening has already been sent; "
                                 "another letter (after a correction) is kept"
                               : "the stage 1 response has already been sent; a further letter "
                                 "(after a correction, or answering a point added since) is kept",
                           c.id});
    return missing;
}

void check_response(const Case& c, const Policy& policy, const ResponseWaivers& waivers) {
    auto missing = response_missing(c, policy, waivers);
    if (!missing.empty())
        throw Error(ErrorKind::refused, fmt::format("cannot send the response for {} yet", c.id),
                    std::move(missing));
}

void check_delay(const Case& c) {
    if (round_answer(c))
        throw Error(ErrorKind::refused, "",
                    {{ProblemCode::step_too_late,
                      fmt::format("{}: the response has already been sent", c.id), c.id}});
}

void check_delay_allowed(const Policy& policy) {
    const ClockRule* answering = answering_clock(policy);
    // A clock that some step can extend (the clinic's explanation of delay,
    // the NHS's agreed longer period) has a delay to explain.
    if (answering && answering->extended_by)
        return;
    if (!answering)
        field_error(ProblemCode::not_in_policy,
                    "{delay}: this policy sets no deadline for answering the complainant, so "
                    "there is no delay to explain");
    const bool resolves =
        answering->met_by.size() == 1 && answering->met_by.front() == EventType::resolved;
    throw Error(ErrorKind::usage, "",
                {{resolves ? ProblemCode::answered_by_resolution : ProblemCode::not_in_policy,
                  fmt::format("{{delay}}: the {} clock ({}) takes no explanation of delay in this "
                              "policy; log calls and emails to the complainant meanwhile, and "
                              "record the {} when it is agreed",
                              answering->name, format_duration(*answering->span), answering->name),
                  ""}});
}

void check_response_allowed(const Policy& policy, std::string_view doing) {
    const ClockRule* answering = answering_clock(policy);
    if (!answering || answering->met_by.empty() ||
        std::find(answering->met_by.begin(), answering->met_by.end(), EventType::response_sent) !=
            answering->met_by.end())
        return;
    // The step that meets the answering clock is the complainant's answer;
    // a written response beside it would be a second, unclocked answer.
    const EventType step = answering->met_by.front();
    const bool resolves = step == EventType::resolved;
    throw Error(
        ErrorKind::usage, "",
        {{resolves ? ProblemCode::answered_by_resolution : ProblemCode::not_in_policy,
          fmt::format("cannot {}: in this policy the {} clock ({}) answers the "
                      "complainant, and {} meets it, not a written response{}",
                      doing, answering->name, format_duration(*answering->span), name_of(step),
                      resolves ? "; record the resolution when it is agreed, which "
                                 "keeps its letter"
                               : ""),
          ""}});
}

void record_finding(Case& c, int point, Finding finding, const std::string& conclusion,
                    const std::string& remedial_action, const std::string& staff,
                    const std::optional<Event>& correction) {
    Point& found = point_numbered(c, point);
    if (conclusion.empty() && found.conclusion.empty())
        field_error(ProblemCode::field_missing,
                    "{conclusion}: a finding needs the conclusion reached on the point", c.id);
    const std::string point_name = fmt::format("point {}", point);
    const auto unless_empty = [](const std::string& given, const std::string& kept) {
        return given.empty() ? kept : given;
    };
    // A point raised after the answer went was never in it: its first finding
    // answers it, and only a change after that is a correction.
    const Event* sent = sent_event(c);
    const bool answers_late_point =
        sent && found.added && !(*found.added < sent->at) && !found.finding;
    if (!answers_late_point || correction)
        record_amendments(c,
                          {{point_name + " finding",
                            found.finding ? std::string(name_of(*found.finding)) : std::string(),
                            std::string(name_of(finding))},
                           {point_name + " conclusion", found.conclusion,
                            unless_empty(conclusion, found.conclusion)},
                           {point_name + " remedial action", found.remedial_action,
                            unless_empty(remedial_action, found.remedial_action)},
                           {point_name + " staff", found.staff, unless_empty(staff, found.staff)}},
                          correction);
    found.finding = finding;
    if (!conclusion.empty())
        found.conclusion = conclusion;
    if (!remedial_action.empty())
        found.remedial_action = remedial_action;
    if (!staff.empty())
        found.staff = staff;
}

void check_escalation(const Case& c, const ReviewBody& body, const Policy& policy,
                      std::string_view reason) {
    std::vector<Problem> missing;
    const auto add = [&](ProblemCode code, std::string message) {
        missing.push_back({code, std::move(message), c.id});
    };
    // A complaint refused as out of time (regulation 12) has had the
    // body's answer, and the Ombudsman may be asked to review that refusal.
    const bool refused_late = c.exclusion && c.exclusion->reason == Exclusion::out_of_time;
    if (c.exclusion && !refused_late)
        add(ProblemCode::case_closed,
            fmt::format("{} is excluded from the complaints policy", c.id));
    if (c.kind != Kind::complaint)
        add(ProblemCode::not_formal,
            fmt::format("{} is a {}, not a formal complaint", c.id, name_of(c.kind)));
    const bool answered = refused_late || first_answer(c) || first_event(c, EventType::resolved);
    const bool early_reason = body.earlier_with_reason && !util::trim(reason).empty();
    if (body.after_response && !answered && !early_reason)
        add(ProblemCode::response_owed,
            body.earlier_with_reason
                ? fmt::format("{} is told after the organisation's own response, and none has "
                              "been given; to tell them sooner, give {{reason}} ({})",
                              body.name,
                              body.earlier_when.empty() ? "why they are told now"
                                                        : body.earlier_when)
                : fmt::format("{} reviews a complaint after the organisation's own response, "
                              "and none has been given",
                              body.name));
    if (body.clinical_only && c.category != Category::clinical)
        add(ProblemCode::step_not_applicable,
            fmt::format("{} is for clinical complaints only", body.name));
    if (std::any_of(c.escalations.begin(), c.escalations.end(), [&](const Escalation& e) {
            return e.body == body.key && awaits_outcome(e, policy);
        }))
        add(ProblemCode::referral_open, fmt::format("the referral to {} is still open", body.name));
    if (!missing.empty())
        throw Error(ErrorKind::refused, fmt::format("cannot escalate {}", c.id),
                    std::move(missing));
}

Escalation& open_escalation(Case& c, std::string_view body, const Policy& policy) {
    if (const auto open = open_referrals(c, policy); body.empty() && open.size() > 1)
        field_error(ProblemCode::field_missing,
                    fmt::format("{} referrals are open ({}): give {{to}} BODY to say whose "
                                "outcome this is",
                                open.size(), util::join(open, ", ")),
                    c.id);
    for (auto it = c.escalations.rbegin(); it != c.escalations.rend(); ++it)
        if (awaits_outcome(*it, policy) && (body.empty() || it->body == body))
            return *it;
    throw Error(ErrorKind::refused, "",
                {{ProblemCode::step_not_applicable,
                  fmt::format("{} has no open referral{} to record an outcome for", c.id,
                              body.empty() ? "" : " to " + std::string(body)),
                  c.id}});
}

std::vector<Problem> close_missing(const Case& c, const Policy& policy, Outcome outcome,
                                   bool with_learning, bool with_no_learning) {
    std::vector<Problem> missing;
    if (c.status == Status::closed)
        missing.push_back(
            {ProblemCode::already_closed, fmt::format("{} is already closed", c.id), c.id});
    if (with_learning == with_no_learning)
        missing.push_back(
            {ProblemCode::learning_not_documented,
             "give either {learning} (lessons learnt) or {no_learning}: the policy says the "
             "absence of learning must be documented",
             c.id});
    if (with_learning && c.actions.empty())
        missing.push_back({ProblemCode::action_plan_missing,
                           "lessons learnt need an action plan: add at least one action", c.id});
    const bool response_owed = clock_met_by(policy, EventType::response_sent) != nullptr;
    if (response_owed && outcome != Outcome::withdrawn && c.kind == Kind::complaint &&
        !c.exclusion && !first_answer(c) && !first_event(c, EventType::no_written_response))
        missing.push_back({ProblemCode::response_owed,
                           "no stage 1 response has been sent (only a withdrawn complaint, or one "
                           "whose complainant wants no written response, {no_written_response}, "
                           "closes without one)",
                           c.id});
    // "In any case, a written record of the complaint ... must be kept. This
    // record must be agreed upon with the complainant": with a response or
    // without one.
    if (policy.verbal_record_agreed && c.kind == Kind::complaint && !c.exclusion &&
        outcome != Outcome::withdrawn && is_verbal(c) && !record_agreed(c))
        missing.push_back(record_problem(c));
    // complaints.yaml may keep a case open through a body's review
    // (blocks_close: true): say which body by its name, and why it holds.
    for (const auto& key : referrals_blocking_close(c, policy)) {
        const ReviewBody* body = find_review_body(policy, key);
        missing.push_back(
            {ProblemCode::referral_open,
             body ? fmt::format("the referral to {} awaits its outcome, and complaints.yaml keeps "
                                "the case open until then (review body '{}': blocks_close)",
                                body->name, key)
                  : fmt::format("the referral to '{}' awaits its outcome, and that body is no "
                                "longer in the policy",
                                key),
             c.id});
    }
    // Regulation 18 and the KO41b return count every complaint by these.
    for (auto& problem : missing_return_fields(c, policy))
        missing.push_back(std::move(problem));
    return missing;
}

void record_no_written_response(Case& c, const Event& choice) {
    require_formal_complaint(c, "record that no written response is wanted");
    if (first_answer(c))
        throw Error(ErrorKind::refused, "",
                    {{ProblemCode::step_too_late,
                      fmt::format("{}: the written response has already been sent", c.id), c.id}});
    add_event(c, choice);
}

void check_close(const Case& c, const Policy& policy, Outcome outcome, bool with_learning,
                 bool with_no_learning) {
    auto missing = close_missing(c, policy, outcome, with_learning, with_no_learning);
    if (!missing.empty())
        throw Error(ErrorKind::refused, fmt::format("cannot close {}", c.id), std::move(missing));
}

void check_exclude(const Case& c) {
    if (c.exclusion || c.status == Status::closed)
        throw Error(
            ErrorKind::refused, "",
            {{ProblemCode::already_closed,
              fmt::format("{} is already {}", c.id, c.exclusion ? "excluded" : "closed"), c.id}});
    // A referral made before the answer (the Ombudsman, with a reason)
    // leaves the case excludable: regulation 8(1) excludes a complaint under
    // the Ombudsman's investigation.
    if (first_answer(c))
        throw Error(
            ErrorKind::refused, "",
            {{ProblemCode::step_too_late,
              fmt::format("{} has been answered under the policy; close it instead", c.id), c.id}});
}

namespace {

std::vector<Problem> out_of_time_problems(const Case& c, const Policy& policy,
                                          const std::string& text) {
    std::vector<Problem> problems;
    if (!late_complaint_outstanding(c, policy))
        problems.push_back(
            {ProblemCode::step_not_applicable,
             first_event(c, EventType::late_complaint_accepted)
                 ? fmt::format("{} was accepted although late; it cannot now be refused as out "
                               "of time",
                               c.id)
                 : fmt::format("{} was not made after the time limit ({} of what it is "
                               "about, given as {{happened}})",
                               c.id, policy.time_limit ? format_duration(*policy.time_limit) : ""),
             c.id});
    if (util::trim(text).empty())
        problems.push_back({ProblemCode::field_missing,
                            "a refusal as out of time says why in {text}: there was no good "
                            "reason for the delay, or it can no longer be investigated fairly",
                            c.id});
    return problems;
}

// What the reason asks to be named: the case that already resolved it, or
// the body reviewing it and its reference.
std::vector<Problem> named_problems(const Case& c, const Policy& policy, const Excluded& x) {
    std::vector<Problem> problems;
    const auto missing = [&](std::string text) {
        problems.push_back({ProblemCode::field_missing, std::move(text), c.id});
    };
    const bool resolved = x.reason == Exclusion::already_resolved;
    const bool reviewed = x.reason == Exclusion::under_independent_review;
    if (resolved && util::trim(x.earlier_case).empty())
        missing("a complaint already investigated and resolved names the case that did it "
                "({earlier_case})");
    if (resolved && x.earlier_case == c.id)
        problems.push_back({ProblemCode::value_invalid,
                            "{earlier_case}: a case cannot be the earlier case of itself", c.id});
    if (reviewed && util::trim(x.body).empty())
        missing("a complaint under independent review names the body reviewing it ({body})");
    if (reviewed && !x.body.empty() && !find_review_body(policy, x.body))
        problems.push_back({ProblemCode::not_in_policy,
                            fmt::format("{{body}}: unknown body '{}'{}; this repository's policy "
                                        "names: {}",
                                        x.body, did_you_mean(x.body, review_body_keys(policy)),
                                        util::join(review_body_keys(policy), ", ")),
                            c.id});
    if (reviewed && util::trim(x.reference).empty())
        missing("a complaint under independent review gives the body's reference for it "
                "({reference})");
    const auto stray = [&](const std::string& value, const char* field, const char* goes) {
        if (!value.empty())
            problems.push_back({ProblemCode::field_not_applicable,
                                fmt::format("{{{}}} goes with {{reason}} {}, not {}", field, goes,
                                            name_of(x.reason)),
                                c.id});
    };
    if (!resolved)
        stray(x.earlier_case, "earlier_case", "already-resolved");
    if (!reviewed) {
        stray(x.body, "body", "under-independent-review");
        stray(x.reference, "reference", "under-independent-review");
    }
    return problems;
}

std::string exclusion_text(const Policy& policy, const Excluded& x) {
    std::string named;
    if (!x.earlier_case.empty())
        named = fmt::format(" (investigated and resolved as {})", x.earlier_case);
    if (const ReviewBody* body = find_review_body(policy, x.body))
        named = fmt::format(" (by {}, reference {})", body->name, x.reference);
    return fmt::format("Excluded from the complaints policy: {}{}{}", name_of(x.reason), named,
                       x.text.empty() ? "" : ". " + x.text);
}

} // namespace

void exclude(Case& c, const Policy& policy, Excluded exclusion, Event event) {
    check_exclusion_allowed(policy, exclusion.reason);
    check_exclude(c);
    exclusion.reference = util::trim(exclusion.reference);
    if (auto problems = named_problems(c, policy, exclusion); !problems.empty())
        throw Error(ErrorKind::usage, fmt::format("cannot exclude {}", c.id), std::move(problems));
    if (exclusion.reason == Exclusion::out_of_time)
        if (auto problems = out_of_time_problems(c, policy, exclusion.text); !problems.empty())
            throw Error(ErrorKind::refused, fmt::format("cannot refuse {} as out of time", c.id),
                        std::move(problems));
    event.type = EventType::excluded;
    event.text = exclusion_text(policy, exclusion);
    c.exclusion = std::move(exclusion);
    c.status = Status::closed;
    add_event(c, std::move(event));
}

void check_exclusion_allowed(const Policy& policy, Exclusion reason) {
    const auto& allowed = policy.exclusions;
    if (std::find(allowed.begin(), allowed.end(), reason) != allowed.end())
        return;
    if (allowed.empty())
        throw Error(ErrorKind::usage, "",
                    {{ProblemCode::nothing_excluded,
                      fmt::format("{{reason}} {}: this repository's policy excludes no complaint "
                                  "from its process; a complaint runs to its outcome, and what is "
                                  "not a formal complaint is opened as informal feedback",
                                  name_of(reason)),
                      ""}});
    std::vector<std::string> names;
    for (const Exclusion known : allowed)
        names.emplace_back(name_of(known));
    field_error(ProblemCode::not_in_policy,
                fmt::format("{{reason}} {}: this repository's policy excludes only {}",
                            name_of(reason), util::join(names, ", ")));
}

void check_convert(const Case& c) {
    if (c.kind == Kind::complaint)
        throw Error(
            ErrorKind::refused, "",
            {{ProblemCode::already_done, fmt::format("{} is already a complaint", c.id), c.id}});
    if (c.status == Status::closed)
        throw Error(ErrorKind::refused, "",
                    {{ProblemCode::case_closed, fmt::format("{} is closed", c.id), c.id}});
}

void check_consent(const Case& c) {
    if (c.on_behalf_of.empty())
        throw Error(
            ErrorKind::refused, "",
            {{ProblemCode::step_not_applicable,
              fmt::format("{} is not made on someone's behalf (open {{on_behalf_of}})", c.id),
              c.id}});
}

Event& record_resolution(Case& c, const Event& resolution, const std::optional<Event>& correction) {
    if (const Event* agreed = last_event(c, EventType::resolved))
        record_amendments(c, {{"resolution", agreed->text, resolution.text}}, correction);
    else if (correction)
        record_amendments(c, {}, correction); // refused: nothing was sent to correct
    return add_event(c, resolution);
}

Action& open_action(Case& c, int number) {
    for (auto& action : c.actions) {
        if (action.number != number)
            continue;
        if (action.done)
            throw Error(
                ErrorKind::refused, "",
                {{ProblemCode::already_done,
                  fmt::format("action {} of {} is already done", action.number, c.id), c.id}});
        return action;
    }
    field_error(ProblemCode::no_such_item,
                fmt::format("{} has no action '{}' (it has {})", c.id, number, c.actions.size()),
                c.id);
}

std::vector<const Action*> overdue_actions(const Case& c, date::year_month_day today) {
    std::vector<const Action*> late;
    for (const auto& action : c.actions)
        if (!action.done && action.due < today)
            late.push_back(&action);
    return late;
}

std::string joined(const std::vector<std::string>& items) {
    std::string out;
    for (const auto& item : items)
        out += (out.empty() ? "" : "; ") + item;
    return out;
}

} // namespace complaints
