// SPDX-License-Identifier: Apache-2.0
#pragma once
// `close` as one operation: every refusal of closing a case, and the closed
// case. The command parses its options into a CloseRequest and prints what
// this returns; it decides nothing.
#include "complaints/model/model.hpp"
#include "complaints/policy/policy.hpp"

#include <functional>
#include <optional>
#include <string>
#include <vector>

namespace complaints {

struct CloseRequest {
    Outcome outcome{};
    std::optional<Satisfaction> satisfaction; // whether the complainant was satisfied
    std::string learning;
    std::string no_learning;
    // When the complainant asked for no written response: the event that
    // records it (its time, author and text).
    std::optional<Event> no_written_response;
    // The closing's time, author and `recorded`; its text is the operation's.
    Event closing;
    bool warning = false;
    std::string warning_reason;
    // Why the policy's order of steps is skipped, when it is.
    std::string skip_step;
};

// The other cases' slim facts (warnings, decisions), asked for only when a
// warning is issued: a clinician's standing counts every case.
using OtherCases = std::function<std::vector<Case>()>;

struct Closed {
    // What issuing the warning set off (a suspension review), if anything.
    std::optional<std::string> review;
};

// Closes `c` with the request's outcome, or throws, changing nothing the
// caller keeps: a usage Error listing every problem with the request at
// once, else the policy's refusal of closing (check_close, the order of
// steps, the warning's rules).
Closed close_case(Case& c, const CloseRequest& request, const Policy& policy,
                  const date::time_zone& zone, const OtherCases& others);

} // namespace complaints
