// SPDX-License-Identifier: Apache-2.0
// The platform's clinical escalation and its support agents (issue #15):
// the Responsible Officer sooner with a reason, the GMC and LMC at any time,
// referrals that run on after the complaint closes; a named agent in 48
// hours, a roster in complaints.yaml, and the figures per agent.
#include "run.hpp"

#include <doctest/doctest.h>

#include <algorithm>
#include <fstream>

namespace {

constexpr int k_usage = 2;
constexpr int k_bad_data = 4;
constexpr int k_refused = 5;

bool has(const std::string& text, const std::string& part) {
    return text.find(part) != std::string::npos;
}

struct Platform : test::Repo {
    Platform() : test::Repo("platform", "LAN") { now = "2026-11-20T10:00:00+00:00"; }
    std::string open(const std::string& type, const std::string& received = "2026-11-16 09:00",
                     const std::string& about = "Dr Sam Keane",
                     const std::string& gmc = "7123456") const {
        return open_case(received, {"--complainant", "Practice manager", "--about", about, "--gmc",
                                    gmc, "--type", type});
    }
    // Shared with the clinician, investigated and resolved on `day`, once assigned.
    void handle(const std::string& id, const std::string& day = "2026-11-19") const {
        ok({"log", id, "--type", "shared-with-complainee", "--text", "Form shared", "--at",
            day + " 10:00"});
        ok({"log", id, "--type", "investigation-complete", "--text", "Done", "--at",
            day + " 11:00"});
        ok({"resolve", id, "--text", "Apology accepted", "--at", day + " 12:00"});
    }
    nlohmann::json json(const std::string& id) const {
        return (*this)({"show", id, "--format", "json"}).json();
    }
    // Appends to complaints.yaml; returns the line number the text starts on.
    int add_to_config(const std::string& text) const {
        const std::string before = test::read_text(root / "complaints.yaml");
        std::ofstream(root / "complaints.yaml", std::ios::app) << text;
        return static_cast<int>(std::count(before.begin(), before.end(), '\n')) + 1;
    }
};

const nlohmann::json& clock_named(const nlohmann::json& c, const std::string& rule) {
    for (const auto& clock : c["clocks"])
        if (clock["rule"] == rule)
            return clock;
    FAIL("no clock " << rule);
    return c;
}

} // namespace

TEST_SUITE("platform: clinical escalation") {
    TEST_CASE("the Responsible Officer before the resolution needs a reason, kept on the case") {
        Platform platform;
        const std::string id = platform.open("patient-care");
        CHECK(has(platform.refused({"escalate", id, "--to", "responsible-officer"}, k_refused),
                  "to tell them sooner, give --reason (why the complaint is more serious)"));
        CHECK(has(platform.refused(
                      {"escalate", id, "--to", "responsible-officer", "--reason", " \t "}, k_usage),
                  "--reason is blank"));
        const auto said = platform({"escalate", id, "--to", "responsible-officer", "--reason",
                                    "More serious: a missed sepsis referral"});
        REQUIRE_MESSAGE(said.exit_code == 0, said.err);
        CHECK(has(said.out, "closing the complaint does not wait for it"));
        const auto c = platform.json(id);
        CHECK(has(c["events"].back()["text"].get<std::string>(),
                  "Reason: More serious: a missed sepsis referral"));
        CHECK(has(platform.refused({"escalate", id, "--outcome", "x", "--reason", "y"}, k_usage),
                  "--reason goes with --to BODY"));
    }

    TEST_CASE("the GMC and the LMC may be told at any time, for clinical complaints only") {
        Platform platform;
        const std::string clinical = platform.open("patient-care");
        platform.ok({"escalate", clinical, "--to", "lmc"});
        platform.ok({"escalate", clinical, "--to", "gmc", "--ref", "GMC-55"});
        const std::string admin = platform.open("admin");
        for (const std::string body : {"gmc", "lmc", "responsible-officer"})
            CHECK(has(platform.refused({"escalate", admin, "--to", body, "--reason", "Serious"},
                                       k_refused),
                      "is for clinical complaints only"));
    }

    TEST_CASE("an outcome without --to is refused when several referrals are open, naming them") {
        Platform platform;
        const std::string id = platform.open("patient-care");
        platform.ok({"escalate", id, "--to", "gmc"});
        platform.ok({"escalate", id, "--to", "lmc"});
        CHECK(has(platform.refused({"escalate", id, "--outcome", "No action"}, k_usage),
                  "2 referrals are open (gmc, lmc): give --to BODY"));
        platform.ok({"escalate", id, "--outcome", "No action", "--to", "lmc"});
        // An empty outcome is a mistake to name, not a new referral to refuse.
        CHECK(has(platform.refused({"escalate", id, "--outcome", "", "--to", "gmc"}, k_usage),
                  "--outcome needs the review's outcome, in words"));
        CHECK(has(platform.refused({"escalate", id, "--outcome", "  ", "--to", "gmc"}, k_usage),
                  "--outcome needs the review's outcome, in words"));
    }

    TEST_CASE("an open GMC referral does not hold up closing, or the warning, and stays tracked") {
        Platform platform;
        const std::string id = platform.open("patient-care");
        platform.ok({"assign", id, "--to", "Priya Shah", "--at", "2026-11-17 09:00"});
        platform.handle(id);
        platform.ok({"escalate", id, "--to", "gmc", "--ref", "GMC-55"});
        platform.ok({"escalate", id, "--to", "responsible-officer"});
        const auto closed =
            platform({"close", id, "--outcome", "upheld", "--no-learning", "Individual conduct",
                      "--warning", "--warning-reason", "Clinical standards"});
        REQUIRE_MESSAGE(closed.exit_code == 0, closed.err);
        CHECK(platform.json(id)["status"] == "closed");

        const auto attention = platform({"list", "--attention", "--format", "json"});
        REQUIRE_MESSAGE(attention.exit_code == 0, attention.err);
        REQUIRE(attention.json()["cases"].size() == 1);
        CHECK(attention.json()["cases"][0]["id"] == id);

        const auto clinician = platform({"clinician", "keane", "--format", "json"});
        REQUIRE_MESSAGE(clinician.exit_code == 0, clinician.err);
        const auto open = clinician.json()["open_referrals"];
        REQUIRE(open.size() == 2);
        CHECK(open[0]["body"] == "gmc");
        CHECK(open[0]["case"] == id);
        CHECK(has(platform({"clinician", "keane"}).out, "gmc since 2026-11-20, awaiting"));

        platform.ok({"escalate", id, "--outcome", "No further action", "--to", "gmc"});
        platform.ok({"escalate", id, "--outcome", "Noted", "--to", "responsible-officer"});
        CHECK(
            platform({"clinician", "keane", "--format", "json"}).json()["open_referrals"].empty());
        CHECK(platform({"list", "--attention", "--format", "json"}).json()["cases"].empty());
    }
}

TEST_SUITE("platform: support agents") {
    TEST_CASE("a blank agent is refused and does not meet the 48-hour clock") {
        Platform platform;
        const std::string id = platform.open("late");
        for (const std::string blank : {"", "   ", "\t", " \t\xC2\xA0 "})
            CHECK(has(platform.refused({"assign", id, "--to", blank}, k_usage),
                      "the agent's name is blank"));
        CHECK(clock_named(platform.json(id), "assignment")["state"] != "met");
        platform.ok({"assign", id, "--to", "  Priya Shah  ", "--at", "2026-11-17 09:00"});
        const auto c = platform.json(id);
        CHECK(c["agent"] == "Priya Shah");
        CHECK(clock_named(c, "assignment")["state"] == "met");
    }

    TEST_CASE("with a roster, a misspelt agent is refused with a suggestion") {
        Platform platform;
        platform.add_to_config("agents:\n  - Priya Shah\n  - Tom Okafor\n");
        const std::string id = platform.open("late");
        const std::string said = platform.refused({"assign", id, "--to", "Priya Shaw"}, k_usage);
        CHECK(has(said, "'Priya Shaw' is not on the agents roster in complaints.yaml "
                        "(did you mean 'Priya Shah'?)"));
        CHECK(has(said, "it lists: Priya Shah, Tom Okafor"));
        platform.ok({"assign", id, "--to", "priya  SHAH"});
        CHECK(platform.json(id)["agent"] == "Priya Shah");
    }

    TEST_CASE("with a roster, a first name alone suggests the one agent it names") {
        Platform platform;
        platform.add_to_config("agents:\n  - Priya Shah\n  - Tom Okafor\n");
        const std::string id = platform.open("late");
        CHECK(has(platform.refused({"assign", id, "--to", "Priya"}, k_usage),
                  "'Priya' is not on the agents roster in complaints.yaml (did you mean 'Priya "
                  "Shah'?)"));
        // A surname too; and the list says so as a warning.
        CHECK(has(platform.refused({"assign", id, "--to", "okafor"}, k_usage),
                  "(did you mean 'Tom Okafor'?)"));
        CHECK(has(platform({"list", "--agent", "Priya"}).err, "(did you mean 'Priya Shah'?)"));
    }

    TEST_CASE("init --preset platform shows how to list the agents, commented out") {
        test::TempDir dir;
        const auto made = test::run(test::Run{{"init", (dir / "r").string(), "--preset", "platform",
                                               "--organisation", "Lantum", "--prefix", "LAN"},
                                              "",
                                              {},
                                              {}});
        REQUIRE_MESSAGE(made.exit_code == 0, made.err);
        CHECK(has(test::read_text(dir / "r" / "complaints.yaml"),
                  "# agents:  # the support agents a case is assigned to (none listed: any name)\n"
                  "#   - Priya Shah\n"));
    }

    TEST_CASE("a roster that is not a list of names is an error naming complaints.yaml and line") {
        Platform platform;
        SUBCASE("not a list") {
            const int line = platform.add_to_config("agents: Priya Shah\n");
            const auto result = platform({"list"});
            CHECK(result.exit_code == k_bad_data);
            CHECK(has(result.err, "complaints.yaml:" + std::to_string(line) + ":"));
            CHECK(has(result.err, "'agents' must be a list"));
        }
        SUBCASE("a list in it") {
            const int line = platform.add_to_config("agents:\n  - Priya Shah\n  - [Tom]\n");
            const auto result = platform({"list"});
            CHECK(result.exit_code == k_bad_data);
            CHECK(has(result.err, "complaints.yaml:" + std::to_string(line + 2) + ":"));
            CHECK(has(result.err, "'agents' must be text, not a list or mapping"));
        }
        SUBCASE("a mapping in it that is not an agent who left") {
            const int line = platform.add_to_config("agents:\n  - Priya Shah\n  - {name: Tom}\n");
            const auto result = platform({"list"});
            CHECK(result.exit_code == k_bad_data);
            CHECK(has(result.err, "complaints.yaml:" + std::to_string(line + 2) + ":"));
            CHECK(has(result.err, "a roster entry that is not a plain name has no 'left' key"));
        }
        SUBCASE("a blank name") {
            platform.add_to_config("agents:\n  - Priya Shah\n  - \"  \"\n");
            const auto result = platform({"list"});
            CHECK(result.exit_code == k_bad_data);
            CHECK(has(result.err, "'agents' lists a blank name"));
        }
    }
}

TEST_SUITE("platform: figures per agent") {
    // Priya Shah: one complaint assigned in 24 hours and resolved, then
    // closed; one assigned after 72 hours. Tom Okafor: one, in an hour.
    // One complaint nobody has been assigned.
    struct Agents : Platform {
        std::string handled, late, toms, nobodys;
        Agents() {
            handled = open("late", "2026-11-16 09:00");
            late = open("rude", "2026-11-16 09:10");
            toms = open("admin", "2026-11-16 09:20");
            nobodys = open("no-show", "2026-11-16 09:30");
            ok({"assign", handled, "--to", "Priya Shah", "--at", "2026-11-17 09:00"});
            handle(handled);
            ok({"close", handled, "--outcome", "upheld", "--no-learning", "Individual conduct",
                "--at", "2026-11-19 13:00"});
            ok({"assign", late, "--to", "Priya Shah", "--at", "2026-11-19 09:00"});
            ok({"assign", toms, "--to", "Tom Okafor", "--at", "2026-11-16 10:00"});
        }
    };

    TEST_CASE(
        "list --agent NAME lists that agent's complaints, and every listing names the agent") {
        Agents platform;
        const auto mine = platform({"list", "--agent", "priya  shah", "--format", "json"});
        REQUIRE_MESSAGE(mine.exit_code == 0, mine.err);
        REQUIRE(mine.json()["cases"].size() == 2);
        CHECK(mine.json()["cases"][0]["agent"] == "Priya Shah");
        CHECK(mine.json()["cases"][1]["id"] == platform.late);

        const auto csv = platform({"list", "--format", "csv"});
        REQUIRE_MESSAGE(csv.exit_code == 0, csv.err);
        CHECK(has(csv.out, "id,reference,received,kind,status,channel,complainant,category,"
                           "type,about,agent,practitioners"));
        CHECK(has(csv.out, "Dr Sam Keane,Tom Okafor,"));
        CHECK(has(csv.out, "Dr Sam Keane,,"));
        const auto table = platform({"list", "--agent", "Tom Okafor"});
        CHECK(has(table.out, "agent"));
        CHECK(has(table.out, platform.toms));
        CHECK_FALSE(has(table.out, platform.late));
        CHECK(has(platform.refused({"list", "--agent", "  "}, k_usage),
                  "--agent: the name is blank"));
    }

    TEST_CASE("list --agent with a name off the roster suggests the nearest, and still lists") {
        Agents platform;
        platform.add_to_config("agents:\n  - Priya Shah\n  - Tom Okafor\n");
        const auto misspelt = platform({"list", "--agent", "Priya Shaw"});
        CHECK(misspelt.exit_code == 0);
        CHECK(has(misspelt.err, "--agent: 'Priya Shaw' is not on the agents roster in "
                                "complaints.yaml (did you mean 'Priya Shah'?)"));
        const auto right = platform({"list", "--agent", "priya  shah"});
        REQUIRE_MESSAGE(right.exit_code == 0, right.err);
        CHECK_FALSE(has(right.err, "roster"));
        CHECK(has(right.out, platform.late));
    }

    TEST_CASE("the clinic's listing has no agent column") {
        test::Repo clinic;
        clinic.open_case();
        const auto csv = clinic({"list", "--format", "csv"});
        REQUIRE(csv.exit_code == 0);
        CHECK_FALSE(has(csv.out, "agent"));
    }

    TEST_CASE("the report gives each agent's assignments in 48 hours, resolutions and open cases") {
        Agents platform;
        const auto json =
            platform({"report", "--from", "2026-11-01", "--to", "2026-11-30", "--format", "json"});
        REQUIRE_MESSAGE(json.exit_code == 0, json.err);
        const auto agents = json.json()["agents"];
        REQUIRE(agents.size() == 3);
        CHECK(agents[0] == nlohmann::json{{"agent", "Priya Shah"},
                                          {"assigned", 2},
                                          {"assigned_in_time", 1},
                                          {"resolved", 1},
                                          {"resolved_in_time", 1},
                                          {"open_at_end", 1}});
        CHECK(agents[1]["agent"] == "Tom Okafor");
        CHECK(agents[1]["assigned_in_time"] == 1);
        CHECK(agents[1]["open_at_end"] == 1);
        CHECK(agents[2]["agent"].is_null()); // the complaint nobody has
        CHECK(agents[2]["open_at_end"] == 1);

        const auto text = platform({"report", "--from", "2026-11-01", "--to", "2026-11-30"});
        REQUIRE_MESSAGE(text.exit_code == 0, text.err);
        CHECK(has(text.out, "Support agents"));
        CHECK(has(text.out, "Priya Shah"));
        const auto html =
            platform({"report", "--from", "2026-11-01", "--to", "2026-11-30", "--format", "html"});
        REQUIRE_MESSAGE(html.exit_code == 0, html.err);
        CHECK(has(html.out, "<h2>Support agents</h2>"));
        CHECK(has(html.out, "<th scope=\"row\" class=\"k\">Tom Okafor</th>"));
    }

    TEST_CASE("an old month's report credits the agent who held the case then, run after a "
              "reassignment") {
        Platform platform;
        platform.now = "2026-12-02T10:00:00+00:00";
        const std::string id = platform.open("late", "2026-10-05 09:00");
        platform.ok({"assign", id, "--to", "Priya Shah", "--at", "2026-10-05 15:00"});
        platform.ok({"assign", id, "--to", "Tom Okafor", "--at", "2026-11-03 09:00"});
        const std::string file = test::read_text(platform.root / "cases" / (id + ".yaml"));
        CHECK(has(file, "agent: \"Priya Shah\""));
        CHECK(has(file, "agent: \"Tom Okafor\""));
        const auto october = [&] {
            const auto json = platform(
                {"report", "--from", "2026-10-01", "--to", "2026-10-31", "--format", "json"});
            REQUIRE_MESSAGE(json.exit_code == 0, json.err);
            const nlohmann::json agents = json.json()["agents"];
            REQUIRE(agents.size() == 1);
            return agents[0];
        };
        // Read from the file, then from the cache the first run wrote.
        for (int run = 0; run < 2; ++run) {
            const auto priya = october();
            CHECK(priya["agent"] == "Priya Shah");
            CHECK(priya["assigned_in_time"] == 1);
            CHECK(priya["open_at_end"] == 1);
        }
        const auto november =
            platform({"report", "--from", "2026-11-01", "--to", "2026-11-30", "--format", "json"});
        REQUIRE_MESSAGE(november.exit_code == 0, november.err);
        const nlohmann::json agents = november.json()["agents"];
        REQUIRE(agents.size() == 1);
        CHECK(agents[0]["agent"] == "Tom Okafor");
    }

    TEST_CASE("assigned events from older files, without the agent, count for the case's agent") {
        Platform platform;
        platform.now = "2026-12-02T10:00:00+00:00";
        const std::string id = platform.open("late", "2026-10-05 09:00");
        platform.ok({"assign", id, "--to", "Priya Shah", "--at", "2026-10-05 15:00"});
        const auto path = platform.root / "cases" / (id + ".yaml");
        std::string file = test::read_text(path);
        const std::string field = "    agent: \"Priya Shah\"\n";
        REQUIRE(has(file, field));
        file.erase(file.find(field), field.size());
        std::ofstream(path, std::ios::binary | std::ios::trunc) << file;
        const auto json =
            platform({"report", "--from", "2026-10-01", "--to", "2026-10-31", "--format", "json"});
        REQUIRE_MESSAGE(json.exit_code == 0, json.err);
        const nlohmann::json agents = json.json()["agents"];
        REQUIRE(agents.size() == 1);
        CHECK(agents[0]["agent"] == "Priya Shah");
    }
}
