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
Policy base(Preset preset);
ClockRule& clock(Policy& policy, std::string_view name);

Policy clinic();
Policy platform();
Policy nhs_england();

} // namespace complaints::presets
