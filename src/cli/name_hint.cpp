// SPDX-License-Identifier: Apache-2.0
#include "name_hint.hpp"

#include "complaints/base/error.hpp"
#include "complaints/base/name_hint.hpp"
#include "complaints/base/strings.hpp"
#include "complaints/base/text.hpp"

#include <fmt/format.h>

#include <algorithm>
#include <cstdio>

namespace complaints::cli {

bool known_name(std::string_view given, const std::vector<std::string>& names) {
    const std::string wanted = folded(given);
    return std::any_of(names.begin(), names.end(),
                       [&](const std::string& name) { return folded(name) == wanted; });
}

void warn_unknown_name(std::string_view flag, std::string_view given, std::string_view why,
                       const std::vector<std::string>& names) {
    fmt::print(stderr, "complaints: warning: {}: '{}' {}{}\n", flag, util::trim(given), why,
               did_you_mean_name(given, names));
}

} // namespace complaints::cli
