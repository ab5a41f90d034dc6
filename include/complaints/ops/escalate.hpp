// SPDX-License-Identifier: Apache-2.0
#pragma once
// `escalate` as one operation: a referral to a body outside the
// organisation (a review, a regulator, an advice service), or the outcome
// of one, with every refusal of either.
#include "complaints/model/model.hpp"
#include "complaints/policy/policy.hpp"

#include <optional>
#include <string>
#include <vector>

namespace complaints {

struct EscalateRequest {
    // The body's key in the policy: referred to, or (with an outcome) whose
    // review it is; empty with an outcome for the only open referral.
    std::string to;
    std::string reference;
    std::string note;
    // Why the body is told before the organisation's own response.
    std::string reason;
    // The review's outcome, when it is the outcome being recorded.
    std::optional<std::string> outcome;
    // The event's time, author and `recorded`; its type and text are the
    // operation's.
    Event event;
};

struct Escalated {
    enum class What {
        signposted, // an advice service: no outcome awaited
        referred,   // a body outside the stages: tracked, closing does not wait
        stage_two,  // the complaint's stage 2
        stage_two_after_close,
        outcome_recorded, // the review's outcome; `still_open` names any others
    };
    What what{};
    // The body's name as the policy gives it.
    std::string body;
    bool stage_two = false;
    std::vector<std::string> still_open;
    // Said to the user, nothing refused: a second referral to one body.
    std::vector<std::string> cautions;
};

// Refers `c` to the request's body, or records the outcome of its open
// review, or throws changing nothing the caller keeps: a usage Error
// listing every problem with the request at once, else the policy's
// refusal (check_escalation, open_escalation, an outcome dated before its
// referral).
Escalated escalate_case(Case& c, const EscalateRequest& request, const Policy& policy,
                        const date::time_zone& zone);

} // namespace complaints
