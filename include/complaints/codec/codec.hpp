// SPDX-License-Identifier: Apache-2.0
#pragma once
// Case files <-> the model. The only place (with config.cpp) that knows YAML.
#include "complaints/model/model.hpp"

#include <string>
#include <string_view>
#include <vector>

namespace complaints {

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
