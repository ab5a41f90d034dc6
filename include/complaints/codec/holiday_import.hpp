// SPDX-License-Identifier: Apache-2.0
#pragma once
// Reading GOV.UK's bank-holidays JSON and turning it into the repository's
// corrections of the built-in table.
#include "complaints/time/calendar.hpp"

#include <string>
#include <string_view>

namespace complaints {

// The file's events per region (england-and-wales, scotland,
// northern-ireland); throws bad_data naming line and column.
std::array<std::vector<Holiday>, 3> read_govuk_bank_holidays(std::string_view text,
                                                             const std::string& file);

// The changes that make the calendar agree with `imported` for every year the
// file covers, keeping the repository's changes for other years.
CalendarSettings settings_after_import(const CalendarSettings& current,
                                       const std::array<std::vector<Holiday>, 3>& imported);

// What an import does to the effective calendar, for showing before writing.
struct HolidayChange {
    Region region;
    bool added; // false: removed
    Holiday holiday;
};
std::vector<HolidayChange> compare_calendars(const CalendarSettings& before,
                                             const CalendarSettings& after,
                                             const std::array<std::vector<Holiday>, 3>& imported);

} // namespace complaints
