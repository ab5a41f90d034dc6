// SPDX-License-Identifier: Apache-2.0
#pragma once
// Spans as policies state them ("14 working days", "48 hours", "6 months")
// and when one ends. Which span a rule uses is the policy's (policy.hpp).
#include "complaints/time/calendar.hpp"
#include "complaints/time/timestamp.hpp"

#include <date/date.h>

#include <string>
#include <string_view>

namespace complaints {

enum class DurationUnit { working_days, days, weeks, hours, months };

// A span as people say it: "14 working days", "48 hours", "3 weeks", "6 months".
struct Duration {
    int amount = 0;
    DurationUnit unit = DurationUnit::days;
    friend bool operator==(const Duration&, const Duration&) = default;
};

// Reads "N working days", "N days", "N weeks", "N hours", "N months" (singular
// too) or the short forms "Nwd", "Nd", "Nw", "Nh", "Nmo". Throws a usage
// error for a misspelt unit, a negative or an absurdly long span.
Duration parse_duration(std::string_view text);
std::string format_duration(const Duration& duration);

// When a span that starts at `from` ends. Day-based spans end at the close of
// the organisation's local day they reach: N working days is the N-th working
// day strictly after the local date of `from`; months clamp to the month's end
// (31 August + 6 months = 28 or 29 February). Hours end at the exact instant.
struct Deadline {
    date::year_month_day day; // the local date it falls on
    date::sys_seconds at;     // the first instant past it
    bool whole_day = true;
};
Deadline deadline_after(const Timestamp& from, const Duration& span,
                        const WorkingCalendar& calendar, const date::time_zone& zone);
date::year_month_day add_months(date::year_month_day day, int months);

// The calendar date a span after `day` reaches, for rules counted in
// calendar time (how long a warning is kept): days, weeks and months as
// people count them, hours rounded up to whole days. Throws a usage error
// for working days, which such rules do not count in.
date::year_month_day calendar_day_after(date::year_month_day day, const Duration& span);

} // namespace complaints
