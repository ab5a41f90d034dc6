// SPDX-License-Identifier: Apache-2.0
#pragma once
// Files given on the command line as they are, byte for byte: evidence to
// attach, an email to file.
#include <cstddef>
#include <string>

namespace complaints::cli {

// The bytes of `file` (standard input for "-"), at most `most` of them: a
// longer file is cut there, so the caller sees it is too long without
// holding it whole. A usage error names a file that is missing, a folder,
// or unreadable.
std::string bytes_from(const std::string& file, std::size_t most);

} // namespace complaints::cli
