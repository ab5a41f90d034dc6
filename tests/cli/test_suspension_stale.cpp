// SPDX-License-Identifier: Apache-2.0
// A suspension review never goes stale: a decision settles every review due
// before it, whichever of the clinician's cases each was due on, and a
// review that fell due stays owed until it is decided or withdrawn, even
// when a warning behind it later leaves the window. A permanent suspension
// says so wherever a standing is shown.
#include "reviewed_repo.hpp"

#include <doctest/doctest.h>

#include <algorithm>
#include <filesystem>
#include <fstream>

namespace {

using test::item;
using test::Reviewed;

int count_rule(const nlohmann::json& agenda, const std::string& rule) {
    return static_cast<int>(std::count_if(agenda.begin(), agenda.end(),
                                          [&](const auto& one) { return one["rule"] == rule; }));
}

// The IDs `list --attention` gives, one a line.
std::string attention(const Reviewed& repo) {
    const auto listed = repo({"list", "--attention", "--format", "json"});
    REQUIRE_MESSAGE(listed.exit_code == 0, listed.err);
    std::string ids;
    for (const auto& one : listed.json("cases"))
        ids += one["id"].get<std::string>() + "\n";
    return ids;
}

} // namespace

TEST_SUITE("suspension review: never stale") {
    TEST_CASE("a fourth warning makes a second review due on another case, and one decision "
              "settles both on the agenda and in list --attention") {
        Reviewed repo({"2026-06-01", "2026-08-01", "2026-11-19", "2026-11-20"});
        REQUIRE(count_rule(repo.agenda(), "suspension-review") == 2);
        const auto held =
            repo({"clinician", "7123456", "review", "--decision", "final-warning", "--reason",
                  "Four late arrivals: one more and the account is suspended"});
        REQUIRE_MESSAGE(held.exit_code == 0, held.err);
        CHECK(count_rule(repo.agenda(), "suspension-review") == 0);
        CHECK_FALSE(test::has(attention(repo), repo.ids[2]));
        CHECK_FALSE(test::has(attention(repo), repo.ids[3]));
        CHECK(repo.clinician()["status"] == "warned");
        // A week on, nothing has come back.
        repo.now = "2026-11-27T10:00:00+00:00";
        CHECK(count_rule(repo.agenda(), "suspension-review") == 0);
    }

    TEST_CASE("a review that fell due stays owed when the oldest warning leaves the window, "
              "everywhere, until it is decided") {
        Reviewed repo; // the June warning stops counting on 1 December
        repo.now = "2027-01-05T10:00:00+00:00";
        const auto json = repo.clinician();
        CHECK(json["status"] == "suspension-review");
        CHECK(json["history"].back()["status"] == "suspension-review");
        CHECK(json["history"].back()["changed_date"] == "2026-11-19");
        CHECK(test::has(repo({"clinician", "7123456"}).out,
                        "Dr Sam Keane (GMC 7123456): suspension review since 2026-11-19"));
        CHECK(item(repo.agenda(), "suspension-review")["case"] == repo.ids[2]);
        CHECK(attention(repo) == repo.ids[2] + "\n");
        const auto report = repo({"report", "--month", "2026-12", "--format", "json"});
        REQUIRE_MESSAGE(report.exit_code == 0, report.err);
        const auto warnings = report.json()["warnings"];
        REQUIRE(warnings["under_review"].size() == 1);
        CHECK(warnings["under_review"][0]["status"] == "suspension-review");
        CHECK(warnings["near_review"].empty());
        // The review can still be held, and holding it settles it.
        const auto held = repo({"clinician", "7123456", "review", "--decision", "no-action",
                                "--reason", "The earliest lateness is long past"});
        REQUIRE_MESSAGE(held.exit_code == 0, held.err);
        CHECK(repo.clinician()["status"] == "warned");
        CHECK(item(repo.agenda(), "suspension-review").is_null());
        CHECK_FALSE(test::has(attention(repo), repo.ids[2]));
    }

    TEST_CASE("check lists a review no decision can settle as an agenda item, and still exits "
              "0") {
        Reviewed repo;
        // A review due recorded on a case that names no clinician: no
        // `clinician KEY review` can reach it.
        const std::string id = repo.open_case("2026-11-19", {"--type", "late"});
        const std::filesystem::path file = repo.root / "cases" / (id + ".yaml");
        std::string text = repo.case_file(id);
        const auto events = text.find("events:\n");
        REQUIRE(events != std::string::npos);
        auto end = text.find("\n", events + 8);
        while (end != std::string::npos && text.compare(end + 1, 2, "  ") == 0)
            end = text.find("\n", end + 1);
        REQUIRE(end != std::string::npos);
        text.insert(end + 1, "  - at: 2026-11-19T12:00:00+00:00\n"
                             "    type: suspension-review-due\n"
                             "    by: \"Priya Shah\"\n"
                             "    text: \"A suspension review is due\"\n");
        std::ofstream(file, std::ios::binary | std::ios::trunc) << text;
        REQUIRE(test::has(repo.case_file(id), "suspension-review-due"));
        const auto checked = repo({"check"});
        CHECK_MESSAGE(checked.exit_code == 0, checked.out);
        CHECK(test::has(checked.out, "cases/" + id + ".yaml:"));
        CHECK(test::has(checked.out, ": agenda: a suspension review is due on " + id +
                                         ", which names no clinician: no decision can settle "
                                         "it"));
        // The one Keane owes can be settled: it is the agenda's, not check's.
        CHECK_FALSE(test::has(checked.out, "cases/" + repo.ids[2] + ".yaml:"));
    }
}

TEST_SUITE("permanent suspension") {
    TEST_CASE("a permanent suspension says so, with its date, in clinician, --list, the history "
              "and the report") {
        Reviewed repo;
        repo.ok({"clinician", "7123456", "review", "--decision", "permanent-suspension", "--reason",
                 "Persistent concerns"});
        repo.now = "2027-01-05T10:00:00+00:00";
        const auto json = repo.clinician();
        CHECK(json["status"] == "permanently-suspended");
        CHECK(json["history"].back()["status"] == "permanently-suspended");
        CHECK(json["history"].back()["changed_date"] == "2026-11-20");
        const auto text = repo({"clinician", "7123456"}).out;
        CHECK(
            test::has(text, "Dr Sam Keane (GMC 7123456): permanently suspended since 2026-11-20"));
        CHECK(test::has(text, "  2026-11-20  permanently-suspended: review decided "
                              "permanent-suspension"));
        const auto listed = repo({"clinician", "--list", "--format", "json"});
        REQUIRE_MESSAGE(listed.exit_code == 0, listed.err);
        CHECK(test::has(listed.out, "\"status\": \"permanently-suspended\""));
        CHECK(test::has(repo({"clinician", "--list"}).out, "permanently-suspended"));
        const auto report = repo({"report", "--month", "2026-12", "--format", "json"});
        REQUIRE_MESSAGE(report.exit_code == 0, report.err);
        const auto under = report.json()["warnings"]["under_review"];
        REQUIRE(under.size() == 1);
        CHECK(under[0]["status"] == "permanently-suspended");
        CHECK(under[0]["since_date"] == "2026-11-20");
        CHECK(test::has(repo({"report", "--month", "2026-12"}).out,
                        "permanently-suspended since 2026-11-20"));
        // A temporary suspension stays "suspended".
        Reviewed temporary;
        temporary.ok({"clinician", "7123456", "review", "--decision", "temporary-suspension",
                      "--until", "2026-12-31", "--reason", "Three late arrivals"});
        CHECK(temporary.clinician()["status"] == "suspended");
    }
}
