// SPDX-License-Identifier: Apache-2.0
// `complaints report` through the real binary: a clinic repository built
// case by case with known facts, including receipts, deadlines and closings
// on the edges of October 2026, and every figure of its JSON checked.
#include "run.hpp"

#include <doctest/doctest.h>

#include <algorithm>

namespace {

// October 2026 in England has no bank holiday; British Summer Time ends on
// Sunday 25 October, so the month's last instant is 23:59:59 GMT.
struct October : test::Repo {
    std::string before_start; // received 30 Sep 23:30 BST, answered on time
    std::string first_minute; // received 1 Oct 00:10 BST (still 30 Sep in UTC), answered late after
                              // a delay letter
    std::string late;         // answered late with no explanation, then referred to CQC
    std::string not_yet_due;  // due 3 November
    std::string overdue;      // received in September, due 8 October, never answered
    std::string last_minute;  // a concern received 31 Oct 23:59
    std::string next_month;   // feedback received 1 Nov 00:00
    std::string excluded;
    std::string closed_upheld;    // received in August, closed in October with lessons and actions
    std::string closed_withdrawn; // due 22 October, withdrawn on 31 October without a response

    std::string email(const std::string& received, std::vector<std::string> more = {}) const {
        return open("email", received, more);
    }
    std::string open(const std::string& channel, const std::string& received,
                     std::vector<std::string> more) const {
        std::vector<std::string> args{"open",   "--channel", channel,          "--received",
                                      received, "--point",   "What went wrong"};
        args.insert(args.end(), more.begin(), more.end());
        if (std::find(more.begin(), more.end(), "--summary") == more.end())
            args.insert(args.end(), {"--summary", "A complaint"});
        const auto opened = (*this)(args);
        REQUIRE_MESSAGE(opened.exit_code == 0, opened.err);
        return opened.out.substr(0, opened.out.size() - 1);
    }
    void answer(const std::string& id, const std::string& at) const {
        ok({"respond", "finding", id, "--point", "1", "--finding", "upheld", "--conclusion",
            "We got it wrong.", "--at", at});
        ok({"respond", "send", id, "--via", "email", "--at", at});
    }

    October() {
        now = "2026-11-22T12:00:00+00:00";
        before_start =
            email("2026-09-30 23:30", {"--complainant", "Mrs Jane Example", "--summary",
                                       "Mrs Jane Example says the online booking failed twice"});
        answer(before_start, "2026-10-19 15:00");
        ok({"escalate", before_start, "--to", "iscas", "--at", "2026-10-25 10:00"});

        first_minute = email("2026-10-01 00:10", {"--category", "clinical"});
        ok({"respond", "delay", first_minute, "--reason", "The clinician is on leave", "--new-date",
            "2026-10-30", "--at", "2026-10-15 09:00"});
        answer(first_minute, "2026-10-28 11:00");

        late = email("2026-10-05 10:00", {"--category", "non-clinical"});
        answer(late, "2026-10-26 09:00");
        ok({"escalate", late, "--to", "cqc", "--at", "2026-10-27 10:00"});
        ok({"escalate", late, "--outcome", "No further action", "--at", "2026-10-30 10:00"});

        not_yet_due = email("2026-10-14 10:00");
        overdue = email("2026-09-20 10:00");

        last_minute =
            open("letter", "2026-10-31 23:59", {"--kind", "concern", "--summary", "A concern"});
        next_month =
            open("email", "2026-11-01 00:00", {"--kind", "feedback", "--summary", "Thanks"});
        excluded = open("web-form", "2026-10-12 10:00", {"--summary", "About my contract"});
        ok({"exclude", excluded, "--reason", "employment", "--at", "2026-10-13 10:00"});

        closed_upheld = email("2026-08-03 10:00");
        answer(closed_upheld, "2026-08-10 10:00");
        ok({"action", closed_upheld, "add", "--text", "Retrain reception", "--lead", "Claire Dunn",
            "--due", "2026-10-25", "--at", "2026-10-20 10:00"});
        ok({"action", closed_upheld, "add", "--text", "Fix the booking form", "--lead", "Sam Web",
            "--due", "2026-12-01", "--at", "2026-10-21 10:00"});
        ok({"action", closed_upheld, "done", "2", "--at", "2026-10-29 10:00"});
        ok({"close", closed_upheld, "--outcome", "upheld", "--learning",
            "Bookings need a confirmation check", "--at", "2026-10-30 12:00"});

        closed_withdrawn = email("2026-10-02 10:00");
        ok({"close", closed_withdrawn, "--outcome", "withdrawn", "--no-learning",
            "Withdrawn before any finding", "--at", "2026-10-31 23:30"});
    }

    nlohmann::json report(std::vector<std::string> more = {}) const {
        std::vector<std::string> args{"report", "--month", "2026-10", "--format", "json"};
        args.insert(args.end(), more.begin(), more.end());
        const auto result = (*this)(args);
        REQUIRE_MESSAGE(result.exit_code == 0, result.err);
        return result.json();
    }
};

} // namespace

TEST_SUITE("report") {
    TEST_CASE("every figure of October's report, with receipts and closings on the month's edges") {
        const October repo;
        const auto r = repo.report();
        CHECK(r["schema_version"] == 3);
        CHECK(r["period"]["from_date"] == "2026-10-01");
        CHECK(r["period"]["to_date"] == "2026-10-31");
        CHECK(r["period"]["label"] == "2026-10");
        CHECK(r["period"]["as_of_at"] == "2026-11-01T00:00:00+00:00");

        // Received in October, local time: 1 Oct 00:10 is in, 30 Sep 23:30 and 1 Nov 00:00 are out.
        CHECK(r["received"]["total"] == 6);
        CHECK(r["received"]["by_kind"] ==
              nlohmann::json{{"complaint", 4}, {"concern", 1}, {"feedback", 0}, {"excluded", 1}});
        CHECK(r["received"]["by_channel"] ==
              nlohmann::json{
                  {"web-form", 1}, {"phone", 0}, {"in-person", 0}, {"email", 4}, {"letter", 1}});
        CHECK(r["received"]["by_category"] ==
              nlohmann::json{{"clinical", 1}, {"non-clinical", 1}, {"unspecified", 4}});

        // Deadlines in October: 8th (never answered), 20th (on time), 21st (late, delay explained
        // on the 15th), 22nd (withdrawn on the 31st, unanswered), 23rd (late). The 3 November one
        // is not due.
        const auto& responses = r["responses"];
        CHECK(responses["rule"] == "response");
        CHECK(responses["due"] == 5);
        CHECK(responses["on_time"] == 1);
        CHECK(responses["late_explained"] == 1);
        CHECK(responses["late"] == 2);
        CHECK(responses["still_open"] == 1);
        CHECK(responses["still_open_overdue"] == 1);
        CHECK(responses["on_time_rate"] == doctest::Approx(20.0));

        // Working days to the responses sent in October: 13, 19 and 15; to the two closings: 63
        // and 20.
        CHECK(r["working_days"]["to_response"] ==
              nlohmann::json{{"count", 3}, {"median", 15.0}, {"p90", 19}});
        CHECK(r["working_days"]["to_closing"] ==
              nlohmann::json{{"count", 2}, {"median", 41.5}, {"p90", 63}});

        CHECK(r["outcomes"] == nlohmann::json{{"upheld", 1},
                                              {"partly-upheld", 0},
                                              {"not-upheld", 0},
                                              {"resolved", 0},
                                              {"withdrawn", 1}});

        const auto& escalations = r["escalations"];
        CHECK(escalations["referred"] == 2);
        CHECK(escalations["by_body"]["iscas"] ==
              nlohmann::json{{"referred", 1}, {"outcomes_recorded", 0}, {"pending_at_end", 1}});
        CHECK(escalations["by_body"]["cqc"] ==
              nlohmann::json{{"referred", 1}, {"outcomes_recorded", 1}, {"pending_at_end", 0}});
        REQUIRE(escalations["outcomes"].size() == 1);
        CHECK(escalations["outcomes"][0]["case"] == repo.late);
        CHECK(escalations["outcomes"][0]["outcome"] == "No further action");

        CHECK(r["warnings"]["issued"] == 0);
        CHECK(r["warnings"]["under_review"].empty());

        CHECK(r["actions"]["opened"] == 2);
        CHECK(r["actions"]["completed"] == 1);
        CHECK(r["actions"]["overdue_at_end"] == 1);
        CHECK(r["actions"]["overdue_list"][0]["due_date"] == "2026-10-25");

        CHECK(r["lessons"]["count"] == 1);
        CHECK(r["lessons"]["list"][0]["case"] == repo.closed_upheld);
        CHECK(r["lessons"]["list"][0]["learning"] == "Bookings need a confirmation check");
        CHECK(r["lessons"]["closed_without_learning"] == 1);

        // Open at the end: all but the two closed, the one excluded on 13 October
        // (outside the policy from then) and the one received in November; the
        // second run reads the cache and agrees.
        CHECK(r["open_at_end"]["total"] == 6);
        CHECK(repo.report()["open_at_end"]["total"] == 6);
        CHECK(r["open_at_end"]["oldest"][0]["case"] == repo.overdue);
        CHECK(r["open_at_end"]["oldest"][1]["case"] == repo.before_start);
        CHECK(r["open_at_end"]["oldest"][0].count("complainant") == 0);

        // Sent in October whenever due: on time (19th), late with a delay
        // explained and kept to (28th), late (26th).
        CHECK(r["completed"]["response"] ==
              nlohmann::json{{"done", 3}, {"late", 2}, {"late_explained", 1}});

        // Twelve months' complaints and concerns, the excluded one aside.
        CHECK(r["themes"]["received"] == 8);
        CHECK(r["themes"]["categories"] == nlohmann::json{{"clinical", 1}, {"non-clinical", 1}});
        CHECK(r["themes"]["repeats"].empty());
        CHECK(r["status"]["responses"]["rag"] == "red");
        CHECK(r["status"]["actions"] ==
              nlohmann::json{{"rag", "red"}, {"words", "1 action past its target date."}});
        CHECK(r["narrative"].get<std::string>().rfind(
                  "6 received (4 formal complaints), 4 more than 2026-09; ", 0) == 0);

        const auto& trend = r["trend"];
        REQUIRE(trend.size() == 12);
        CHECK(trend[0]["month"] == "2025-11");
        CHECK(trend[11] == nlohmann::json{{"month", "2026-10"},
                                          {"received", 6},
                                          {"responses_due", 5},
                                          {"on_time", 1},
                                          {"pending", 0},
                                          {"on_time_rate", 20.0},
                                          {"completed_late", 2}});
        CHECK(trend[10]["received"] == 2);
        CHECK(trend[9]["received"] == 1);
        CHECK(trend[9]["responses_due"] == 1);
        CHECK(trend[9]["on_time_rate"] == doctest::Approx(100.0));
    }

    TEST_CASE("a report run later, or with later facts recorded, gives the period's own figures") {
        const October repo;
        const auto before = repo.report();
        repo.ok({"respond", "finding", repo.overdue, "--point", "1", "--finding", "upheld",
                 "--conclusion", "Late.", "--at", "2026-11-20 10:00"});
        repo.ok({"respond", "send", repo.overdue, "--via", "email", "--at", "2026-11-20 10:00"});
        const auto after = repo.report();
        CHECK(after["responses"] == before["responses"]);
        const auto november = repo({"report", "--month", "2026-11", "--format", "json"}).json();
        CHECK(november["working_days"]["to_response"]["count"] == 1);
        CHECK(november["received"]["total"] == 1);
    }

    TEST_CASE("a case reopened, or an outcome recorded, after the month leaves its report as it "
              "was") {
        const October repo;
        // Due 16 October, withdrawn before then: it owed October no response.
        const std::string withdrawn = repo.email("2026-09-28 10:00");
        repo.ok({"close", withdrawn, "--outcome", "withdrawn", "--no-learning", "Withdrawn", "--at",
                 "2026-10-02 10:00"});
        const auto before = repo.report();
        REQUIRE(before["escalations"]["by_body"]["iscas"]["pending_at_end"] == 1);
        repo.ok({"reopen", withdrawn, "--reason", "She wants an answer after all", "--at",
                 "2026-11-19 10:00"});
        repo.answer(withdrawn, "2026-11-19 11:00");
        repo.ok({"reopen", repo.closed_upheld, "--reason", "The patient wrote again", "--at",
                 "2026-11-20 10:00"});
        repo.ok({"reopen", repo.excluded, "--reason", "It was our laser after all"});
        repo.ok({"escalate", repo.before_start, "--outcome", "ISCAS found no fault"});
        CHECK(repo.report() == before);
        CHECK(repo.report({"--no-cache"}) == before);
        repo.ok({"close", repo.closed_upheld, "--outcome", "partly-upheld", "--learning",
                 "Check the booking again", "--at", "2026-11-21 10:00"});
        CHECK(repo.report() == before);
        const auto november = repo({"report", "--month", "2026-11", "--format", "json"}).json();
        CHECK(november["outcomes"]["partly-upheld"] == 1);
        CHECK(november["outcomes"]["upheld"] == 0);
        CHECK(november["lessons"]["list"][0]["learning"] == "Check the booking again");
    }

    TEST_CASE("the month so far: figures as of now, responses not yet due are not counted against "
              "the rate") {
        const October repo;
        const auto r = repo({"report", "--month", "2026-11", "--format", "json"}).json();
        CHECK(r["period"]["as_of_at"] == "2026-11-22T12:00:00+00:00");
        CHECK(r["responses"]["due"] == 1); // 3 November, unanswered
        CHECK(r["responses"]["still_open_overdue"] == 1);
    }

    TEST_CASE("a report run in the same second as a closing counts it: now is in the window") {
        test::Repo repo;
        repo.now = "2026-12-07T10:00:00+00:00";
        const auto opened = repo({"open", "--channel", "email", "--received", "2026-12-01 09:00",
                                  "--point", "The wait"});
        REQUIRE_MESSAGE(opened.exit_code == 0, opened.err);
        const std::string id = opened.out.substr(0, opened.out.size() - 1);
        repo.ok({"respond", "finding", id, "--point", "1", "--finding", "upheld", "--conclusion",
                 "The wait was too long."});
        repo.ok({"respond", "send", id, "--via", "email"});
        repo.ok({"close", id, "--outcome", "upheld", "--no-learning", "A one-off"});
        const auto r = repo({"report", "--month", "2026-12", "--format", "json"}).json();
        CHECK(r["outcomes"]["upheld"] == 1);
        CHECK(r["responses"]["on_time"] == 1);
    }

    TEST_CASE(
        "periods: default last complete month, quarter, year, span, bad ones are usage errors") {
        const October repo;
        CHECK(repo({"report", "--format", "json"}).json()["period"]["label"] == "2026-10");
        const auto quarter = repo({"report", "--quarter", "2026Q4", "--format", "json"}).json();
        CHECK(quarter["period"]["from_date"] == "2026-10-01");
        CHECK(quarter["period"]["to_date"] == "2026-12-31");
        CHECK(quarter["received"]["total"] == 7);
        const auto year = repo({"report", "--year", "2026", "--format", "json"}).json();
        CHECK(year["received"]["total"] == 10);
        const auto span =
            repo({"report", "--from", "2026-09-30", "--to", "2026-10-01", "--format", "json"})
                .json();
        CHECK(span["received"]["total"] == 2);

        CHECK(repo.refused({"report", "--month", "2026-13"}, 2) ==
              "complaints: --month: '2026-13' is not a month (write YYYY-MM, such as 2026-10)\n");
        CHECK(repo.refused({"report", "--quarter", "2026Q5"}, 2).find("not a quarter") !=
              std::string::npos);
        CHECK(repo.refused({"report", "--month", "2026-10", "--year", "2026"}, 2)
                  .find("choose one period") != std::string::npos);
        CHECK(repo.refused({"report", "--from", "2026-10-05"}, 2).find("go together") !=
              std::string::npos);
        CHECK(repo.refused({"report", "--from", "2026-10-05", "--to", "2026-10-01"}, 2)
                  .find("before") != std::string::npos);
        CHECK(repo.refused({"report", "--cqc-summary", "--format", "json"}, 2).find("document") !=
              std::string::npos);
    }

    TEST_CASE("no complainant or patient name in any format unless --include-names") {
        const October repo;
        for (const std::string format : {"text", "markdown", "html", "json", "csv"}) {
            CAPTURE(format);
            const auto result = repo({"report", "--month", "2026-10", "--format", format});
            CHECK(result.exit_code == 0);
            CHECK(result.out.find("Jane Example") == std::string::npos);
        }
        const auto summary =
            repo({"report", "--month", "2026-09", "--cqc-summary", "--format", "markdown"});
        CHECK(summary.out.find("Jane Example") == std::string::npos);
        CHECK(summary.out.find("[complainant] says the online booking failed twice") !=
              std::string::npos);
        const auto named = repo({"report", "--month", "2026-09", "--cqc-summary", "--include-names",
                                 "--format", "markdown"});
        CHECK(named.out.find("Complainant: Mrs Jane Example.") != std::string::npos);
        CHECK(repo.report({"--include-names"})["open_at_end"]["oldest"][1]["complainant"] ==
              "Mrs Jane Example");
    }

    TEST_CASE("the CQC summary lists each complaint of the period with its record in time order") {
        const October repo;
        const auto out =
            repo({"report", "--month", "2026-10", "--cqc-summary", "--format", "markdown"}).out;
        CHECK(out.find("# Complaints received 2026-10") == 0);
        // Complaints only (not the concern), in order of receipt.
        const auto first = out.find("## " + repo.first_minute);
        const auto late = out.find("## " + repo.late);
        const auto excluded = out.find("## " + repo.excluded);
        CHECK(first != std::string::npos);
        CHECK(first < late);
        CHECK(late < excluded);
        CHECK(out.find(repo.last_minute) == std::string::npos);
        CHECK(out.find(repo.before_start) == std::string::npos);
        const auto delay = out.find("delay-explained", first);
        const auto sent = out.find("response-sent", first);
        CHECK(delay < sent);
        CHECK(sent < late);
    }

    TEST_CASE("CSV: one metric per row under its JSON path") {
        const October repo;
        const auto csv = repo({"report", "--month", "2026-10", "--format", "csv"}).out;
        CHECK(csv.find("metric,value\r\n") == 0);
        CHECK(csv.find("received.total,6\r\n") != std::string::npos);
        CHECK(csv.find("received.by_kind.excluded,1\r\n") != std::string::npos);
        CHECK(csv.find("responses.late_explained,1\r\n") != std::string::npos);
        CHECK(csv.find("outcomes.withdrawn,1\r\n") != std::string::npos);
        CHECK(csv.find("trend.2026-10.on_time,1\r\n") != std::string::npos);
    }

    TEST_CASE("HTML: one self-contained page with its three charts") {
        const October repo;
        const auto html = repo({"report", "--month", "2026-10", "--format", "html"}).out;
        CHECK(html.find("<!DOCTYPE html>") == 0);
        CHECK(html.find("<script") == std::string::npos);
        CHECK(html.find("src=\"http") == std::string::npos);
        std::size_t charts = 0;
        for (auto at = html.find("<svg"); at != std::string::npos; at = html.find("<svg", at + 1))
            ++charts;
        CHECK(charts == 3);
        CHECK(html.find("aria-label=\"Received per month") != std::string::npos);
    }

    TEST_CASE("HTML and text: labels a reader reads, not the spellings scripts match") {
        const October repo;
        for (const std::string format : {"html", "text"}) {
            CAPTURE(format);
            const auto page = repo({"report", "--month", "2026-10", "--format", format}).out;
            CHECK(page.find("partly upheld") != std::string::npos);
            CHECK(page.find("web form") != std::string::npos);
            CHECK(page.find("partly-upheld") == std::string::npos);
            CHECK(page.find("web-form") == std::string::npos);
            CHECK(page.find("figures as at 2026-11-01 00:00") != std::string::npos);
            CHECK(page.find("T00:00:00") == std::string::npos);
        }
    }
}
