// SPDX-License-Identifier: Apache-2.0
#include "complaints/base/error.hpp"
#include "complaints/time/timestamp.hpp"

#include "event_of.hpp"

#include <doctest/doctest.h>

using namespace complaints;

using complaints::testing::london;

TEST_SUITE("timestamp") {
    TEST_CASE("stored timestamps read back to the same text") {
        for (const char* text : {"2026-11-02T09:14:00+00:00", "2026-07-01T23:59:59+01:00",
                                 "2024-02-29T00:00:00-05:30"}) {
            const auto at = parse_stored_timestamp(text);
            REQUIRE(at);
            CHECK(format_timestamp(*at) == text);
        }
        CHECK(format_timestamp(*parse_stored_timestamp("2026-11-02T09:14:00Z")) ==
              "2026-11-02T09:14:00+00:00");
    }

    TEST_CASE("impossible dates and malformed times are refused") {
        for (const char* text :
             {"2026-02-30T00:00:00+00:00", "0000-00-00T00:00:00+00:00",
              "99999-01-01T00:00:00+00:00", "2026-11-02T24:00:00+00:00", "2026-11-02T09:14+00:00",
              "2026-11-02T09:14:00", "2026-11-02", "2026-11-02T09:14:00+0100", ""})
            CHECK_MESSAGE(!parse_stored_timestamp(text), text);
        CHECK(!parse_date("2026-02-29"));
        CHECK(parse_date("2024-02-29"));
        CHECK(!parse_date("2026-1-02"));
    }

    TEST_CASE("a user's local time takes the offset the zone has then") {
        CHECK(format_timestamp(parse_user_time("2026-07-01 09:00", london(), "--at")) ==
              "2026-07-01T09:00:00+01:00");
        CHECK(format_timestamp(parse_user_time("2026-12-01T09:00", london(), "--at")) ==
              "2026-12-01T09:00:00+00:00");
        CHECK(format_timestamp(parse_user_time("2026-12-01", london(), "--at")) ==
              "2026-12-01T00:00:00+00:00");
        CHECK(format_timestamp(parse_user_time("2026-12-01T09:00:30+05:00", london(), "--at")) ==
              "2026-12-01T09:00:30+05:00");
    }

    TEST_CASE("DST: 00:30 on the day the clocks go forward is still GMT") {
        const auto at = parse_user_time("2026-03-29 00:30", london(), "--received");
        CHECK(format_timestamp(at) == "2026-03-29T00:30:00+00:00");
        CHECK(local_date(at.utc, london()) ==
              date::year_month_day{date::year{2026}, date::March, date::day{29}});
    }

    TEST_CASE("DST: the skipped hour is refused, the repeated hour takes the first") {
        CHECK_THROWS_AS(parse_user_time("2026-03-29 01:30", london(), "--at"), Error);
        CHECK(format_timestamp(parse_user_time("2026-10-25 01:30", london(), "--at")) ==
              "2026-10-25T01:30:00+01:00");
    }

    TEST_CASE("DST: 23:30 UTC in summer is already tomorrow in London") {
        const auto at = parse_stored_timestamp("2026-06-30T23:30:00+00:00");
        REQUIRE(at);
        CHECK(local_date(at->utc, london()) ==
              date::year_month_day{date::year{2026}, date::July, date::day{1}});
        CHECK(format_timestamp(in_zone(at->utc, london())) == "2026-07-01T00:30:00+01:00");
    }

    TEST_CASE("unreadable user times are usage errors naming the flag") {
        for (const char* text :
             {"yesterday", "2026-02-30", "2026-11-02 9am", "2026-11-02T09:00+1"}) {
            try {
                parse_user_time(text, london(), "--at");
                FAIL("accepted " << text);
            } catch (const Error& e) {
                CHECK(e.kind() == ErrorKind::usage);
                CHECK(std::string(e.what()).starts_with("--at: "));
            }
        }
    }

    TEST_CASE("an unknown zone is named") {
        CHECK_THROWS_WITH(find_zone("Europe/Lundon"), "unknown time zone 'Europe/Lundon'");
    }
}
