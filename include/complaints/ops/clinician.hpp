// SPDX-License-Identifier: Apache-2.0
#pragma once
// A clinician's warnings as operations: a review's decision or a
// reinstatement, a warning rescinded on appeal, and the suspension review
// that a rescinding leaves with nothing to decide. Each names the case it is
// recorded on and the event to add there; the command adds it.
#include "complaints/model/model.hpp"
#include "complaints/policy/policy.hpp"
#include "complaints/workflow/clinicians.hpp"

#include <optional>
#include <string>
#include <vector>

namespace complaints {

// What a panel does with a clinician's standing: a review decides, a
// reinstatement ends a suspension.
enum class ClinicianStep { review, reinstate };

struct ClinicianDecision {
    ClinicianStep step = ClinicianStep::review;
    // A review's decision: needed for a review, never given with a
    // reinstatement (which is its own decision).
    std::optional<DecisionKind> decision;
    // The end of a temporary suspension.
    std::optional<date::year_month_day> until;
    std::string reason;
    // The event's time, author and `recorded`; its type and text are the
    // operation's.
    Event event;
};

struct CaseEvent {
    std::string case_id;
    Event event;
};

// The decision as recorded on the case it answers, or throws: a usage Error
// for a review without its decision or a reinstatement with one, else the
// policy's refusal of it against the clinician's standing on the
// decision's day.
CaseEvent decide_on_clinician(const Clinician& clinician, const ClinicianDecision& request,
                              const Policy& policy, const date::time_zone& zone);

// The case `id` among the clinician's, whose warning is rescinded; throws
// no_such_item naming the clinician's cases when it is not one of them.
void require_clinicians_case(const Clinician& clinician, const std::string& id);

// The suspension review withdrawn because the warning `rescinded` issued no
// longer stands and too few remain, if a review was pending; `cases` hold
// the rescinding already. `event` gives the time and author.
struct MootReview {
    CaseEvent withdrawal;
    std::string clinician; // as named
    int warnings_left = 0;
};
std::optional<MootReview> withdraw_moot_review(const std::vector<Case>& cases,
                                               const std::string& key, const std::string& rescinded,
                                               const Event& event, const Policy& policy,
                                               const date::time_zone& zone);

} // namespace complaints
