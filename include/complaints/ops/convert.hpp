// SPDX-License-Identifier: Apache-2.0
#pragma once
// `convert` as one operation: a concern or feedback becomes a formal
// complaint, or a converted complaint's clock start is corrected.
#include "complaints/model/model.hpp"

#include <date/tz.h>

#include <optional>
#include <string>

namespace complaints {

struct ConvertRequest {
    // Convert to a complaint; without it, correct the clock start.
    bool to_complaint = false;
    // The day the clock starts instead of the receipt.
    std::optional<date::year_month_day> clock_from;
    std::string reason;
    // The event's time, author and `recorded`; its type and text are the
    // operation's.
    Event event;
    // Today: a clock cannot start on a day still to come.
    date::sys_seconds now;
};

struct Converted {
    // The clock start a correction replaced (nothing: the receipt).
    std::optional<date::year_month_day> was;
};

// Converts `c` (or corrects its clock start), or throws, changing nothing
// the caller keeps: a usage Error listing every problem with the request at
// once, else the workflow's refusal (check_convert, check_clock_correction).
Converted convert_case(Case& c, const ConvertRequest& request, const date::time_zone& zone);

// "2026-11-09", or "the receipt, 2026-11-02" when the clock runs from it.
std::string clock_start_text(const std::optional<date::year_month_day>& from, const Case& c,
                             const date::time_zone& zone);

} // namespace complaints
