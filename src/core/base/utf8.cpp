// SPDX-License-Identifier: Apache-2.0
#include "complaints/base/utf8.hpp"

namespace complaints::util {

namespace {

struct Lead {
    std::size_t length;
    char32_t bits;
    // The range of the second byte: narrower than 80-BF after E0, ED, F0 and F4,
    // which is what rules out overlong forms, surrogates and past U+10FFFF.
    unsigned low = 0x80, high = 0xBF;
};

std::optional<Lead> lead_of(unsigned char byte) {
    if (byte < 0x80)
        return Lead{1, byte};
    if (byte >= 0xC2 && byte <= 0xDF)
        return Lead{2, byte & 0x1Fu};
    if (byte >= 0xE0 && byte <= 0xEF)
        return Lead{3, byte & 0x0Fu, byte == 0xE0 ? 0xA0u : 0x80u, byte == 0xED ? 0x9Fu : 0xBFu};
    if (byte >= 0xF0 && byte <= 0xF4)
        return Lead{4, byte & 0x07u, byte == 0xF0 ? 0x90u : 0x80u, byte == 0xF4 ? 0x8Fu : 0xBFu};
    return std::nullopt;
}

} // namespace

std::optional<char32_t> decode_utf8(std::string_view text, std::size_t& pos) {
    if (pos >= text.size())
        return std::nullopt;
    const auto byte = [&](std::size_t k) { return static_cast<unsigned char>(text[pos + k]); };
    const auto lead = lead_of(byte(0));
    if (!lead || lead->length > text.size() - pos)
        return std::nullopt;
    if (lead->length > 1 && (byte(1) < lead->low || byte(1) > lead->high))
        return std::nullopt;
    char32_t c = lead->bits;
    for (std::size_t k = 1; k < lead->length; ++k) {
        if (!is_utf8_continuation(static_cast<char>(byte(k))))
            return std::nullopt;
        c = (c << 6) | (byte(k) & 0x3Fu);
    }
    pos += lead->length;
    return c;
}

std::size_t utf8_length(std::string_view text) {
    std::size_t count = 0;
    for (const char byte : text)
        if (!is_utf8_continuation(byte))
            ++count;
    return count;
}

std::size_t utf8_prefix(std::string_view text, std::size_t count) {
    std::size_t seen = 0;
    for (std::size_t i = 0; i < text.size(); ++i)
        if (!is_utf8_continuation(text[i]) && ++seen > count)
            return i;
    return text.size();
}

} // namespace complaints::util
