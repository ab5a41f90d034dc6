// SPDX-License-Identifier: Apache-2.0
#pragma once
// The report's figures per support agent (the platform's named handler).
#include "complaints/render/report.hpp"
#include "complaints/workflow/clocks.hpp"
#include "complaints/workflow/later_entries.hpp"

#include <date/date.h>

#include <vector>

namespace complaints {

// Adds the case to its agent's figures for the window [start, end), with its
// closing and clocks as they stood at `context.now` (the report's end, given
// in `then`, as the report works them out once for every figure), under the agent
// who held it at `end` (a case reassigned since counts for the one then). A formal
// complaint not assigned by the end counts to the row whose agent is empty
// when it is open at the end or was resolved in the window; one assigned
// without a name (older files) counts for nobody, as does every case under a
// policy that assigns no agent. `figures` stays sorted by name, that row last.
struct AtEnd {
    const std::optional<Ending>& ending; // ending_at(c, end)
    const std::vector<Clock>& clocks;    // clocks_as_at(c, ending, ...) at the report's end
};
void count_agent(std::vector<AgentFigures>& figures, const Case& c, const AtEnd& then,
                 const ReportContext& context, date::sys_seconds start, date::sys_seconds end);

} // namespace complaints
