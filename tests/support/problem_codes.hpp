// SPDX-License-Identifier: Apache-2.0
#pragma once
// A refusal's problems by their codes' names, in order ("record-not-agreed,
// consent-outstanding"), so a failing check prints what was found.
#include "complaints/base/error.hpp"

#include <string>
#include <vector>

namespace complaints::testing {

inline std::string codes(const std::vector<Problem>& problems) {
    std::string names;
    for (const auto& problem : problems)
        names += (names.empty() ? "" : ", ") + std::string(name_of(problem.code));
    return names;
}

} // namespace complaints::testing
