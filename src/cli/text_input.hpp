// SPDX-License-Identifier: Apache-2.0
#pragma once
// Long text from a flag, from standard input ("-"), or from $EDITOR when a
// person is at a terminal. Without a terminal nothing ever waits for an editor.
#include <cstddef>
#include <optional>
#include <string>
#include <string_view>

namespace complaints::cli {

// Standard input, read up to one buffer past `most` bytes: 100 MB piped in
// is refused (bad_data, naming `what`) after `most`, never held whole.
std::string text_from_stdin(std::string_view what, std::size_t most);

// The flag's value, or all of standard input when it is "-". Checked to be
// UTF-8 without NULs.
std::string text_from_flag(const std::string& value, std::string_view flag);

// Opens $VISUAL or $EDITOR on an empty file when standard input and output are
// terminals; nothing when they are not, or no editor is set. A final newline
// added by the editor is dropped.
std::optional<std::string> text_from_editor(std::string_view what);

} // namespace complaints::cli
