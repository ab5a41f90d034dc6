// SPDX-License-Identifier: Apache-2.0
#pragma once
// What a board reads first: a red, amber or green status for each section
// against the policy's deadlines, said in words too, and a few sentences of
// the period's figures. Both from the report alone.
#include "complaints/render/report.hpp"

#include <string>
#include <string_view>
#include <vector>

namespace complaints {

enum class Rag { green, amber, red };
std::string_view rag_name(Rag rag); // "green", "amber", "red"

// Red: a deadline missed (a step late, or overdue and not done). Amber: met
// only through the policy's allowance (a delay explained in time), or a step
// not done yet whose date is still to come at the end of an unfinished
// period, or owed without a deadline. Green: every deadline met.
struct SectionStatus {
    std::string section; // the report's JSON key: "responses", "acknowledgements", ...
    Rag rag = Rag::green;
    std::string words; // why, in a sentence
};
// The sections with a deadline the policy sets: the answer, the
// acknowledgement, the other steps, Being Open, the action plans.
std::vector<SectionStatus> report_status(const Report& report);

// "15 received (12 formal complaints), 2 more than 2026-10; 4 of 6 responses
// due sent on time; 1 sent late in the period; ...": the period in a few
// clauses, the comparison with the month before for a month's report.
std::string report_narrative(const Report& report);

} // namespace complaints
