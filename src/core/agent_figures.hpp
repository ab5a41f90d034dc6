#pragma once
// The report's figures per support agent (the platform's named handler).
#include "complaints/report.hpp"

#include <date/date.h>

#include <vector>

namespace complaints {

// Adds the case to its agent's figures for the window [start, end), with its
// clocks as they stood at `context.now` (the report's end). A case with no
// agent assigned by the end, or under a policy that assigns none, counts for
// nobody. `figures` stays sorted by name.
void count_agent(std::vector<AgentFigures>& figures, const Case& c, const ReportContext& context,
                 date::sys_seconds start, date::sys_seconds end);

} // namespace complaints
