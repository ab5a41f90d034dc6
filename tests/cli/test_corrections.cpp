// SPDX-License-Identifier: Apache-2.0
// What was sent is frozen: a change after the response (or the platform's
// resolution) needs --correction REASON, and the record keeps both versions.
// Due dates are worked out when shown, never stored in text.
#include "run.hpp"

#include <doctest/doctest.h>

#include <fstream>

namespace {

constexpr int k_refused = 5;

using test::has;

// A clinic complaint received Monday 2 November 2026, answered on Tuesday
// 10 November (due Friday 20 November).
struct Answered : test::Repo {
    std::string id;
    Answered() {
        now = "2026-11-10T10:00:00+00:00";
        id = open_case("2026-11-02 09:30", {"--point", "Burn after laser"});
        ok({"log", id, "--type", "record-agreed", "--text", "Agreed by email"});
        ok({"respond", "finding", id, "--point", "1", "--finding", "upheld", "--conclusion",
            "The laser setting was too high."});
        ok({"respond", "apology", id, "--text", "We are sorry for the burn."});
        ok({"respond", "send", id, "--via", "letter"});
    }
    nlohmann::json json() const { return (*this)({"show", id, "--format", "json"}).json(); }
};

} // namespace

TEST_SUITE("correcting the record") {
    TEST_CASE("a finding changed after the response is refused, naming when it went") {
        Answered clinic;
        const std::string err =
            clinic.refused({"respond", "finding", clinic.id, "--point", "1", "--finding",
                            "partly-upheld", "--conclusion", "Partly."},
                           k_refused);
        CHECK(err == "complaints: cannot change what " + clinic.id +
                         " was sent: the point 1 finding went to the complainant in the response "
                         "on 2026-11-10; the point 1 conclusion went to the complainant in the "
                         "response on 2026-11-10 (add --correction REASON to correct it)\n");
        CHECK(has(clinic.refused({"respond", "apology", clinic.id, "--text", "Sorry."}, k_refused),
                  "the apology went to the complainant in the response on 2026-11-10"));
    }

    TEST_CASE("a correction changes the item and keeps the previous wording, who, when and why") {
        Answered clinic;
        clinic.now = "2026-11-12T14:00:00+00:00";
        const auto said = clinic({"respond", "finding", clinic.id, "--point", "1", "--finding",
                                  "partly-upheld", "--conclusion", "The setting was within range.",
                                  "--correction", "The device log was misread", "--by", "Ann"});
        CHECK(said.exit_code == 0);
        const auto json = clinic.json();
        CHECK(json["points"][0]["finding"] == "partly-upheld");
        CHECK(json["points"][0]["conclusion"] == "The setting was within range.");
        std::vector<nlohmann::json> corrected;
        for (const auto& event : json["events"])
            if (event["type"] == "corrected")
                corrected.push_back(event);
        REQUIRE(corrected.size() == 2);
        CHECK(corrected[0]["corrects"] == "point 1 finding");
        CHECK(corrected[0]["before"] == "upheld");
        CHECK(corrected[0]["after"] == "partly-upheld");
        CHECK(corrected[1]["corrects"] == "point 1 conclusion");
        CHECK(corrected[1]["before"] == "The laser setting was too high.");
        CHECK(corrected[1]["after"] == "The setting was within range.");
        CHECK(corrected[1]["text"] == "The device log was misread");
        CHECK(corrected[1]["by"] == "Ann");
        CHECK(corrected[1]["at"] == "2026-11-12T14:00:00+00:00");
        const std::string shown = clinic({"show", clinic.id}).out;
        CHECK(has(shown, "Corrected 2026-11-12: finding, conclusion"));
        CHECK(has(shown, "point 1 conclusion was: The laser setting was too high.\n"
                         "      now: The setting was within range."));
    }

    TEST_CASE("the apology is corrected the same way, before the response no reason is needed") {
        Answered clinic;
        clinic.ok({"respond", "apology", clinic.id, "--text", "We apologise for the burn.",
                   "--correction", "The first wording was not approved"});
        const auto json = clinic.json();
        CHECK(json["apology"] == "We apologise for the burn.");
        CHECK(json["events"].back()["before"] == "We are sorry for the burn.");
        CHECK(has(clinic({"show", clinic.id}).out, "Corrected 2026-11-10: apology"));

        test::Repo fresh;
        const std::string id = fresh.open_case("2026-11-10 09:00", {"--point", "Rude reception"});
        fresh.ok({"respond", "apology", id, "--text", "Sorry."});
        fresh.ok({"respond", "apology", id, "--text", "We are sorry."});
        CHECK_FALSE(has(fresh.case_file(id), "corrected"));
    }

    TEST_CASE("the platform's agreed resolution is corrected with a reason, both versions kept") {
        test::Repo platform("platform", "LAN");
        platform.now = "2026-11-20T10:00:00+00:00";
        const std::string id =
            platform.open_case("2026-11-16 09:00", {"--complainant", "Practice manager", "--about",
                                                    "Dr Sam Keane", "--type", "late"});
        platform.ok({"assign", id, "--to", "Priya"});
        platform.ok({"log", id, "--type", "shared-with-complainee", "--text", "Form shared"});
        platform.ok({"log", id, "--type", "investigation-complete", "--text", "Done"});
        platform.ok({"resolve", id, "--text", "Apology accepted"});
        CHECK(has(platform.refused({"resolve", id, "--text", "Refund of the fee"}, k_refused),
                  "the resolution went to the complainant in the agreed resolution on 2026-11-20"));
        CHECK(platform({"resolve", id, "--text", "Refund of the fee", "--correction",
                        "The practice asked for a refund, not an apology"})
                  .out == id + ": resolution corrected\n");
        const std::string file = platform.case_file(id);
        CHECK(has(file, "text: \"Apology accepted\""));
        CHECK(has(file, "corrects: \"resolution\""));
        CHECK(has(file, "before: \"Apology accepted\""));
        CHECK(has(file, "after: \"Refund of the fee\""));
    }

    TEST_CASE("a correction needs something sent, and something it changes") {
        test::Repo clinic;
        clinic.now = "2026-11-10T10:00:00+00:00";
        const std::string id = clinic.open_case("2026-11-02 09:30", {"--point", "Burn"});
        const auto before = clinic.snapshot();
        CHECK(clinic.refused({"respond", "apology", id, "--text", "Sorry.", "--correction", "why"},
                             2) ==
              "complaints: --correction: nothing has been sent yet, so there is nothing to "
              "correct; record it without --correction\n");
        CHECK(clinic.snapshot() == before);
        const Answered answered;
        const auto sent = answered.snapshot();
        CHECK(has(answered.refused({"respond", "finding", answered.id, "--point", "1", "--finding",
                                    "upheld", "--correction", "again"},
                                   2),
                  "--correction: this changes nothing that was sent"));
        CHECK(answered.snapshot() == sent);
        test::Repo platform("platform", "LAN");
        platform.now = "2026-11-20T10:00:00+00:00";
        const std::string case_id = platform.open_case(
            "2026-11-16 09:00", {"--complainant", "Practice", "--about", "Dr Sam Keane"});
        CHECK(
            has(platform.refused(
                    {"resolve", case_id, "--text", "Apology accepted", "--correction", "first"}, 2),
                "nothing has been sent yet"));
    }

    TEST_CASE("a second response is pointed to log --letter, and --point needs --finding") {
        const Answered clinic;
        CHECK(has(clinic.refused({"respond", "send", clinic.id, "--via", "letter"}, k_refused),
                  "is kept with 'log " + clinic.id + " --type letter --letter FILE'"));
        CHECK(clinic.refused(
                  {"respond", "finding", clinic.id, "--point", "1", "--remedial", "New form"}, 2) ==
              "complaints: --point N needs --finding upheld, partly-upheld or not-upheld\n");
    }

    TEST_CASE("no computed date is stored: a closure day added later moves it everywhere") {
        Answered clinic;
        CHECK_FALSE(has(clinic.case_file(clinic.id), "2026-11-20"));
        CHECK(has(clinic({"show", clinic.id}).out, "response: on time (due 2026-11-20)"));
        {
            std::ofstream config(clinic.root / "complaints.yaml", std::ios::app);
            config << "closures:\n  - 2026-11-18\n";
        }
        for (const auto& args : std::vector<std::vector<std::string>>{
                 {"show", clinic.id},
                 {"show", clinic.id, "--format", "json"},
                 {"list", "--format", "json"},
                 {"report", "--month", "2026-11", "--format", "json"}}) {
            const auto result = clinic(args);
            CAPTURE(args[0]);
            CHECK(result.exit_code == 0);
            CHECK_FALSE(has(result.out, "2026-11-20"));
        }
        CHECK(has(clinic({"show", clinic.id}).out, "response: on time (due 2026-11-23)"));
    }

    TEST_CASE("a step entered after its deadline with an earlier --at is met on paper only") {
        test::Repo clinic;
        clinic.now = "2026-11-25T10:00:00+00:00";
        const std::string id = clinic.open_case("2026-11-02 09:30", {"--point", "Burn"});
        clinic.ok({"log", id, "--type", "record-agreed", "--text", "Agreed by email"});
        clinic.ok({"respond", "finding", id, "--point", "1", "--finding", "upheld", "--conclusion",
                   "Yes."});
        clinic.ok({"respond", "send", id, "--via", "letter", "--at", "2026-11-19 16:00"});
        const std::string shown = clinic({"show", id}).out;
        CHECK(has(shown, "response: on time (due 2026-11-20)"));
        CHECK(
            has(shown, "entered 2026-11-25, 3 working days after the deadline: met on paper only"));
        const auto report = clinic({"report", "--month", "2026-11", "--format", "json"}).json();
        CHECK(report["responses"]["on_time"] == 1);
        CHECK(report["responses"]["on_time_entered_late"] == 1);
    }

    TEST_CASE("open --at without --received dates the receipt, and the clock runs from it") {
        test::Repo clinic;
        const auto opened = clinic({"open", "--channel", "phone", "--at", "2026-11-02 09:30"});
        REQUIRE(opened.exit_code == 0);
        const std::string id = opened.out.substr(0, opened.out.size() - 1);
        const auto json = clinic({"show", id, "--format", "json"}).json();
        CHECK(json["received"] == "2026-11-02T09:30:00+00:00");
        CHECK(json["clocks"][0]["starts_at"] == "2026-11-02T09:30:00+00:00");
        CHECK(has(clinic.refused({"open", "--channel", "phone", "--received", "2026-11-05 09:00",
                                  "--at", "2026-11-04 09:00"},
                                 2),
                  "is before the case was received"));
    }

    TEST_CASE("check finds an event dated before receipt and a correction without a reason") {
        Answered clinic;
        std::string file = clinic.case_file(clinic.id);
        file.replace(file.find("events:\n"), 8,
                     "events:\n  - at: 2026-10-01T09:00:00+01:00\n    type: note\n    by: Ann\n"
                     "    text: Typed in the wrong case\n");
        file += "  - at: 2026-11-11T09:00:00+00:00\n    type: corrected\n    by: Ann\n"
                "    text: \"\"\n    corrects: apology\n    before: a\n    after: b\n";
        std::ofstream(clinic.root / "cases" / (clinic.id + ".yaml")) << file;
        const auto check = clinic({"check"});
        CHECK(check.exit_code == 1);
        CHECK(has(check.out, "event 1 (note) is dated 2026-10-01T09:00:00+01:00, before the case "
                             "was received"));
        CHECK(has(check.out, "(corrected) changes what was sent without saying why"));
    }
}
