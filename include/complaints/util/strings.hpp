#pragma once
// Small string helpers the core and the CLI share.
#include <string>
#include <string_view>
#include <vector>

namespace complaints::util {

// The items with `separator` between each two: {"a", "b"} and ", " give
// "a, b". An empty item still gets its separators.
std::string join(const std::vector<std::string>& items, std::string_view separator);

// Whether two names are the same but for ASCII case: "Dr Lena Marsh" and
// "dr lena marsh" name one person.
bool same_name(std::string_view a, std::string_view b);

} // namespace complaints::util
