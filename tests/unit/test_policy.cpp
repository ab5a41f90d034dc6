// SPDX-License-Identifier: Apache-2.0
#include "complaints/base/error.hpp"
#include "complaints/codec/config.hpp"
#include "complaints/policy/policy.hpp"

#include "event_of.hpp"

#include <doctest/doctest.h>

using namespace complaints;

using complaints::testing::at;
using complaints::testing::london;

namespace {

std::string config_error(const std::string& text) {
    try {
        read_config(text, "complaints.yaml");
    } catch (const Error& e) {
        CHECK(e.kind() == ErrorKind::bad_data);
        return e.describe();
    }
    return "no error";
}

const std::string k_head = "organisation: X\npreset: clinic\nprefix: LUM\n";

} // namespace

TEST_SUITE("policy: durations") {
    TEST_CASE("durations as people write them") {
        CHECK(parse_duration("14 working days") == Duration{14, DurationUnit::working_days});
        CHECK(parse_duration("1 working day") == Duration{1, DurationUnit::working_days});
        CHECK(parse_duration("48 hours") == Duration{48, DurationUnit::hours});
        CHECK(parse_duration("3 Weeks") == Duration{3, DurationUnit::weeks});
        CHECK(parse_duration("6  months") == Duration{6, DurationUnit::months});
        CHECK(parse_duration("10 days") == Duration{10, DurationUnit::days});
        CHECK(parse_duration("5wd") == Duration{5, DurationUnit::working_days});
        CHECK(parse_duration("48h") == Duration{48, DurationUnit::hours});
        CHECK(format_duration(parse_duration("1 week")) == "1 week");
        CHECK(format_duration(parse_duration("14wd")) == "14 working days");
    }

    TEST_CASE("misspelt units, negative and absurd spans are refused with a reason") {
        CHECK_THROWS_WITH(
            parse_duration("14 workng days"),
            "'14 workng days' has an unknown unit 'workng days' (did you mean 'working "
            "days'?); write a span such as '14 working days', '48 hours', '3 weeks', "
            "'6 months' or '10 days'");
        CHECK_THROWS_WITH_AS(parse_duration("-3 days"), doctest::Contains("is negative"), Error);
        CHECK_THROWS_WITH_AS(parse_duration("99999 days"), doctest::Contains("far too long"),
                             Error);
        CHECK_THROWS_WITH_AS(parse_duration("99999999999 days"), doctest::Contains("far too long"),
                             Error);
        CHECK_THROWS_WITH_AS(parse_duration("days"), doctest::Contains("whole number"), Error);
        CHECK_THROWS_AS(parse_duration(""), Error);
        CHECK_THROWS_AS(parse_duration("3"), Error);
    }

    TEST_CASE("months clamp to the month's end") {
        CHECK(format_date(add_months(*parse_date("2026-08-31"), 6)) == "2027-02-28");
        CHECK(format_date(add_months(*parse_date("2027-08-31"), 6)) == "2028-02-29");
        CHECK(format_date(add_months(*parse_date("2026-01-15"), 6)) == "2026-07-15");
    }

    TEST_CASE("deadlines: working days end with the local day, hours are exact") {
        const WorkingCalendar england(Region::england_and_wales);
        const auto response = deadline_after(at("2026-11-16T09:00:00+00:00"),
                                             parse_duration("14 working days"), england, london());
        CHECK(format_date(response.day) == "2026-12-04");
        CHECK(format_timestamp(in_zone(response.at, london())) == "2026-12-05T00:00:00+00:00");
        const auto summer = deadline_after(at("2026-07-01T10:00:00+01:00"),
                                           parse_duration("3 weeks"), england, london());
        CHECK(format_timestamp(in_zone(summer.at, london())) == "2026-07-23T00:00:00+01:00");
        // 48 hours across the spring change: 47 hours of wall clock pass.
        const auto assignment = deadline_after(at("2026-03-28T10:00:00+00:00"),
                                               parse_duration("48 hours"), england, london());
        CHECK(format_timestamp(in_zone(assignment.at, london())) == "2026-03-30T11:00:00+01:00");
        CHECK_FALSE(assignment.whole_day);
    }

    TEST_CASE("DST edges: receipt at 00:30 on the change day, and 23:30 UTC in summer") {
        const WorkingCalendar england(Region::england_and_wales);
        const auto spring = parse_user_time("2026-03-29 00:30", london(), "--received");
        CHECK(
            format_date(
                deadline_after(spring, parse_duration("14 working days"), england, london()).day) ==
            "2026-04-20"); // Good Friday and Easter Monday are not counted
        const auto late = at("2026-06-30T23:30:00+00:00"); // 1 July in London
        CHECK(format_date(
                  deadline_after(late, parse_duration("1 working day"), england, london()).day) ==
              "2026-07-02");
    }
}

TEST_SUITE("policy: presets and overrides") {
    TEST_CASE("the presets encode the brief's table") {
        const Policy clinic = preset_policy("clinic");
        CHECK(find_clock(clinic, "response")->span == Duration{14, DurationUnit::working_days});
        CHECK_FALSE(find_clock(clinic, "assignment")->span);
        CHECK(find_clock(clinic, "acknowledgement")->span ==
              Duration{3, DurationUnit::working_days});
        CHECK(answering_clock(clinic)->name == "response");
        const Policy platform = preset_policy("platform");
        CHECK_FALSE(find_clock(platform, "response")->span);
        CHECK(find_clock(platform, "assignment")->span == Duration{48, DurationUnit::hours});
        CHECK(find_clock(platform, "investigation")->earliest ==
              Duration{5, DurationUnit::working_days});
        CHECK(find_clock(platform, "investigation")->span ==
              Duration{10, DurationUnit::working_days});
        CHECK(find_clock(platform, "resolution")->span == Duration{3, DurationUnit::weeks});
        CHECK(answering_clock(platform)->name == "resolution");
        CHECK(platform.warnings.kept == Duration{6, DurationUnit::months});
        CHECK(platform.warnings.review_at == 3);
        CHECK(platform.warnings.review_window == Duration{6, DurationUnit::months});
        CHECK(platform.late_withdrawal_notice_days == 3);
        CHECK_FALSE(find_clock(platform, "acknowledgement")->span);
    }

    TEST_CASE("complaints.yaml overrides any rule, and can switch one off") {
        const Config config =
            read_config(k_head + "policy:\n  acknowledgement: 3 working days\n"
                                 "  response: off\n  suspension_review_warnings: 4\n",
                        "complaints.yaml");
        CHECK(find_clock(config.policy, "acknowledgement")->span ==
              Duration{3, DurationUnit::working_days});
        CHECK_FALSE(find_clock(config.policy, "response")->span);
        CHECK(config.policy.warnings.review_at == 4);
        CHECK(read_config(write_config(config), "complaints.yaml").policy_overrides ==
              config.policy_overrides);
    }

    TEST_CASE("the stage 2 bodies the letter signposts can be replaced") {
        const Config config =
            read_config(k_head + "review_bodies:\n  - key: ombudsman\n    name: The Ombudsman\n"
                                 "    contact: 0300 000 0000\n    after_response: true\n",
                        "complaints.yaml");
        REQUIRE(config.policy.review_bodies.size() == 1);
        CHECK(config.policy.review_bodies[0].after_response);
        CHECK_FALSE(config.policy.review_bodies[0].clinical_only);
        const Config again = read_config(write_config(config), "complaints.yaml");
        CHECK(again.policy.review_bodies[0].contact == "0300 000 0000");
        CHECK(
            config_error(k_head +
                         "review_bodies:\n  - key: x\n    name: y\n    after_response: maybe\n") ==
            "complaints.yaml:7:21: 'after_response' must be true or false");
        CHECK(preset_policy("clinic").review_bodies.size() == 5);
    }

    TEST_CASE("a review body is a stage that does not hold up closing, unless it says so") {
        const auto body = [](const std::string& flags) {
            return read_config(k_head + "review_bodies:\n  - key: b\n    name: B\n" + flags,
                               "complaints.yaml")
                .policy.review_bodies.at(0);
        };
        CHECK(body("").stage_two);
        CHECK_FALSE(body("").blocks_close);
        CHECK(body("    blocks_close: true\n").blocks_close);
        CHECK_FALSE(body("    stage_two: false\n").stage_two);
        // Written before stage_two: blocks_close: false meant a referral.
        CHECK_FALSE(body("    blocks_close: false\n").stage_two);
        CHECK(body("    blocks_close: false\n    stage_two: true\n").stage_two);
        // Both are kept through a rewrite of complaints.yaml.
        const Config config =
            read_config(k_head + "review_bodies:\n  - key: b\n    name: B\n    stage_two: false\n"
                                 "    blocks_close: true\n",
                        "complaints.yaml");
        const ReviewBody again =
            read_config(write_config(config), "complaints.yaml").policy.review_bodies.at(0);
        CHECK_FALSE(again.stage_two);
        CHECK(again.blocks_close);
        // A plain stage 2 body (the default) stays one through a rewrite.
        const Config plain =
            read_config(k_head + "review_bodies:\n  - key: b\n    name: B\n", "complaints.yaml");
        const ReviewBody kept =
            read_config(write_config(plain), "complaints.yaml").policy.review_bodies.at(0);
        CHECK(kept.stage_two);
        CHECK_FALSE(kept.blocks_close);
        for (const auto& preset : all_presets())
            for (const auto& preset_body : preset.make().review_bodies)
                CHECK_FALSE(preset_body.blocks_close);
        CHECK(has_second_stage(preset_policy("clinic")));
        CHECK_FALSE(has_second_stage(preset_policy("platform")));
    }

    TEST_CASE("a bad override names the file, line and column") {
        CHECK(config_error(k_head + "policy:\n  respons: 10 working days\n") ==
              "complaints.yaml:5:3: unknown policy rule 'respons' (did you mean 'response'?)");
        CHECK(config_error(k_head + "policy:\n  response: 10 wrking days\n")
                  .starts_with("complaints.yaml:5:13: '10 wrking days' has an unknown unit"));
        CHECK(
            config_error(k_head + "policy:\n  response: -2 days\n") ==
            "complaints.yaml:5:13: '-2 days' is negative; write a span such as '14 working days', "
            "'48 hours', '3 weeks', '6 months' or '10 days'");
        CHECK(config_error(k_head + "policy:\n  suspension_review_warnings: many\n") ==
              "complaints.yaml:5:31: 'many' must be a whole number from 0 to 1000 for "
              "suspension_review_warnings");
    }

    TEST_CASE("closures and bank holiday changes are read, checked and written back") {
        const std::string text =
            k_head + "closures:\n  - 2026-12-24\n  - from: 2026-12-29\n    to: 2026-12-31\n"
                     "    name: Christmas closure\n"
                     "bank_holidays:\n  scotland:\n    add:\n      - date: 2027-06-07\n"
                     "        name: Extra\n    cancel:\n      - 2027-05-03\n";
        const Config config = read_config(text, "complaints.yaml");
        REQUIRE(config.calendar.closures.size() == 2);
        CHECK(config.calendar.closures[1].name == "Christmas closure");
        const auto& scotland = config.calendar.changes[static_cast<std::size_t>(Region::scotland)];
        CHECK(scotland.added.size() == 1);
        CHECK(scotland.cancelled.size() == 1);
        const Config again = read_config(write_config(config), "complaints.yaml");
        CHECK(again.calendar.closures.size() == 2);
        CHECK(again.calendar.changes[static_cast<std::size_t>(Region::scotland)].added ==
              scotland.added);
        CHECK(config_error(k_head + "closures:\n  - from: 2026-12-31\n    to: 2026-12-01\n") ==
              "complaints.yaml:6:9: a closure cannot end before it starts");
        CHECK(config_error(k_head + "closures:\n  - 2026-02-30\n") ==
              "complaints.yaml:5:5: 'closures' must be a date on the calendar (YYYY-MM-DD), not "
              "'2026-02-30'");
        CHECK(config_error(k_head + "bank_holidays:\n  scotlnd:\n    add: []\n") ==
              "complaints.yaml:5:3: unknown region 'scotlnd' (did you mean 'scotland'?)");
    }
}
