// SPDX-License-Identifier: Apache-2.0
#pragma once
// The presets, one file each: every rule of one policy as data. Each value
// cites the sentence it comes from in docs/policy.md.
#include "complaints/policy/policy.hpp"

namespace complaints::presets {

// The clocks every preset knows, all switched off: a preset switches on what
// its policy says, and complaints.yaml can switch on any of them.
std::vector<ClockRule> standard_clocks();
// A preset before its rules: the standard clocks, all off, and every kind.
Policy base();
ClockRule& clock(Policy& policy, std::string_view name);

// Every preset file FILE.cpp defines `PresetInfo FILE_preset()`: its name,
// what it is for, and the function that makes its policy. CMakeLists.txt
// writes the table that calls each (preset_table.cpp, from the folder's
// files), which also keeps the linker from dropping a preset's object.
std::vector<PresetInfo> registered();

} // namespace complaints::presets
