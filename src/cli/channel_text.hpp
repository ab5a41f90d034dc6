// SPDX-License-Identifier: Apache-2.0
#pragma once
// How a complaint came in, as a sentence says it: "by phone", "in person".
// One wording, the letters': the core's.
#include "complaints/model/model.hpp"
#include "complaints/render/letters.hpp"

#include <string>

namespace complaints::cli {

inline std::string how_received(Channel channel) {
    return received_by(channel);
}

} // namespace complaints::cli
