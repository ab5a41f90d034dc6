// SPDX-License-Identifier: Apache-2.0
// UK bank holidays by rule, plus the one-off moves and extra days since 1995.
// Sources: the Banking and Financial Dealings Act 1971 schedule, the St
// Andrew's Day Bank Holiday (Scotland) Act 2007, royal proclamations, and
// GOV.UK's published lists (see docs/policy.md).
#include "complaints/time/calendar.hpp"

#include <algorithm>

namespace complaints {

namespace {

using namespace date::literals;
using date::sys_days;
using date::year_month_day;

struct OneOff {
    year_month_day day;
    std::string_view name;
    year_month_day replaces; // the rule day it moves, or !ok() for an extra day
    bool england_and_wales, scotland, northern_ireland;
};

constexpr year_month_day k_extra{date::year{0}, date::month{0}, date::day{0}};

// Every one-off since 1995, with the rule day it displaces.
const std::vector<OneOff>& one_offs() {
    static const std::vector<OneOff> table{
        {1995_y / 5 / 8, "Early May bank holiday (VE day)", 1995_y / 5 / 1, true, true, true},
        {1999_y / 12 / 31, "Millennium celebrations", k_extra, true, true, true},
        {2002_y / 6 / 3, "Golden Jubilee bank holiday", k_extra, true, true, true},
        {2002_y / 6 / 4, "Spring bank holiday", 2002_y / 5 / 27, true, true, true},
        {2011_y / 4 / 29, "Wedding of Prince William and Catherine Middleton", k_extra, true, true,
         true},
        {2012_y / 6 / 4, "Spring bank holiday", 2012_y / 5 / 28, true, true, true},
        {2012_y / 6 / 5, "Queen's Diamond Jubilee", k_extra, true, true, true},
        {2020_y / 5 / 8, "Early May bank holiday (VE day)", 2020_y / 5 / 4, true, true, true},
        {2022_y / 6 / 2, "Spring bank holiday", 2022_y / 5 / 30, true, true, true},
        {2022_y / 6 / 3, "Platinum Jubilee bank holiday", k_extra, true, true, true},
        {2022_y / 9 / 19, "Bank Holiday for the State Funeral of Queen Elizabeth II", k_extra, true,
         true, true},
        {2023_y / 5 / 8, "Bank holiday for the coronation of King Charles III", k_extra, true, true,
         true},
        {2026_y / 6 / 15, "Extra bank holiday (by royal proclamation)", k_extra, false, true,
         false},
    };
    return table;
}

bool applies(const OneOff& one_off, Region region) {
    switch (region) {
    case Region::england_and_wales:
        return one_off.england_and_wales;
    case Region::scotland:
        return one_off.scotland;
    case Region::northern_ireland:
        return one_off.northern_ireland;
    }
    return false;
}

sys_days nth_monday(int year, unsigned month, unsigned n) {
    return sys_days{date::year{year} / date::month{month} / date::Monday[n]};
}

sys_days last_monday(int year, unsigned month) {
    return sys_days{date::year{year} / date::month{month} / date::Monday[date::last]};
}

bool weekend(sys_days day) {
    const date::weekday wd{day};
    return wd == date::Saturday || wd == date::Sunday;
}

sys_days following_monday(sys_days day) {
    while (date::weekday{day} != date::Monday)
        day += date::days{1};
    return day;
}

// A single holiday that moves to the Monday after when it falls at a weekend.
void single(std::vector<Holiday>& out, sys_days day, const std::string& name) {
    if (weekend(day))
        out.push_back({following_monday(day), name + " (substitute day)"});
    else
        out.push_back({day, name});
}

// Two holidays on consecutive days (Christmas and Boxing Day; in Scotland
// New Year's Day and 2 January): each one at a weekend moves to the first
// weekday after both that is not already taken.
void pair(std::vector<Holiday>& out, sys_days first, const std::string& first_name,
          const std::string& second_name) {
    const sys_days second = first + date::days{1};
    sys_days next_free = second + date::days{1};
    const auto place = [&](sys_days day, const std::string& name) {
        if (!weekend(day)) {
            out.push_back({day, name});
            return;
        }
        while (weekend(next_free))
            next_free += date::days{1};
        out.push_back({next_free, name + " (substitute day)"});
        next_free += date::days{1};
    };
    place(first, first_name);
    place(second, second_name);
}

std::vector<Holiday> by_rule(Region region, int year) {
    std::vector<Holiday> out;
    const auto y = date::year{year};
    const sys_days easter{easter_sunday(year)};
    if (region == Region::scotland)
        pair(out, sys_days{y / 1 / 1}, "New Year\u2019s Day", "2nd January");
    else
        single(out, sys_days{y / 1 / 1}, "New Year\u2019s Day");
    if (region == Region::northern_ireland)
        single(out, sys_days{y / 3 / 17}, "St Patrick\u2019s Day");
    out.push_back({easter - date::days{2}, "Good Friday"});
    if (region != Region::scotland)
        out.push_back({easter + date::days{1}, "Easter Monday"});
    out.push_back({nth_monday(year, 5, 1), "Early May bank holiday"});
    out.push_back({last_monday(year, 5), "Spring bank holiday"});
    if (region == Region::northern_ireland)
        single(out, sys_days{y / 7 / 12}, "Battle of the Boyne (Orangemen\u2019s Day)");
    if (region == Region::scotland)
        out.push_back({nth_monday(year, 8, 1), "Summer bank holiday"});
    else
        out.push_back({last_monday(year, 8), "Summer bank holiday"});
    if (region == Region::scotland && year >= 2007)
        single(out, sys_days{y / 11 / 30}, "St Andrew\u2019s Day");
    pair(out, sys_days{y / 12 / 25}, "Christmas Day", "Boxing Day");
    return out;
}

} // namespace

year_month_day easter_sunday(int year) {
    // Anonymous Gregorian algorithm (Meeus/Jones/Butcher).
    const int a = year % 19, b = year / 100, c = year % 100, d = b / 4, e = b % 4;
    const int f = (b + 8) / 25, g = (b - f + 1) / 3, h = (19 * a + b - d - g + 15) % 30;
    const int i = c / 4, k = c % 4, l = (32 + 2 * e + 2 * i - h - k) % 7;
    const int m = (a + 11 * h + 22 * l) / 451;
    const int month = (h + l - 7 * m + 114) / 31, day = (h + l - 7 * m + 114) % 31 + 1;
    return date::year{year} / date::month(static_cast<unsigned>(month)) /
           date::day(static_cast<unsigned>(day));
}

std::vector<Holiday> builtin_bank_holidays(Region region, int year) {
    std::vector<Holiday> out = by_rule(region, year);
    for (const auto& one_off : one_offs()) {
        if (static_cast<int>(one_off.day.year()) != year || !applies(one_off, region))
            continue;
        if (one_off.replaces.ok())
            std::erase_if(out, [&](const Holiday& h) { return h.day == one_off.replaces; });
        out.push_back({one_off.day, std::string(one_off.name)});
    }
    std::sort(out.begin(), out.end(),
              [](const Holiday& a, const Holiday& b) { return a.day < b.day; });
    return out;
}

} // namespace complaints
