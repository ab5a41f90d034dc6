// SPDX-License-Identifier: Apache-2.0
#include "complaints/time/calendar.hpp"

#include "complaints/base/error.hpp"

#include <fmt/format.h>

#include <algorithm>
#include <array>
#include <atomic>
#include <bitset>

namespace complaints {

using date::sys_days;

// One year's working days, precomputed: `working_before[i]` counts the
// working days among the year's first i days, so counting and stepping are a
// subtraction and a binary search instead of a walk over holiday lists.
struct WorkingCalendar::YearTable {
    sys_days first_day;
    int length = 0;
    std::array<std::uint16_t, 367> working_before{};
    int total() const { return working_before[static_cast<std::size_t>(length)]; }
};

namespace {

int year_of(sys_days day) {
    return static_cast<int>(date::year_month_day{day}.year());
}

void check_year(int year) {
    if (year < k_first_year || year > k_last_year)
        throw Error(ErrorKind::usage, fmt::format("the calendar covers the years {} to {}, not {}",
                                                  k_first_year, k_last_year, year));
}

} // namespace

struct WorkingCalendar::Tables {
    std::array<std::atomic<YearTable*>, k_last_year - k_first_year + 1> slots{};
    ~Tables() {
        for (auto& slot : slots)
            delete slot.load();
    }
};

WorkingCalendar::WorkingCalendar(Region region, CalendarSettings settings)
    : m_region(region), m_settings(std::move(settings)), m_tables(std::make_unique<Tables>()) {}

WorkingCalendar::~WorkingCalendar() = default;
WorkingCalendar::WorkingCalendar(WorkingCalendar&&) noexcept = default;
WorkingCalendar& WorkingCalendar::operator=(WorkingCalendar&&) noexcept = default;

std::vector<Holiday> WorkingCalendar::bank_holidays(int year) const {
    std::vector<Holiday> days = builtin_bank_holidays(m_region, year);
    const auto& changes = m_settings.changes[static_cast<std::size_t>(m_region)];
    std::erase_if(days, [&](const Holiday& h) {
        return std::find(changes.cancelled.begin(), changes.cancelled.end(), h.day) !=
               changes.cancelled.end();
    });
    for (const auto& added : changes.added)
        if (static_cast<int>(added.day.year()) == year)
            days.push_back(added);
    std::sort(days.begin(), days.end(),
              [](const Holiday& a, const Holiday& b) { return a.day < b.day; });
    days.erase(std::unique(days.begin(), days.end(),
                           [](const Holiday& a, const Holiday& b) { return a.day == b.day; }),
               days.end());
    return days;
}

std::vector<Holiday> WorkingCalendar::closures(int year) const {
    std::vector<Holiday> days;
    const sys_days year_start{date::year{year} / 1 / 1}, year_end{date::year{year} / 12 / 31};
    for (const auto& closure : m_settings.closures) {
        for (sys_days d = std::max(sys_days{closure.from}, year_start);
             d <= std::min(sys_days{closure.to}, year_end); d += date::days{1})
            days.push_back({date::year_month_day{d}, closure.name});
    }
    std::sort(days.begin(), days.end(),
              [](const Holiday& a, const Holiday& b) { return a.day < b.day; });
    return days;
}

const WorkingCalendar::YearTable& WorkingCalendar::table(int year) const {
    check_year(year);
    auto& slot = m_tables->slots[static_cast<std::size_t>(year - k_first_year)];
    if (const YearTable* ready = slot.load(std::memory_order_acquire))
        return *ready;
    auto built = std::make_unique<YearTable>();
    built->first_day = sys_days{date::year{year} / 1 / 1};
    built->length = date::year{year}.is_leap() ? 366 : 365;
    std::bitset<366> closed;
    const auto close = [&](const Holiday& h) {
        closed.set(static_cast<std::size_t>((sys_days{h.day} - built->first_day).count()));
    };
    for (const auto& h : bank_holidays(year))
        close(h);
    for (const auto& h : closures(year))
        close(h);
    for (int i = 0; i < built->length; ++i) {
        const sys_days day = built->first_day + date::days{i};
        const date::weekday wd{day};
        const bool working =
            wd != date::Saturday && wd != date::Sunday && !closed.test(static_cast<std::size_t>(i));
        built->working_before[static_cast<std::size_t>(i + 1)] = static_cast<std::uint16_t>(
            built->working_before[static_cast<std::size_t>(i)] + working);
    }
    YearTable* expected = nullptr;
    if (slot.compare_exchange_strong(expected, built.get(), std::memory_order_acq_rel))
        return *built.release();
    return *expected; // another thread built it first
}

bool WorkingCalendar::is_working_day(sys_days day) const {
    const YearTable& t = table(year_of(day));
    const auto i = static_cast<std::size_t>((day - t.first_day).count());
    return t.working_before[i + 1] != t.working_before[i];
}

date::sys_days WorkingCalendar::add(sys_days start, int n) const {
    if (n < 0)
        throw Error(ErrorKind::usage,
                    fmt::format("cannot add {} working days: the count must not be negative", n));
    int year = year_of(start);
    const YearTable* t = &table(year);
    // Working days up to and including `start` within its year.
    int target =
        t->working_before[static_cast<std::size_t>((start - t->first_day).count() + 1)] + n;
    if (n == 0)
        return start;
    while (target > t->total()) {
        target -= t->total();
        t = &table(++year);
    }
    // The first day whose running count reaches the target is the answer.
    const auto begin = t->working_before.begin();
    const auto found = std::lower_bound(begin, begin + t->length + 1, target);
    return t->first_day + date::days{static_cast<int>(found - begin) - 1};
}

int WorkingCalendar::between(sys_days from, sys_days to) const {
    if (to <= from)
        return 0;
    const auto counted_through = [&](sys_days day, int& year) {
        const YearTable& t = table(year_of(day));
        year = year_of(day);
        return static_cast<int>(
            t.working_before[static_cast<std::size_t>((day - t.first_day).count() + 1)]);
    };
    int from_year = 0, to_year = 0;
    int count = counted_through(to, to_year) - counted_through(from, from_year);
    for (int year = from_year; year < to_year; ++year)
        count += table(year).total();
    return count;
}

date::sys_days WorkingCalendar::next_working_day(sys_days day) const {
    return add(day, 1);
}

date::sys_days WorkingCalendar::previous_working_day(sys_days day) const {
    do
        day -= date::days{1};
    while (!is_working_day(day));
    return day;
}

std::string day_off_name(const WorkingCalendar& calendar, date::year_month_day day) {
    const int year = static_cast<int>(day.year());
    for (const auto& list : {calendar.bank_holidays(year), calendar.closures(year)})
        for (const Holiday& holiday : list)
            if (holiday.day == day)
                return holiday.name;
    return date::format("a %A", date::sys_days{day});
}

} // namespace complaints
