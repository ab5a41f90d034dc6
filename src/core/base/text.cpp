// SPDX-License-Identifier: Apache-2.0
#include "complaints/base/text.hpp"

#include "complaints/base/error.hpp"
#include "complaints/base/utf8.hpp"

#include <fmt/format.h>

#include <cctype>
#include <cstdint>

namespace complaints {

std::optional<std::size_t> first_invalid_byte(std::string_view text) {
    for (std::size_t i = 0; i < text.size();) {
        // Every case file passes through here: plain ASCII, nearly all of
        // it, skips the decoder.
        const auto byte = static_cast<unsigned char>(text[i]);
        if (byte != 0 && byte < 0x80) {
            ++i;
            continue;
        }
        const std::size_t at = i;
        const auto c = util::decode_utf8(text, i);
        if (!c || *c == 0)
            return at;
    }
    return std::nullopt;
}

LineColumn line_column_at(std::string_view text, std::size_t offset) {
    LineColumn at{1, 1};
    for (std::size_t i = 0; i < offset && i < text.size(); ++i) {
        if (text[i] == '\n') {
            ++at.line;
            at.column = 1;
        } else if (!util::is_utf8_continuation(text[i])) {
            ++at.column;
        }
    }
    return at;
}

namespace {

bool is_control(char32_t c) {
    return (c < 0x20 && c != '\t' && c != '\n' && c != '\r') || (c >= 0x7f && c <= 0x9f);
}

} // namespace

std::optional<std::size_t> first_control(std::string_view text) {
    for (std::size_t i = 0; i < text.size();) {
        const std::size_t at = i;
        const auto c = util::decode_utf8(text, i);
        if (!c)
            return std::nullopt; // not UTF-8: first_invalid_byte's to name
        if (is_control(*c))
            return at;
    }
    return std::nullopt;
}

void require_clean_text(std::string_view text, std::string_view what) {
    if (const auto bad = first_invalid_byte(text)) {
        const char* problem = text[*bad] == '\0' ? "a NUL byte" : "bytes that are not UTF-8";
        throw Error(ErrorKind::usage,
                    fmt::format("{} contains {} at byte {}", what, problem, *bad));
    }
    if (const auto control = first_control(text)) {
        std::size_t after = *control;
        const auto c = util::decode_utf8(text, after);
        throw Error(ErrorKind::usage, "",
                    {Problem(ProblemCode::value_invalid,
                             fmt::format("{}: control character U+{:04X} at position {}", what,
                                         static_cast<std::uint32_t>(c.value_or(0)),
                                         util::utf8_length(text.substr(0, *control)) + 1))});
    }
}

std::string folded(std::string_view text) {
    std::string out;
    for (const char c : text) {
        if (c == ' ' || c == '\t' || c == '\n' || c == '\r') {
            if (!out.empty() && out.back() != ' ')
                out += ' ';
        } else {
            out += static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
        }
    }
    if (!out.empty() && out.back() == ' ')
        out.pop_back();
    return out;
}

std::string visible_controls(std::string_view text) {
    std::string out;
    out.reserve(text.size());
    for (std::size_t i = 0; i < text.size(); ++i) {
        const auto byte = static_cast<unsigned char>(text[i]);
        const auto next = i + 1 < text.size() ? static_cast<unsigned char>(text[i + 1]) : 0;
        // A CR before its LF only ends a line: CRLF text comes back as it is.
        const bool line_end = byte == '\r' && next == '\n';
        if ((byte < 0x20 && byte != '\n' && byte != '\t' && !line_end) || byte == 0x7f) {
            out += '^';
            out += static_cast<char>(byte ^ 0x40);
        } else if (byte == 0xC2 && next >= 0x80 && next <= 0x9F) { // U+0080-U+009F in UTF-8
            out += fmt::format("\\x{:02x}", next);
            ++i;
        } else {
            out += text[i];
        }
    }
    return out;
}

std::size_t display_width(std::string_view text) {
    return util::utf8_length(text);
}

std::string html_escaped(std::string_view text) {
    std::string out;
    for (const char c : text) {
        switch (c) {
        case '<':
            out += "&lt;";
            break;
        case '>':
            out += "&gt;";
            break;
        case '&':
            out += "&amp;";
            break;
        case '"':
            out += "&quot;";
            break;
        case '\'':
            out += "&#39;";
            break;
        default:
            out += c;
        }
    }
    return out;
}

} // namespace complaints
