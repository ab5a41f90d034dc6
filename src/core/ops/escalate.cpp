// SPDX-License-Identifier: Apache-2.0
#include "complaints/ops/escalate.hpp"

#include "complaints/base/strings.hpp"
#include "complaints/workflow/cautions.hpp"
#include "complaints/workflow/workflow.hpp"

#include <fmt/format.h>

namespace complaints {

namespace {

// What the request itself gets wrong, whatever the case.
std::vector<Problem> request_problems(const EscalateRequest& request) {
    std::vector<Problem> problems;
    if (request.outcome && util::trim(*request.outcome).empty())
        problems.emplace_back(ProblemCode::value_invalid,
                              "{outcome} needs the review's outcome, in words");
    if (request.outcome && !request.reason.empty())
        problems.emplace_back(ProblemCode::field_not_applicable,
                              "{reason} goes with {to} BODY, not {outcome}");
    if (!request.outcome && request.to.empty())
        problems.emplace_back(ProblemCode::field_missing,
                              "give {to} BODY to refer the complaint, or {outcome} TEXT to "
                              "record the review's outcome");
    if (!request.reason.empty() && util::trim(request.reason).empty())
        problems.emplace_back(ProblemCode::value_invalid,
                              "{reason} is blank: say why the body is told now");
    return problems;
}

const ReviewBody& body_named(const std::string& key, const Policy& policy) {
    if (const ReviewBody* body = find_review_body(policy, key))
        return *body;
    const auto keys = review_body_keys(policy);
    field_error(ProblemCode::not_in_policy,
                fmt::format("{{to}}: unknown body '{}'{}; this repository's policy names: {}", key,
                            did_you_mean(key, keys), util::join(keys, ", ")));
}

std::string referral_text(const ReviewBody& body, const EscalateRequest& request,
                          const std::string& reason) {
    return fmt::format("{} {}{}{}{}", body.advice ? "Signposted to" : "Referred to", body.name,
                       request.reference.empty() ? "" : " (reference " + request.reference + ")",
                       reason.empty() ? "" : ". Reason: " + reason,
                       request.note.empty() ? "" : ". " + request.note);
}

Escalated refer(Case& c, const EscalateRequest& request, const Policy& policy,
                const date::time_zone& zone) {
    const ReviewBody& body = body_named(request.to, policy);
    const std::string reason = util::trim(request.reason);
    check_escalation(c, body, policy, reason);
    Escalated done{Escalated::What::referred, body.name, body.stage_two, {}, {}};
    if (const auto again = repeat_referral_caution(c, body, zone))
        done.cautions.push_back(*again);
    Event event = request.event;
    event.type = EventType::escalated;
    event.text = referral_text(body, request, reason);
    c.escalations.push_back(Escalation{body.key, event.at, request.reference, "", std::nullopt});
    add_event(c, event);
    if (body.advice)
        done.what = Escalated::What::signposted;
    else if (body.stage_two)
        done.what = c.status == Status::closed ? Escalated::What::stage_two_after_close
                                               : Escalated::What::stage_two;
    return done;
}

Escalated record_outcome(Case& c, const EscalateRequest& request, const Policy& policy) {
    Escalation& review = open_escalation(c, request.to, policy);
    if (request.event.at < review.at)
        field_error(ProblemCode::date_out_of_order,
                    "{at}: the outcome is dated before the referral", c.id);
    Event event = request.event;
    event.type = EventType::review_outcome;
    event.text = *request.outcome;
    review.outcome = event.text;
    review.outcome_at = event.at;
    const ReviewBody* named = find_review_body(policy, review.body);
    add_event(c, event);
    return {Escalated::What::outcome_recorded,
            named ? named->name : review.body,
            !named || named->stage_two,
            open_referrals(c, policy),
            {}};
}

} // namespace

Escalated escalate_case(Case& c, const EscalateRequest& request, const Policy& policy,
                        const date::time_zone& zone) {
    if (auto problems = request_problems(request); !problems.empty())
        throw Error(ErrorKind::usage, fmt::format("cannot escalate {}", c.id), std::move(problems));
    return request.outcome ? record_outcome(c, request, policy) : refer(c, request, policy, zone);
}

} // namespace complaints
