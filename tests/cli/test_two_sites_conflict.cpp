// SPDX-License-Identifier: Apache-2.0
// A real clash between two sites, resolved with the tool: every reader names
// every clashing field, and `complaints conflict` shows both sides of each
// under the site they come from (right during a rebase too, where git's
// "ours" is the other site) and keeps the side picked, field by field.
#include "two_sites.hpp"

#include <doctest/doctest.h>

#include <algorithm>

using namespace test::sites;

namespace {

bool has(const std::string& text, const std::string& part) {
    return text.find(part) != std::string::npos;
}

} // namespace

TEST_SUITE("two sites: conflicts") {
    TEST_CASE("a case with two clashing fields is refused naming both, by show and by check") {
        for (const auto& pull : k_pulls) {
            CAPTURE(pull);
            Sites sites;
            CHECK(clash(sites, pull).status != 0);
            const auto shown = sites.at_b({"show", sites.id});
            CHECK(shown.exit_code == 4);
            CHECK_MESSAGE(
                has(shown.err, "unresolved merge conflict in summary, points[n: 1].finding"),
                shown.err);
            const auto checked = sites.at_b({"check"});
            CHECK(checked.exit_code != 0);
            const std::string said = checked.out + checked.err;
            CHECK_MESSAGE(has(said, "unresolved merge conflict in summary, points[n: 1].finding"),
                          said);
        }
    }

    TEST_CASE("conflict shows both sides by site and keeps the side picked per field, in a "
              "merge and in a rebase") {
        for (const auto& pull : k_pulls) {
            CAPTURE(pull);
            const bool rebase = pull == k_pulls[1];
            Sites sites;
            const auto& id = sites.id;
            CHECK(clash(sites, pull).status != 0);

            // Both sides of each field, named by site: B is this site
            // whether git calls it ours (merge) or theirs (rebase).
            const auto listed = sites.at_b({"conflict", id});
            REQUIRE_MESSAGE(listed.exit_code == 0, listed.err);
            CHECK(has(listed.out, sites.file + ": 2 unresolved merge conflicts"));
            const auto summary_at = listed.out.find("summary (line ");
            const auto finding_at = listed.out.find("points[n: 1].finding (line ");
            REQUIRE(summary_at != std::string::npos);
            REQUIRE(finding_at != std::string::npos);
            const auto summary = listed.out.substr(summary_at, finding_at - summary_at);
            const auto this_site = summary.find("this-site");
            const auto other_site = summary.find("other-site");
            REQUIRE(this_site != std::string::npos);
            REQUIRE(other_site != std::string::npos);
            CHECK(has(
                summary.substr(this_site,
                               summary.find('\n', summary.find('\n', this_site) + 1) - this_site),
                "B's summary"));
            CHECK(has(
                summary.substr(other_site,
                               summary.find('\n', summary.find('\n', other_site) + 1) - other_site),
                "A's summary"));
            CHECK(has(listed.out, "[upper]"));
            CHECK(has(listed.out, rebase ? "--keep other-site or this-site"
                                         : "--keep this-site or other-site"));

            // Nothing is written for a field or side that is not there.
            const auto before = test::read_text(sites.b / sites.file);
            const auto no_field =
                sites.at_b({"conflict", id, "--field", "sumary", "--keep", "this-site"});
            CHECK(no_field.exit_code == 2);
            CHECK(has(no_field.err, "did you mean 'summary'"));
            const auto no_side =
                sites.at_b({"conflict", id, "--field", "summary", "--keep", "ours"});
            CHECK(no_side.exit_code == 2);
            CHECK(has(no_side.err, "this-site"));
            CHECK(has(no_side.err, "other-site"));
            CHECK(test::read_text(sites.b / sites.file) == before);

            // One field at a time: the other stays marked and refused.
            const auto kept_summary =
                sites.at_b({"conflict", id, "--field", "summary", "--keep", "this-site"});
            REQUIRE_MESSAGE(kept_summary.exit_code == 0, kept_summary.err);
            CHECK(has(kept_summary.out, "1 conflict left: points[n: 1].finding"));
            const auto refused = sites.at_b({"show", id});
            CHECK(refused.exit_code == 4);
            CHECK(has(refused.err, "unresolved merge conflict in points[n: 1].finding"));
            CHECK_FALSE(has(refused.err, "summary"));
            const auto kept_finding = sites.at_b(
                {"conflict", id, "--field", "points[n: 1].finding", "--keep", "other-site"});
            REQUIRE_MESSAGE(kept_finding.exit_code == 0, kept_finding.err);
            CHECK(has(kept_finding.out, "no conflict left; next: git add " + sites.file));
            CHECK(has(kept_finding.out, rebase ? "git rebase --continue" : "git commit"));

            must(git(sites.b, "add " + sites.file));
            must(git(sites.b,
                     rebase ? "-c core.editor=true rebase --continue" : "commit -q --no-edit"));
            must(git(sites.b, "push -q"));
            must(git(sites.a.root, pull));
            for (const auto& root : {sites.a.root, sites.b}) {
                const auto json = test::run({{"show", id, "--format", "json"},
                                             "",
                                             root,
                                             {{"COMPLAINTS_NOW", sites.a.now}}})
                                      .json();
                CHECK(json["summary"] == "B's summary");
                CHECK(json["points"][0]["finding"] == "upheld");
                const auto events = texts_of(json["events"]);
                for (const std::string text : {"A's call", "B's email", "Called the complainnat"})
                    CHECK_MESSAGE(std::count(events.begin(), events.end(), text) == 1, text);
            }
            CHECK_FALSE(has(sites.at_b({"check"}).out, "unresolved"));
        }
    }

    TEST_CASE("check names a letter a pull left with conflict markers, even when its case is "
              "conflicted too") {
        for (const auto& pull : k_pulls) {
            CAPTURE(pull);
            Sites sites;
            const auto& id = sites.id;
            test::write_text(sites.a.dir / "letter.md", "Dear Mrs Patel,\n\nWe are sorry.\n");
            sites.a.ok({"log", id, "--type", "letter", "--text", "Apology sent", "--letter",
                        (sites.a.dir / "letter.md").string()});
            must(git(sites.a.root, "add -A"));
            must(git(sites.a.root, "commit -q -m 'A wrote'"));
            must(git(sites.a.root, "push -q"));
            must(git(sites.b, pull));
            const auto json = sites.at_b({"show", id, "--format", "json"}).json();
            std::string letter;
            for (const auto& event : json["events"])
                if (event["type"] == "letter")
                    letter = event["letter"];
            REQUIRE_FALSE(letter.empty());
            // Each site "fixes" the kept letter by hand, and the summary.
            test::write_text(sites.a.root / letter, "Dear Mrs Patel,\n\nWe are so sorry.\n");
            sites.edit(sites.a.root, "Late for the session", "A's summary");
            sites.commit(sites.a.root, "A edits");
            must(git(sites.a.root, "push -q"));
            test::write_text(sites.b / letter, "Dear Mrs Patel,\n\nWe are very sorry.\n");
            sites.edit(sites.b, "Late for the session", "B's summary");
            sites.commit(sites.b, "B edits");
            CHECK(git(sites.b, pull).status != 0);
            REQUIRE(test::has(test::read_text(sites.b / letter), "<<<<<<<"));
            const auto checked = sites.at_b({"check"});
            CHECK(checked.exit_code != 0);
            CHECK_MESSAGE(has(checked.out, letter + ":3: git's conflict markers"), checked.out);
            CHECK(has(checked.out + checked.err, "unresolved merge conflict in summary"));
        }
    }
}
