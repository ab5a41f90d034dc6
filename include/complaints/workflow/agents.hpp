// SPDX-License-Identifier: Apache-2.0
#pragma once
// The platform's support agents: "Lantum then assigns the complaint to a
// support agent within 48 hours. They will act as your main point of contact".
#include "complaints/base/error.hpp"
#include "complaints/model/model.hpp"
#include "complaints/policy/policy.hpp"

#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace complaints {

// An agent the roster marks as having left, from the day given: from then
// on no new work is theirs, and what they still hold is handed over.
struct AgentLeft {
    std::string name; // as the roster spells it
    date::year_month_day on;

    friend bool operator==(const AgentLeft&, const AgentLeft&) = default;
};

// The names a new assignment must come from: the roster, unless everyone
// on it is marked as left (or it lists nobody): then any name.
std::vector<std::string> roster_in_force(const std::vector<std::string>& names,
                                         const std::vector<AgentLeft>& left);

// The agent `given` names, as the case keeps it: without blanks at its ends
// and, when complaints.yaml lists a roster, spelt as the roster spells it
// (names compare ignoring case and runs of blanks). Throws a usage error for
// a blank name, which names nobody, and for a name the roster does not list,
// suggesting the nearest one.
std::string agent_named(std::string_view given, const std::vector<std::string>& roster);

// When `name` (as the roster spells it) left, if they have by `day`.
const AgentLeft* left_by(std::string_view name, const std::vector<AgentLeft>& left,
                         date::year_month_day day);

// Throws `refused` when `agent` has left by `day`: new work is not theirs,
// and the refusal says to hand over what they hold (ProblemCode::agent_left,
// its subject the agent).
void require_present(const std::string& agent, const std::vector<AgentLeft>& left,
                     date::year_month_day day);

// Work its agent still holds: an open formal complaint, or a closed one
// with a referral still awaiting its outcome (the agent follows it up).
bool holds_work(const Case& c, const Policy& policy);

// The case's agent has left by `day` and still holds it: the problem
// (ProblemCode::agent_left, subject the agent) the agenda and check show.
std::optional<Problem> held_by_leaver(const Case& c, const Policy& policy,
                                      const std::vector<AgentLeft>& left, date::year_month_day day);

} // namespace complaints
