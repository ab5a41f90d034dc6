// SPDX-License-Identifier: Apache-2.0
#pragma once
// SHA-256, through OpenSSL's libcrypto: what names a kept file by its
// content, so that anyone can verify it with `sha256sum`.
#include <string>
#include <string_view>

namespace complaints {

// The SHA-256 of `bytes`, as 64 lower-case hex digits.
std::string sha256_hex(std::string_view bytes);

// Whether `text` is 64 lower-case hex digits, as sha256_hex writes them.
bool is_sha256_hex(std::string_view text);

} // namespace complaints
