// SPDX-License-Identifier: Apache-2.0
#pragma once
// `check`: the whole repository validated without stopping at the first
// problem.
#include "complaints/base/error.hpp"

#include "complaints/store/store.hpp"
#include <optional>

#include <string>
#include <vector>

namespace complaints {

struct CheckProblem {
    std::string file; // relative to the repository
    int line = 0;     // 1-based; 0 when the whole file is meant
    std::string message;
    std::optional<Problem> process = std::nullopt; // a process rule's problem, for the CLI to word
    // A deadline passed or a step owed: the agenda's business, reported for
    // the auditor's view but never a fault in the files, so never a failure.
    bool agenda = false;
};

// Every case file against the format; IDs and file names; the workflow's
// states; the platform's patient-data rule; and, marked `agenda`, the
// verbal record and consent outstanding and the deadlines passed. The store
// has already read complaints.yaml.
std::vector<CheckProblem> check_repository(const Store& store, date::sys_seconds now);

} // namespace complaints
