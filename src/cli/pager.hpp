// SPDX-License-Identifier: Apache-2.0
#pragma once
// Long output through a pager when standard output is a terminal, as git
// does: $COMPLAINTS_PAGER, else $PAGER, else `less` with LESS=FRX (quit when
// it fits one screen, keep colour, leave the text on the screen). An empty
// value or `cat` turns it off, as does --no-pager.
#include <cstddef>
#include <optional>

namespace complaints::cli {

// Starts the pager on standard output when it is a terminal; the process
// waits for it at exit. False when no pager was started.
bool start_pager();

// The terminal standard output was before the pager took it: colour and
// widths follow it, since the pager shows them there.
bool stdout_paged();
std::optional<std::size_t> paged_width();

} // namespace complaints::cli
