// SPDX-License-Identifier: Apache-2.0
// A mediation meeting booked for a day to come, through the real binary:
// "a mediation meeting may be booked between complainant, complainee and
// Lantum". Booked, it is on the agenda (and the calendar feed) at its time
// and in `list --attention`; held, it is off both; a booking voided is gone.
#include "run.hpp"

#include <doctest/doctest.h>

namespace {

struct Platform : test::Repo {
    Platform() : test::Repo("platform", "LAN") { now = "2026-11-20T10:00:00+00:00"; }
    std::string open() const {
        const std::string id =
            open_case("2026-11-16 09:00", {"--complainant", "Practice manager", "--about",
                                           "Dr Sam Keane", "--gmc", "7123456", "--type", "rude"});
        ok({"assign", id, "--to", "Priya Shah", "--at", "2026-11-16 11:00"});
        return id;
    }
    std::vector<std::string> book(const std::string& id, const std::string& when) const {
        return {"log",        id,
                "--type",     "mediation-booked",
                "--on",       when,
                "--attendee", "Practice manager",
                "--attendee", "Dr Sam Keane",
                "--attendee", "Priya Shah",
                "--text",     "Video call booked with both parties"};
    }
    nlohmann::json agenda_item(const std::string& id, const std::string& rule) const {
        const auto listed = (*this)({"agenda", "--format", "json"});
        REQUIRE_MESSAGE(listed.exit_code == 0, listed.err);
        for (const auto& one : listed.json("items"))
            if (one["case"] == id && one["rule"] == rule)
                return one;
        return nullptr;
    }
    bool needs_attention(const std::string& id) const {
        const auto listed = (*this)({"list", "--attention", "--format", "json"});
        REQUIRE_MESSAGE(listed.exit_code == 0, listed.err);
        for (const auto& one : listed.json("cases"))
            if (one["id"] == id)
                return true;
        return false;
    }
};

} // namespace

TEST_SUITE("cli mediation") {
    TEST_CASE("a mediation booked for Tuesday is on the agenda at its time, then held and off") {
        Platform platform;
        const std::string id = platform.open();
        platform.ok(platform.book(id, "2026-11-24 14:00"));

        const auto booked = platform.agenda_item(id, "mediation");
        REQUIRE_FALSE(booked.is_null());
        CHECK(booked["when"] == "soon");
        CHECK(booked["due_at"] == "2026-11-24T14:00:00+00:00");
        CHECK(test::has(booked["what"], "mediation booked with Practice manager, Dr Sam Keane, "
                                        "Priya Shah"));
        CHECK(booked["person"] == "Priya Shah");
        CHECK(platform.needs_attention(id));
        const auto shown = platform({"show", id});
        CHECK(test::has(shown.out, "Booked for: 2026-11-24 14:00"));
        CHECK(test::has(shown.out, "Attention:   mediation booked for 2026-11-24 14:00 with "
                                   "Practice manager, Dr Sam Keane, Priya Shah"));
        CHECK(test::has(platform({"agenda"}).out, "in 2 working days"));

        // The calendar feed has it at 14:00, not as an all-day event.
        const auto ics = platform({"agenda", "--format", "ics"});
        REQUIRE_MESSAGE(ics.exit_code == 0, ics.err);
        CHECK(test::has(ics.out, "UID:" + id + ".mediation@complaints"));
        CHECK(test::has(ics.out, "DTSTART:20261124T140000Z"));

        // The day after, not recorded as held: overdue, so nobody forgets.
        platform.now = "2026-11-25T10:00:00+00:00";
        CHECK(platform.agenda_item(id, "mediation")["when"] == "overdue");
        CHECK(test::has(platform({"agenda"}).out, "held? log it as held, or void the booking"));

        platform.ok({"log", id, "--type", "mediation", "--attendee", "Practice manager",
                     "--attendee", "Dr Sam Keane", "--attendee", "Priya Shah", "--text",
                     "Both sides agreed a way forward", "--at", "2026-11-24 15:00"});
        CHECK(platform.agenda_item(id, "mediation").is_null());
        CHECK_FALSE(platform.needs_attention(id));
    }

    TEST_CASE("a booking voided is off the agenda, and a new one replaces it, saying so") {
        Platform platform;
        const std::string id = platform.open();
        platform.ok(platform.book(id, "2026-11-24 14:00"));
        platform.ok({"void", id, "3", "--reason", "The practice cannot make Tuesday"});
        CHECK(platform.agenda_item(id, "mediation").is_null());
        platform.ok(platform.book(id, "2026-11-26 10:00"));
        CHECK(platform.agenda_item(id, "mediation")["due_at"] == "2026-11-26T10:00:00+00:00");
        // Booked again before it is held: said, not silent.
        const auto again = platform(platform.book(id, "2026-11-27 10:00"));
        REQUIRE(again.exit_code == 0);
        CHECK(
            test::has(again.err, "note: this replaces the mediation booked for 2026-11-26 10:00"));
        // Held earlier than booked (brought forward): said too.
        const auto held =
            platform({"log", id, "--type", "mediation", "--attendee", "Practice manager",
                      "--attendee", "Dr Sam Keane", "--text", "Brought forward"});
        REQUIRE(held.exit_code == 0);
        CHECK(test::has(held.err, "the mediation booked for 2026-11-27 10:00 is taken as held"));
        CHECK(platform.agenda_item(id, "mediation").is_null());
    }

    TEST_CASE("a booking needs a time to come and the people to attend, and writes nothing "
              "otherwise") {
        Platform platform;
        const std::string id = platform.open();
        const auto before = test::read_text(platform.case_file(id));
        CHECK(test::has(
            platform.refused({"log", id, "--type", "mediation-booked", "--attendee",
                              "Practice manager", "--attendee", "Dr Sam Keane", "--text", "Booked"},
                             2),
            "needs the day and time it is booked for (--on)"));
        CHECK(test::has(platform.refused(platform.book(id, "2026-11-19 14:00"), 2),
                        "--on: 2026-11-19 14:00 is before the booking"));
        CHECK(test::has(
            platform.refused({"log", id, "--type", "mediation-booked", "--on", "2026-11-24 14:00",
                              "--attendee", "Practice manager", "--text", "Booked"},
                             2),
            "between the parties: name at least two attendees"));
        CHECK(test::has(
            platform.refused(
                {"log", id, "--type", "note", "--on", "2026-11-24 14:00", "--text", "Booked"}, 2),
            "--on goes with a mediation booked, not a note"));
        CHECK(test::read_text(platform.case_file(id)) == before);
    }
}
