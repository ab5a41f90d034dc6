// SPDX-License-Identifier: Apache-2.0
#include "patient_data_warnings.hpp"

#include "context.hpp"

#include "complaints/base/text.hpp"
#include "complaints/policy/patient_data.hpp"

#include <fmt/format.h>

#include <algorithm>

namespace complaints::cli {

void print_patient_data_warnings(const Case& c, const Store& store, const Case* before) {
    const Policy& policy = store.config().policy;
    const auto known = before ? patient_data_warnings(*before, policy) : std::vector<std::string>{};
    for (const auto& warning : patient_data_warnings(c, policy))
        if (std::find(known.begin(), known.end(), warning) == known.end())
            fmt::print(stderr, "complaints: warning: {}\n", visible_controls(warning));
}

} // namespace complaints::cli
