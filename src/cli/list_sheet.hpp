// SPDX-License-Identifier: Apache-2.0
#pragma once
// One row per case with one fact per column, for a spreadsheet: what `list
// --format csv` prints and `list --format xlsx` writes, so the two never
// differ. A date stays a date and a count a number until the format says
// how to write it.
#include "complaints/model/model.hpp"
#include "complaints/workflow/clocks.hpp"

#include <optional>
#include <string>
#include <vector>

namespace complaints::cli {

enum class CellKind { text, date, number };

struct SheetCell {
    CellKind kind = CellKind::text;
    std::string text;                        // a text, or the date as YYYY-MM-DD
    std::optional<date::year_month_day> day; // a date's day; none: an empty cell
    long number = 0;
};

struct SheetColumn {
    std::string name;
    CellKind kind;
};

// The columns, in order; the support agent's where the policy assigns one.
std::vector<SheetColumn> sheet_columns(bool with_agent);

// The case's row, as sheet_columns lists them.
std::vector<SheetCell> sheet_row(const Case& c, const std::vector<Clock>& clocks,
                                 const date::time_zone& zone, bool with_agent);

} // namespace complaints::cli
