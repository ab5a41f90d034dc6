// SPDX-License-Identifier: Apache-2.0
// The clinic policy's sentences that the first trials found unmet: each a
// manager's step through the real binary, with its message, exit code and,
// on a refusal, an unchanged case file.
#include "run.hpp"

#include <doctest/doctest.h>

namespace {

constexpr int k_usage = 2;
constexpr int k_refused = 5;

bool has(const std::string& text, const std::string& part) {
    return text.find(part) != std::string::npos;
}

// A phone complaint about a treatment received Monday 2 November 2026, its
// record agreed and both points answered.
struct Answered : test::Repo {
    std::string id;
    Answered() {
        now = "2026-11-10T10:00:00+00:00";
        id =
            open_case("2026-11-02 09:30",
                      {"--complainant", "Ms Ruth Hale", "--category", "clinical", "--practitioner",
                       "Dr Lena Marsh", "--point", "Burn after laser", "--point", "No patch test"});
        ok({"log", id, "--type", "record-agreed", "--text", "Agreed by email"});
        ok({"respond", "finding", id, "--point", "1", "--finding", "upheld", "--conclusion",
            "The laser setting was too high."});
        ok({"respond", "finding", id, "--point", "2", "--finding", "not-upheld", "--conclusion",
            "A patch test was done on 20 October."});
    }
    std::string refused(std::vector<std::string> args, int code = k_refused) const {
        return test::Repo::refused(std::move(args), code);
    }
    nlohmann::json json() const { return (*this)({"show", id, "--format", "json"}).json(); }
    void discussed() const {
        ok({"log", id, "--type", "interview", "--text", "Discussed the treatment", "--attendee",
            "Dr Lena Marsh"});
    }
    void sent() const {
        discussed();
        ok({"respond", "send", id, "--via", "letter"});
    }
    // A delay explained on 18 November (new date 4 December), then the
    // response sent on 1 December: late by 14 working days, within policy.
    test::Result sent_after_delay() {
        discussed();
        now = "2026-11-18T10:00:00+00:00";
        ok({"respond", "delay", id, "--reason", "Waiting for the laser service report",
            "--new-date", "2026-12-04"});
        now = "2026-12-01T10:00:00+00:00";
        return (*this)({"respond", "send", id, "--via", "letter"});
    }
};

} // namespace

TEST_SUITE("clinic policy: stage 2") {
    TEST_CASE("an outcome with several referrals open names them and records nothing") {
        Answered clinic;
        clinic.sent();
        clinic.ok({"escalate", clinic.id, "--to", "iscas"});
        clinic.ok({"escalate", clinic.id, "--to", "cqc"});
        const std::string err =
            clinic.refused({"escalate", clinic.id, "--outcome", "Upheld"}, k_usage);
        CHECK(has(err, "2 referrals are open"));
        CHECK(has(err, "iscas"));
        CHECK(has(err, "cqc"));
        CHECK(has(err, "--to"));
    }

    TEST_CASE("an outcome never says stage 2 is closed while another referral is open") {
        Answered clinic;
        clinic.sent();
        clinic.ok({"escalate", clinic.id, "--to", "iscas"});
        clinic.ok({"escalate", clinic.id, "--to", "cqc"});
        const auto said = clinic({"escalate", clinic.id, "--outcome", "No action", "--to", "cqc"});
        CHECK(said.exit_code == 0);
        CHECK_FALSE(has(said.out, "stage 2 is closed"));
        CHECK(has(said.out, "still open: iscas"));
        const auto last = clinic({"escalate", clinic.id, "--outcome", "Upheld"});
        CHECK(has(last.out, "stage 2 is closed"));
    }

    TEST_CASE("advice services are signposted, never a review that blocks closing") {
        Answered clinic;
        clinic.sent();
        const auto said = clinic({"escalate", clinic.id, "--to", "citizens-advice"});
        CHECK(said.exit_code == 0);
        CHECK(has(said.out, "advice"));
        clinic.ok({"escalate", clinic.id, "--to", "patients-association"});
        clinic.ok({"close", clinic.id, "--outcome", "upheld", "--no-learning", "A one-off"});
        const auto json = clinic.json();
        CHECK(json["status"] == "closed");
        CHECK(json["stage"] == 1);
    }
}

TEST_SUITE("clinic policy: stage 1") {
    TEST_CASE("a clinical response needs the practitioner's account, or a reason to go without") {
        Answered clinic;
        const std::string err = clinic.refused({"respond", "send", clinic.id, "--via", "letter"});
        CHECK(has(err, "no statement, interview or discussion with the practitioner"));
        clinic.ok({"respond", "send", clinic.id, "--via", "letter", "--without-practitioner",
                   "Dr Marsh has left the clinic"});
        CHECK(has(clinic.case_file(clinic.id), "Dr Marsh has left the clinic"));
    }

    TEST_CASE("a statement from the practitioner is enough for the response to go") {
        Answered clinic;
        clinic.ok({"log", clinic.id, "--type", "statement", "--text", "I set 12 J/cm2", "--by",
                   "Dr Lena Marsh"});
        clinic.ok({"respond", "send", clinic.id, "--via", "letter"});
    }

    TEST_CASE("a complaint settled in conversation closes with no written response wanted") {
        Answered clinic;
        clinic.discussed();
        CHECK(has(
            clinic.refused({"close", clinic.id, "--outcome", "resolved", "--no-learning", "n/a"}),
            "no stage 1 response has been sent"));
        clinic.ok({"close", clinic.id, "--outcome", "resolved", "--no-learning", "n/a",
                   "--no-written-response", "Settled by phone, Ms Hale wants nothing in writing"});
        const auto json = clinic.json();
        CHECK(json["status"] == "closed");
        CHECK(has(clinic.case_file(clinic.id), "wants nothing in writing"));
    }

    TEST_CASE("converting a concern prints the deadline and warns when it has passed") {
        test::Repo repo;
        repo.now = "2026-11-30T10:00:00+00:00";
        const std::string id = repo.open_case("2026-11-02 09:30", {"--kind", "concern"});
        const auto said = repo({"convert", id, "--to", "complaint"});
        CHECK(said.exit_code == 0);
        CHECK(has(said.out, "due 2026-11-20"));
        CHECK(has(said.err, "already overdue"));
        CHECK(has(said.err, "--clock-from"));
    }

    TEST_CASE("an interview names who attended and the letter quotes them, not the recorder") {
        Answered clinic;
        clinic.ok({"log", clinic.id, "--type", "interview", "--text",
                   "The setting was checked before treatment", "--with", "Nurse Amy Cole", "--by",
                   "Claire Dunn"});
        const auto letter = clinic({"respond", "draft", clinic.id});
        CHECK(has(letter.out, "Nurse Amy Cole"));
        CHECK(has(letter.out, "The setting was checked before treatment"));
    }
}

TEST_SUITE("clinic policy: one verdict of on time") {
    TEST_CASE("a delay explained within 14 working days meets the policy in respond and report") {
        Answered clinic;
        const auto sent = clinic.sent_after_delay();
        CHECK(has(sent.out, "the policy is met"));
        CHECK_FALSE(has(sent.out, "late"));
        clinic.now = "2026-12-10T10:00:00+00:00";
        const auto figures =
            clinic({"report", "--month", "2026-11", "--format", "json"}).json()["responses"];
        CHECK(figures["due"] == 1);
        CHECK(figures["on_time"] == 0);
        CHECK(figures["policy_met"] == 1);
        CHECK(figures["policy_met_rate"] == 100.0);
        CHECK(figures["on_time_rate"] == 0.0);
    }

    TEST_CASE("an open complaint whose delay was explained in time is not overdue in the report") {
        Answered clinic;
        clinic.now = "2026-11-18T10:00:00+00:00";
        clinic.ok({"respond", "delay", clinic.id, "--reason",
                   "Waiting for the laser service report", "--new-date", "2026-12-04"});
        clinic.now = "2026-12-01T10:00:00+00:00";
        const auto figures =
            clinic({"report", "--month", "2026-11", "--format", "json"}).json()["responses"];
        CHECK(figures["still_open"] == 1);
        CHECK(figures["still_open_overdue"] == 0);
        CHECK(figures["still_open_explained"] == 1);
        CHECK(figures["policy_met"] == 1);
    }

    TEST_CASE("an explanation in time whose new date is then missed does not meet the policy") {
        Answered clinic;
        clinic.discussed();
        clinic.now = "2026-11-18T10:00:00+00:00";
        clinic.ok({"respond", "delay", clinic.id, "--reason",
                   "Waiting for the laser service report", "--new-date", "2026-11-25"});
        clinic.now = "2026-11-27T10:00:00+00:00";
        clinic.ok({"respond", "send", clinic.id, "--via", "letter"});
        clinic.now = "2026-12-02T10:00:00+00:00";
        const auto figures =
            clinic({"report", "--month", "2026-11", "--format", "json"}).json()["responses"];
        INFO(figures.dump());
        CHECK(figures["due"] == 1);
        CHECK(figures["late_explained"] == 0);
        CHECK(figures["late_after_new_date"] == 1);
        CHECK(figures["policy_met"] == 0);
        const auto text = clinic({"report", "--month", "2026-11"}).out;
        CHECK(has(text, "late, delay explained in time, sent after the new date"));
    }

    TEST_CASE("a complaint withdrawn before the date an explanation in time gave owed no response "
              "yet") {
        Answered clinic;
        clinic.now = "2026-11-18T10:00:00+00:00";
        clinic.ok({"respond", "delay", clinic.id, "--reason",
                   "Waiting for the laser service report", "--new-date", "2026-12-04"});
        clinic.now = "2026-11-25T10:00:00+00:00";
        clinic.ok({"close", clinic.id, "--outcome", "withdrawn", "--no-learning",
                   "Withdrawn by the complainant"});
        clinic.now = "2026-12-02T10:00:00+00:00";
        const auto figures =
            clinic({"report", "--month", "2026-11", "--format", "json"}).json()["responses"];
        INFO(figures.dump());
        CHECK(figures["due"] == 0);
        CHECK(figures["late"] == 0);
    }

    TEST_CASE("an explanation sent after the response was due moves nothing, is warned of, and "
              "the letters say sorry") {
        Answered clinic;
        clinic.discussed();
        clinic.now = "2026-11-24T10:00:00+00:00";
        const auto letter =
            clinic({"respond", "delay", clinic.id, "--reason", "Waiting for the lab", "--draft"});
        CHECK(has(letter.out, "Our response was due by 20 November 2026, and we are sorry that "
                              "we did not write to you before then."));
        CHECK(has(letter.out, "We are sorry for the delay."));
        CHECK(
            has(letter.out, "We will send you our full written response as soon as it is ready."));
        CHECK_FALSE(has(letter.out, "response by 20 November 2026"));
        const auto late =
            clinic({"respond", "delay", clinic.id, "--reason", "Waiting for the lab"});
        CHECK(late.exit_code == 0);
        CHECK(has(late.err, "the response was due by 2026-11-20: an explanation sent after that "
                            "is already late and moves nothing"));
        CHECK(has(late.out, "the response is still due 2026-11-20"));
        const auto response = test::clock_named(clinic.json(), "response");
        CHECK(response["due_date"] == "2026-11-20");
        CHECK(response["state"] == "overdue");
        CHECK(response["extended"] == false);
        clinic.now = "2026-12-10T10:00:00+00:00";
        CHECK(has(clinic({"respond", "draft", clinic.id}).out, "sorry for the delay"));
        CHECK(has(clinic({"respond", "send", clinic.id, "--via", "letter"}).out,
                  "late: due 2026-11-20, no explanation of delay sent in time"));
    }

    TEST_CASE("an explanation typed in after the response was due with an earlier --at is in "
              "time on paper only: warned, shown and counted") {
        Answered clinic;
        clinic.discussed();
        clinic.now = "2026-11-24T10:00:00+00:00"; // the response was due 20 November
        const auto explained = clinic({"respond", "delay", clinic.id, "--reason",
                                       "Waiting for the laser service report", "--new-date",
                                       "2026-12-04", "--at", "2026-11-18 10:00"});
        REQUIRE_MESSAGE(explained.exit_code == 0, explained.err);
        CHECK(has(explained.err, "dated before the response was due on 2026-11-20 but entered "
                                 "after it"));
        CHECK(has(clinic({"show", clinic.id}).out,
                  "entered 2026-11-24, 2 working days after the response was due: explained in "
                  "time on paper only"));
        clinic.now = "2026-12-02T10:00:00+00:00";
        const auto figures =
            clinic({"report", "--month", "2026-11", "--format", "json"}).json()["responses"];
        CHECK(figures["still_open_explained"] == 1);
        CHECK(figures["explained_entered_late"] == 1);
        CHECK(has(clinic({"report", "--month", "2026-11"}).out,
                  "delay explained in time, entered after the deadline"));
        // One sent in time, without --at, is not marked.
        Answered in_time;
        in_time.now = "2026-11-18T10:00:00+00:00";
        const auto plain = in_time(
            {"respond", "delay", in_time.id, "--reason", "Waiting", "--new-date", "2026-12-04"});
        CHECK_FALSE(has(plain.err, "on paper"));
        in_time.now = "2026-12-02T10:00:00+00:00";
        CHECK(in_time({"report", "--month", "2026-11", "--format", "json"})
                  .json()["responses"]["explained_entered_late"] == 0);
    }

    TEST_CASE("an explanation giving an earlier date: letters, clock and report keep to the date "
              "the complainant was told") {
        Answered clinic;
        clinic.discussed();
        clinic.now = "2026-11-12T10:00:00+00:00";
        const auto early = clinic({"respond", "delay", clinic.id, "--reason", "Waiting for the lab",
                                   "--new-date", "2026-11-17"});
        CHECK(has(early.out, "the response is now due 2026-11-17"));
        clinic.now = "2026-11-19T10:00:00+00:00";
        CHECK(has(clinic({"respond", "draft", clinic.id}).out,
                  "We are sorry for the delay in sending you this response: we told you to expect "
                  "it by 17 November 2026."));
        CHECK(has(clinic({"show", clinic.id}).out, "New date given: 2026-11-17"));
        clinic.now = "2026-11-25T10:00:00+00:00";
        CHECK(has(clinic({"respond", "send", clinic.id, "--via", "letter"}).out,
                  "late: due 2026-11-20, and after the new date the explanation of delay gave "
                  "(2026-11-17)"));
        clinic.now = "2026-12-02T10:00:00+00:00";
        const auto figures =
            clinic({"report", "--month", "2026-11", "--format", "json"}).json()["responses"];
        CHECK(figures["late_after_new_date"] == 1);
        CHECK(figures["policy_met"] == 0);
    }

    TEST_CASE("a delay date before the one already due is warned of, becomes the deadline, and "
              "its letter says no sorry") {
        Answered clinic;
        clinic.now = "2026-11-12T10:00:00+00:00";
        const auto draft =
            clinic({"respond", "delay", clinic.id, "--reason", "Waiting for the laser report",
                    "--new-date", "2026-11-17", "--draft"});
        CHECK(draft.exit_code == 0);
        CHECK(has(draft.out, "taking longer than we hoped"));
        CHECK(has(draft.out, "by 17 November 2026"));
        CHECK_FALSE(has(draft.out, "sorry for the delay"));
        CHECK_FALSE(has(draft.out, "than we aimed for"));
        const auto kept = clinic({"respond", "delay", clinic.id, "--reason",
                                  "Waiting for the laser report", "--new-date", "2026-11-17"});
        CHECK(kept.exit_code == 0);
        CHECK(has(kept.err, "is not after 2026-11-20"));
        CHECK(has(kept.out, "the response is now due 2026-11-17"));
        const auto response = test::clock_named(clinic.json(), "response");
        CHECK(response["due_date"] == "2026-11-17");
        CHECK(response["extended"] == true);
    }
}

TEST_SUITE("clinic policy: names withheld") {
    TEST_CASE("the CQC summary withholds surnames, titled names and the patient's name") {
        test::Repo repo;
        repo.now = "2026-11-30T10:00:00+00:00";
        const std::string id =
            repo.open_case("2026-11-02 09:30",
                           {"--complainant", "Mr David Okafor", "--on-behalf-of",
                            "Mrs Grace Okafor", "--consent", "yes", "--point", "Burn after laser"});
        repo.ok(
            {"log", id, "--type", "call", "--text",
             "Spoke to Mr Okafor; Grace was upset. Okafor family to send photos. Dr. Okafor-Smith "
             "is unrelated."});
        const auto summary =
            repo({"report", "--month", "2026-11", "--cqc-summary", "--format", "markdown"});
        CHECK(summary.exit_code == 0);
        CHECK_FALSE(has(summary.out, "Mr Okafor"));
        CHECK_FALSE(has(summary.out, "Okafor family"));
        CHECK(has(summary.out, "Okafor-Smith")); // another person's name is not touched
        CHECK(has(summary.out, "free text may still hold other names"));
    }
}

TEST_SUITE("clinic policy: usage errors say what is wrong") {
    TEST_CASE("each bad flag is refused with exit 2, its own words and nothing written") {
        Answered clinic;
        const std::pair<std::vector<std::string>, std::string> cases[] = {
            {{"respond", "finding", clinic.id, "--point", "0", "--finding", "upheld",
              "--conclusion", "x"},
             "no point 0"},
            {{"respond", "delay", clinic.id, "--reason", ""}, "--reason: give the reason"},
            {{"respond", "delay", clinic.id, "--reason", "   "}, "--reason: give the reason"},
            {{"respond", clinic.id, "--delay", " "}, "--delay: give the reason"},
            {{"respond", clinic.id, "--new-date", "2026-12-04"}, "--new-date goes with --delay"},
            {{"respond", clinic.id, "--format", "html"}, "--format goes with --draft"},
            {{"respond", "draft", clinic.id, "--format", "pdf"},
             "--format: unknown format 'pdf'; choose markdown or html"},
            {{"respond", "send", clinic.id, "--via", "fax"}, "email or letter"},
            {{"respond", clinic.id, "--out", "x.md"}, "--out goes with --draft"},
            {{"list", "--format", "pdf"}, "unknown format 'pdf'; choose table, json, csv or xlsx"},
            {{"report", "--format", "pdf"}, "unknown format 'pdf'"},
            {{"report", "--from", "2026-12-01", "--to", "2026-11-01"},
             "--to 2026-11-01 is before --from"},
            {{"list", "--overdu"}, "unknown option '--overdu' (did you mean '--overdue'?)"},
            {{"open", "--chanel", "phone", "--complainant", "Mrs A Patel"},
             "unknown option '--chanel' (did you mean '--channel'?)"},
            {{"open", "--complainant", "Mrs A Patel"},
             "--channel is required (or --from-email FILE)"},
            {{"open", "--channel", "phone", "--channel", "email"},
             "--channel: given more than once"},
        };
        for (const auto& [args, said] : cases) {
            CAPTURE(args[0]);
            CAPTURE(said);
            const std::string err = clinic.refused(args, k_usage);
            CHECK_MESSAGE(has(err, said), err);
            CHECK_FALSE(has(err, "FAILED"));
        }
    }
}

TEST_SUITE("clinic policy: Being Open") {
    TEST_CASE("an incident is flagged until the conversation and its follow-up are recorded") {
        Answered clinic;
        clinic.ok({"being-open", clinic.id, "--incident", "Burn from a laser set too high"});
        const auto attention = [&] {
            return clinic({"list", "--attention", "--format", "json"}).json().dump();
        };
        CHECK(has(attention(), "no Being Open conversation recorded"));
        CHECK(has(clinic({"show", clinic.id}).out, "no Being Open conversation recorded"));
        // Owed to the patient, so on the agenda; no fault in the file, so no failure.
        const auto checked = clinic({"check"});
        CHECK(checked.exit_code == 0);
        CHECK(has(checked.out, ": agenda: a patient safety incident"));
        CHECK(has(checked.out, "has no Being Open conversation recorded"));
        const std::string err = clinic.refused(
            {"being-open", clinic.id, "--apology", "We are sorry", "--with", "Ms Ruth Hale"});
        CHECK(has(err, "--explained"));
        CHECK(has(err, "--remedial"));
        clinic.ok({"being-open", clinic.id, "--apology", "We are sorry for the burn", "--explained",
                   "The laser was set above the protocol", "--remedial",
                   "Settings are now checked by a second person", "--with", "Ms Ruth Hale",
                   "--with", "Claire Dunn"});
        CHECK(has(attention(), "no written follow-up"));
        clinic.ok({"being-open", clinic.id, "--follow-up", "Letter of 12 November sent"});
        CHECK_FALSE(has(attention(), "Being Open"));
        const std::string file = clinic.case_file(clinic.id);
        CHECK(has(file, "being-open"));
        CHECK(has(file, "Settings are now checked by a second person"));
    }

    TEST_CASE("a conversation needs the case marked an incident first") {
        Answered clinic;
        CHECK(has(clinic.refused({"being-open", clinic.id, "--apology", "a", "--explained", "b",
                                  "--remedial", "c", "--with", "Ms Ruth Hale"}),
                  "not marked a patient safety incident"));
        CHECK(has(clinic.refused({"being-open", clinic.id, "--follow-up", "x"}),
                  "before its written follow-up"));
    }
}

TEST_SUITE("clinic policy: Being Open in the report") {
    TEST_CASE("the report counts incidents, conversations held and pending, and the time taken") {
        test::Repo repo;
        repo.now = "2026-11-30T10:00:00+00:00";
        const std::string held = repo.open_case(
            "2026-11-02 09:30", {"--safety-incident", "Burn after laser", "--point", "Burn"});
        repo.open_case("2026-11-03 09:30",
                       {"--safety-incident", "Wrong product used", "--point", "Rash"});
        repo.ok({"being-open", held, "--apology", "Sorry", "--explained", "Setting too high",
                 "--remedial", "Second check", "--with", "Ms Hale", "--at", "2026-11-05 10:00"});
        const auto figures =
            repo({"report", "--month", "2026-11", "--format", "json"}).json()["being_open"];
        CHECK(figures["incidents"] == 2);
        CHECK(figures["conversations"] == 1);
        CHECK(figures["pending_at_end"] == 1);
        CHECK(figures["follow_ups_owed"] == 1);
        CHECK(figures["to_conversation"]["median"] == 3.0);
        const auto text = repo({"report", "--month", "2026-11"});
        CHECK(has(text.out, "Being Open"));
    }
}

TEST_SUITE("clinic policy: insurance") {
    TEST_CASE("the indemnity insurer's notification is a logged step shown on the timeline") {
        Answered clinic;
        clinic.ok({"log", clinic.id, "--type", "insurer-notified", "--text",
                   "Claim notified to the indemnity insurer, ref HX-22"});
        CHECK(has(clinic({"show", clinic.id}).out, "HX-22"));
        CHECK(has(clinic.json().dump(), "insurer-notified"));
    }
}

TEST_SUITE("clinic policy: what the trial found") {
    TEST_CASE("a phone complaint settled in conversation still needs its record agreed") {
        test::Repo repo;
        repo.now = "2026-11-10T10:00:00+00:00";
        const std::string id = repo.open_case("2026-11-02 09:30",
                                              {"--complainant", "Ms Ruth Hale", "--point", "Rude"});
        CHECK(has(repo.refused({"close", id, "--outcome", "resolved", "--no-learning", "A one-off",
                                "--no-written-response", "Settled by phone"},
                               k_refused),
                  "has not been agreed"));
    }

    TEST_CASE("show names a signposting as such, never as a review open") {
        Answered clinic;
        clinic.ok({"escalate", clinic.id, "--to", "citizens-advice"});
        const std::string shown = clinic({"show", clinic.id}).out;
        CHECK(has(shown, "signposted (an advice service)"));
        CHECK_FALSE(has(shown, "review open"));
    }

    TEST_CASE("show's timeline gives the response the same verdict as respond") {
        Answered clinic;
        REQUIRE(clinic.sent_after_delay().exit_code == 0);
        const std::string shown = clinic({"show", clinic.id}).out;
        CHECK(has(shown, "the policy is met"));
        CHECK_FALSE(has(shown, "met on time"));
    }
}

TEST_SUITE("clinic policy: more usage errors the trial found") {
    TEST_CASE("blank points and names, a word for a number, a missing value") {
        Answered clinic;
        const std::pair<std::vector<std::string>, std::string> cases[] = {
            {{"open", "--channel", "phone", "--point", "  "}, "--point: a point raised needs"},
            {{"open", "--channel", "phone", "--complainant", "  "}, "--complainant: give"},
            {{"open", "--channel", "phone", "--practitioner", " "},
             "--practitioner: give the practitioner's name"},
            {{"respond", "finding", clinic.id, "--point", "one", "--finding", "upheld"},
             "--point: 'one' is not a number"},
            {{"close", clinic.id, "--outcome", "resolved", "--no-written-response"},
             "--no-written-response: give its value"},
            {{"--color", "sometimes", "list"},
             "unknown colour 'sometimes'; choose auto, always or never"},
            {{"escalate", clinic.id, "--to", "phso"},
             "this repository's policy names: iscas, cosmetic-redress-scheme, citizens-advice"},
        };
        for (const auto& [args, said] : cases) {
            CAPTURE(said);
            const std::string err = clinic.refused(args, k_usage);
            CHECK_MESSAGE(has(err, said), err);
        }
    }
}

TEST_SUITE("clinic policy: steps that go through with a warning") {
    TEST_CASE("a delay's new date not after the date due, or on a Sunday, is kept but warned of") {
        Answered clinic;
        const auto early = clinic({"respond", "delay", clinic.id, "--reason",
                                   "Waiting for the laser report", "--new-date", "2026-11-13"});
        CHECK(early.exit_code == 0);
        CHECK(has(early.err, "the new date 2026-11-13 is not after 2026-11-20, when the response "
                             "is due under the policy"));
        const auto sunday = clinic({"respond", "delay", clinic.id, "--reason",
                                    "The report is late again", "--new-date", "2026-11-29"});
        CHECK(sunday.exit_code == 0);
        CHECK(has(sunday.err, "2026-11-29 is a Sunday"));
        CHECK_FALSE(has(sunday.err, "is not after"));
        const auto fine = clinic({"respond", "delay", clinic.id, "--reason", "Still waiting",
                                  "--new-date", "2026-12-04"});
        CHECK(fine.exit_code == 0);
        CHECK_FALSE(has(fine.err, "new date"));
        CHECK(has(clinic.json()["clocks"].dump(), "2026-12-04"));
    }

    TEST_CASE("a second referral to ISCAS after its outcome is kept but warned of") {
        Answered clinic;
        clinic.sent();
        const auto first = clinic({"escalate", clinic.id, "--to", "iscas"});
        CHECK_FALSE(has(first.err, "warning"));
        const auto outcome = clinic({"escalate", clinic.id, "--outcome", "Not upheld"});
        CHECK(has(outcome.out, "outcome of the review by the Independent Sector"));
        const auto again = clinic({"escalate", clinic.id, "--to", "iscas", "--note",
                                   "ISCAS agreed to look again at new evidence"});
        CHECK(again.exit_code == 0);
        CHECK(has(again.err, "already gave its outcome on 2026-11-10 ('Not upheld')"));
        CHECK(clinic.json()["escalations"].size() == 2);
    }
}
