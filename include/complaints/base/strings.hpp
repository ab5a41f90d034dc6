// SPDX-License-Identifier: Apache-2.0
#pragma once
// Small string helpers the core and the CLI share.
#include <string>
#include <string_view>
#include <vector>

namespace complaints::util {

// The items with `separator` between each two: {"a", "b"} and ", " give
// "a, b". An empty item still gets its separators.
std::string join(const std::vector<std::string>& items, std::string_view separator);

// The text without blanks at either end: spaces, tabs, line breaks and the
// no-break space (U+00A0), which all look like nothing in a name.
std::string trim(std::string_view text);

} // namespace complaints::util
