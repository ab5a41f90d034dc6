// SPDX-License-Identifier: Apache-2.0
#pragma once
// `--format json` on every command that writes a case (dispatch.cpp): the
// case as written on standard output, what the command says for people on
// standard error.

namespace complaints::cli {

// Adds `--format table|json` to each command set up with `writes` that has
// no --format of its own. Called once, after every command is set up.
void add_json_options();

} // namespace complaints::cli
