// SPDX-License-Identifier: Apache-2.0
#pragma once
// The patient-data guard's warnings for a case just written.
#include "complaints/store/store.hpp"

namespace complaints::cli {

// "complaints: warning: the summary holds a number shaped like an NHS
// number ..." on stderr, one line for each; only those the case did not
// have `before` this write, so a number kept once is not repeated on
// every later write (`check` lists them all).
void print_patient_data_warnings(const Case& c, const Store& store, const Case* before = nullptr);

} // namespace complaints::cli
