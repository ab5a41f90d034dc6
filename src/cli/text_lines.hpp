// SPDX-License-Identifier: Apache-2.0
#pragma once
// Text cut into its lines, without their line ends (a last line without one
// counts; an empty text has none).
#include <string>
#include <string_view>
#include <vector>

namespace complaints::cli {

inline std::vector<std::string> lines_of(std::string_view text) {
    std::vector<std::string> lines;
    while (!text.empty()) {
        const auto end = text.find('\n');
        lines.emplace_back(text.substr(0, end));
        text = end == std::string_view::npos ? "" : text.substr(end + 1);
    }
    return lines;
}

} // namespace complaints::cli
