#pragma once
// Small string helpers the core and the CLI share.
#include <string>
#include <string_view>
#include <vector>

namespace complaints::util {

// The items with `separator` between each two: {"a", "b"} and ", " give
// "a, b". An empty item still gets its separators.
std::string join(const std::vector<std::string>& items, std::string_view separator);

} // namespace complaints::util
