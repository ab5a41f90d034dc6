// SPDX-License-Identifier: Apache-2.0
#pragma once
// The platform's handling as operations: the support agent who handles a
// complaint, and the resolution agreed between the parties.
#include "complaints/model/model.hpp"
#include "complaints/ops/log.hpp"
#include "complaints/policy/policy.hpp"
#include "complaints/workflow/agents.hpp"

#include <functional>
#include <optional>
#include <string>

namespace complaints {

struct Assignment {
    // The agent as given; the roster decides the name recorded.
    std::string agent;
    // The event's time, author and `recorded`.
    Event event;
    // Who the roster marks as left: no new work is theirs.
    std::vector<AgentLeft> left;
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

// A handover of everything one agent holds to another (`from`, `to` as the
// roster spells them: see handover_names).
struct Handover {
    std::string from;
    std::string to;
    Event event; // its time, author and `recorded`
};

// The names of a handover, checked before any case is read: `to` as
// assign_agent takes it, and present on the day; `from` on the roster (one
// who left included), or with no roster one of `holders` (the agents the
// cases name), else not_found suggesting the nearest; never the same agent.
Handover handover_names(std::string_view from, std::string_view to,
                        const std::vector<std::string>& roster, const std::vector<AgentLeft>& left,
                        const std::vector<std::string>& holders, date::year_month_day day);

// Hands `c` over when its agent is `request.from` and still holds work in it
// (holds_work): an `assigned` event naming both. A closed case (a referral
// still awaited) stays closed, its outcome and figures as they were. False,
// changing nothing, when there is nothing of theirs.
bool hand_over(Case& c, const Handover& request, const Policy& policy);

// Marks `given` on the roster as left on `on`, adding them to it when it
// lists nobody; returns the name as the roster spells it. A usage error for
// a blank name or one a roster lacks, refused when they already left.
std::string mark_left(std::vector<std::string>& roster, std::vector<AgentLeft>& left,
                      std::string_view given, date::year_month_day on);

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
