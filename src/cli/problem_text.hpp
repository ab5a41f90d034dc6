// SPDX-License-Identifier: Apache-2.0
#pragma once
// The core's problems in the CLI's words: each `{field}` becomes the flag
// that sets it, and each code gains the command that fixes it.
#include "complaints/base/error.hpp"

#include <string>
#include <vector>

namespace complaints::cli {

// "--type", "--learning TEXT": the flag a field of the core is set by.
std::string flag_for(std::string_view field);

// A problem as a refusal says it, with the command that fixes it.
std::string refusal_text(const Problem& problem);
// A problem as `show` and JSON list it under attention.
std::string attention_text(const Problem& problem);
std::vector<std::string> attention_texts(const std::vector<Problem>& problems);

// "file:line:col: message", or the heading and every problem in flags' words.
std::string error_text(const Error& error);

} // namespace complaints::cli
