// SPDX-License-Identifier: Apache-2.0
// The platform's 48-hour assignment through the real binary: a deadline
// counted in clock hours reads in hours wherever its time left is shown,
// is classified by its instant, says that it counts weekends, and warns
// when it falls on a day nobody works (the repository's calendar: England
// and Wales, Europe/London).
#include "run.hpp"

#include <doctest/doctest.h>

namespace {

struct Platform : test::Repo {
    Platform() : test::Repo("platform", "LAN") {}
    std::string opened(const std::string& received) const {
        return open_case(received, {"--about", "Dr Sam Keane"});
    }
    nlohmann::json agenda_item(const std::string& id,
                               const std::string& rule = "assignment") const {
        const auto listed = (*this)({"agenda", "--format", "json"});
        REQUIRE_MESSAGE(listed.exit_code == 0, listed.err);
        for (const auto& item : listed.json("items"))
            if (item["case"] == id && item["rule"] == rule)
                return item;
        FAIL("no " << rule << " item for " << id);
        return nullptr;
    }
    std::string agenda_text() const {
        const auto listed = (*this)({"agenda"});
        REQUIRE_MESSAGE(listed.exit_code == 0, listed.err);
        return listed.out;
    }
    std::string show(const std::string& id) const {
        const auto shown = (*this)({"show", id});
        REQUIRE_MESSAGE(shown.exit_code == 0, shown.err);
        return shown.out;
    }
};

} // namespace

TEST_SUITE("clock hours") {
    TEST_CASE("show and the agenda word an hours clock's time left alike, in hours") {
        Platform platform;
        platform.now = "2026-11-24T09:00:00+00:00"; // Tuesday
        const std::string id = platform.opened("2026-11-23 10:00");
        CHECK(
            test::has(platform.show(id),
                      "Due next:    assignment by 2026-11-25 10:00 (25 hours left; 48 clock hours "
                      "after receipt, weekends and bank holidays included)\n"));
        CHECK(test::has(platform.show(id), "due 2026-11-25 10:00  25 hours left (48 clock hours"));
        const std::string text = platform.agenda_text();
        CHECK(test::has(text, "25 hours left"));
        CHECK_FALSE(test::has(text, "working day left"));
        // The email digest is the text view.
        const auto mail = platform({"agenda", "--format", "email", "--to", "manager@example.org"});
        REQUIRE(mail.exit_code == 0);
        CHECK(test::has(mail.out, "25 hours left"));

        platform.now = "2026-11-25T13:00:00+00:00";
        CHECK(test::has(platform.show(id), "(overdue by 3 hours; 48 clock hours"));
        CHECK(test::has(platform.agenda_text(), "overdue by 3 hours"));
        platform.now = "2026-11-25T09:30:00+00:00";
        CHECK(test::has(platform.show(id), "(under an hour left;"));
    }

    TEST_CASE("the agenda's JSON and CSV: due_date is a date for every item, due_at the instant") {
        Platform platform;
        platform.now = "2026-11-24T09:00:00+00:00";
        const std::string id = platform.opened("2026-11-23 10:00");
        const auto item = platform.agenda_item(id);
        CHECK(item["due_date"] == "2026-11-25");
        CHECK(item["due_at"] == "2026-11-25T10:00:00+00:00");
        CHECK(item["all_day"] == false);
        CHECK(item["hours_left"] == 25);
        CHECK(item["act_by_date"].is_null());
        // A day clock: the date, and its last second, as `show` gives it.
        platform.ok({"assign", id, "--to", "Priya Shah", "--at", "2026-11-23 11:00"});
        platform.now = "2026-12-03T09:00:00+00:00"; // the investigation is due soon
        const auto investigation = platform.agenda_item(id, "investigation");
        CHECK(investigation["due_date"] == "2026-12-07");
        CHECK(investigation["due_at"] == "2026-12-07T23:59:59+00:00");
        CHECK(investigation["all_day"] == true);
        CHECK(investigation["hours_left"].is_null());
        const auto csv = platform({"agenda", "--format", "csv"});
        REQUIRE(csv.exit_code == 0);
        CHECK(test::has(csv.out,
                        "working_days_left,working_days_since,since_date,due_at,act_by_date,"
                        "complainant,summary\r\n"));
        CHECK(test::has(csv.out, ",2026-12-07,investigation,"));
        CHECK(test::has(csv.out, ",2026-12-07T23:59:59+00:00,,"));
    }

    TEST_CASE("an hours deadline is today by its instant: midnight tonight is today") {
        Platform platform;
        platform.now = "2026-11-24T09:00:00+00:00";
        const std::string id = platform.opened("2026-11-23 00:00");
        // Due at 00:00 on Wednesday: the last moment is Tuesday's midnight.
        CHECK(platform.agenda_item(id)["when"] == "today");
        const std::string later = platform.opened("2026-11-23 00:01");
        CHECK(platform.agenda_item(later)["when"] == "soon");
        platform.now = "2026-11-25T00:00:00+00:00";
        CHECK(platform.agenda_item(id)["when"] == "overdue");
        CHECK(platform.agenda_item(later)["when"] == "today");
    }

    TEST_CASE("a Friday afternoon's 48 hours end on Sunday: open notes it, show warns, the "
              "agenda has it today") {
        Platform platform;
        platform.now = "2026-11-27T15:00:00+00:00"; // Friday
        const auto opened = platform({"open", "--channel", "email", "--received",
                                      "2026-11-27 14:00", "--about", "Dr Sam Keane"});
        REQUIRE(opened.exit_code == 0);
        const std::string id = opened.out.substr(0, opened.out.size() - 1);
        CHECK(opened.err == "complaints: note: the assignment deadline, 2026-11-29 14:00, falls on "
                            "a Sunday: nobody may be in; act by Fri 2026-11-27\n");
        CHECK(test::has(platform.show(id),
                        "Warning:     the assignment deadline falls on a Sunday: "
                        "nobody may be in; act by Fri 2026-11-27\n"));
        const auto item = platform.agenda_item(id);
        CHECK(item["when"] == "today");
        CHECK(item["due_date"] == "2026-11-29");
        CHECK(item["act_by_date"] == "2026-11-27");
        CHECK(
            test::has(platform.agenda_text(),
                      "47 hours left; falls on a Sunday: nobody may be in; act by Fri 2026-11-27"));
        // Assigned, the warning goes.
        platform.ok({"assign", id, "--to", "Priya Shah"});
        CHECK_FALSE(test::has(platform.show(id), "Warning:"));
    }

    TEST_CASE("a deadline on a bank holiday says which, and a weekday one says nothing") {
        Platform platform;
        platform.now = "2026-12-23T15:00:00+00:00"; // Wednesday
        const auto opened = platform({"open", "--channel", "email", "--received",
                                      "2026-12-23 14:00", "--about", "Dr Sam Keane"});
        REQUIRE(opened.exit_code == 0);
        CHECK(test::has(opened.err,
                        "falls on Christmas Day: nobody may be in; act by Thu 2026-12-24"));
        const auto weekday = platform({"open", "--channel", "email", "--received",
                                       "2026-12-22 14:00", "--about", "Dr Sam Keane"});
        REQUIRE(weekday.exit_code == 0);
        CHECK(weekday.err.empty());
    }

    TEST_CASE("three weeks that end on Christmas Day are flagged like an hours deadline: open, "
              "show and the agenda give the day to act by") {
        Platform platform;
        platform.now = "2026-12-04T11:00:00+00:00"; // Friday
        const auto opened = platform({"open", "--channel", "email", "--received",
                                      "2026-12-04 10:00", "--about", "Dr Sam Keane"});
        REQUIRE_MESSAGE(opened.exit_code == 0, opened.err);
        const std::string id = opened.out.substr(0, opened.out.size() - 1);
        CHECK(test::has(opened.err, "complaints: note: the resolution deadline, "));
        CHECK(test::has(opened.err, "falls on Christmas Day: nobody may be in; act by Thu "
                                    "2026-12-24\n"));
        platform.ok({"assign", id, "--to", "Priya Shah"});
        const std::string shown = platform.show(id);
        CHECK(test::has(shown, "  resolution       due 2026-12-25        14 working days left\n"
                               "                       falls on Christmas Day: nobody may be "
                               "in; act by Thu 2026-12-24\n"));
        platform.now = "2026-12-21T09:00:00+00:00"; // Monday of Christmas week
        const auto item = platform.agenda_item(id, "resolution");
        CHECK(item["due_date"] == "2026-12-25");
        CHECK(item["act_by_date"] == "2026-12-24");
        CHECK(item["when"] == "soon");
        CHECK(test::has(platform.agenda_text(),
                        "falls on Christmas Day: nobody may be in; act by Thu 2026-12-24"));
        // Working days never end on a day off: the investigation says nothing.
        CHECK(platform.agenda_item(id, "investigation")["act_by_date"].is_null());
    }

    TEST_CASE("received on Boxing Day and due on its substitute Monday: no act-by before receipt") {
        Platform platform;
        platform.now = "2026-12-26T10:00:00+00:00"; // Saturday, Boxing Day
        const auto opened = platform({"open", "--channel", "email", "--received",
                                      "2026-12-26 10:00", "--about", "Dr Sam Keane"});
        REQUIRE_MESSAGE(opened.exit_code == 0, opened.err);
        // Christmas Eve, the working day before Monday 28, is before receipt.
        CHECK_FALSE(test::has(opened.err, "2026-12-24"));
        CHECK(test::has(opened.err, "falls on Boxing Day (substitute day), with no working day "
                                    "before it since receipt: only whoever is on call can meet "
                                    "it; act on Sat 2026-12-26"));
        const std::string id = opened.out.substr(0, opened.out.size() - 1);
        CHECK(platform.agenda_item(id)["act_by_date"] == "2026-12-26");
        CHECK(platform.agenda_item(id)["when"] == "today");
    }
}
