// SPDX-License-Identifier: Apache-2.0
// The platform's monthly report through the real binary (issue #15): each
// deadline the process sets ("assigns the complaint to a support agent within
// 48 hours", "between 5-10 working days", "resolve all complaints within 3
// weeks"), the mediation meetings, the warnings issued and rescinded, and the
// complaints nobody has been assigned, in the platform's own words.
#include "run.hpp"

#include <doctest/doctest.h>

namespace {

using test::has;

// November 2026, reported on 2 December. Mon 2 Nov: assigned next day,
// investigated, mediated, resolved and closed with a warning, which an appeal
// rescinds on the 20th. Mon 9 Nov: assigned after 72 hours, nothing since.
// Tue 10 Nov: nobody assigned.
struct November : test::Repo {
    std::string handled, slow, nobodys;
    November() : test::Repo("platform", "LAN") {
        now = "2026-11-20T10:00:00+00:00";
        handled = opened("2026-11-02 09:00");
        ok({"assign", handled, "--to", "Priya Shah", "--at", "2026-11-03 09:00"});
        ok({"log", handled, "--type", "shared-with-complainee", "--text", "Form shared", "--at",
            "2026-11-04 10:00"});
        ok({"log", handled, "--type", "mediation-booked", "--on", "2026-11-11 14:00", "--attendee",
            "Practice manager", "--attendee", "Dr Sam Keane", "--attendee", "Priya Shah", "--text",
            "Video call", "--at", "2026-11-09 10:00"});
        ok({"log", handled, "--type", "mediation", "--attendee", "Practice manager", "--attendee",
            "Dr Sam Keane", "--attendee", "Priya Shah", "--text", "Agreed a way forward", "--at",
            "2026-11-11 15:00"});
        ok({"log", handled, "--type", "investigation-complete", "--text", "Done", "--at",
            "2026-11-10 11:00"});
        ok({"resolve", handled, "--text", "Apology accepted", "--at", "2026-11-12 12:00"});
        ok({"close", handled, "--outcome", "upheld", "--warning", "--warning-reason", "Punctuality",
            "--no-learning", "Individual conduct", "--at", "2026-11-12 13:00"});
        ok({"clinician", "7123456", "rescind-warning", handled, "--reason", "Appeal upheld"});
        slow = opened("2026-11-09 09:00");
        ok({"assign", slow, "--to", "Priya Shah", "--at", "2026-11-12 09:00"});
        nobodys = opened("2026-11-10 09:00");
        now = "2026-12-02T10:00:00+00:00";
    }
    std::string opened(const std::string& received) const {
        return open_case(received, {"--complainant", "Practice manager", "--about", "Dr Sam Keane",
                                    "--gmc", "7123456", "--type", "late"});
    }
    test::Result report(const std::string& format) const {
        return (*this)({"report", "--month", "2026-11", "--format", format});
    }
};

std::size_t occurrences(const std::string& text, const std::string& part) {
    std::size_t count = 0;
    for (auto at = text.find(part); at != std::string::npos; at = text.find(part, at + 1))
        ++count;
    return count;
}

// Complaints about clinicians as typed: Dr Sam Keane's name on file comes
// from October's case; November's spell it otherwise.
struct Spellings : test::Repo {
    Spellings() : test::Repo("platform", "LAN") {
        now = "2026-10-20T10:00:00+00:00";
        about("2026-10-20 09:00", "Dr Sam Keane", "7123456");
        now = "2026-11-20T10:00:00+00:00";
        about("2026-11-03 09:00", "dr sam  keane", "7123456");
        about("2026-11-04 09:00", "DR SAM KEANE", "7123456");
        about("2026-11-05 09:00", "Dr Lena Marsh", "7234567");
        now = "2026-12-02T10:00:00+00:00";
    }
    std::string about(const std::string& received, const std::string& name,
                      const std::string& gmc) const {
        return open_case(received, {"--complainant", "Practice manager", "--about", name, "--gmc",
                                    gmc, "--type", "late"});
    }
    test::Result report(const std::string& format) const {
        return (*this)({"report", "--month", "2026-11", "--format", format});
    }
};

} // namespace

TEST_SUITE("platform: the report") {
    TEST_CASE("a clinician is one row by GMC number, under the name on file, in every format") {
        Spellings repo;
        const auto result = repo.report("json");
        REQUIRE_MESSAGE(result.exit_code == 0, result.err);
        const auto json = result.json();
        CHECK(json["received"]["by_practitioner"] ==
              nlohmann::json{{"Dr Sam Keane", 2}, {"Dr Lena Marsh", 1}});
        CHECK(json["received"]["by_practitioner_list"] ==
              nlohmann::json::array(
                  {{{"name", "Dr Sam Keane"}, {"gmc", "7123456"}, {"received", 2}},
                   {{"name", "Dr Lena Marsh"}, {"gmc", "7234567"}, {"received", 1}}}));
        for (const char* format : {"text", "markdown", "html"}) {
            const auto shown = repo.report(format);
            REQUIRE_MESSAGE(shown.exit_code == 0, shown.err);
            // One row for the number, under the name on file, in the period's
            // table and in the twelve months' themes (the oldest-open table
            // still quotes each case as typed).
            CHECK(occurrences(shown.out, "7123456") == 2);
            CHECK(occurrences(shown.out, "7234567") == 2);
            CHECK(has(shown.out, "Dr Sam Keane"));
        }
        const auto csv = repo.report("csv");
        CHECK(has(csv.out, "received.by_practitioner.Dr Sam Keane,2"));
        CHECK_FALSE(has(csv.out, "received.by_practitioner.dr sam  keane"));
    }

    TEST_CASE("two clinicians of one name are two rows, told apart by GMC number") {
        Spellings repo;
        repo.now = "2026-11-20T10:00:00+00:00";
        repo.about("2026-11-06 09:00", "Dr Sam Keane", "7654321");
        repo.now = "2026-12-02T10:00:00+00:00";
        const auto json = repo.report("json").json();
        CHECK(json["received"]["by_practitioner"] ==
              nlohmann::json{{"Dr Sam Keane (GMC 7123456)", 2},
                             {"Dr Lena Marsh", 1},
                             {"Dr Sam Keane (GMC 7654321)", 1}});
        CHECK(json["received"]["by_practitioner_list"][2]["gmc"] == "7654321");
    }

    TEST_CASE("assignment in 48 hours and investigation in 10 working days, with their rates") {
        November repo;
        const auto result = repo.report("json");
        REQUIRE_MESSAGE(result.exit_code == 0, result.err);
        const auto steps = result.json()["steps"];
        CHECK(steps["assignment"] == nlohmann::json{{"within", "48 hours"},
                                                    {"due", 3},
                                                    {"in_time", 1},
                                                    {"late", 1},
                                                    {"not_yet", 1},
                                                    {"in_time_rate", 100.0 / 3}});
        // The investigation runs from the assignment: the unassigned one has none yet.
        CHECK(steps["investigation"]["within"] == "10 working days");
        CHECK(steps["investigation"]["due"] == 2);
        CHECK(steps["investigation"]["in_time"] == 1);
        CHECK(steps["investigation"]["not_yet"] == 1);
        CHECK(result.json()["responses"]["rule"] == "resolution");
        CHECK(result.json()["responses"]["on_time"] == 1);
    }

    TEST_CASE("the working days are named for what they measure: to the resolution, to closing") {
        November repo;
        const auto json = repo.report("json").json();
        CHECK(json["schema_version"] == 3);
        // Received Monday 2 November, resolved and closed Thursday 12 November.
        const nlohmann::json eight{{"count", 1}, {"median", 8.0}, {"p90", 8}};
        CHECK(json["working_days"] ==
              nlohmann::json{{"to_resolution", eight}, {"to_closing", eight}});
        const auto csv = repo.report("csv");
        CHECK(has(csv.out, "working_days.to_resolution.count,1\r\n"));
        CHECK_FALSE(has(csv.out, "to_response"));
    }

    TEST_CASE("mediations booked and held, and warnings issued and rescinded in the period") {
        November repo;
        const auto json = repo.report("json").json();
        CHECK(json["mediations"] == nlohmann::json{{"booked", 1}, {"held", 1}});
        CHECK(json["warnings"]["issued"] == 1);
        CHECK(json["warnings"]["rescinded"] == 1);
        REQUIRE(json["warnings"]["rescinded_list"].size() == 1);
        CHECK(json["warnings"]["rescinded_list"][0]["case"] == repo.handled);
        CHECK(json["warnings"]["rescinded_list"][0]["rescinded_date"] == "2026-11-20");
        const auto csv = repo.report("csv");
        REQUIRE_MESSAGE(csv.exit_code == 0, csv.err);
        CHECK(has(csv.out, "steps.assignment.in_time,1\r\n"));
        CHECK(has(csv.out, "mediations.held,1\r\n"));
        CHECK(has(csv.out, "warnings.rescinded,1\r\n"));
        // The lists too, a row per field, numbered from 1.
        CHECK(has(csv.out, "warnings.issued_list.1.reason,Punctuality\r\n"));
        CHECK(has(csv.out, "warnings.rescinded_list.1.case," + repo.handled + "\r\n"));
        CHECK(has(csv.out, "warnings.rescinded_list.1.rescinded_date,2026-11-20\r\n"));
    }

    TEST_CASE("a warning's reason reads as given, in the report and on the clinician") {
        November repo;
        const auto json = repo.report("json").json();
        REQUIRE(json["warnings"]["issued_list"].size() == 1);
        CHECK(json["warnings"]["issued_list"][0]["reason"] == "Punctuality");
        CHECK(json["warnings"]["rescinded_list"][0]["reason"] == "Appeal upheld");
        CHECK(has(repo.report("markdown").out, "Punctuality"));
        const auto clinician = repo({"clinician", "7123456", "--format", "json"}).json();
        REQUIRE(clinician["warnings"].size() == 1);
        CHECK(clinician["warnings"][0]["reason"] == "Punctuality");
    }

    TEST_CASE("the complaints nobody is assigned get their own agent row, last") {
        November repo;
        const auto agents = repo.report("json").json()["agents"];
        REQUIRE(agents.size() == 2);
        CHECK(agents[0]["agent"] == "Priya Shah");
        CHECK(agents[0]["assigned"] == 2);
        CHECK(agents[0]["open_at_end"] == 1);
        CHECK(agents[1] == nlohmann::json{{"agent", nullptr},
                                          {"assigned", 0},
                                          {"assigned_in_time", 0},
                                          {"resolved", 0},
                                          {"resolved_in_time", 0},
                                          {"open_at_end", 1}});
        const auto text = repo.report("text");
        REQUIRE_MESSAGE(text.exit_code == 0, text.err);
        CHECK(has(text.out, "(unassigned)"));
        const auto csv = repo.report("csv").out;
        CHECK(has(csv, "agents.Priya Shah.assigned,2\r\n"));
        CHECK(has(csv, "agents.Priya Shah.open_at_end,1\r\n"));
        CHECK(has(csv, "agents.(unassigned).open_at_end,1\r\n"));
    }

    TEST_CASE("the text speaks of resolutions agreed and the platform's steps, not responses") {
        November repo;
        for (const std::string format : {"text", "html"}) {
            CAPTURE(format);
            const auto result = repo.report(format);
            REQUIRE_MESSAGE(result.exit_code == 0, result.err);
            CHECK(has(result.out, "Resolutions"));
            CHECK(has(result.out, "agreed within 3 weeks"));
            CHECK(has(result.out, "assignment (within 48 hours)"));
            CHECK(has(result.out, "investigation (within 10 working days)"));
            CHECK(has(result.out, "Steps and mediation"));
            CHECK(has(result.out, "rescinded on appeal"));
            CHECK_FALSE(has(result.out, "Responses"));
            CHECK_FALSE(has(result.out, "delay explained"));
            CHECK_FALSE(has(result.out, "not yet sent"));
            CHECK_FALSE(has(result.out, "responses due"));
        }
    }

    TEST_CASE("the HTML chart has no late-but-explained series where the clock takes none") {
        November repo;
        const auto html = repo.report("html");
        REQUIRE_MESSAGE(html.exit_code == 0, html.err);
        CHECK(has(html.out, "on time ("));
        CHECK(has(html.out, "not yet agreed ("));
        CHECK_FALSE(has(html.out, "late, explained"));
        // The clinic's response clock takes an explanation of delay: its chart keeps the series.
        test::Repo clinic;
        clinic.open_case();
        const auto clinic_html = clinic({"report", "--format", "html"});
        REQUIRE_MESSAGE(clinic_html.exit_code == 0, clinic_html.err);
        CHECK(has(clinic_html.out, "late, explained (0)"));
    }
}
