// SPDX-License-Identifier: Apache-2.0
#include "complaints/ops/close.hpp"

#include "complaints/workflow/clinicians.hpp"
#include "complaints/workflow/steps.hpp"
#include "complaints/workflow/workflow.hpp"

#include <fmt/format.h>

namespace complaints {

namespace {

// What the request itself gets wrong, whatever the case.
std::vector<Problem> request_problems(const CloseRequest& request) {
    std::vector<Problem> problems;
    if (!request.warning_reason.empty() && !request.warning)
        problems.emplace_back(ProblemCode::field_not_applicable,
                              "{warning_reason} goes with {warning}");
    if (!request.skip_step.empty() && request.outcome == Outcome::withdrawn)
        problems.emplace_back(ProblemCode::field_not_applicable,
                              "{skip_step}: a withdrawn complaint closes without the policy's "
                              "steps");
    return problems;
}

Event closing_event(const CloseRequest& request) {
    Event closing = request.closing;
    closing.type = EventType::closed;
    closing.satisfaction = request.satisfaction;
    closing.text = fmt::format(
        "Closed: {}; {}{}", name_of(request.outcome),
        request.learning.empty() ? "no learning identified: " + request.no_learning
                                 : "lessons learnt recorded",
        request.satisfaction ? fmt::format("; the complainant: {}", name_of(*request.satisfaction))
                             : "");
    return closing;
}

std::vector<Case> others_than(const Case& c, std::vector<Case> all) {
    std::erase_if(all, [&](const Case& other) { return other.id == c.id; });
    return all;
}

} // namespace

Closed close_case(Case& c, const CloseRequest& request, const Policy& policy,
                  const date::time_zone& zone, const OtherCases& others) {
    if (auto problems = request_problems(request); !problems.empty())
        throw Error(ErrorKind::usage, fmt::format("cannot close {}", c.id), std::move(problems));
    if (request.no_written_response)
        record_no_written_response(c, *request.no_written_response);
    check_close(c, policy, request.outcome, !request.learning.empty(),
                !request.no_learning.empty());
    const Event closing = closing_event(request);
    check_close_after_resolution(c, closing.at);
    // Only a withdrawn complaint closes before the policy's steps are done.
    if (request.outcome != Outcome::withdrawn)
        check_step(c, policy, std::nullopt, closing, request.skip_step);
    c.status = Status::closed;
    c.outcome = request.outcome;
    c.satisfaction = request.satisfaction;
    c.learning = request.learning;
    c.no_learning = request.no_learning;
    add_event(c, closing);
    if (!request.warning)
        return {};
    check_warning(c, policy, closing.at, request.warning_reason);
    return {
        issue_warning(c, closing, others_than(c, others()), policy, zone, request.warning_reason)};
}

} // namespace complaints
