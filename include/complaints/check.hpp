#pragma once
// `check`: the whole repository validated without stopping at the first
// problem.
#include "complaints/store.hpp"

#include <string>
#include <vector>

namespace complaints {

struct Problem {
    std::string file; // relative to the repository
    int line = 0;     // 1-based; 0 when the whole file is meant
    std::string message;
};

// Every case file against the format; IDs and file names; the workflow's
// states; the verbal record and consent; overdue deadlines; the platform's
// patient-data rule. The store has already read complaints.yaml.
std::vector<Problem> check_repository(const Store& store, date::sys_seconds now);

} // namespace complaints
