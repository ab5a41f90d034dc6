// SPDX-License-Identifier: Apache-2.0
#pragma once
// A case with every field the description lists set to a distinct value,
// built by visiting fields::describe itself: a field added to the model and
// the description is in every round-trip test without touching them.
#include "complaints/model/model.hpp"

namespace complaints::testing {

// Every optional present, every list two long, every text distinct (and
// typed text holding `text` when given), enums on their last value, times
// rising an hour per field so events stay in order, one unknown key in each
// record that keeps them.
Case full_case(const std::string& text = {});

// How many texts a person types into full_case(): the patient-data walk
// must read each.
int typed_text_count();

// full_case() with the `k`-th typed text (from 0, in description order)
// replaced by `text`.
Case case_with_typed_text(int k, const std::string& text);

} // namespace complaints::testing
