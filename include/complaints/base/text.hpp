// SPDX-License-Identifier: Apache-2.0
#pragma once
// Checks on text as people type it and as files hold it.
#include <cstddef>
#include <optional>
#include <string>
#include <string_view>

namespace complaints {

// Offset of the first byte that breaks UTF-8 (or is a NUL), if any.
std::optional<std::size_t> first_invalid_byte(std::string_view text);

// 1-based line and column of a byte offset.
struct LineColumn {
    int line;
    int column;
};
LineColumn line_column_at(std::string_view text, std::size_t offset);

// Offset of the first control character but tab, newline and carriage
// return, if any: C0, DEL and the C1 controls U+0080-U+009F, which a
// terminal reads as commands (ESC starts CSI and OSC sequences). In valid
// UTF-8 only; the byte offset of its first byte.
std::optional<std::size_t> first_control(std::string_view text);

// Throws a usage error naming `what` unless `text` is valid UTF-8 without
// NULs or control characters (first_control): "complainant: control
// character U+0001 at position 2", the position in characters from 1.
void require_clean_text(std::string_view text, std::string_view what);

// &, <, >, " and ' as entities, for HTML text and attributes.
std::string html_escaped(std::string_view text);

// Lower case, runs of blanks made one space, no blanks at the ends: how
// names and units compare ("Dr  Sam KEANE" and "dr sam keane" are one).
std::string folded(std::string_view text);

// The text with every control character but newline, tab and the CR of a
// CRLF made visible, so that text from a case file cannot drive the
// terminal showing it: C0 and DEL in caret notation (ESC is "^[", a lone CR
// "^M", DEL "^?"), the C1 controls U+0080-U+009F as "\x9b". Everything else
// is left as it is. Every output printed for people passes through it.
std::string visible_controls(std::string_view text);

// Number of code points: the display width we use for tables.
std::size_t display_width(std::string_view text);

} // namespace complaints
