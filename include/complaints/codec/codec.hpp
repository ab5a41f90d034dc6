// SPDX-License-Identifier: Apache-2.0
#pragma once
// Case files <-> the model. The only place (with config.cpp) that knows YAML.
#include "complaints/model/model.hpp"

#include <string>
#include <string_view>
#include <vector>

namespace complaints {

// The one size bound of a case file: the largest any command reads (8 MB;
// years of correspondence fit in a few hundred kilobytes). Writes refuse to
// go past it, so every file written can be read again; the reader's other
// limits (nodes, nesting) are set so that no file within it that the writer
// could have made meets them.
inline constexpr std::size_t k_largest_case = std::size_t(8) << 20;

// Parses a case file. `file` names it in errors, which are bad_data with the
// line and column of the fault.
Case read_case(std::string_view text, const std::string& file);

// The file's text: fixed key order, block literals for multi-line text where
// they read back exactly, double quotes otherwise.
std::string write_case(const Case& c);

// Events as the items of a case file's `events:` list (each "  - at: ..."),
// for adding them to a file that cannot be read as a whole yet.
std::string write_event_items(const std::vector<Event>& events);

// A text value as the writer emits it, for tests of the scalar rules: the
// lines that follow "key:" at the given indentation.
std::string emit_text_value(std::string_view text, int indent);

} // namespace complaints
