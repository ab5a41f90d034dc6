// SPDX-License-Identifier: Apache-2.0
#include "complaints/render/markdown.hpp"

namespace complaints {

std::string markdown_text(std::string_view text) {
    std::string out;
    out.reserve(text.size());
    for (const char c : text) {
        if (c == '&')
            out += "&amp;";
        else if (c == '<')
            out += "&lt;";
        else if (c == '>')
            out += "&gt;";
        else
            out += c;
    }
    return out;
}

} // namespace complaints
