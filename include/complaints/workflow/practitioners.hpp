// SPDX-License-Identifier: Apache-2.0
#pragma once
// The practitioners a clinic's cases name: "staff and independent
// practitioners with practising rights", as its register in
// complaints.yaml lists them.
#include <string>
#include <string_view>
#include <vector>

namespace complaints {

// The practitioner `given` names, as the case keeps it: trimmed and, when
// the register lists anyone, spelt as it spells them (names compare
// ignoring case and runs of blanks). Throws a usage error for a blank name
// and for one the register does not list, suggesting the nearest.
std::string practitioner_named(std::string_view given, const std::vector<std::string>& listed);

} // namespace complaints
