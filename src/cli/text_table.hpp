// SPDX-License-Identifier: Apache-2.0
#pragma once
// The one plain-text table: `list`, `clinician --list` and the report's
// text format line their columns up the same way.
#include <string>
#include <string_view>
#include <vector>

namespace complaints::cli {

using Row = std::vector<std::string>;

// How a row stands out on a terminal with colour: what is overdue in red,
// what is due today in yellow.
enum class Shade { none, overdue, today };

// Columns padded to their widest cell in code points and two spaces apart;
// the last column is not padded, so lines carry no trailing blanks.
class TextTable {
  public:
    TextTable(const Row& header, const std::vector<Row>& rows, std::string_view indent = "");

    // One line with its newline; `bold` sets it in bold for a terminal.
    std::string line(const Row& row, bool bold = false) const;
    // One line in the colour of `shade` (none: plain).
    std::string line(const Row& row, Shade shade) const;
    // Each column's width: its widest cell, header included.
    const std::vector<std::size_t>& widths() const { return m_widths; }

  private:
    std::vector<std::size_t> m_widths;
    std::string m_indent;
};

} // namespace complaints::cli
