// SPDX-License-Identifier: Apache-2.0
#pragma once
// Every clinician's decisions, for the commands that show what a case owes
// a suspension review (agenda, list --attention, serve's today page): a
// review due on one case is settled by a decision on another.
#include "complaints/store/store.hpp"
#include "complaints/workflow/clinicians.hpp"

namespace complaints::cli {

// A scan of its own through the cache, as Context::scan reads (defined in
// context.cpp beside it); nothing where the policy keeps no warnings. A
// case it cannot read is left out silently: the scan that lists says so.
DecisionRecord every_decision(const Store& store, bool no_cache);

} // namespace complaints::cli
