// SPDX-License-Identifier: Apache-2.0
#pragma once
// A case as scripts see it: the file's keys in the file's order (stable
// snake_case, ISO timestamps with offsets, null for what is unset), then
// what the tool derives: received_date, stage, attention, next_due.
#include "complaints/model/model.hpp"
#include "complaints/policy/policy.hpp"
#include "complaints/workflow/clocks.hpp"

#include <string>
#include <vector>

namespace complaints::cli {

enum class CaseDetail {
    full,    // show, open: points, events and every clock
    listing, // list: point_count, event_count and last_event_at instead
};

// Appends the case as a JSON object laid out as nlohmann's dump(2), nested
// `depth` deep: written directly, since `list` prints 100,000 of them.
void write_case_json(std::string& out, int depth, const Case& c, const std::vector<Clock>& clocks,
                     const date::time_zone& zone, const Policy& policy, CaseDetail detail);

// One event as `log --format json` prints it.
std::string event_json(const Event& event);

} // namespace complaints::cli
