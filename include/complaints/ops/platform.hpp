// SPDX-License-Identifier: Apache-2.0
#pragma once
// The platform's handling as operations: the support agent who handles a
// complaint, and the resolution agreed between the parties.
#include "complaints/model/model.hpp"
#include "complaints/ops/log.hpp"
#include "complaints/policy/policy.hpp"

#include <functional>
#include <optional>
#include <string>

namespace complaints {

struct Assignment {
    // The agent as given; the roster decides the name recorded.
    std::string agent;
    // The event's time, author and `recorded`.
    Event event;
};

struct Assigned {
    std::string agent;
    // The first assignment's time is the one the clocks count.
    bool first = false;
};

// Names the agent who handles `c`, or throws changing nothing: a usage
// Error for a blank name or one the roster lacks, a refusal for a case that
// is not a formal complaint.
Assigned assign_agent(Case& c, const Assignment& request, const std::vector<std::string>& roster);

struct Resolution {
    // The agreed resolution, in words.
    std::string text;
    // When the resolution already sent is changed: the `corrected` event.
    std::optional<Event> correction;
    // Why the policy's order of steps is skipped, when it is.
    std::string skip_step;
    Event event;
};

// Keeps the letter for the resolution as it stands in the case (a
// correction keeps the first one's time); returns where it is kept.
using KeepResolutionLetter = std::function<std::string(const Case& c, const Event& resolved)>;

// Records the resolution, its letter kept through `keep_letter` once every
// check has passed; returns the resolution as it stands. A correction
// changes a resolution already in its place in the order of steps, so the
// order is checked only for a first resolution (or when a skip is asked).
Event resolve_case(Case& c, const Resolution& request, const Policy& policy,
                   const KeepResolutionLetter& keep_letter);

} // namespace complaints
