// SPDX-License-Identifier: Apache-2.0
#pragma once
// The one UTF-8 decoder, and code point counts for widths and columns.
#include <cstddef>
#include <optional>
#include <string_view>

namespace complaints::util {

// The code point at text[pos], moving `pos` past it. Nothing, with `pos`
// unmoved, when the bytes there are not well-formed UTF-8: overlong forms,
// surrogates, code points past U+10FFFF and cut-short sequences included.
// U+0000 is well-formed; callers that refuse NULs check for it.
std::optional<char32_t> decode_utf8(std::string_view text, std::size_t& pos);

// Bytes 10xxxxxx carry on a sequence; every other byte starts one.
constexpr bool is_utf8_continuation(char byte) {
    return (static_cast<unsigned char>(byte) & 0xC0) == 0x80;
}

// Code points counted by the bytes that start them: never stops on broken
// text, and a broken sequence counts once per starting byte.
std::size_t utf8_length(std::string_view text);

// Bytes that hold the first `count` code points, counted as utf8_length
// counts them (continuation bytes stay with the code point they follow).
std::size_t utf8_prefix(std::string_view text, std::size_t count);

} // namespace complaints::util
