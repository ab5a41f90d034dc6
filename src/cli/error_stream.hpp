// SPDX-License-Identifier: Apache-2.0
#pragma once
// Standard error as the command writes it: every message passes through
// visible_controls (a case's text or a typed name cannot drive the terminal,
// or a log a terminal later shows), and a write that fails is dropped, never
// thrown: a command whose stderr is full (`2>/dev/full`) must neither abort
// nor report failure for a change it made, or a retry would make it twice.

namespace complaints::cli {

// Replaces `stderr` with such a stream, for the rest of the process.
void guard_standard_error();

} // namespace complaints::cli
