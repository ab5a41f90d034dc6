// SPDX-License-Identifier: Apache-2.0
// An agent leaves (issue #32): the roster marks them as left, new work is
// refused them, `assign --from --to` hands over everything they still hold
// (open complaints, and referrals still awaited on closed ones), and until
// then the agenda and check say whose work is stranded.
#include "run.hpp"

#include <doctest/doctest.h>

#include <fstream>

namespace {

using test::has;

constexpr int k_usage = 2;
constexpr int k_not_found = 3;
constexpr int k_refused = 5;

// Three agents. Tom Okafor holds two open complaints, one closed with the
// GMC's outcome still awaited, and one closed and done; Priya Shah one open.
struct Team : test::Repo {
    std::string first, second, referred, done, priyas;
    Team() : test::Repo("platform", "LAN") {
        std::ofstream(root / "complaints.yaml", std::ios::app)
            << "agents:\n  - Priya Shah\n  - Tom Okafor\n  - Ana Lopes\n";
        now = "2026-11-20T10:00:00+00:00";
        first = open("late", "2026-11-16 09:00");
        second = open("rude", "2026-11-16 09:10");
        referred = open("patient-care", "2026-11-16 09:20");
        done = open("admin", "2026-11-16 09:30");
        priyas = open("no-show", "2026-11-16 09:40");
        for (const auto& id : {first, second, referred, done})
            ok({"assign", id, "--to", "Tom Okafor", "--at", "2026-11-16 12:00"});
        ok({"assign", priyas, "--to", "Priya Shah", "--at", "2026-11-16 12:00"});
        for (const auto& id : {referred, done}) {
            handle(id);
            ok({"close", id, "--outcome", "resolved", "--no-learning", "Nothing to change", "--at",
                "2026-11-19 13:00"});
        }
        ok({"escalate", referred, "--to", "gmc", "--ref", "GMC-55", "--at", "2026-11-19 14:00"});
        now = "2026-12-02T10:00:00+00:00";
    }
    std::string open(const std::string& type, const std::string& received) const {
        return open_case(received, {"--complainant", "Practice manager", "--about", "Dr Sam Keane",
                                    "--gmc", "7123456", "--type", type});
    }
    void handle(const std::string& id) const {
        ok({"log", id, "--type", "shared-with-complainee", "--text", "Form shared", "--at",
            "2026-11-19 10:00"});
        ok({"log", id, "--type", "investigation-complete", "--text", "Done", "--at",
            "2026-11-19 11:00"});
        ok({"resolve", id, "--text", "Apology accepted", "--at", "2026-11-19 12:00"});
    }
    nlohmann::json json(const std::string& id) const {
        return (*this)({"show", id, "--format", "json"}).json();
    }
    std::string november() const {
        const auto report = (*this)({"report", "--month", "2026-11", "--format", "json"});
        REQUIRE_MESSAGE(report.exit_code == 0, report.err);
        return report.out;
    }
    nlohmann::json agenda_items(const std::string& rule) const {
        const auto agenda = (*this)({"agenda", "--format", "json"});
        REQUIRE_MESSAGE(agenda.exit_code == 0, agenda.err);
        nlohmann::json found = nlohmann::json::array();
        for (const auto& item : agenda.json("items"))
            if (item["rule"] == rule)
                found.push_back(item);
        return found;
    }
};

} // namespace

TEST_SUITE("platform: an agent leaves") {
    TEST_CASE("assign --leaver marks the agent as left in complaints.yaml, and names the work to "
              "hand over") {
        Team team;
        const auto said = team({"assign", "--leaver", "tom  OKAFOR", "--at", "2026-12-01"});
        REQUIRE_MESSAGE(said.exit_code == 0, said.err);
        CHECK(has(said.out, "Tom Okafor left on 2026-12-01"));
        CHECK(has(said.out, "3 cases to hand over"));
        CHECK(has(said.out, "assign --from 'Tom Okafor' --to NAME"));
        const std::string yaml = test::read_text(team.root / "complaints.yaml");
        CHECK(has(yaml, "  - \"Priya Shah\"\n"));
        CHECK(has(yaml, "  - name: \"Tom Okafor\"\n    left: 2026-12-01\n"));
        CHECK(has(yaml, "  - \"Ana Lopes\"\n"));
        // Once is enough; a name off the roster is a typing mistake.
        CHECK(has(team.refused({"assign", "--leaver", "Tom Okafor"}, k_refused),
                  "Tom Okafor left on 2026-12-01"));
        CHECK(has(team.refused({"assign", "--leaver", "Ana Lopez"}, k_usage),
                  "(did you mean 'Ana Lopes'?)"));
    }

    TEST_CASE(
        "a roster entry written by hand with left: reads, and plain names stay as they were") {
        Team team;
        std::string yaml = test::read_text(team.root / "complaints.yaml");
        yaml.replace(yaml.find("  - Tom Okafor\n"), 15,
                     "  - {name: Tom Okafor, left: 2026-12-01}\n");
        std::ofstream(team.root / "complaints.yaml", std::ios::trunc) << yaml;
        const std::string id = team.open("late", "2026-12-01 09:00");
        const std::string said = team.refused({"assign", id, "--to", "Tom Okafor"}, k_refused);
        CHECK(has(said, "Tom Okafor left on 2026-12-01"));
        CHECK(has(said, "assign --from 'Tom Okafor' --to NAME"));
        team.ok({"assign", id, "--to", "Ana Lopes"});
        // Before the day they left, the work was theirs to take.
        const std::string earlier = team.open("late", "2026-11-30 09:00");
        team.ok({"assign", earlier, "--to", "Tom Okafor", "--at", "2026-11-30 17:00"});
        SUBCASE("a left: that is not a date names the file and line") {
            yaml.replace(yaml.find("left: 2026-12-01"), 16, "left: soon");
            std::ofstream(team.root / "complaints.yaml", std::ios::trunc) << yaml;
            const auto listed = team({"list"});
            CHECK(listed.exit_code == 4);
            CHECK(has(listed.err, "complaints.yaml:"));
            CHECK(
                has(listed.err, "'left' must be a date on the calendar (YYYY-MM-DD), not 'soon'"));
        }
    }

    TEST_CASE("until it is handed over, the agenda and check flag the work of someone who left, "
              "and check still exits 0") {
        Team team;
        CHECK(team.agenda_items("agent-left").empty());
        team.ok({"assign", "--leaver", "Tom Okafor", "--at", "2026-12-01"});
        const auto items = team.agenda_items("agent-left");
        REQUIRE(items.size() == 3);
        CHECK(items[0]["what"] == "held by Tom Okafor, who left on 2026-12-01: hand it over with "
                                  "assign --from 'Tom Okafor' --to NAME");
        const auto checked = team({"check"});
        CHECK_MESSAGE(checked.exit_code == 0, checked.out);
        for (const auto& id : {team.first, team.second, team.referred})
            CHECK(has(checked.out, "cases/" + id + ".yaml:"));
        CHECK_FALSE(has(checked.out, "cases/" + team.done + ".yaml:"));
        CHECK(has(checked.out, "held by Tom Okafor, who left on 2026-12-01"));
        const auto attention = team({"list", "--attention", "--format", "json"});
        REQUIRE_MESSAGE(attention.exit_code == 0, attention.err);
        CHECK(attention.json("cases").size() >= 3);
    }

    TEST_CASE("assign --from --to hands over every open case and the referrals awaited on closed "
              "ones, leaving closed cases and old reports as they were") {
        Team team;
        team.ok({"assign", "--leaver", "Tom Okafor", "--at", "2026-12-01"});
        const std::string before = team.november();
        const std::string done_file = team.case_file(team.done);
        const auto said = team({"assign", "--from", "tom okafor", "--to", "Ana Lopes"});
        REQUIRE_MESSAGE(said.exit_code == 0, said.err);
        CHECK(has(said.out, team.first + ": reassigned to Ana Lopes (from Tom Okafor)"));
        CHECK(has(said.out, team.second + ": reassigned to Ana Lopes (from Tom Okafor)"));
        CHECK(has(said.out, team.referred + ": reassigned to Ana Lopes (from Tom Okafor)"));
        CHECK(has(said.out, "closed"));
        CHECK(has(said.out, "3 cases handed over"));
        CHECK_FALSE(has(said.out, team.done));
        CHECK_FALSE(has(said.out, team.priyas));
        CHECK(team.json(team.first)["agent"] == "Ana Lopes");
        const auto referred = team.json(team.referred);
        CHECK(referred["agent"] == "Ana Lopes");
        CHECK(referred["status"] == "closed");
        CHECK(referred["outcome"] == "resolved");
        CHECK(referred["events"].back()["type"] == "assigned");
        CHECK(team.case_file(team.done) == done_file);
        CHECK(team.json(team.priyas)["agent"] == "Priya Shah");
        // November's report still credits Tom with what he held then.
        CHECK(team.november() == before);
        CHECK(team.agenda_items("agent-left").empty());
        CHECK_FALSE(has(team({"check"}).out, "who left"));
        // Nothing more to hand over.
        const auto again = team({"assign", "--from", "Tom Okafor", "--to", "Ana Lopes"});
        CHECK(again.exit_code == 0);
        CHECK(has(again.out, "Tom Okafor holds no open work: nothing to hand over"));
    }

    TEST_CASE("a handover is refused to someone who left, from a name nobody knows, and with an "
              "ID") {
        Team team;
        team.ok({"assign", "--leaver", "Tom Okafor", "--at", "2026-12-01"});
        CHECK(has(team.refused({"assign", "--from", "Tom Okafr", "--to", "Ana Lopes"}, k_usage),
                  "(did you mean 'Tom Okafor'?)"));
        CHECK(has(team.refused({"assign", "--from", "Priya Shah", "--to", "Tom Okafor"}, k_refused),
                  "Tom Okafor left on 2026-12-01"));
        CHECK(has(team.refused({"assign", "--from", "Ana Lopes", "--to", "Ana Lopes"}, k_usage),
                  "the same agent"));
        team.refused({"assign", team.first, "--from", "Tom Okafor", "--to", "Ana Lopes"}, k_usage);
        team.refused({"assign", "--to", "Ana Lopes"}, k_usage);
    }

    TEST_CASE("with no roster, a handover from a name that holds nothing suggests those who do") {
        test::Repo repo("platform", "LAN");
        repo.now = "2026-11-20T10:00:00+00:00";
        const std::string id = repo.open_case(
            "2026-11-16 09:00", {"--complainant", "Practice manager", "--about", "Dr Sam Keane",
                                 "--gmc", "7123456", "--type", "late"});
        repo.ok({"assign", id, "--to", "Tom Okafor"});
        CHECK(has(repo.refused({"assign", "--from", "Tom Okafr", "--to", "Ana"}, k_not_found),
                  "(did you mean 'Tom Okafor'?)"));
        const auto said = repo({"assign", "--from", "Tom Okafor", "--to", "Ana Lopes"});
        REQUIRE_MESSAGE(said.exit_code == 0, said.err);
        CHECK(has(said.out, id + ": reassigned to Ana Lopes (from Tom Okafor)"));
    }
}
