// SPDX-License-Identifier: Apache-2.0
#pragma once
// Text put into Markdown that any renderer shows as typed.
#include <string>
#include <string_view>

namespace complaints {

// Markdown passes HTML through to whatever renders it: a name or an
// organisation such as "<img onerror=...>" would run there. &, < and >
// become entities, which Markdown shows as the characters typed.
std::string markdown_text(std::string_view text);

} // namespace complaints
