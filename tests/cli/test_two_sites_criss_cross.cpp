// SPDX-License-Identifier: Apache-2.0
// Three sites and a criss-cross: A merges B's work while B merges A's, each
// keeping its own side of one clash, then C merges both. git then merges
// against a base that is itself a merge of the two (the common ancestors
// disagree), and the clash each site settled its own way must come back as
// a conflict, never as one side silently dropped; all other work arrives
// once, in order.
#include "two_sites.hpp"

#include <doctest/doctest.h>

#include <algorithm>

using namespace test::sites;

namespace {

test::Result at(const Sites& sites, const std::filesystem::path& root,
                std::vector<std::string> args) {
    return test::run({std::move(args),
                      "",
                      root,
                      {{"COMPLAINTS_NOW", sites.a.now},
                       {"COMPLAINTS_USER", "Site " + root.filename().string()}}});
}

void ok(const Sites& sites, const std::filesystem::path& root, std::vector<std::string> args) {
    const auto result = at(sites, root, args);
    const std::string said = args.front() + ": " + result.err;
    REQUIRE_MESSAGE(result.exit_code == 0, said);
}

int count_of(const std::vector<std::string>& texts, const std::string& part) {
    return static_cast<int>(std::count_if(texts.begin(), texts.end(), [&](const std::string& t) {
        return t.find(part) != std::string::npos;
    }));
}

} // namespace

TEST_SUITE("three sites") {
    TEST_CASE("a criss-cross where each site kept its own side of a clash reports the clash "
              "again and loses nothing") {
        Sites sites;
        const auto& id = sites.id;
        const auto& a = sites.a.root;
        const auto& b = sites.b;
        const auto c = sites.a.dir / "c";
        must(git(sites.a.dir.path(), "clone -q remote.git c"));
        ok(sites, c, {"git-setup"});

        // A and B clash on point 1's finding, and each does other work.
        ok(sites, a,
           {"respond", "finding", id, "--point", "1", "--finding", "upheld", "--conclusion",
            "A's finding"});
        ok(sites, a,
           {"log", id, "--type", "call", "--at", "2026-11-12 10:00", "--text", "A's call"});
        ok(sites, a, {"action", id, "progress", "1", "--text", "A's progress"});
        sites.commit(a, "A works");
        must(git(a, "push -q origin main"));
        ok(sites, b,
           {"respond", "finding", id, "--point", "1", "--finding", "not-upheld", "--conclusion",
            "B's finding"});
        ok(sites, b,
           {"log", id, "--type", "email", "--at", "2026-11-12 11:00", "--text", "B's email"});
        ok(sites, b, {"escalate", id, "--to", "cqc", "--ref", "CQC-1"});
        sites.commit(b, "B works");
        must(git(b, "push -q origin main:site-b"));

        // The criss-cross: A merges B's commit while B merges A's, each
        // keeping its own finding.
        must(git(a, "fetch -q origin"));
        CHECK(git(a, "merge -q --no-edit origin/site-b").status != 0);
        ok(sites, a, {"conflict", id, "--keep", "this-site"});
        must(git(a, "commit -qam 'A keeps its finding'"));
        must(git(b, "fetch -q origin"));
        CHECK(git(b, "merge -q --no-edit origin/main").status != 0);
        ok(sites, b, {"conflict", id, "--keep", "this-site"});
        must(git(b, "commit -qam 'B keeps its finding'"));
        // More work after each merge.
        ok(sites, a,
           {"log", id, "--type", "note", "--at", "2026-11-13 09:00", "--text",
            "A after the merge"});
        sites.commit(a, "A again");
        ok(sites, b,
           {"action", id, "add", "--text", "B's action", "--lead", "Claire Dunn", "--due",
            "2026-12-03"});
        sites.commit(b, "B again");
        must(git(a, "push -q origin main"));
        must(git(b, "push -q origin HEAD:site-b"));

        // C merges both: the two findings clash again, in the file.
        must(git(c, "fetch -q origin"));
        must(git(c, "merge -q --no-edit origin/main"));
        const auto merged = git(c, "merge --no-edit origin/site-b");
        CHECK(merged.status != 0);
        CHECK_MESSAGE(test::has(merged.said, "points[n: 1].finding"), merged.said);
        const auto text = test::read_text(c / sites.file);
        CHECK(test::has(text, "<<<<<<< "));
        CHECK(test::has(text, "A's finding"));
        CHECK(test::has(text, "B's finding"));
        CHECK(at(sites, c, {"show", id}).exit_code == 4);
        CHECK(test::has(at(sites, c, {"check"}).out, "unresolved merge conflict in points[n: 1]"));

        ok(sites, c, {"conflict", id, "--keep", "other-site"});
        must(git(c, "commit -qam 'C settles the finding'"));
        const auto json = at(sites, c, {"show", id, "--format", "json"}).json();
        CHECK(json["points"][0]["conclusion"] == "B's finding");
        const auto events = texts_of(json["events"]);
        for (const std::string part : {"A's call", "B's email", "A after the merge", "A's progress",
                                       "B's action", "Called the complainnat"})
            CHECK_MESSAGE(count_of(events, part) == 1, part);
        std::vector<std::string> times;
        for (const auto& event : json["events"])
            times.push_back(event["at"]);
        CHECK(std::is_sorted(times.begin(), times.end()));
        REQUIRE(json["actions"].size() == 3);
        CHECK(json["actions"][2]["text"] == "B's action");
        CHECK(texts_of(json["actions"][0]["progress"]) == std::vector<std::string>{"A's progress"});
        CHECK(json["escalations"].size() == 1);
        CHECK_FALSE(test::has(at(sites, c, {"check"}).out, "unresolved"));
    }
}
