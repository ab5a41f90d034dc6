// SPDX-License-Identifier: Apache-2.0
#pragma once
// Working days: Monday to Friday less the UK bank holidays of a region and
// the organisation's own closure days. Knows nothing of cases.
#include "complaints/base/enum_names.hpp"

#include <date/date.h>

#include <memory>
#include <string>
#include <vector>

namespace complaints {

enum class Region { england_and_wales, scotland, northern_ireland };
template <> struct EnumNames<Region> {
    static constexpr std::string_view what = "region";
    static constexpr std::array<std::pair<Region, std::string_view>, 3> names{
        {{Region::england_and_wales, "england-and-wales"},
         {Region::scotland, "scotland"},
         {Region::northern_ireland, "northern-ireland"}}};
};

struct Holiday {
    date::year_month_day day;
    std::string name;
    friend bool operator==(const Holiday&, const Holiday&) = default;
};

// Days the organisation is closed: one day, or a range, inclusive.
struct Closure {
    date::year_month_day from;
    date::year_month_day to;
    std::string name;
};

// A region's bank holidays as the repository corrects the built-in table:
// days proclaimed since (added) and days no longer kept (cancelled).
struct BankHolidayChanges {
    std::vector<Holiday> added;
    std::vector<date::year_month_day> cancelled;
};

struct CalendarSettings {
    std::array<BankHolidayChanges, 3> changes; // by Region
    std::vector<Closure> closures;
};

// The region's bank holidays in `year` from the rules (Easter, fixed dates,
// n-th and last Mondays, substitute days) and the table of one-off moves and
// extra days since 1995; sorted by date.
std::vector<Holiday> builtin_bank_holidays(Region region, int year);

// Easter Sunday (Gregorian computus).
date::year_month_day easter_sunday(int year);

class WorkingCalendar {
  public:
    explicit WorkingCalendar(Region region, CalendarSettings settings = {});
    ~WorkingCalendar();
    WorkingCalendar(WorkingCalendar&&) noexcept;
    WorkingCalendar& operator=(WorkingCalendar&&) noexcept;

    Region region() const { return m_region; }
    bool is_working_day(date::sys_days day) const;
    // The n-th working day strictly after `start` (n >= 0; n = 0 is `start`
    // itself, working or not).
    date::sys_days add(date::sys_days start, int n) const;
    // How many working days D there are with from < D <= to (0 if to <= from).
    int between(date::sys_days from, date::sys_days to) const;
    date::sys_days next_working_day(date::sys_days day) const;
    date::sys_days previous_working_day(date::sys_days day) const;

    // The bank holidays of `year` after the repository's additions and
    // cancellations, then its closure days, sorted by date.
    std::vector<Holiday> bank_holidays(int year) const;
    std::vector<Holiday> closures(int year) const;

  private:
    struct YearTable;
    const YearTable& table(int year) const;
    Region m_region;
    CalendarSettings m_settings;
    // Built on first use, from any thread: a slot is published with a
    // compare-and-swap, the loser of a race throwing its copy away.
    struct Tables;
    std::unique_ptr<Tables> m_tables;
};

// What `day` is when nobody works: the bank holiday's or closure's name,
// else its weekday ("a Sunday").
std::string day_off_name(const WorkingCalendar& calendar, date::year_month_day day);

// The range of years the calendar answers for.
inline constexpr int k_first_year = 1900;
inline constexpr int k_last_year = 2999;
// The last year a case's times (and the clock, `now`) may be in: a deadline
// can fall ten years after them (the longest span a rule may give) and must
// be within the calendar, or every command showing the case would fail
// naming nothing.
inline constexpr int k_last_case_year = k_last_year - 11;

} // namespace complaints
