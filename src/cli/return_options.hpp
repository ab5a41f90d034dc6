// SPDX-License-Identifier: Apache-2.0
#pragma once
// The fields the annual return (KO41b) counts a complaint by, as `open` and
// `classify` take them, and the questions `open` asks for them at a terminal.
#include "commands.hpp"

#include "complaints/workflow/return_fields.hpp"

#include <string>
#include <vector>

namespace complaints::cli {

struct ReturnOptions {
    std::string age_band;
    std::string complainant_status;
    std::vector<std::string> subject_areas;
    std::vector<std::string> staff_groups;
};

void add_return_options(CLI::App& command, ReturnOptions& options);
// What was given; a field not given is left unset.
ReturnFields return_fields(const ReturnOptions& options);
// Where the policy requires the return's fields and a person is typing at a
// terminal: asks for each one not given (Enter leaves it for `classify`).
// Unattended runs (scripts, intake, tests) are never asked.
void ask_return_fields(ReturnOptions& options, const Policy& policy);

} // namespace complaints::cli
