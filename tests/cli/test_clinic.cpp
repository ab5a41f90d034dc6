// SPDX-License-Identifier: Apache-2.0
// The clinic policy through the real binary, rule by rule, each refusal
// with its message, its exit code and an unchanged case file.
#include "run.hpp"

#include <doctest/doctest.h>

namespace {

constexpr int k_refused = 5;

// A phone complaint on someone's behalf, received Monday 2 November 2026.
struct Clinic : test::Repo {
    std::string id;
    Clinic() {
        now = "2026-11-10T10:00:00+00:00";
        id =
            open_case("2026-11-02 09:30",
                      {"--complainant", "Mr David Okafor", "--on-behalf-of", "Mrs Grace Okafor",
                       "--consent", "pending", "--category", "clinical", "--practitioner",
                       "Dr Lena Marsh", "--point", "Burn after laser", "--point", "No patch test"});
    }
    std::string refused(std::vector<std::string> args, int code = k_refused) const {
        return test::Repo::refused(std::move(args), code);
    }
    nlohmann::json json() const { return (*this)({"show", id, "--format", "json"}).json(); }
    void findings() const {
        ok({"respond", "finding", id, "--point", "1", "--finding", "upheld", "--conclusion",
            "The laser setting was too high."});
        ok({"respond", "finding", id, "--point", "2", "--finding", "not-upheld", "--conclusion",
            "A patch test was done on 20 October."});
    }
    void ready() const {
        findings();
        ok({"consent", id, "yes", "--text", "Signed form received"});
        ok({"log", id, "--type", "record-agreed", "--text", "Agreed by email"});
        ok({"log", id, "--type", "statement", "--text", "I set the laser as the protocol says",
            "--by", "Dr Lena Marsh"});
    }
};

} // namespace

TEST_SUITE("clinic: stage 1") {
    TEST_CASE("the response is refused with everything missing listed at once") {
        Clinic clinic;
        const std::string err = clinic.refused({"respond", "send", clinic.id, "--via", "letter"});
        CHECK(err == "complaints: cannot send the response for " + clinic.id +
                         " yet: point 1 has no finding; point 2 has no finding; consent from Mrs "
                         "Grace Okafor "
                         "is pending (record it with 'consent', or give --proceed-without-consent "
                         "REASON); the "
                         "written record of this phone complaint has not been agreed with the "
                         "complainant (log "
                         "--type record-agreed); no statement, interview or discussion with the "
                         "practitioner (Dr Lena Marsh) is recorded (log --type statement --by "
                         "NAME, or an interview, meeting or call with --attendee NAME; or give "
                         "--without-practitioner REASON)\n");
    }

    TEST_CASE("findings answer each point, the response then goes and the 14-day clock is met") {
        Clinic clinic;
        clinic.ready();
        const auto sent = clinic({"respond", "send", clinic.id, "--via", "letter"});
        CHECK(sent.out ==
              clinic.id + ": Written response sent by letter, on time (due 2026-11-20)\n");
        const auto json = clinic.json();
        CHECK(json["points"][0]["finding"] == "upheld");
        CHECK(json["points"][1]["conclusion"] == "A patch test was done on 20 October.");
        CHECK(test::clock_named(json, "response")["state"] == "met");
        CHECK(clinic.refused({"respond", "send", clinic.id, "--via", "letter"})
                  .find("already been sent") != std::string::npos);
    }

    TEST_CASE("a late response is recorded as late without explanation") {
        Clinic clinic;
        clinic.now = "2026-11-25T10:00:00+00:00";
        clinic.ready();
        CHECK(clinic({"respond", "send", clinic.id, "--via", "email"}).out ==
              clinic.id + ": Written response sent by email, late: due 2026-11-20, no explanation "
                          "of delay sent in time\n");
        CHECK(test::clock_named(clinic.json(), "response")["state"] == "met-late");
    }

    TEST_CASE("an explanation of delay sets a new date and counts as extended") {
        Clinic clinic;
        clinic.ok({"respond", "delay", clinic.id, "--reason",
                   "Waiting for the laser service report", "--new-date", "2026-12-04"});
        const auto json = clinic.json();
        CHECK(test::clock_named(json, "response")["due_date"] == "2026-12-04");
        CHECK(test::clock_named(json, "response")["extended"] == true);
        CHECK(
            clinic
                .refused(
                    {"respond", "delay", clinic.id, "--reason", "x", "--new-date", "2026-02-30"}, 2)
                .find("not a date on the calendar") != std::string::npos);
    }

    TEST_CASE("consent can be overridden with a recorded reason") {
        Clinic clinic;
        clinic.findings();
        clinic.ok({"log", clinic.id, "--type", "record-agreed", "--text", "Agreed"});
        clinic.ok({"respond", "send", clinic.id, "--via", "letter", "--without-practitioner",
                   "Dr Marsh is on leave until January", "--proceed-without-consent",
                   "Mrs Okafor asked by phone for her son to handle it; form to follow"});
        const auto json = clinic.json();
        bool waived = false;
        for (const auto& event : json["events"])
            waived = waived || event["type"] == "consent-waived";
        CHECK(waived);
    }

    TEST_CASE("the verbal record is flagged by show until it is agreed") {
        Clinic clinic;
        CHECK(clinic({"show", clinic.id})
                  .out.find("Attention:   the written record of this phone complaint "
                            "has not been agreed") != std::string::npos);
        clinic.ok({"log", clinic.id, "--type", "record-agreed", "--text", "Signed copy received"});
        CHECK(clinic({"show", clinic.id}).out.find("written record") == std::string::npos);
    }

    TEST_CASE("bad findings are usage errors") {
        Clinic clinic;
        CHECK(clinic.refused({"respond", "finding", clinic.id, "--point", "3", "--finding",
                              "upheld", "--conclusion", "x"},
                             2) ==
              "complaints: --point: " + clinic.id + " has no point 3 (it has 2)\n");
        CHECK(clinic
                  .refused({"respond", "finding", clinic.id, "--point", "1", "--finding", "upheld"},
                           2)
                  .find("--conclusion: a finding needs the conclusion") != std::string::npos);
        CHECK(clinic
                  .refused({"respond", "finding", clinic.id, "--point", "1", "--finding", "uphold",
                            "--conclusion", "x"},
                           2)
                  .find("(did you mean 'upheld'?)") != std::string::npos);
        CHECK(clinic.refused({"respond", clinic.id, "--sent", "--draft"}, 2)
                  .find("one thing at a time") != std::string::npos);
    }

    TEST_CASE("the draft letter matches the golden file for the example case") {
        const auto root = std::filesystem::path(test::examples_path()) / "clinic";
        const auto draft = test::run({{"--repo", root.string(), "respond", "XTE74M", "--draft"},
                                      "",
                                      {},
                                      {{"COMPLAINTS_NOW", "2026-09-24T16:00:00+01:00"}}});
        REQUIRE_MESSAGE(draft.exit_code == 0, draft.err);
        CHECK(draft.out ==
              test::read_text(std::string(test::test_data_path()) + "/letter-LUM-2026-XTE74M.md"));
    }

    TEST_CASE(
        "the draft names every point, the apology and the stage 2 bodies, --out writes a file") {
        Clinic clinic;
        clinic.findings();
        clinic.ok({"respond", "apology", clinic.id, "--text", "We are sorry for the burn."});
        clinic.ok({"respond", "draft", clinic.id, "--out", (clinic.dir / "letter.md").string()});
        const std::string letter = test::read_text(clinic.dir / "letter.md");
        for (const char* expected :
             {"### 1. Burn after laser", "### 2. No patch test", "**Finding:** Not upheld.",
              "We are sorry for the burn.", "ISCAS", "Cosmetic Redress Scheme", "Citizens Advice",
              "Patients Association", "03000 616161", "on behalf of Mrs Grace Okafor"})
            CHECK_MESSAGE(letter.find(expected) != std::string::npos, expected);
    }
}

TEST_SUITE("clinic: intake") {
    TEST_CASE("a concern has no clock, cannot be responded to, and converts with its history") {
        test::Repo repo;
        const std::string id =
            repo.open_case("2026-11-02 09:30", {"--kind", "concern", "--point", "Room was cold"});
        CHECK(repo({"show", id, "--format", "json"}).json()["clocks"].empty());
        const auto refused = repo(
            {"respond", "finding", id, "--point", "1", "--finding", "upheld", "--conclusion", "x"});
        CHECK(refused.exit_code == k_refused);
        CHECK(refused.err.find("is a concern, resolved locally; convert it to a complaint first") !=
              std::string::npos);
        REQUIRE(repo({"convert", id, "--to", "complaint"}).exit_code == 0);
        const auto json = repo({"show", id, "--format", "json"}).json();
        CHECK(json["kind"] == "complaint");
        CHECK(test::clock_named(json, "response")["due_date"] ==
              "2026-11-20"); // from the original receipt
        CHECK(json["events"].size() == 2);
    }

    TEST_CASE("a converted concern's clock can start later, with a recorded reason") {
        test::Repo repo;
        const std::string id = repo.open_case("2026-11-02 09:30", {"--kind", "concern"});
        CHECK(repo({"convert", id, "--to", "complaint", "--clock-from", "2026-11-09"}).exit_code ==
              2);
        REQUIRE(repo({"convert", id, "--to", "complaint", "--clock-from", "2026-11-09", "--reason",
                      "Complainant asked for a formal complaint on 9 November"})
                    .exit_code == 0);
        const auto json = repo({"show", id, "--format", "json"}).json();
        CHECK(json["clock_from"] == "2026-11-09");
        CHECK(test::clock_named(json, "response")["due_date"] == "2026-11-27");
    }

    TEST_CASE("an excluded case has no clock and cannot be responded to or escalated") {
        Clinic clinic;
        REQUIRE(clinic({"exclude", clinic.id, "--reason", "another-service", "--text",
                        "About the pharmacy next door"})
                    .exit_code == 0);
        const auto json = clinic.json();
        CHECK(json["exclusion"]["reason"] == "another-service");
        CHECK(json["status"] == "closed");
        CHECK(json["clocks"].empty());
        CHECK(clinic.refused({"respond", "apology", clinic.id, "--text", "x"})
                  .find("is excluded from the complaints policy") != std::string::npos);
        CHECK(clinic.refused({"escalate", clinic.id, "--to", "cqc"}).find("is excluded") !=
              std::string::npos);
        CHECK(clinic.refused({"exclude", clinic.id, "--reason", "employment"})
                  .find("already excluded") != std::string::npos);
        CHECK(clinic.refused({"exclude", clinic.id, "--reason", "staff"}, 2)
                  .find("choose one of: employment") != std::string::npos);
    }

    TEST_CASE("consent is recorded only for a complaint made on someone's behalf") {
        test::Repo repo;
        const std::string id = repo.open_case();
        const auto refused = repo({"consent", id, "yes"});
        CHECK(refused.exit_code == k_refused);
        CHECK(refused.err.find("is not made on someone's behalf") != std::string::npos);
    }

    TEST_CASE("a treatment-related complaint without a practitioner is flagged") {
        test::Repo repo;
        const std::string id = repo.open_case("2026-11-02 09:30", {"--category", "clinical"});
        CHECK(repo({"show", id}).out.find("names no practitioner") != std::string::npos);
        REQUIRE(repo({"log", id, "--type", "independent-consultation-offered", "--text",
                      "Offered Dr Osei"})
                    .exit_code == 0);
    }

    TEST_CASE("a practitioner not named at open is named later with respond practitioners") {
        test::Repo repo;
        repo.now = "2026-11-10T10:00:00+00:00";
        const std::string id = repo.open_case(
            "2026-11-02 09:30", {"--category", "clinical", "--point", "Burn after laser"});
        // The note says how to name one now, not at an open that is past.
        CHECK(test::has(repo({"show", id}).out,
                        "a treatment-related complaint names no practitioner (complaints respond "
                        "practitioners " +
                            id + " --practitioner NAME)"));
        CHECK(test::has(repo({"check"}).out, "names no practitioner"));

        const auto named = repo({"respond", "practitioners", id, "--practitioner", "Dr Lena Marsh",
                                 "--practitioner", "Nurse Amy Cole"});
        REQUIRE_MESSAGE(named.exit_code == 0, named.err);
        CHECK(named.out == id + ": practitioners recorded: Dr Lena Marsh, Nurse Amy Cole\n");
        const auto shown = repo({"show", id});
        CHECK(test::has(shown.out, "Practitioners: Dr Lena Marsh; Nurse Amy Cole"));
        CHECK_FALSE(test::has(shown.out, "names no practitioner"));
        CHECK_FALSE(test::has(repo({"check"}).out, "names no practitioner"));
        const auto json = repo({"show", id, "--format", "json"}).json();
        CHECK(json["practitioners"] == nlohmann::json({"Dr Lena Marsh", "Nurse Amy Cole"}));
        const auto report = repo({"report", "--month", "2026-11", "--format", "json"}).json();
        CHECK(report["received"]["by_practitioner"]["Nurse Amy Cole"] == 1);
        // Named, their account is what the response now waits for.
        repo.ok({"respond", "finding", id, "--point", "1", "--finding", "upheld", "--conclusion",
                 "Too hot"});
        repo.ok({"log", id, "--type", "record-agreed", "--text", "Agreed"});
        CHECK(test::has(repo.refused({"respond", "send", id, "--via", "letter"}, k_refused),
                        "no statement, interview or discussion with the practitioner"));
        repo.ok(
            {"log", id, "--type", "statement", "--text", "My account", "--by", "Dr Lena Marsh"});
        repo.ok(
            {"log", id, "--type", "statement", "--text", "My account", "--by", "Nurse Amy Cole"});
        repo.ok({"respond", "send", id, "--via", "letter"});

        // After the response, a change is a correction with its reason.
        const std::string sent = repo.case_file(id);
        CHECK(test::has(
            repo.refused({"respond", "practitioners", id, "--practitioner", "Dr Lena Marsh"},
                         k_refused),
            "the practitioners went to the complainant in the response"));
        CHECK(repo.case_file(id) == sent);
        repo.ok({"respond", "practitioners", id, "--practitioner", "Dr Lena Marsh", "--correction",
                 "Nurse Cole only assisted"});
        const auto corrected = repo({"show", id, "--format", "json"}).json();
        CHECK(corrected["practitioners"] == nlohmann::json({"Dr Lena Marsh"}));
        const auto events = corrected["events"];
        const auto& last = events.back();
        CHECK(last["type"] == "corrected");
        CHECK(last["corrects"] == "practitioners");
        CHECK(last["before"] == "Dr Lena Marsh, Nurse Amy Cole");
        CHECK(last["after"] == "Dr Lena Marsh");
        CHECK(last["text"] == "Nurse Cole only assisted");
        // One step at a time, and a name the file can hold.
        CHECK(test::has(repo.refused({"respond", id, "--practitioner", "A", "--apology", "B"}, 2),
                        "respond does one thing at a time"));
        CHECK(test::has(repo.refused({"respond", "practitioners", id, "--practitioner", " "}, 2),
                        "--practitioner"));
    }
}

TEST_SUITE("clinic: stage 2 and closing") {
    TEST_CASE("ISCAS reviews only after the stage 1 response, the CQC can be told at any time") {
        Clinic clinic;
        CHECK(clinic.refused({"escalate", clinic.id, "--to", "iscas"})
                  .find("reviews a complaint after the organisation's own response, and none has "
                        "been given") != std::string::npos);
        CHECK(
            clinic.refused({"escalate", clinic.id, "--to", "gmc"}, 2).find("unknown body 'gmc'") !=
            std::string::npos);
        clinic.ok({"escalate", clinic.id, "--to", "cqc", "--ref", "CQC-1"});
        CHECK(clinic.json()["stage"] == 2);
    }

    TEST_CASE("stage 2 keeps stage 1's figures and closes with the review's outcome") {
        Clinic clinic;
        clinic.ready();
        clinic.ok({"respond", "send", clinic.id, "--via", "letter"});
        clinic.ok({"escalate", clinic.id, "--to", "iscas", "--ref", "ISCAS-2026-118"});
        CHECK(clinic.refused({"escalate", clinic.id, "--to", "iscas"}).find("is still open") !=
              std::string::npos);
        // Stage 1 is over: it closes while ISCAS reviews, and the referral
        // stays in view, named as the policy names the body, until its outcome.
        clinic.ok({"close", clinic.id, "--outcome", "upheld", "--no-learning", "x"});
        const std::string iscas = "the Independent Sector Complaints Adjudication Service (ISCAS)";
        const std::string waiting = "the referral to " + iscas +
                                    " awaits its outcome (when it comes: complaints escalate " +
                                    clinic.id + " --outcome TEXT)";
        CHECK(test::has(clinic({"show", clinic.id}).out, waiting));
        CHECK(test::has(clinic({"list", "--attention"}).out, clinic.id));
        // Waiting for ISCAS is no fault in the record: check stays quiet.
        CHECK_FALSE(test::has(clinic({"check"}).out, "awaits its outcome"));
        // The agenda dates the wait from the referral, not the receipt.
        const std::string referred = clinic.json()["escalations"][0]["at"];
        bool on_agenda = false;
        const auto agenda = clinic({"agenda", "--format", "json"}).json()["items"];
        for (const auto& item : agenda)
            if (item["rule"] == "referral-outcome-awaited") {
                on_agenda = true;
                CHECK(item["since_date"] == referred.substr(0, 10));
            }
        CHECK(on_agenda);
        clinic.ok({"escalate", clinic.id, "--outcome", "ISCAS upheld our response"});
        const auto json = clinic.json();
        CHECK(json["status"] == "closed");
        CHECK(json["stage"] == 2);
        CHECK(json["escalations"][0]["reference"] == "ISCAS-2026-118");
        CHECK(json["escalations"][0]["outcome"] == "ISCAS upheld our response");
        CHECK(test::clock_named(json, "response")["state"] == "met");
        CHECK_FALSE(test::has(clinic({"show", clinic.id}).out, "awaits its outcome"));
    }

    TEST_CASE("a complaints.yaml that keeps the case open through the review names the body and "
              "what to do") {
        Clinic clinic;
        test::write_text(clinic.root / "complaints.yaml",
                         test::read_text(clinic.root / "complaints.yaml") +
                             "review_bodies:\n"
                             "  - key: iscas\n"
                             "    name: the Independent Sector Complaints Adjudication Service\n"
                             "    after_response: true\n"
                             "    blocks_close: true\n");
        clinic.ready();
        clinic.ok({"respond", "send", clinic.id, "--via", "letter"});
        clinic.ok({"escalate", clinic.id, "--to", "iscas", "--ref", "ISCAS-2026-118"});
        const std::string err =
            clinic.refused({"close", clinic.id, "--outcome", "upheld", "--no-learning", "x"});
        CHECK(err == "complaints: cannot close " + clinic.id +
                         ": the referral to the Independent Sector Complaints Adjudication "
                         "Service awaits its outcome, and complaints.yaml keeps the case open "
                         "until then (review body 'iscas': blocks_close) (when it comes: "
                         "complaints escalate " +
                         clinic.id + " --outcome TEXT)\n");
        CHECK_FALSE(test::has(err, "referral to iscas"));
        clinic.ok({"escalate", clinic.id, "--outcome", "Not upheld"});
        clinic.ok({"close", clinic.id, "--outcome", "upheld", "--no-learning", "x"});
    }

    TEST_CASE("a complainant who goes to ISCAS after the case closed: the referral is tracked") {
        Clinic clinic;
        clinic.ready();
        clinic.ok({"respond", "send", clinic.id, "--via", "letter"});
        clinic.ok({"close", clinic.id, "--outcome", "upheld", "--no-learning", "x"});
        clinic.now = "2026-12-01T10:00:00+00:00";
        const auto referred = clinic({"escalate", clinic.id, "--to", "iscas", "--ref", "I-9"});
        REQUIRE_MESSAGE(referred.exit_code == 0, referred.err);
        CHECK(test::has(referred.out, "after the case closed; its outcome is tracked on the case"));
        const auto json = clinic.json();
        CHECK(json["status"] == "closed");
        CHECK(json["stage"] == 2);
        CHECK(json["escalations"][0]["body"] == "iscas");
        CHECK(json["escalations"][0]["reference"] == "I-9");
        const std::string shown = clinic({"show", clinic.id}).out;
        CHECK(test::has(shown, "2026-12-01 iscas (I-9): review open"));
        CHECK(test::has(shown, "awaits its outcome"));
        const auto attention = clinic({"list", "--attention", "--format", "json"}).json()["cases"];
        REQUIRE(attention.size() == 1);
        CHECK(attention[0]["id"] == clinic.id);
        // The report counts it among December's escalations, still open.
        clinic.now = "2026-12-01T11:00:00+00:00";
        const auto report = clinic({"report", "--month", "2026-12", "--format", "json"}).json();
        CHECK(report["escalations"]["by_body"]["iscas"]["referred"] == 1);
        CHECK(report["escalations"]["by_body"]["iscas"]["pending_at_end"] == 1);
        clinic.ok({"escalate", clinic.id, "--outcome", "Not upheld"});
        CHECK(clinic.json()["escalations"][0]["outcome"] == "Not upheld");
    }

    TEST_CASE("closing needs lessons learnt with an action plan, or a reason for none") {
        Clinic clinic;
        clinic.ready();
        clinic.ok({"respond", "send", clinic.id, "--via", "letter"});
        CHECK(clinic.refused({"close", clinic.id, "--outcome", "upheld"})
                  .find("give either --learning TEXT (lessons learnt) or --no-learning REASON") !=
              std::string::npos);
        CHECK(clinic
                  .refused({"close", clinic.id, "--outcome", "upheld", "--learning",
                            "Check laser settings"})
                  .find("lessons learnt need an action plan") != std::string::npos);
        clinic.ok({"action", clinic.id, "add", "--text", "Recalibrate the laser", "--lead",
                   "Dr Lena Marsh", "--due", "2026-11-30"});
        clinic.ok(
            {"close", clinic.id, "--outcome", "upheld", "--learning", "Check laser settings"});
        const auto json = clinic.json();
        CHECK(json["status"] == "closed");
        CHECK(json["outcome"] == "upheld");
        CHECK(json["learning"] == "Check laser settings");
    }

    TEST_CASE("a complaint closes without a response only when withdrawn") {
        Clinic clinic;
        CHECK(clinic.refused({"close", clinic.id, "--outcome", "resolved", "--no-learning", "n/a"})
                  .find("no stage 1 response has been sent") != std::string::npos);
        clinic.ok({"close", clinic.id, "--outcome", "withdrawn", "--no-learning",
                   "Withdrawn before investigation"});
        CHECK(clinic.json()["no_learning"] == "Withdrawn before investigation");
    }

    TEST_CASE("the action plan is monitored until done, overdue actions are listed") {
        Clinic clinic;
        // Typed in late: allowed, with a warning that it is overdue already.
        const auto late = clinic({"action", clinic.id, "add", "--text", "Recalibrate the laser",
                                  "--lead", "Dr Lena Marsh", "--due", "2026-11-09"});
        CHECK(late.exit_code == 0);
        CHECK(test::has(late.err, "complaints: warning: action 1's target date 2026-11-09 is "
                                  "before the day it was added, so it is overdue already"));
        clinic.ok({"action", clinic.id, "add", "--text", "Retrain staff", "--lead", "Claire Dunn",
                   "--due", "2026-12-31"});
        const auto overdue =
            clinic({"list", "--actions-overdue", "--format", "json"}).json()["cases"];
        REQUIRE(overdue.size() == 1);
        CHECK(overdue[0]["id"] == clinic.id);
        clinic.ok({"action", clinic.id, "progress", "1", "--text", "Engineer booked"});
        clinic.ok({"action", clinic.id, "done", "1"});
        CHECK(clinic({"list", "--actions-overdue", "--format", "json"}).json()["cases"].empty());
        const auto json = clinic.json();
        CHECK(json["actions"][0]["progress"][0]["text"] == "Engineer booked");
        CHECK(json["actions"][0]["done"] == clinic.now);
        CHECK(clinic.refused({"action", clinic.id, "done", "1"}).find("already done") !=
              std::string::npos);
        CHECK(clinic.refused({"action", clinic.id, "done", "7"}, 2).find("has no action '7'") !=
              std::string::npos);
        CHECK(clinic.refused({"action", clinic.id, "add", "--text", "x"}, 2) ==
              "complaints: --lead: an action added needs who leads it; --due: an action added "
              "needs its target date\n");
    }
}

TEST_SUITE("clinic: what the complainant wants, and whether it was met") {
    TEST_CASE("open keeps the desired outcome, close the complainant's satisfaction, and the "
              "report counts it") {
        Clinic clinic;
        const std::string id = clinic.open_case(
            "2026-11-03 10:00", {"--complainant", "Ms Ruth Hale", "--point", "Kept waiting",
                                 "--desired-outcome", "An apology and a refund of the fee"});
        auto json = clinic({"show", id, "--format", "json"}).json();
        CHECK(json["desired_outcome"] == "An apology and a refund of the fee");
        CHECK(test::has(clinic({"show", id}).out,
                        "What the complainant wants\n  An apology and a refund of the fee"));
        CHECK(test::has(clinic.refused({"close", id, "--outcome", "withdrawn", "--no-learning",
                                        "Withdrawn", "--satisfaction", "happy"},
                                       2),
                        "--satisfaction"));
        clinic.ok({"close", id, "--outcome", "withdrawn", "--no-learning", "She withdrew it",
                   "--satisfaction", "not-satisfied"});
        json = clinic({"show", id, "--format", "json"}).json();
        CHECK(json["satisfaction"] == "not-satisfied");
        CHECK(test::has(clinic({"show", id}).out,
                        "Outcome:     withdrawn (the complainant: not satisfied)"));
        const auto report =
            clinic({"report", "--month", "2026-11", "--format", "json"}).json()["satisfaction"];
        CHECK(report["not-satisfied"] == 1);
        CHECK(report["satisfied"] == 0);
        CHECK(report["not-recorded"] == 0);
        // Reopened in December: the satisfaction no longer stands, and the
        // closing's event keeps it for November's report.
        clinic.now = "2026-12-02T10:00:00+00:00";
        clinic.ok({"reopen", id, "--reason", "She wrote again"});
        json = clinic({"show", id, "--format", "json"}).json();
        CHECK(json["satisfaction"].is_null());
        // November's report still reads what the closing recorded.
        CHECK(clinic({"report", "--month", "2026-11", "--format", "json"})
                  .json()["satisfaction"]["not-satisfied"] == 1);
    }

    TEST_CASE("blank is not a value: a blank summary or desired outcome is refused and nothing "
              "is written") {
        test::Repo repo;
        const auto before = repo({"list", "--format", "csv"}).out;
        CHECK(test::has(repo.refused({"open", "--channel", "email", "--complainant", "Ms Ruth Hale",
                                      "--point", "Late", "--summary", "   "},
                                     2),
                        "--summary: it is blank"));
        CHECK(test::has(
            repo.refused({"open", "--channel", "email", "--complainant", "Ms Ruth Hale", "--point",
                          "Late", "--summary", "Late", "--desired-outcome", " \t "},
                         2),
            "--desired-outcome: it is blank"));
        CHECK(repo({"list", "--format", "csv"}).out == before);
    }
}
