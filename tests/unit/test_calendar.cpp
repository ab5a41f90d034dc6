// SPDX-License-Identifier: Apache-2.0
#include "complaints/base/error.hpp"
#include "complaints/time/calendar.hpp"
#include "complaints/time/timestamp.hpp"

#include <doctest/doctest.h>

#include <random>

using namespace complaints;
using date::sys_days;

namespace {

sys_days day(const char* text) {
    return sys_days{*parse_date(text)};
}

std::vector<std::string> dates(Region region, int year) {
    std::vector<std::string> out;
    for (const auto& h : builtin_bank_holidays(region, year))
        out.push_back(format_date(h.day));
    return out;
}

using Dates = std::vector<std::string>;
constexpr auto EW = Region::england_and_wales;
constexpr auto SC = Region::scotland;
constexpr auto NI = Region::northern_ireland;

// The slow, obviously right answer the fast tables must agree with.
sys_days walk(const WorkingCalendar& calendar, sys_days start, int n) {
    while (n > 0) {
        start += date::days{1};
        if (calendar.is_working_day(start))
            --n;
    }
    return start;
}

} // namespace

TEST_SUITE("calendar: bank holidays") {
    TEST_CASE("Easter by the Gregorian computus") {
        CHECK(format_date(easter_sunday(2000)) == "2000-04-23");
        CHECK(format_date(easter_sunday(2008)) == "2008-03-23");
        CHECK(format_date(easter_sunday(2019)) == "2019-04-21");
        CHECK(format_date(easter_sunday(2026)) == "2026-04-05");
        CHECK(format_date(easter_sunday(2038)) == "2038-04-25");
        CHECK(format_date(easter_sunday(2100)) == "2100-03-28");
    }

    TEST_CASE("rule years in all three regions, with substitute days") {
        CHECK(dates(EW, 2026) == Dates{"2026-01-01", "2026-04-03", "2026-04-06", "2026-05-04",
                                       "2026-05-25", "2026-08-31", "2026-12-25", "2026-12-28"});
        CHECK(dates(SC, 2026) == Dates{"2026-01-01", "2026-01-02", "2026-04-03", "2026-05-04",
                                       "2026-05-25", "2026-06-15", "2026-08-03", "2026-11-30",
                                       "2026-12-25", "2026-12-28"});
        CHECK(dates(NI, 2026) == Dates{"2026-01-01", "2026-03-17", "2026-04-03", "2026-04-06",
                                       "2026-05-04", "2026-05-25", "2026-07-13", "2026-08-31",
                                       "2026-12-25", "2026-12-28"});
        CHECK(dates(EW, 2021) == Dates{"2021-01-01", "2021-04-02", "2021-04-05", "2021-05-03",
                                       "2021-05-31", "2021-08-30", "2021-12-27", "2021-12-28"});
        CHECK(dates(SC, 2021) == Dates{"2021-01-01", "2021-01-04", "2021-04-02", "2021-05-03",
                                       "2021-05-31", "2021-08-02", "2021-11-30", "2021-12-27",
                                       "2021-12-28"});
        CHECK(dates(NI, 2024) == Dates{"2024-01-01", "2024-03-18", "2024-03-29", "2024-04-01",
                                       "2024-05-06", "2024-05-27", "2024-07-12", "2024-08-26",
                                       "2024-12-25", "2024-12-26"});
        CHECK(dates(EW, 2027) == Dates{"2027-01-01", "2027-03-26", "2027-03-29", "2027-05-03",
                                       "2027-05-31", "2027-08-30", "2027-12-27", "2027-12-28"});
        CHECK(dates(SC, 2027) == Dates{"2027-01-01", "2027-01-04", "2027-03-26", "2027-05-03",
                                       "2027-05-31", "2027-08-02", "2027-11-30", "2027-12-27",
                                       "2027-12-28"});
        CHECK(dates(SC, 2017) == Dates{"2017-01-02", "2017-01-03", "2017-04-14", "2017-05-01",
                                       "2017-05-29", "2017-08-07", "2017-11-30", "2017-12-25",
                                       "2017-12-26"});
    }

    TEST_CASE("St Andrew's Day is a Scottish bank holiday from 2007 only") {
        const auto has_30_november = [](int year) {
            for (const auto& h : builtin_bank_holidays(SC, year))
                if (h.name.starts_with("St Andrew"))
                    return true;
            return false;
        };
        CHECK_FALSE(has_30_november(2006));
        CHECK(has_30_november(2007));
        const auto in_2008 = dates(SC, 2008); // 30 November 2008 was a Sunday
        CHECK(std::count(in_2008.begin(), in_2008.end(), "2008-12-01") == 1);
    }

    TEST_CASE("every one-off since 1995") {
        CHECK(dates(EW, 1995) == Dates{"1995-01-02", "1995-04-14", "1995-04-17", "1995-05-08",
                                       "1995-05-29", "1995-08-28", "1995-12-25", "1995-12-26"});
        CHECK(dates(EW, 1999) == Dates{"1999-01-01", "1999-04-02", "1999-04-05", "1999-05-03",
                                       "1999-05-31", "1999-08-30", "1999-12-27", "1999-12-28",
                                       "1999-12-31"});
        CHECK(dates(EW, 2002) == Dates{"2002-01-01", "2002-03-29", "2002-04-01", "2002-05-06",
                                       "2002-06-03", "2002-06-04", "2002-08-26", "2002-12-25",
                                       "2002-12-26"});
        CHECK(dates(EW, 2011) == Dates{"2011-01-03", "2011-04-22", "2011-04-25", "2011-04-29",
                                       "2011-05-02", "2011-05-30", "2011-08-29", "2011-12-26",
                                       "2011-12-27"});
        CHECK(dates(EW, 2012) == Dates{"2012-01-02", "2012-04-06", "2012-04-09", "2012-05-07",
                                       "2012-06-04", "2012-06-05", "2012-08-27", "2012-12-25",
                                       "2012-12-26"});
        CHECK(dates(EW, 2020) == Dates{"2020-01-01", "2020-04-10", "2020-04-13", "2020-05-08",
                                       "2020-05-25", "2020-08-31", "2020-12-25", "2020-12-28"});
        CHECK(dates(EW, 2022) == Dates{"2022-01-03", "2022-04-15", "2022-04-18", "2022-05-02",
                                       "2022-06-02", "2022-06-03", "2022-08-29", "2022-09-19",
                                       "2022-12-26", "2022-12-27"});
        CHECK(dates(SC, 2022) == Dates{"2022-01-03", "2022-01-04", "2022-04-15", "2022-05-02",
                                       "2022-06-02", "2022-06-03", "2022-08-01", "2022-09-19",
                                       "2022-11-30", "2022-12-26", "2022-12-27"});
        CHECK(dates(EW, 2023) == Dates{"2023-01-02", "2023-04-07", "2023-04-10", "2023-05-01",
                                       "2023-05-08", "2023-05-29", "2023-08-28", "2023-12-25",
                                       "2023-12-26"});
        for (const auto region : {EW, SC, NI}) {
            const auto in_2022 = dates(region, 2022);
            CHECK(std::count(in_2022.begin(), in_2022.end(), "2022-09-19") == 1);
            const auto in_2023 = dates(region, 2023);
            CHECK(std::count(in_2023.begin(), in_2023.end(), "2023-05-08") == 1);
        }
        const auto ni_2026 = dates(NI, 2026), ew_2026 = dates(EW, 2026);
        CHECK(std::count(ni_2026.begin(), ni_2026.end(), "2026-06-15") == 0);
        CHECK(std::count(ew_2026.begin(), ew_2026.end(), "2026-06-15") == 0);
    }

    TEST_CASE("every year 1995-2100 in every region: weekdays only, no duplicates, 8-12 days") {
        for (const auto region : {EW, SC, NI}) {
            for (int year = 1995; year <= 2100; ++year) {
                const auto holidays = builtin_bank_holidays(region, year);
                CAPTURE(year);
                CHECK(holidays.size() >= 8u);
                CHECK(holidays.size() <= 12u);
                for (std::size_t i = 0; i < holidays.size(); ++i) {
                    const date::weekday wd{sys_days{holidays[i].day}};
                    CHECK(wd != date::Saturday);
                    CHECK(wd != date::Sunday);
                    if (i > 0)
                        CHECK(holidays[i - 1].day < holidays[i].day);
                }
            }
        }
    }
}

TEST_SUITE("calendar: working days") {
    TEST_CASE("the day of receipt is day 0, 14 working days is the 14th strictly after") {
        const WorkingCalendar england(EW), scotland(SC);
        CHECK(format_date(england.add(day("2026-11-16"), 14)) == "2026-12-04");
        CHECK(format_date(scotland.add(day("2026-11-16"), 14)) == "2026-12-07");
        CHECK(format_date(england.add(day("2026-12-18"), 5)) == "2026-12-29");
        CHECK(format_date(england.add(day("2026-12-19"), 0)) == "2026-12-19");
        CHECK(format_date(england.add(day("2026-12-19"), 1)) == "2026-12-21");
        CHECK(england.between(day("2026-11-16"), day("2026-12-04")) == 14);
        CHECK(england.between(day("2026-12-04"), day("2026-11-16")) == 0);
        CHECK(england.between(day("2026-12-24"), day("2026-12-28")) == 0);
        CHECK(format_date(england.next_working_day(day("2026-12-24"))) == "2026-12-29");
        CHECK(format_date(england.previous_working_day(day("2026-12-29"))) == "2026-12-24");
    }

    TEST_CASE("across years and over a long span") {
        const WorkingCalendar england(EW);
        CHECK(format_date(england.add(day("2026-12-24"), 3)) == "2026-12-31");
        CHECK(format_date(england.add(day("2026-12-24"), 5)) == "2027-01-05");
        CHECK(england.between(day("2020-01-01"), day("2030-01-01")) ==
              england.between(day("2020-01-01"), day("2025-06-30")) +
                  england.between(day("2025-06-30"), day("2030-01-01")));
        CHECK(england.add(day("2026-01-01"), 2500) == walk(england, day("2026-01-01"), 2500));
    }

    TEST_CASE("closures and the repository's own bank holiday changes") {
        CalendarSettings settings;
        settings.closures.push_back(
            {*parse_date("2026-12-29"), *parse_date("2026-12-31"), "Christmas closure"});
        settings.changes[0].added.push_back({*parse_date("2027-06-07"), "Extra day"});
        settings.changes[0].cancelled.push_back(*parse_date("2026-08-31"));
        const WorkingCalendar calendar(EW, settings);
        CHECK(format_date(calendar.add(day("2026-12-24"), 1)) == "2027-01-04");
        CHECK_FALSE(calendar.is_working_day(day("2027-06-07")));
        CHECK(calendar.is_working_day(day("2026-08-31")));
        CHECK(calendar.closures(2026).size() == 3u);
        CHECK(calendar.bank_holidays(2026).size() == 7u);
    }

    TEST_CASE("years outside 1900-2999 are refused, not guessed") {
        const WorkingCalendar england(EW);
        CHECK_THROWS_AS(england.add(day("2999-12-30"), 10), Error);
        CHECK_THROWS_AS(england.add(day("2026-01-01"), -1), Error);
    }

    TEST_CASE("properties over random starts: add and between agree, add lands on a working "
              "day, add is monotonic, and the tables agree with a day-by-day walk") {
        std::mt19937_64 random(1995);
        std::uniform_int_distribution<int> start_day(0, 105 * 365), count(0, 300);
        for (const auto region : {EW, SC, NI}) {
            const WorkingCalendar calendar(region);
            for (int i = 0; i < 2000; ++i) {
                const sys_days start = day("1995-01-01") + date::days{start_day(random)};
                const int n = count(random);
                const sys_days end = calendar.add(start, n);
                CAPTURE(format_date(date::year_month_day{start}));
                CAPTURE(n);
                CHECK(calendar.between(start, end) == n);
                if (n > 0)
                    CHECK(calendar.is_working_day(end));
                CHECK(calendar.add(start, n + 1) > end);
                CHECK(calendar.add(start + date::days{1}, n) >= end);
                if (i % 10 == 0)
                    CHECK(end == walk(calendar, start, n));
            }
        }
    }
}
