// SPDX-License-Identifier: Apache-2.0
#include "complaints/base/strings.hpp"

namespace complaints::util {

std::string join(const std::vector<std::string>& items, std::string_view separator) {
    std::string out;
    for (std::size_t i = 0; i < items.size(); ++i) {
        if (i > 0)
            out += separator;
        out += items[i];
    }
    return out;
}

namespace {

// The length of the blank at the start of `text`, if it starts with one.
std::size_t blank_at_start(std::string_view text) {
    if (text.empty())
        return 0;
    if (text.substr(0, 2) == "\xC2\xA0")
        return 2;
    return std::string_view(" \t\n\r\v\f").find(text.front()) != std::string_view::npos ? 1 : 0;
}

// The length of the blank at the end of `text`, if it ends with one.
std::size_t blank_at_end(std::string_view text) {
    if (text.empty())
        return 0;
    if (text.size() >= 2 && text.substr(text.size() - 2) == "\xC2\xA0")
        return 2;
    return std::string_view(" \t\n\r\v\f").find(text.back()) != std::string_view::npos ? 1 : 0;
}

} // namespace

std::string trim(std::string_view text) {
    while (const std::size_t n = blank_at_start(text))
        text.remove_prefix(n);
    while (const std::size_t n = blank_at_end(text))
        text.remove_suffix(n);
    return std::string(text);
}

} // namespace complaints::util
