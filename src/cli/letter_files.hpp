// SPDX-License-Identifier: Apache-2.0
#pragma once
// Letters at the command line: a draft printed or written to --out, the
// letter sent read from --letter FILE, a kept letter printed.
#include "complaints/store/store.hpp"

#include <string>
#include <string_view>

namespace complaints::cli {

// Writes `text` to standard output with its controls made visible
// (visible_controls): a letter, or a leaflet, printed is read on a terminal,
// now or after a pipe. Byte for byte otherwise, CRLF included.
void print_for_people(std::string_view text);

// Prints the draft, or writes it to `out`: a new file, or with `force` in
// place of an existing one (a usage error without). `what` names it in the
// confirmation ("draft response").
void put_draft(const std::string& text, const std::string& out, bool force, std::string_view what);

// The exact bytes of the letter sent, read from `file` (standard input for
// "-"); refused as check_letter_text refuses, naming the file, so that
// nothing is written.
std::string letter_sent_from(const std::string& file, const Store& store);

} // namespace complaints::cli
