// SPDX-License-Identifier: Apache-2.0
#pragma once
// respond's flag forms from before its subcommands (respond ID --sent, ...):
// deprecated, still working for this version, each with a note that names
// the subcommand to use instead.
#include "context.hpp"

#include <CLI/CLI.hpp>

namespace complaints::cli {

// The old ID argument and flags on `respond`, hidden from help, run when no
// subcommand is given.
void add_old_flags(CLI::App& respond, Context& context);

// A usage error when a subcommand of `respond` was given an old flag too.
void refuse_old_flags(const CLI::App& respond);

// --point N: numbered from 1, as 'show' lists them.
CLI::Validator point_number();

} // namespace complaints::cli
