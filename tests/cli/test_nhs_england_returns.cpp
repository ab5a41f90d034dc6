// SPDX-License-Identifier: Apache-2.0
// The NHS England regulations' yearly reporting through the real binary: the
// fields the KO41b return counts each complaint by, required at close;
// financial years and quarters for every preset; regulation 18's annual
// report and the KO41b return from a year at a GP practice, checked by hand.
#include "run.hpp"

#include <doctest/doctest.h>

namespace {

constexpr int k_usage = 2;
constexpr int k_refused = 5;

using test::has;

struct Classified {
    std::string age;
    std::string status;
    std::vector<std::string> subjects;
    std::vector<std::string> staff;
};

// A GP practice's year, 2026-27, looked at on 20 April 2027.
struct Practice : test::Repo {
    Practice() : test::Repo("nhs-england", "GPX") { now = "2027-04-20T10:00:00+01:00"; }

    std::string complaint(const std::string& received, const Classified& fields,
                          std::vector<std::string> more = {}) const {
        std::vector<std::string> args{"--point", "What went wrong", "--summary",
                                      "A written complaint"};
        if (!fields.age.empty())
            args.insert(args.end(), {"--age-band", fields.age});
        if (!fields.status.empty())
            args.insert(args.end(), {"--complainant-status", fields.status});
        for (const auto& subject : fields.subjects)
            args.insert(args.end(), {"--subject-area", subject});
        for (const auto& group : fields.staff)
            args.insert(args.end(), {"--staff-group", group});
        args.insert(args.end(), more.begin(), more.end());
        return open_case(received, args);
    }
    void answer(const std::string& id, const std::string& finding, const std::string& at) const {
        ok({"respond", "finding", id, "--point", "1", "--finding", finding, "--conclusion",
            "What we found.", "--at", at});
        ok({"respond", "send", id, "--via", "letter", "--at", at});
    }
    // Answered and closed on `at`; with `learning`, an action added first.
    void decide(const std::string& id, const std::string& outcome, const std::string& at,
                const std::string& learning = {}, const std::string& action = {}) const {
        answer(id, outcome, at);
        if (learning.empty()) {
            ok({"close", id, "--outcome", outcome, "--no-learning", "Care was as it should be.",
                "--at", at});
            return;
        }
        ok({"action", id, "add", "--text", action, "--lead", "Practice Manager", "--due",
            "2027-06-30", "--at", at});
        ok({"close", id, "--outcome", outcome, "--learning", learning, "--at", at});
    }
};

// The CSV's lines as \n-ended, for reading (the return's rows end in \r\n).
std::string lines(std::string text) {
    std::erase(text, '\r');
    return text;
}

std::string csv(const Practice& practice, const std::string& year = "2026-27") {
    const auto result = practice({"report", "--ko41b", "--year", year});
    REQUIRE_MESSAGE(result.exit_code == 0, result.err);
    CHECK(has(result.out, "section,item,value\r\n"));
    return lines(result.out);
}

} // namespace

TEST_SUITE("nhs-england returns") {
    TEST_CASE("regulation 18 and the KO41b: a year at a GP practice, its return and annual "
              "report checked by hand") {
        Practice practice;
        // Brought forward: received in March 2026, open on 1 April, decided in May.
        const auto earlier =
            practice.complaint("2026-03-10 09:00", {"65-74", "patient", {"prescribing"}, {"gp"}});
        practice.decide(earlier, "not-upheld", "2026-05-05 10:00");
        // Received and decided before the year: neither brought forward nor new.
        const auto gone =
            practice.complaint("2026-02-16 09:00", {"18-64", "patient", {"appointments"}, {"gp"}});
        practice.decide(gone, "upheld", "2026-03-20 10:00", "Book follow-ups at the desk.",
                        "Follow-up slots held each day");
        // The year's fifteen complaints.
        const auto c1 = practice.complaint(
            "2026-04-08 09:00",
            {"18-64", "patient", {"appointments"}, {"administration-and-reception"}});
        practice.decide(c1, "upheld", "2026-04-28 10:00",
                        "Callers who cannot get through "
                        "need a way back in.",
                        "A callback list at 8am");
        practice.ok({"action", c1, "done", "1", "--at", "2026-06-01 10:00"});
        const auto c2 = practice.complaint(
            "2026-04-22 09:00",
            {"65-74", "relative-or-carer", {"clinical-treatment", "communications"}, {"gp"}});
        practice.decide(c2, "partly-upheld", "2026-05-20 10:00",
                        "Test results must be explained, not just sent.",
                        "Results texts say who to call");
        const auto c3 = practice.complaint("2026-05-13 09:00",
                                           {"75-84", "patient", {"prescribing"}, {"pharmacy"}});
        practice.decide(c3, "not-upheld", "2026-06-10 10:00");
        const auto c4 = practice.complaint(
            "2026-06-02 09:00",
            {"18-64", "patient", {"values-and-behaviours"}, {"administration-and-reception"}});
        practice.decide(c4, "upheld", "2026-06-30 10:00", "Reception scripts sounded curt.",
                        "Customer care training for reception");
        practice.ok({"action", c4, "done", "1", "--at", "2026-08-01 10:00"});
        const auto c5 = practice.complaint(
            "2026-07-15 09:00",
            {"0-17", "relative-or-carer", {"waiting-times"}, {"practice-management"}});
        practice.decide(c5, "not-upheld", "2026-08-12 10:00");
        const auto c6 = practice.complaint(
            "2026-08-03 09:00",
            {"85-and-over", "relative-or-carer", {"clinical-treatment"}, {"gp", "nursing"}});
        practice.decide(c6, "partly-upheld", "2026-09-14 10:00",
                        "Home visits need a named clinician.", "A named clinician for each visit");
        practice.ok(
            {"escalate", c6, "--to", "phso", "--ref", "PHSO-77", "--at", "2026-10-20 10:00"});
        const auto c7 = practice.complaint("2026-09-09 09:00", {"18-64",
                                                                "patient",
                                                                {"appointments", "communications"},
                                                                {"administration-and-reception"}});
        practice.ok({"close", c7, "--outcome", "withdrawn", "--no-learning",
                     "Withdrawn before any finding.", "--at", "2026-09-30 10:00"});
        // Opened without the fields, classified later.
        const auto c8 = practice.complaint("2026-10-06 09:00", {});
        practice.ok({"classify", c8, "--age-band", "65-74", "--complainant-status", "patient",
                     "--subject-area", "prescribing", "--staff-group", "gp"});
        practice.decide(c8, "not-upheld", "2026-11-03 10:00");
        const auto c9 = practice.complaint(
            "2026-11-11 09:00", {"18-64", "other", {"communications"}, {"practice-management"}});
        practice.decide(c9, "upheld", "2026-12-09 10:00", "Letters went to an old address.",
                        "Check the address at every contact");
        const auto c10 = practice.complaint("2026-12-01 09:00",
                                            {"unknown", "patient", {"facilities"}, {"other"}});
        practice.decide(c10, "not-upheld", "2027-01-05 10:00");
        const auto c11 = practice.complaint(
            "2027-01-12 09:00", {"0-17", "relative-or-carer", {"clinical-treatment"}, {"nursing"}});
        practice.decide(c11, "partly-upheld", "2027-02-16 10:00",
                        "Children's vaccinations need the parent's questions answered first.",
                        "Time for questions before each vaccination");
        practice.complaint(
            "2027-02-03 09:00",
            {"75-84", "patient", {"appointments"}, {"administration-and-reception"}});
        practice.complaint(
            "2027-02-24 09:00",
            {"65-74", "patient", {"prescribing", "communications"}, {"gp", "pharmacy"}});
        const auto c14 = practice.complaint(
            "2027-03-17 09:00", {"18-64", "patient", {"access-to-treatment-or-drugs"}, {"gp"}});
        // Decided after the year's end: carried forward, not resolved in it.
        practice.decide(c14, "upheld", "2027-04-12 10:00", "The formulary was out of date.",
                        "Review the formulary each quarter");
        practice.complaint(
            "2027-03-29 09:00",
            {"18-64", "relative-or-carer", {"waiting-times"}, {"practice-management"}});
        // Not counted: a concern, an employment matter set outside the
        // process (regulation 8), and a complaint of the next year.
        practice.open_case("2026-06-10 09:00", {"--kind", "concern", "--summary", "A concern"});
        const auto staff = practice.complaint("2026-07-01 09:00", {}, {});
        practice.ok({"exclude", staff, "--reason", "employment", "--text", "A staff grievance.",
                     "--at", "2026-07-02 10:00"});
        practice.complaint("2027-04-05 09:00", {"18-64", "patient", {"appointments"}, {"gp"}});

        // By hand, from the cases above:
        // brought forward 1 (the March 2026 complaint); new 15 (c1..c15).
        // Resolved in the year: upheld c1 c4 c9 = 3; partly upheld c2 c6 c11 = 3;
        // not upheld (the brought forward one) c3 c5 c8 c10 = 5; total 11.
        // c7 (withdrawn) and c12..c15 (c14 decided after 31 March) remain:
        // carried forward 1 + 15 - 11 = 5.
        // Age: 0-17 c5 c11 = 2; 18-64 c1 c4 c7 c9 c14 c15 = 6; 65-74 c2 c8 c13 = 3;
        // 75-84 c3 c12 = 2; 85-and-over c6 = 1; unknown c10 = 1 (15).
        // Status: patient c1 c3 c4 c7 c8 c10 c12 c13 c14 = 9; relative-or-carer
        // c2 c5 c6 c11 c15 = 5; other c9 = 1 (15).
        // Subjects: appointments c1 c7 c12 = 3; clinical-treatment c2 c6 c11 = 3;
        // communications c2 c7 c9 c13 = 4; prescribing c3 c8 c13 = 3;
        // values-and-behaviours c4 = 1; waiting-times c5 c15 = 2; facilities c10 = 1;
        // access-to-treatment-or-drugs c14 = 1; total 18 >= 15.
        // Staff: gp c2 c6 c8 c13 c14 = 5; nursing c6 c11 = 2; pharmacy c3 c13 = 2;
        // practice-management c5 c9 c15 = 3; administration-and-reception c1 c4 c7 c12 = 4;
        // other c10 = 1; total 17 >= 15.
        const std::string ko41b = csv(practice);
        CHECK(has(ko41b, "section,item,value\n"));
        CHECK(has(ko41b, "Return,Period,2026-27 (2026-04-01 to 2027-03-31)\n"));
        CHECK(has(ko41b, "Summary information,Total brought forward,1\n"
                         "Summary information,Total new complaints,15\n"
                         "Summary information,Number upheld,3\n"
                         "Summary information,Number partially upheld,3\n"
                         "Summary information,Number not upheld,5\n"
                         "Summary information,Total resolved,11\n"
                         "Summary information,Total carried forward,5\n"));
        CHECK(has(ko41b, "Age of patient,0-17,2\nAge of patient,18-64,6\nAge of patient,65-74,3\n"
                         "Age of patient,75-84,2\nAge of patient,85-and-over,1\n"
                         "Age of patient,unknown,1\nAge of patient,Total,15\n"));
        CHECK(has(ko41b, "Status of complainant,patient,9\n"
                         "Status of complainant,relative-or-carer,5\n"
                         "Status of complainant,other,1\nStatus of complainant,Total,15\n"));
        CHECK(has(ko41b, "Subject area,access-to-treatment-or-drugs,1\n"
                         "Subject area,appointments,3\n"
                         "Subject area,clinical-treatment,3\n"));
        CHECK(has(ko41b, "Subject area,communications,4\n"));
        CHECK(has(ko41b, "Subject area,prescribing,3\n"));
        CHECK(has(ko41b, "Subject area,values-and-behaviours,1\nSubject area,waiting-times,2\n"
                         "Subject area,other,0\nSubject area,Total,18\n"));
        CHECK(has(ko41b, "Staff group,gp,5\nStaff group,nursing,2\n"
                         "Staff group,allied-health-professional,0\nStaff group,pharmacy,2\n"
                         "Staff group,practice-management,3\n"
                         "Staff group,administration-and-reception,4\nStaff group,other,1\n"
                         "Staff group,Total,17\n"));

        // Regulation 18(1): (a) 15 received; decided in the year with a finding 11
        // (the brought forward one among them), (b) well-founded: upheld or partly
        // upheld, 3 + 3 = 6; (c) referred to the Ombudsman: c6 = 1; (d) the lessons
        // of c1 c2 c4 c6 c9 c11 (c14's came after the year) and their six actions,
        // c1's and c4's done in the year.
        const auto annual =
            practice({"report", "--annual", "--year", "2026-27", "--format", "markdown"});
        REQUIRE_MESSAGE(annual.exit_code == 0, annual.err);
        CHECK(has(annual.out, "Regulation 18"));
        CHECK(has(annual.out, "| (a) complaints received | 15 |"));
        CHECK(has(annual.out, "| complaints decided (upheld, partly upheld or not upheld) | 11 |"));
        CHECK(has(annual.out, "| (b) decided well-founded (upheld or partly upheld) | 6 |"));
        CHECK(has(annual.out, "| (c) referred to the Ombudsman | 1 |"));
        CHECK(has(annual.out, "| communications | 4 |"));
        CHECK(has(annual.out, "Callers who cannot get through need a way back in."));
        CHECK(has(annual.out, "Children's vaccinations need the parent's questions answered"));
        CHECK_FALSE(has(annual.out, "The formulary was out of date."));
        CHECK(has(annual.out, "| " + c1 + " | 2026-04-28 | A callback list at 8am | 2026-06-01 |"));
        CHECK(has(annual.out,
                  "| " + c2 + " | 2026-05-20 | Results texts say who to call | in progress |"));
        CHECK_FALSE(has(annual.out, "Follow-up slots held each day"));
    }

    TEST_CASE("regulation 18 and the KO41b: closing a complaint without the return's fields is "
              "refused, naming each, and classify records them") {
        test::Repo practice("nhs-england", "GPX");
        practice.now = "2026-11-20T10:00:00+00:00";
        const auto id = practice.open_case("2026-11-02 09:00", {"--point", "Lost referral"});
        CHECK_FALSE(has(practice.case_file(id), "age_band"));
        practice.ok({"respond", "finding", id, "--point", "1", "--finding", "upheld",
                     "--conclusion", "It was lost."});
        practice.ok({"respond", "send", id, "--via", "letter"});
        const auto refused = practice.refused(
            {"close", id, "--outcome", "upheld", "--no-learning", "A one-off."}, k_refused);
        CHECK(has(refused, "--age-band"));
        CHECK(has(refused, "--complainant-status"));
        CHECK(has(refused, "--subject-area"));
        CHECK(has(refused, "--staff-group"));
        CHECK(has(refused, "complaints classify " + id));
        CHECK(has(practice.refused({"classify", id, "--age-band", "18-65"}, k_usage),
                  "'18-65' is not one of"));
        CHECK(has(practice.refused({"classify", id}, k_usage), "--age-band"));
        const auto classified =
            practice({"classify", id, "--age-band", "18-64", "--complainant-status", "patient",
                      "--subject-area", "communications,prescribing", "--staff-group", "gp"});
        REQUIRE_MESSAGE(classified.exit_code == 0, classified.err);
        CHECK(has(classified.out, "subject areas communications, prescribing"));
        const auto shown = practice({"show", id, "--format", "json"}).json();
        CHECK(shown["age_band"] == "18-64");
        CHECK(shown["complainant_status"] == "patient");
        CHECK(shown["subject_areas"] == nlohmann::json::array({"communications", "prescribing"}));
        CHECK(shown["staff_groups"] == nlohmann::json::array({"gp"}));
        CHECK(has(practice.case_file(id), "subject_areas:\n  - communications\n  - prescribing\n"));
        practice.ok({"close", id, "--outcome", "upheld", "--no-learning", "A one-off."});
    }

    TEST_CASE("the KO41b return's validation: new complaints lacking the fields are reported as "
              "problems, regulation 18") {
        Practice practice;
        practice.complaint("2026-05-04 09:00", {"18-64", "patient", {"appointments"}, {"gp"}});
        const auto bare = practice.complaint("2026-06-04 09:00", {});
        const auto result = practice({"report", "--ko41b", "--year", "2026-27"});
        CHECK(result.exit_code == k_refused);
        CHECK(has(lines(result.out), "Summary information,Total new complaints,2\n"));
        CHECK(has(lines(result.out), "Age of patient,Total,1\n"));
        CHECK(has(result.err, "fails its validation"));
        CHECK(has(result.err, "--age-band: age of patient adds up to 1, not the 2 new complaints "
                              "(lacking: " +
                                  bare + ")"));
        CHECK(has(result.err, "--subject-area: subject area totals 1, fewer than the 2 new "
                              "complaints"));
        CHECK(has(practice.refused({"report", "--ko41b", "--year", "2026"}, k_usage),
                  "NHS financial year"));
        CHECK(has(practice.refused({"report", "--ko41b"}, k_usage), "--year"));
        CHECK(has(practice.refused({"report", "--annual", "--ko41b", "--year", "2026-27"}, k_usage),
                  "choose one"));
    }

    TEST_CASE("regulation 18: complaints.yaml replaces a code list of the KO41b return") {
        Practice practice;
        std::string config = test::read_text(practice.root / "complaints.yaml");
        config += "returns:\n  staff_groups:\n    - gp\n    - locum-gp\n    - reception\n";
        test::write_text(practice.root / "complaints.yaml", config);
        const auto id = practice.complaint("2026-05-04 09:00",
                                           {"18-64", "patient", {"appointments"}, {"locum-gp"}});
        CHECK(has(practice.refused({"classify", id, "--staff-group", "nursing"}, k_usage),
                  "not one of gp, locum-gp, reception"));
        const std::string ko41b = csv(practice);
        CHECK(has(ko41b, "Staff group,gp,0\nStaff group,locum-gp,1\nStaff group,reception,0\n"
                         "Staff group,Total,1\n"));
    }

    TEST_CASE("report --year 2026-27 and --quarter 2026-27-Q4 are the NHS financial year and "
              "quarter, for every preset (regulation 18's year)") {
        for (const std::string preset : {"clinic", "nhs-england", "nhs-scotland", "platform"}) {
            CAPTURE(preset);
            test::Repo repo(preset, "ABC");
            repo.now = "2027-04-20T10:00:00+01:00";
            const auto year = repo({"report", "--year", "2026-27", "--format", "json"});
            REQUIRE_MESSAGE(year.exit_code == 0, year.err);
            CHECK(year.json()["period"]["label"] == "2026-27");
            CHECK(year.json()["period"]["from_date"] == "2026-04-01");
            CHECK(year.json()["period"]["to_date"] == "2027-03-31");
            const auto quarter = repo({"report", "--quarter", "2026-27-Q4", "--format", "json"});
            REQUIRE_MESSAGE(quarter.exit_code == 0, quarter.err);
            CHECK(quarter.json()["period"]["from_date"] == "2027-01-01");
            CHECK(quarter.json()["period"]["to_date"] == "2027-03-31");
            const auto first = repo({"report", "--quarter", "2026-27-Q1", "--format", "json"});
            CHECK(first.json()["period"]["from_date"] == "2026-04-01");
            CHECK(first.json()["period"]["to_date"] == "2026-06-30");
            // The calendar forms still read as before.
            CHECK(repo({"report", "--year", "2026", "--format", "json"})
                      .json()["period"]["from_date"] == "2026-01-01");
            CHECK(has(repo.refused({"report", "--year", "2026-28"}, k_usage), "such as 2026-27"));
            CHECK(has(repo.refused({"report", "--quarter", "2026-27-Q5"}, k_usage), "2026-27-Q4"));
        }
    }
}
