// SPDX-License-Identifier: Apache-2.0
#pragma once
// "did you mean" for a person's name (defined beside did_you_mean, in
// error.cpp).
#include <string>
#include <string_view>
#include <vector>

namespace complaints {

// " (did you mean 'x'?)" for a person's name: the one name that starts with
// what was typed, or has a word equal to it ("Priya" for "Priya Shah"),
// compared as names are (folded), comes first; else the closest by
// spelling, as did_you_mean finds it; "" when none is close.
std::string did_you_mean_name(std::string_view given, const std::vector<std::string>& names);

} // namespace complaints
