// SPDX-License-Identifier: Apache-2.0
#pragma once
// What --version prints: "complaints 0.1.0 (git abc1234)", the commit the
// binary was built from, or "unknown" when built outside git. Defined in a
// file generated at build time (cmake/write_version.cmake).
#include <string_view>

namespace complaints::cli {

std::string_view version_text();

} // namespace complaints::cli
