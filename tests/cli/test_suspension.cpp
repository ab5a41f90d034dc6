// SPDX-License-Identifier: Apache-2.0
// A suspension review through the real binary: the review the third warning
// makes due, its decision, a temporary suspension's end and reinstatement.
#include "reviewed_repo.hpp"

#include <doctest/doctest.h>

namespace {

constexpr int k_usage = 2;
constexpr int k_refused = 5;

using test::item;
using test::Reviewed;

} // namespace

TEST_SUITE("suspension review") {
    TEST_CASE("a review that decides no action is recorded, with who and why, and ends the "
              "review") {
        Reviewed repo;
        CHECK(item(repo.agenda(), "suspension-review")["case"] == repo.ids[2]);
        const auto held =
            repo({"clinician", "7123456", "review", "--decision", "no-action", "--reason",
                  "Lateness explained by a family illness", "--by", "Review panel"});
        REQUIRE_MESSAGE(held.exit_code == 0, held.err);
        CHECK(held.out == "Dr Sam Keane: no action (recorded on " + repo.ids[2] + ")\n");
        const auto json = repo.clinician();
        CHECK(json["status"] == "warned");
        REQUIRE(json["decisions"].size() == 1);
        CHECK(json["decisions"][0]["decision"] == "no-action");
        CHECK(json["decisions"][0]["by"] == "Review panel");
        CHECK(json["decisions"][0]["reason"] == "Lateness explained by a family illness");
        CHECK(json["decisions"][0]["decided_date"] == "2026-11-20");
        CHECK(item(repo.agenda(), "suspension-review").is_null());
        const auto text = repo({"clinician", "7123456"});
        CHECK(test::has(text.out, "2026-11-20  no action, by Review panel (" + repo.ids[2] +
                                      ")\n"
                                      "      Lateness explained by a family illness\n"));
        // Nothing to review now: the decision is refused, the files unchanged.
        CHECK(test::has(repo.refused({"clinician", "7123456", "review", "--decision",
                                      "final-warning", "--reason", "Again"},
                                     k_refused),
                        "no suspension review of Dr Sam Keane is due"));
    }

    TEST_CASE("the history says why the standing changed: the day a warning is rescinded reads "
              "as the count going down, not as a warning issued") {
        Reviewed repo;
        repo.ok(
            {"clinician", "7123456", "rescind-warning", repo.ids[1], "--reason", "Appeal upheld"});
        const auto text = repo({"clinician", "7123456"});
        CHECK(test::has(text.out, "History:\n"
                                  "  2026-06-01  warned: warning issued (" +
                                      repo.ids[0] +
                                      ")\n"
                                      "  2026-11-19  suspension-review: warning issued (" +
                                      repo.ids[2] +
                                      ")\n"
                                      "  2026-11-20  warned: warning from " +
                                      repo.ids[1] + " rescinded\n"));
        const auto history = repo.clinician()["history"];
        REQUIRE(history.size() == 3);
        CHECK(history[2]["status"] == "warned");
        CHECK(history[2]["because"] == nlohmann::json::array({{{"change", "warning-rescinded"},
                                                               {"case", repo.ids[1]},
                                                               {"decision", nullptr}}}));

        Reviewed alone({"2026-11-02"});
        alone.ok(
            {"clinician", "7123456", "rescind-warning", alone.ids[0], "--reason", "Appeal upheld"});
        CHECK(test::has(alone({"clinician", "7123456"}).out,
                        "  2026-11-20  clear: warning from " + alone.ids[0] + " rescinded\n"));
    }

    TEST_CASE("a temporary suspension: no second suspension, its end asks for a review or "
              "reinstatement, which returns the clinician to warned") {
        Reviewed repo;
        repo.ok({"clinician", "7123456", "review", "--decision", "temporary-suspension", "--until",
                 "2026-12-31", "--reason", "Three late withdrawals in six months"});
        CHECK(repo.clinician()["status"] == "suspended");
        CHECK(repo.refused({"clinician", "7123456", "review", "--decision", "temporary-suspension",
                            "--until", "2026-12-15", "--reason", "Again"},
                           k_refused) ==
              "complaints: Dr Sam Keane is suspended already: temporary suspension until "
              "2026-12-31 on 2026-11-20 by Sam Manager (" +
                  repo.ids[2] +
                  "): Three late withdrawals in six months; a temporary suspension may be made "
                  "permanent or run to a later day, otherwise reinstate them first (clinician KEY "
                  "reinstate --reason TEXT)\n");
        repo.now = "2027-01-04T10:00:00+00:00";
        CHECK(repo.clinician()["status"] == "suspension-ended");
        const auto ended = item(repo.agenda(), "suspension-ended");
        REQUIRE_FALSE(ended.is_null());
        CHECK(ended["what"] == "suspension of Dr Sam Keane ended on 2026-12-31: review or "
                               "reinstate");
        const auto attention = repo({"list", "--attention", "--format", "json"});
        REQUIRE_MESSAGE(attention.exit_code == 0, attention.err);
        CHECK(attention.json()["cases"].size() == 1);
        repo.ok({"clinician", "7123456", "reinstate", "--reason", "Suspension served"});
        const auto json = repo.clinician();
        CHECK(json["status"] == "warned"); // not back to suspension-review
        CHECK(json["decisions"].size() == 2);
        CHECK(item(repo.agenda(), "suspension-ended").is_null());
        CHECK(test::has(
            repo.refused({"clinician", "7123456", "reinstate", "--reason", "Again"}, k_refused),
            "Dr Sam Keane is not suspended (warned since 2027-01-04)"));
    }

    TEST_CASE("concerns persist: a temporary suspension is made permanent, or runs longer, "
              "without a false reinstatement") {
        Reviewed repo;
        repo.ok({"clinician", "7123456", "review", "--decision", "temporary-suspension", "--until",
                 "2026-12-31", "--reason", "Three late withdrawals in six months"});
        repo.now = "2026-12-10T10:00:00+00:00";
        repo.ok({"clinician", "7123456", "review", "--decision", "temporary-suspension", "--until",
                 "2027-01-31", "--reason", "Did not attend the agreed meeting"});
        repo.now = "2027-01-10T10:00:00+00:00";
        CHECK(repo.clinician()["status"] == "suspended");
        repo.ok({"clinician", "7123456", "review", "--decision", "permanent-suspension", "--reason",
                 "GMC concerns"});
        repo.now = "2027-03-01T10:00:00+00:00";
        const auto json = repo.clinician();
        CHECK(json["status"] == "permanently-suspended");
        REQUIRE(json["decisions"].size() == 3);
        CHECK(json["decisions"][2]["decision"] == "permanent-suspension");
        for (const auto& decision : json["decisions"])
            CHECK(decision["decision"] != "reinstated");
        CHECK(item(repo.agenda(), "suspension-ended").is_null());
    }

    TEST_CASE("an appeal that leaves two warnings withdraws the review pending, everywhere") {
        Reviewed repo;
        REQUIRE_FALSE(item(repo.agenda(), "suspension-review").is_null());
        const auto rescinded = repo({"clinician", "7123456", "rescind-warning", repo.ids[1],
                                     "--reason", "Appeal upheld: the session was cancelled"});
        REQUIRE_MESSAGE(rescinded.exit_code == 0, rescinded.err);
        CHECK(test::has(rescinded.out, "the suspension review due on " + repo.ids[2] +
                                           " is withdrawn (2 active warnings)"));
        CHECK(item(repo.agenda(), "suspension-review").is_null());
        const auto attention = repo({"list", "--attention", "--format", "json"}).json()["cases"];
        for (const auto& one : attention)
            CHECK(one["id"] != repo.ids[2]);
        CHECK(repo.clinician()["status"] == "warned");
        // The review's case keeps why, by a later entry.
        CHECK(test::has(repo({"show", repo.ids[2]}).out,
                        "Suspension review of Dr Sam Keane withdrawn: the warning " + repo.ids[1] +
                            " issued was rescinded on appeal, leaving 2 active warnings"));
    }

    TEST_CASE("a review's decision needs its reason, a known decision, and --until with a "
              "temporary suspension only") {
        Reviewed repo;
        CHECK(test::has(repo.refused({"clinician", "7123456", "review", "--decision",
                                      "temporary-suspension", "--reason", "R"},
                                     k_usage),
                        "needs --until DATE"));
        CHECK(test::has(
            repo.refused({"clinician", "7123456", "review", "--decision", "no-action"}, k_usage),
            "needs --reason"));
        CHECK(test::has(
            repo.refused({"clinician", "7123456", "review", "--decision", "ban", "--reason", "R"},
                         k_usage),
            "'ban' is not no-action"));
        CHECK(test::has(repo.refused({"clinician", "7123456", "suspend", "--reason", "R"}, k_usage),
                        "clinician KEY review --decision"));
        CHECK(test::has(
            repo.refused({"clinician", "7123456", "reinstate", "--reason", "R"}, k_refused),
            "is not suspended"));
    }

    TEST_CASE("clinician --as-of shows warnings, decisions and cases only up to that day") {
        Reviewed repo;
        repo.ok({"clinician", "7123456", "review", "--decision", "permanent-suspension", "--reason",
                 "Panel decision"});
        const auto before = repo.clinician({"--as-of", "2026-09-01"});
        CHECK(before["status"] == "warned");
        CHECK(before["cases"].size() == 2);
        CHECK(before["warnings"].size() == 2);
        CHECK(before["decisions"].empty());
        const auto text = repo({"clinician", "7123456", "--as-of", "2026-09-01"});
        CHECK_FALSE(test::has(text.out, repo.ids[2]));
        CHECK(repo.clinician()["decisions"][0]["decision"] == "permanent-suspension");
    }

    TEST_CASE("clinician --as-of a day before an appeal shows the warning unrescinded") {
        Reviewed repo;
        repo.ok(
            {"clinician", "7123456", "rescind-warning", repo.ids[0], "--reason", "Appeal upheld"});
        const auto now = repo.clinician();
        const auto rescinded = [](const nlohmann::json& warnings) {
            int n = 0;
            for (const auto& warning : warnings)
                n += !warning["rescinded_date"].is_null();
            return n;
        };
        CHECK(rescinded(now["warnings"]) == 1);
        const auto before = repo.clinician({"--as-of", "2026-09-01"});
        CHECK(rescinded(before["warnings"]) == 0);
        for (const auto& warning : before["warnings"])
            CHECK(warning["rescind_reason"] == "");
    }

    TEST_CASE("opening a complaint about a suspended clinician says so and opens it") {
        Reviewed repo;
        repo.ok({"clinician", "7123456", "review", "--decision", "temporary-suspension", "--until",
                 "2026-12-31", "--reason", "Panel decision"});
        const auto opened = repo({"open", "--channel", "email", "--received", "2026-11-20 09:30",
                                  "--complainant", "Practice manager", "--about", "Dr Sam Keane",
                                  "--gmc", "7123456", "--type", "late"});
        REQUIRE_MESSAGE(opened.exit_code == 0, opened.err);
        // (A Friday complaint is also told its 48 hours end on Sunday.)
        CHECK(opened.err.starts_with(
            "complaints: note: Dr Sam Keane is suspended: temporary suspension until 2026-12-31 "
            "on 2026-11-20 (" +
            repo.ids[2] + ")\n"));
    }

    TEST_CASE("the report shows reviews made due, the decisions held with who and why, and "
              "clinicians one warning short of a review") {
        Reviewed repo;
        repo.ok({"clinician", "7123456", "review", "--decision", "final-warning", "--reason",
                 "One more late withdrawal and the account is suspended", "--by", "Review panel"});
        repo.now = "2026-11-23T10:00:00+00:00"; // the report runs to now, and the decision is in
        const auto result = repo({"report", "--year", "2026", "--format", "json"});
        REQUIRE_MESSAGE(result.exit_code == 0, result.err);
        const auto warnings = result.json()["warnings"];
        CHECK(warnings["reviews_due"] == 1);
        REQUIRE(warnings["review_decisions"].size() == 1);
        CHECK(warnings["review_decisions"][0]["decision"] == "final-warning");
        CHECK(warnings["review_decisions"][0]["by"] == "Review panel");
        CHECK(warnings["review_decisions"][0]["reason"] ==
              "One more late withdrawal and the account is suspended");
        CHECK(warnings["under_review"].empty());
        const auto text = repo({"report", "--year", "2026"});
        CHECK(test::has(text.out, "final-warning"));
        CHECK(test::has(text.out, "One more late withdrawal and the account is suspended"));
        Reviewed two({"2026-08-01", "2026-11-19"});
        const auto near = two({"report", "--year", "2026", "--format", "json"}).json();
        REQUIRE(near["warnings"]["near_review"].size() == 1);
        CHECK(near["warnings"]["near_review"][0]["active_warnings"] == 2);
        CHECK(test::has(two({"report", "--year", "2026"}).out, "one warning short of a review"));
    }

    TEST_CASE("the report counts a warning rescinded on appeal as the clinician command does") {
        Reviewed repo;
        repo.ok(
            {"clinician", "7123456", "rescind-warning", repo.ids[1], "--reason", "Appeal upheld"});
        repo.now = "2026-12-02T10:00:00+00:00";
        const auto result = repo({"report", "--month", "2026-11", "--format", "json"});
        REQUIRE_MESSAGE(result.exit_code == 0, result.err);
        const auto warnings = result.json()["warnings"];
        CHECK(warnings["under_review"].empty());
        REQUIRE(warnings["near_review"].size() == 1);
        CHECK(warnings["near_review"][0]["active_warnings"] == 2);
    }

    TEST_CASE("clinician lists under 'Active warnings' only the ones it counts") {
        Reviewed repo;
        repo.ok(
            {"clinician", "7123456", "rescind-warning", repo.ids[1], "--reason", "Appeal upheld"});
        repo.now = "2027-01-04T10:00:00+00:00"; // the June warning expired on 1 December
        const auto shown = repo({"clinician", "7123456"});
        REQUIRE_MESSAGE(shown.exit_code == 0, shown.err);
        const auto active = shown.out.find("Active warnings: 1\n");
        const auto past = shown.out.find("Expired or rescinded: 2\n");
        REQUIRE(active != std::string::npos);
        REQUIRE(past != std::string::npos);
        const std::string counted = shown.out.substr(active, past - active);
        CHECK(test::has(counted, repo.ids[2]));
        CHECK_FALSE(test::has(counted, repo.ids[0]));
        CHECK_FALSE(test::has(counted, repo.ids[1]));
        CHECK(test::has(shown.out.substr(past), repo.ids[0] + "  issued 2026-06-01, expired"));
        CHECK(test::has(shown.out.substr(past), "rescinded 2026-11-20:"));
    }
}
