// SPDX-License-Identifier: Apache-2.0
#include "complaints/base/error.hpp"
#include "complaints/workflow/clinicians.hpp"

#include "event_of.hpp"

#include <doctest/doctest.h>

using namespace complaints;

using complaints::testing::london;

namespace {

Case warned(const std::string& id, const std::string& about, const std::string& gmc,
            const char* day) {
    Case c;
    c.id = id;
    c.about = about;
    c.gmc = gmc;
    c.received = *parse_stored_timestamp("2025-01-01T09:00:00+00:00");
    if (day)
        c.warning = parse_user_time(day, london(), "--at");
    return c;
}

Standing on(const std::vector<Case>& cases, const char* day) {
    const Policy policy = preset_policy("platform");
    const auto all = clinicians(cases, policy, london());
    REQUIRE(all.size() == 1);
    return standing_on(all[0], policy, *parse_date(day));
}

} // namespace

TEST_SUITE("clinicians") {
    TEST_CASE("cases group by GMC number, and by name where the number is missing") {
        const std::vector<Case> cases{warned("A", "Dr Sam Keane", "7123456", nullptr),
                                      warned("B", "dr  sam KEANE", "", nullptr),
                                      warned("C", "Dr Ella Novak", "", nullptr)};
        const auto all = clinicians(cases, preset_policy("platform"), london());
        REQUIRE(all.size() == 2);
        CHECK(all[0].key == "gmc:7123456");
        CHECK(all[0].case_ids.size() == 2);
        CHECK(all[1].key == "name:dr ella novak");
        CHECK(find_clinicians(all, "7123456").size() == 1);
        CHECK(find_clinicians(all, "ella").size() == 1);
        CHECK(find_clinicians(all, "dr").size() == 2);
    }

    TEST_CASE("a warning counts for six months, 31 August runs to 28 February") {
        const std::vector<Case> cases{warned("A", "Dr X", "7000001", "2026-08-31")};
        CHECK(on(cases, "2026-08-30").status == ClinicianStatus::clear);
        CHECK(on(cases, "2026-08-31").status == ClinicianStatus::warned);
        CHECK(on(cases, "2027-02-27").status == ClinicianStatus::warned);
        CHECK(on(cases, "2027-02-28").status == ClinicianStatus::clear);
    }

    TEST_CASE("leap years: 31 August 2027 runs to 29 February 2028") {
        const std::vector<Case> cases{warned("A", "Dr X", "7000001", "2027-08-31")};
        CHECK(on(cases, "2028-02-28").status == ClinicianStatus::warned);
        CHECK(on(cases, "2028-02-29").status == ClinicianStatus::clear);
    }

    TEST_CASE(
        "three warnings inside six months start a suspension review, with the date it changed") {
        const std::vector<Case> cases{warned("A", "Dr X", "7000001", "2026-01-10"),
                                      warned("B", "Dr X", "7000001", "2026-03-01"),
                                      warned("C", "Dr X", "7000001", "2026-07-09")};
        const Standing standing = on(cases, "2026-07-09");
        CHECK(standing.status == ClinicianStatus::suspension_review);
        CHECK(standing.active.size() == 3);
        REQUIRE(standing.history.size() == 2);
        CHECK(format_date(standing.history[0].on) == "2026-01-10");
        CHECK(format_date(standing.history[1].on) == "2026-07-09");
        // The first expires the next day: back to warned.
        CHECK(on(cases, "2026-07-10").status == ClinicianStatus::warned);
    }

    TEST_CASE("exactly six months apart, the first has expired when the third comes") {
        const std::vector<Case> cases{warned("A", "Dr X", "7000001", "2026-01-10"),
                                      warned("B", "Dr X", "7000001", "2026-03-01"),
                                      warned("C", "Dr X", "7000001", "2026-07-10")};
        const Standing standing = on(cases, "2026-07-10");
        CHECK(standing.status == ClinicianStatus::warned);
        CHECK(standing.active.size() == 2);
    }

    TEST_CASE("28 and 29 February: six months on is 28 and 29 August") {
        const std::vector<Case> leap{warned("A", "Dr X", "7000001", "2028-02-29")};
        CHECK(on(leap, "2028-08-28").status == ClinicianStatus::warned);
        CHECK(on(leap, "2028-08-29").status == ClinicianStatus::clear);
        const std::vector<Case> plain{warned("A", "Dr X", "7000001", "2027-02-28")};
        CHECK(on(plain, "2027-08-27").status == ClinicianStatus::warned);
        CHECK(on(plain, "2027-08-28").status == ClinicianStatus::clear);
    }

    TEST_CASE("suspension is a recorded decision, and reinstatement lifts it") {
        std::vector<Case> cases{warned("A", "Dr X", "7000001", "2026-01-10")};
        Event suspended{parse_user_time("2026-02-01", london(), "--at"),
                        EventType::suspended,
                        "Lead",
                        "Decision",
                        {},
                        {},
                        {},
                        {},
                        {}};
        cases[0].events.push_back(suspended);
        CHECK(on(cases, "2026-01-31").status == ClinicianStatus::warned);
        CHECK(on(cases, "2026-02-01").status == ClinicianStatus::permanently_suspended);
        Event reinstated = suspended;
        reinstated.type = EventType::reinstated;
        reinstated.at = parse_user_time("2026-03-01", london(), "--at");
        cases[0].events.push_back(reinstated);
        CHECK(on(cases, "2026-03-01").status == ClinicianStatus::warned);
    }
}

TEST_SUITE("clinicians: warning rules count in their own unit") {
    TEST_CASE(
        "a clinic with warning_kept: 26 weeks expires a warning after 26 weeks, not 26 months") {
        Policy policy = preset_policy("clinic");
        override_policy(policy, "warning_kept", "26 weeks");
        override_policy(policy, "suspension_review_warnings", "3");
        override_policy(policy, "suspension_review_window", "26 weeks");
        const std::vector<Case> cases{warned("A", "Dr X", "7000001", "2026-01-10")};
        const auto all = clinicians(cases, policy, london());
        REQUIRE(all.size() == 1);
        // 2026-01-10 + 182 days = 2026-07-11.
        CHECK(standing_on(all[0], policy, *parse_date("2026-07-10")).status ==
              ClinicianStatus::warned);
        CHECK(standing_on(all[0], policy, *parse_date("2026-07-11")).status ==
              ClinicianStatus::clear);
    }

    TEST_CASE("a warning rule in working days is refused: warnings run in calendar time") {
        Policy policy = preset_policy("platform");
        CHECK_THROWS_WITH_AS(override_policy(policy, "warning_kept", "20 working days"),
                             doctest::Contains("calendar time"), Error);
    }
}
