// SPDX-License-Identifier: Apache-2.0
#pragma once
// Shell completion scripts written from the command tree: commands,
// options, the values of options that take few, and case IDs from the
// repository (through `complaints __ids`).
#include "command_tree.hpp"

#include <string>
#include <string_view>

namespace complaints::cli {

// "bash", "zsh" or "fish"; a usage error for any other shell.
std::string completion_script(const CommandEntryTree& root, std::string_view shell);

} // namespace complaints::cli
