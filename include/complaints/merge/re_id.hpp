// SPDX-License-Identifier: Apache-2.0
#pragma once
// A case given a new ID, whole: when two sites each opened a different case
// under the same ID, one of them moves to a new ID before the sites merge,
// so neither is lost and nothing is rewritten but the ID and its letters'
// paths (its letters and attachments move with it). The record says why, in the event `why`.
#include "complaints/model/model.hpp"
#include "complaints/store/store.hpp"

#include <random>
#include <string>

namespace complaints {

// Moves case `id` to a new ID (the prefix and year of receipt, drawn like
// `open` draws one), with `why` added to its timeline, the letters its
// events name moved to letters/<NEW>/ and its attachments to
// attachments/<NEW>/, under the same names. The new files are
// written before the old ones go, so a crash leaves at worst both copies,
// never neither. Returns the new ID.
std::string re_id_case(StoreWriter& writer, const std::string& id, Event why,
                       std::mt19937_64& random);

} // namespace complaints
