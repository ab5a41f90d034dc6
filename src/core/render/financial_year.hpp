// SPDX-License-Identifier: Apache-2.0
#pragma once
// The NHS financial year, 1 April to 31 March, as the NHS writes it
// ("2026-27"), and its quarters ("2026-27-Q4": Q1 is April to June). The
// annual return (KO41b) and regulation 18's annual report follow it.
#include "complaints/render/report.hpp"

#include <optional>
#include <string_view>

namespace complaints {

// "2026-27" as its period, or nothing when the text is not of that form
// (the second year must follow the first).
std::optional<Period> financial_year(std::string_view text);
// "2026-27-Q4" as its period, or nothing when not of that form.
std::optional<Period> financial_quarter(std::string_view text);

} // namespace complaints
