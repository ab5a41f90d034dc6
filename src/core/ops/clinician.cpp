// SPDX-License-Identifier: Apache-2.0
#include "complaints/ops/clinician.hpp"

#include "complaints/workflow/workflow.hpp"

#include <fmt/format.h>

#include <algorithm>

namespace complaints {

namespace {

// The decision the step makes, or a usage error when the step and the
// decision given do not go together.
DecisionKind decision_made(const ClinicianDecision& request) {
    const bool reinstating = request.step == ClinicianStep::reinstate;
    if (reinstating && request.decision)
        field_error(ProblemCode::field_not_applicable, "{decision} goes with a review, not a "
                                                       "reinstatement");
    if (reinstating)
        return DecisionKind::reinstated;
    if (!request.decision)
        field_error(ProblemCode::field_missing,
                    "a review needs its {decision}: no-action, final-warning, "
                    "temporary-suspension with {until}, or permanent-suspension");
    if (*request.decision == DecisionKind::reinstated)
        field_error(ProblemCode::value_invalid,
                    "{decision}: a reinstatement is a step of its own, not a review's decision");
    return *request.decision;
}

} // namespace

CaseEvent decide_on_clinician(const Clinician& clinician, const ClinicianDecision& request,
                              const Policy& policy, const date::time_zone& zone) {
    const DecisionKind kind = decision_made(request);
    Event event = request.event;
    event.type = decision_event_type(kind);
    event.text = request.reason;
    event.due = request.until;
    check_decision(clinician, policy, kind, request.until, local_date(event.at.utc, zone),
                   request.reason);
    return {decision_case(clinician, kind), event};
}

void require_clinicians_case(const Clinician& clinician, const std::string& id) {
    if (std::find(clinician.case_ids.begin(), clinician.case_ids.end(), id) ==
        clinician.case_ids.end())
        throw Error(ErrorKind::usage, "",
                    {{ProblemCode::no_such_item,
                      fmt::format("{} is not one of {}'s cases ({})", id, clinician.name,
                                  joined(clinician.case_ids)),
                      id}});
}

std::optional<MootReview> withdraw_moot_review(const std::vector<Case>& cases,
                                               const std::string& key, const std::string& rescinded,
                                               const Event& event, const Policy& policy,
                                               const date::time_zone& zone) {
    const auto all = clinicians(cases, policy, zone);
    const auto found =
        std::find_if(all.begin(), all.end(), [&](const Clinician& c) { return c.key == key; });
    if (found == all.end())
        return std::nullopt;
    const auto day = local_date(event.at.utc, zone);
    const auto review = moot_review(*found, cases, policy, day, zone);
    if (!review)
        return std::nullopt;
    MootReview moot{{*review, event},
                    found->name,
                    static_cast<int>(standing_on(*found, policy, day).active.size())};
    moot.withdrawal.event.type = EventType::review_withdrawn;
    moot.withdrawal.event.text =
        fmt::format("Suspension review of {} withdrawn: the warning {} issued was rescinded on "
                    "appeal, leaving {} active warning{}",
                    found->name, rescinded, moot.warnings_left, moot.warnings_left == 1 ? "" : "s");
    return moot;
}

} // namespace complaints
