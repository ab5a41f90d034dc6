// SPDX-License-Identifier: Apache-2.0
#pragma once
// A case received after now: a hand-edited `received` (2988 for 2026), which
// every later entry would be dated before. Said of the file, never blamed
// on a time the user did not give.
#include "complaints/model/model.hpp"

#include <optional>
#include <string>

namespace complaints {

// Why the case's receipt is after `now` (by more than the five minutes a
// clock may be out), or nothing: "'received' is 2988-11-10, after now
// (2026-11-16): ...".
std::optional<std::string> received_ahead(const Case& c, date::sys_seconds now);

} // namespace complaints
