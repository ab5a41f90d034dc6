// SPDX-License-Identifier: Apache-2.0
// The platform process through the real binary, rule by rule.
#include "run.hpp"

#include <doctest/doctest.h>

namespace {

constexpr int k_refused = 5;

struct Platform : test::Repo {
    Platform() : test::Repo("platform", "LAN") { now = "2026-11-20T10:00:00+00:00"; }
    std::string open(std::vector<std::string> more) const {
        more.insert(more.begin(), {"--complainant", "Practice manager", "--about", "Dr Sam Keane",
                                   "--gmc", "7123456"});
        return open_case("2026-11-16 09:00", more);
    }
    std::string refused(std::vector<std::string> args, int code = k_refused) const {
        return test::Repo::refused(std::move(args), code);
    }
    nlohmann::json json(const std::string& id) const {
        return (*this)({"show", id, "--format", "json"}).json();
    }
};

} // namespace

TEST_SUITE("platform: intake") {
    TEST_CASE("the type implies the category, a contradiction or an unknown type is refused") {
        Platform platform;
        CHECK(platform.json(platform.open({"--type", "late"}))["category"] == "non-clinical");
        CHECK(platform.json(platform.open({"--type", "confidentiality"}))["category"] ==
              "clinical");
        CHECK(
            platform.refused(
                {"open", "--channel", "email", "--type", "rude", "--category", "clinical"}, 2) ==
            "complaints: --type rude is a non-clinical complaint, but --category says clinical\n");
        CHECK(platform.refused({"open", "--channel", "email", "--type", "other"}, 2)
                  .find("give --category") != std::string::npos);
        CHECK(platform.refused({"open", "--channel", "email", "--type", "noshow"}, 2)
                  .find("(did you mean 'no-show'?)") != std::string::npos);
    }

    TEST_CASE("a withdrawal with 3 days' notice or fewer is a complaint by the policy's rule") {
        Platform platform;
        const auto json =
            platform.json(platform.open({"--session", "2026-11-19", "--withdrawn", "2026-11-16"}));
        CHECK(json["type"] == "late-withdrawal");
        CHECK(json["category"] == "non-clinical");
        CHECK(json["kind"] == "complaint");
        CHECK(json["notice_days"] == 3);
        CHECK(platform
                  .refused({"open", "--channel", "email", "--notice-days", "4", "--type",
                            "late-withdrawal"})
                  .find("4 days' notice is not a complaint under the policy") != std::string::npos);
        // The platform has no concern at all (a complaint or informal feedback).
        CHECK(platform
                  .refused(
                      {"open", "--channel", "email", "--notice-days", "1", "--kind", "concern"}, 2)
                  .find("--kind concern: this repository's policy takes no concern") !=
              std::string::npos);
        CHECK(platform.refused({"open", "--channel", "email", "--type", "late-withdrawal"}, 2)
                  .find("give --notice-days N") != std::string::npos);
    }

    TEST_CASE("GMC numbers are seven digits") {
        Platform platform;
        CHECK(platform.refused({"open", "--channel", "email", "--gmc", "71234X6"}, 2) ==
              "complaints: cannot open the case: --gmc: '71234X6' is not a GMC number (seven "
              "digits)\n");
    }
}

TEST_SUITE("platform: patient data") {
    TEST_CASE("a valid NHS number is refused on open, log and every other write, others pass") {
        Platform platform;
        CHECK(platform.refused(
                  {"open", "--channel", "email", "--summary", "Patient 943 476 5919 was upset"}) ==
              "complaints: the summary contains an NHS number ('943 476 5919', characters 9-20): "
              "the platform's "
              "policy forbids patient details in its records; refer to the patient another way\n");
        const std::string id = platform.open({});
        CHECK(platform.refused({"log", id, "--text", "NHS no. 9434765919"})
                  .find("contains an NHS number") != std::string::npos);
        CHECK(platform.refused({"resolve", id, "--text", "943-476-5919", "--skip-step", "Settled"})
                  .find("contains an NHS number") != std::string::npos);
        CHECK(platform.refused({"assign", id, "--to", "Agent 943 476 5919"}).find("NHS number") !=
              std::string::npos);
        platform.ok({"log", id, "--text", "Ref 943 476 5918, GMC 7123456, tel 0161 923 6602"});
    }

    TEST_CASE("the rule is configurable, and the clinic preset does not apply it") {
        test::Repo clinic;
        CHECK(clinic({"open", "--channel", "email", "--summary", "NHS 943 476 5919"}).exit_code ==
              0);
        Platform platform;
        test::write_text(platform.root / "complaints.yaml",
                         "organisation: Lantum\npreset: platform\nprefix: LAN\npolicy:\n  "
                         "patient_data_guard: off\n");
        CHECK(platform({"open", "--channel", "email", "--summary", "NHS 943 476 5919"}).exit_code ==
              0);
        test::write_text(
            platform.root / "complaints.yaml",
            "organisation: Lantum\npreset: platform\nprefix: LAN\npatient_data_patterns:\n"
            "  - '[Dd]ate of birth'\n");
        CHECK(platform({"open", "--channel", "email", "--summary", "Date of birth given"})
                  .exit_code == k_refused);
    }
}

TEST_SUITE("platform: handling") {
    TEST_CASE("assignment within 48 hours is met, later is met late, unassigned cases are listed") {
        Platform platform;
        const std::string early = platform.open({});
        const std::string late = platform.open({});
        platform.ok({"assign", early, "--to", "Priya Shah", "--at", "2026-11-17 15:00"});
        platform.ok({"assign", late, "--to", "Tom Reeves"});
        CHECK(platform.json(early)["clocks"][0]["state"] == "met");
        CHECK(platform.json(early)["agent"] == "Priya Shah");
        CHECK(platform.json(late)["clocks"][0]["state"] == "met-late");
        const std::string waiting = platform.open({});
        const auto unassigned =
            platform({"list", "--unassigned", "--format", "json"}).json()["cases"];
        REQUIRE(unassigned.size() == 1);
        CHECK(unassigned[0]["id"] == waiting);
        CHECK(platform({"show", waiting})
                  .out.find("Due next:    assignment by 2026-11-18 09:00 (overdue by") !=
              std::string::npos);
    }

    TEST_CASE("investigation from assignment, mediation with attendees, resolution in 3 weeks") {
        Platform platform;
        const std::string id = platform.open({"--type", "rude"});
        platform.ok({"assign", id, "--to", "Priya Shah", "--at", "2026-11-16 11:00"});
        platform.ok(
            {"log", id, "--type", "shared-with-complainee", "--text", "Form shared with Dr Keane"});
        platform.ok({"log", id, "--type", "mediation", "--attendee", "Practice manager",
                     "--attendee", "Dr Sam Keane", "--attendee", "Priya Shah", "--text",
                     "Mediation call"});
        platform.ok({"log", id, "--type", "investigation-complete", "--text", "Done"});
        auto json = platform.json(id);
        CHECK(json["clocks"][1]["rule"] == "investigation");
        CHECK(json["clocks"][1]["due_date"] == "2026-11-30");
        CHECK(json["clocks"][1]["earliest_date"] == "2026-11-23");
        CHECK(json["events"][3]["attendees"].size() == 3);
        platform.ok({"resolve", id, "--text", "Apology accepted"});
        json = platform.json(id);
        CHECK(json["clocks"][2]["rule"] == "resolution");
        CHECK(json["clocks"][2]["due_date"] == "2026-12-07");
        CHECK(json["clocks"][2]["state"] == "met");
        CHECK(platform.refused({"resolve", id, "--text", "again"})
                  .find("the resolution went to the complainant in the agreed resolution on "
                        "2026-11-20 (add --correction REASON to correct it)") != std::string::npos);
    }

    TEST_CASE(
        "clinical escalation: the GMC at any time, the Responsible Officer after the resolution") {
        Platform platform;
        const std::string clinical = platform.open({"--type", "patient-care"});
        platform.ok({"escalate", clinical, "--to", "gmc", "--ref", "GMC-55", "--note",
                     "Indemnity provider advised reporting"});
        CHECK(platform.refused({"escalate", clinical, "--to", "responsible-officer"})
                  .find("after the organisation's own response") != std::string::npos);
        platform.ok({"assign", clinical, "--to", "Priya Shah"});
        platform.ok({"log", clinical, "--type", "shared-with-complainee", "--text", "Shared"});
        platform.ok({"log", clinical, "--type", "investigation-complete", "--text", "Done"});
        platform.ok({"resolve", clinical, "--text", "Practice satisfied"});
        platform.ok({"escalate", clinical, "--to", "responsible-officer"});
        const std::string admin = platform.open({"--type", "admin"});
        CHECK(
            platform.refused({"escalate", admin, "--to", "gmc"}).find("clinical complaints only") !=
            std::string::npos);
    }
}

TEST_SUITE("platform: warnings") {
    TEST_CASE("the third warning within six months flags a suspension review and records it") {
        Platform platform;
        std::vector<std::string> ids;
        for (const char* day : {"2026-06-01", "2026-08-01", "2026-11-19"}) {
            const std::string id = platform.open_case(
                day, {"--about", "Dr Sam Keane", "--gmc", "7123456", "--type", "late"});
            platform.ok({"assign", id, "--to", "Priya Shah", "--at", day});
            platform.ok(
                {"log", id, "--type", "shared-with-complainee", "--text", "Shared", "--at", day});
            platform.ok(
                {"log", id, "--type", "investigation-complete", "--text", "Done", "--at", day});
            platform.ok({"resolve", id, "--text", "Apology", "--at", day});
            const auto closed =
                platform({"close", id, "--outcome", "upheld", "--warning", "--warning-reason",
                          "Punctuality", "--no-learning", "Conduct", "--at", day});
            REQUIRE_MESSAGE(closed.exit_code == 0, closed.err);
            ids.push_back(id);
            if (ids.size() == 3)
                CHECK(closed.out.find("Dr Sam Keane has 3 warnings within 6 months: a suspension "
                                      "review is due") != std::string::npos);
        }
        bool recorded = false;
        const auto third = platform.json(ids[2]);
        for (const auto& event : third["events"])
            recorded = recorded || event["type"] == "suspension-review-due";
        CHECK(recorded);
        const auto json = platform({"clinician", "7123456", "--format", "json"}).json();
        CHECK(json["status"] == "suspension-review");
        CHECK(json["active_warnings"] == 3);
        CHECK(json["history"][1]["changed_date"] == "2026-11-19");
        const auto before =
            platform({"clinician", "Sam Keane", "--as-of", "2026-10-01", "--format", "json"})
                .json();
        CHECK(before["status"] == "warned");
        CHECK(before["active_warnings"] == 2);
        // The review fell due and nobody decided it: it is still owed once
        // every warning has expired (issue #32).
        const auto later =
            platform({"clinician", "keane", "--as-of", "2027-06-01", "--format", "json"}).json();
        CHECK(later["status"] == "suspension-review");
        CHECK(later["active_warnings"] == 0);
    }

    TEST_CASE("suspension is a recorded decision, the clinic keeps no warnings") {
        Platform platform;
        const std::string id = platform.open({"--type", "late"});
        platform.ok({"clinician", "7123456", "review", "--decision", "permanent-suspension",
                     "--reason", "Persistent lateness; panel decision"});
        CHECK(platform({"clinician", "7123456", "--format", "json"}).json()["status"] ==
              "permanently-suspended");
        CHECK(platform.refused({"clinician", "7123456", "reinstate"}, 2).find("needs --reason") !=
              std::string::npos);
        CHECK(platform.refused({"clinician", "7123456", "suspend", "--reason", "R"}, 2)
                  .find("a suspension is a review's decision") != std::string::npos);
        CHECK(platform.refused({"clinician", "nobody"}, 3) ==
              "complaints: no clinician matches 'nobody'\n");
        const auto listed =
            platform({"clinician", "--list", "--format", "json"}).json()["clinicians"];
        CHECK(listed.size() == 1);
        // A service has no GMC number: not a clinician, so not in the list.
        platform.open_case("2026-11-16 09:00", {"--complainant", "Practice manager", "--about",
                                                "Locum booking team", "--type", "admin"});
        const auto again = platform({"clinician", "--list", "--format", "json"});
        REQUIRE_MESSAGE(again.exit_code == 0, again.err);
        REQUIRE(again.json()["clinicians"].size() == 1);
        CHECK(again.json()["clinicians"][0]["gmc"] == "7123456");
        const auto table = platform({"clinician", "--list"});
        CHECK(table.out.find("Not clinicians (no GMC number): Locum booking team\n") !=
              std::string::npos);
        test::Repo clinic;
        const std::string c = clinic.open_case();
        REQUIRE(clinic({"log", c, "--type", "record-agreed", "--text", "ok"}).exit_code == 0);
        const auto refused =
            clinic({"close", c, "--outcome", "withdrawn", "--no-learning", "x", "--warning"});
        CHECK(refused.exit_code == k_refused);
        CHECK(refused.err.find("keeps no warnings") != std::string::npos);
    }
}
