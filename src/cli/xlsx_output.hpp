// SPDX-License-Identifier: Apache-2.0
#pragma once
// Excel workbooks (.xlsx), written with libxlsxwriter: the listing as one
// sheet, the report as a sheet per section. Dates are written as dates and
// counts as numbers, so a spreadsheet sorts, filters and sums them.
#include "list_sheet.hpp"
#include "report_output.hpp"

#include <string>
#include <vector>

namespace complaints::cli {

// The cases, one row each, under sheet_columns: the header frozen, a filter
// on every column. Written to a temporary file beside `out` and renamed
// over it once whole: a failure leaves `out` as it was.
void write_list_xlsx(const std::string& out, const std::vector<SheetColumn>& columns,
                     const std::vector<std::vector<SheetCell>>& rows);

// The report: the period and organisation at the top of every sheet, a
// sheet per section of the document (figures as numbers, rates as
// percentages), and the twelve-month trend with its chart. Written as above.
void write_report_xlsx(const std::string& out, const Report& report, const Document& document);

} // namespace complaints::cli
