// SPDX-License-Identifier: Apache-2.0
#pragma once
// Man pages in roff, written from the command tree: complaints-CMD(1) for
// each command and the list of commands in complaints(1).
#include "command_tree.hpp"

#include <string>
#include <string_view>

namespace complaints::cli {

// complaints-CMD(1). `prose` is the command's hand-written roff
// (man/commands/CMD.roff), or "": its paragraphs become the DESCRIPTION, and
// a ".TP" entry whose tag names options (".BI \-\-channel ...") is used for
// those options in OPTIONS instead of their --help line. An entry naming an
// option the command does not have is an error (the prose is out of date).
std::string command_man_page(const CommandEntryTree& command, std::string_view prose,
                             const std::string& source);

// complaints(1): `overview` (man/complaints.1) with its line
// `.\" @COMMANDS@` replaced by every command, one line each.
std::string overview_man_page(const CommandEntryTree& root, std::string_view overview);

} // namespace complaints::cli
