// SPDX-License-Identifier: Apache-2.0
// The clinic's acknowledgement in 3 working days: the ISCAS Code the clinic
// policy must meet ("Independent sector code of practice management of
// patient complaints") expects one, so the clinic preset runs the clock.
#include "run.hpp"

#include <doctest/doctest.h>

using test::clock_named;
using test::has;

TEST_SUITE("acknowledgement: the clinic acknowledges in 3 working days") {
    TEST_CASE("a clinic complaint is due its acknowledgement 3 working days after receipt, and "
              "respond acknowledge meets it") {
        test::Repo repo;
        repo.now = "2026-11-04T10:00:00+00:00";
        // Monday 2 November: due by the end of Thursday 5 November.
        const std::string id = repo.open_case("2026-11-02 09:30");
        auto clock = clock_named(repo({"show", id, "--format", "json"}).json(), "acknowledgement");
        REQUIRE(clock.is_object());
        CHECK(clock["due_date"] == "2026-11-05");
        CHECK(clock["state"] == "running");
        repo.ok({"respond", "acknowledge", id, "--via", "letter"});
        clock = clock_named(repo({"show", id, "--format", "json"}).json(), "acknowledgement");
        CHECK(clock["state"] == "met");
    }

    TEST_CASE("the clinic's acknowledgement letter gives the response date and the promise of "
              "an explanation if it slips") {
        test::Repo repo;
        repo.now = "2026-11-03T10:00:00+00:00";
        const std::string id = repo.open_case("2026-11-02 09:30", {"--point", "Burn after laser"});
        const auto draft = repo({"respond", "acknowledge", id, "--draft"});
        REQUIRE_MESSAGE(draft.exit_code == 0, draft.err);
        CHECK(has(draft.out, "send you our written response by 20 November 2026."));
        CHECK(has(draft.out, "If we cannot send it by then, we will write to explain why"));
        CHECK_FALSE(has(draft.out, "agree it"));
    }

    TEST_CASE("the report counts acknowledgements due in the period: in time, late, not yet") {
        test::Repo repo;
        repo.now = "2026-12-10T10:00:00+00:00";
        const std::string in_time = repo.open_case("2026-11-02 09:30");
        repo.ok({"respond", "acknowledge", in_time, "--via", "email", "--at", "2026-11-04 12:00"});
        const std::string late = repo.open_case("2026-11-09 09:30");
        repo.ok({"respond", "acknowledge", late, "--via", "letter", "--at", "2026-11-20 12:00"});
        const std::string not_yet = repo.open_case("2026-11-16 09:30");
        // Due in December: not November's.
        repo.open_case("2026-11-30 09:30");
        const auto json = repo({"report", "--month", "2026-11", "--format", "json"}).json();
        const auto& a = json["acknowledgements"];
        CHECK(a["within"] == "3 working days");
        CHECK(a["due"] == 3);
        CHECK(a["in_time"] == 1);
        CHECK(a["late"] == 1);
        CHECK(a["not_yet"] == 1);
        const auto text = repo({"report", "--month", "2026-11"});
        CHECK(has(text.out, "Acknowledgements"));
        CHECK(has(text.out, "acknowledged within 3 working days"));
        const auto csv = repo({"report", "--month", "2026-11", "--format", "csv"});
        CHECK(has(csv.out, "acknowledgements.not_yet,1"));
    }

    TEST_CASE("the platform runs no acknowledgement clock and its report has no such section") {
        test::Repo repo("platform", "LAN");
        const auto json = repo({"report", "--month", "2026-10", "--format", "json"}).json();
        CHECK_FALSE(json.contains("acknowledgements"));
        CHECK_FALSE(has(repo({"report", "--month", "2026-10"}).out, "Acknowledgements"));
    }

    TEST_CASE("one acknowledgement: a second and one by phone are refused, and nothing is "
              "written") {
        test::Repo repo;
        const std::string id = repo.open_case("2026-11-10 09:00");
        const auto before = repo.snapshot();
        const auto by_phone = repo({"respond", "acknowledge", id, "--via", "phone"});
        CHECK(by_phone.exit_code == 2);
        CHECK(has(by_phone.err, "--via: an acknowledgement goes by email or letter, not 'phone'"));
        CHECK(repo.snapshot() == before);
        repo.ok({"respond", "acknowledge", id, "--via", "email", "--at", "2026-11-11 10:00"});
        const auto again = repo({"respond", "acknowledge", id, "--via", "email"});
        CHECK(again.exit_code == 5);
        CHECK(has(again.err, id + " was acknowledged on 2026-11-11; a second acknowledgement is "
                                  "not recorded"));
        CHECK(repo({"respond", "acknowledge", id, "--draft"}).exit_code == 5);
    }
}
