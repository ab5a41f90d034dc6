// SPDX-License-Identifier: Apache-2.0
#pragma once
// Instants as the case files hold them: a UTC instant plus the UTC offset it
// was recorded with, so "09:14+01:00" reads back as it was written.
#include <date/date.h>
#include <date/tz.h>

#include <optional>
#include <string>
#include <string_view>

namespace complaints {

struct Timestamp {
    date::sys_seconds utc;
    int offset_minutes = 0;

    friend bool operator==(const Timestamp&, const Timestamp&) = default;
    auto operator<=>(const Timestamp& other) const { return utc <=> other.utc; }
};

// "2026-11-02T09:14:00+00:00".
std::string format_timestamp(const Timestamp& at);
// "2026-11-02 09:14", in the timestamp's own offset: as a person reads it.
std::string format_minute(const Timestamp& at);

// Strict form stored in files: date, time with seconds, and an offset
// (`Z` accepted). Returns nothing when the text is not one.
std::optional<Timestamp> parse_stored_timestamp(std::string_view text);

// A calendar date "YYYY-MM-DD" that exists (no 2026-02-30), years 1900-2999.
std::optional<date::year_month_day> parse_date(std::string_view text);
std::string format_date(date::year_month_day day);

// The same instant with the offset the zone has then.
Timestamp in_zone(date::sys_seconds utc, const date::time_zone& zone);

// What a person types for --at or --received: a date, a date and a time
// ("2026-11-02 09:14" or with "T"), seconds optional, offset optional. Without
// an offset the time is the organisation's local time; a date alone is its
// midnight. Throws a usage error naming `flag` when the text is none of those
// or names a local time that the clocks skip.
Timestamp parse_user_time(std::string_view text, const date::time_zone& zone,
                          std::string_view flag);

// The organisation's calendar date of an instant.
date::year_month_day local_date(date::sys_seconds utc, const date::time_zone& zone);
// The date as the timestamp is written, in its own offset: the local date
// where it was recorded, without asking the time zone again.
date::year_month_day written_date(const Timestamp& at);

// The first instant after the local date `day`: the next local midnight (the
// first, should it come twice), or the moment the clocks jump over it.
date::sys_seconds end_of_local_day(date::year_month_day day, const date::time_zone& zone);

// Looks a zone up in the system tz database; throws a usage error if unknown.
const date::time_zone& find_zone(const std::string& name);

} // namespace complaints
