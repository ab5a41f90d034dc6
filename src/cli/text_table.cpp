// SPDX-License-Identifier: Apache-2.0
#include "text_table.hpp"

#include "complaints/base/text.hpp"

#include <algorithm>

namespace complaints::cli {

TextTable::TextTable(const Row& header, const std::vector<Row>& rows, std::string_view indent)
    : m_widths(header.size()), m_indent(indent) {
    for (std::size_t c = 0; c < header.size(); ++c) {
        m_widths[c] = display_width(header[c]);
        for (const auto& row : rows)
            m_widths[c] = std::max(m_widths[c], display_width(row[c]));
    }
}

std::string TextTable::line(const Row& row, bool bold) const {
    std::string text = m_indent;
    for (std::size_t c = 0; c < row.size(); ++c) {
        text += row[c];
        if (c + 1 < row.size())
            text +=
                std::string(m_widths[c] - std::min(m_widths[c], display_width(row[c])) + 2, ' ');
    }
    return bold ? "\x1b[1m" + text + "\x1b[0m\n" : text + "\n";
}

std::string TextTable::line(const Row& row, Shade shade) const {
    if (shade == Shade::none)
        return line(row);
    std::string text = line(row);
    text.pop_back();
    return (shade == Shade::overdue ? "\x1b[31m" : "\x1b[33m") + text + "\x1b[0m\n";
}

} // namespace complaints::cli
