// SPDX-License-Identifier: Apache-2.0
#pragma once
// The platform's support agents: "Lantum then assigns the complaint to a
// support agent within 48 hours. They will act as your main point of contact".
#include <string>
#include <string_view>
#include <vector>

namespace complaints {

// The agent `given` names, as the case keeps it: without blanks at its ends
// and, when complaints.yaml lists a roster, spelt as the roster spells it
// (names compare ignoring case and runs of blanks). Throws a usage error for
// a blank name, which names nobody, and for a name the roster does not list,
// suggesting the nearest one.
std::string agent_named(std::string_view given, const std::vector<std::string>& roster);

} // namespace complaints
