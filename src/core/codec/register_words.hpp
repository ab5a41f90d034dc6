// SPDX-License-Identifier: Apache-2.0
#pragma once
// The headers and words spreadsheet registers commonly use, and the tool's
// words they mean: what an import reads without a map.
#include "complaints/codec/register_csv.hpp"

#include <optional>
#include <string>
#include <string_view>

namespace complaints {

// The fact a common header names ("Date received", "How received"), if any.
std::optional<RegisterField> recognised_column(std::string_view header);

// The tool's word for a register's value of a field with a vocabulary
// (channel, category, outcome), from the common words ("Phone call",
// "Partially upheld") or the tool's own; nothing when neither knows it.
std::optional<std::string> recognised_word(RegisterField field, std::string_view value);

// Whether `word` is one the tool takes for `field`: any text, for a field
// without a vocabulary.
bool check_register_word(RegisterField field, std::string_view word);
// " (one of: a, b, c)" for a field with a vocabulary, else "".
std::string register_words_hint(RegisterField field);

} // namespace complaints
