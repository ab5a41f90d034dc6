// SPDX-License-Identifier: Apache-2.0
// The history commands a site uses besides pull, with real git: a
// cherry-pick brings one commit's change, a revert takes one back, and an
// octopus merge (which never calls a merge driver) stops without harm.
#include "two_sites.hpp"

#include <doctest/doctest.h>

#include <algorithm>

using namespace test::sites;

namespace {

// How many of a case's events, read at `root`, have the text `text`.
long events_with(const Sites& sites, const std::filesystem::path& root, const std::string& text) {
    const auto shown = test::run(
        {{"show", sites.id, "--format", "json"}, "", root, {{"COMPLAINTS_NOW", sites.a.now}}});
    REQUIRE_MESSAGE(shown.exit_code == 0, shown.err);
    const auto json = shown.json();
    const auto texts = texts_of(json["events"]);
    return std::count(texts.begin(), texts.end(), text);
}

void log_and_commit(const Sites& sites, const std::filesystem::path& root,
                    const std::string& text) {
    const auto logged = test::run({{"log", sites.id, "--type", "note", "--text", text},
                                   "",
                                   root,
                                   {{"COMPLAINTS_NOW", sites.a.now}}});
    REQUIRE_MESSAGE(logged.exit_code == 0, logged.err);
    sites.commit(root, "a note"); // a shell-quoted message: no apostrophe
}

} // namespace

TEST_SUITE("two sites: history") {
    TEST_CASE("a cherry-pick brings that commit's event alone, and a later pull keeps each once") {
        for (const auto& pull : k_pulls) {
            CAPTURE(pull);
            Sites sites;
            // Site A works on a branch: two commits, one event each.
            must(git(sites.a.root, "checkout -q -b work"));
            log_and_commit(sites, sites.a.root, "First on the branch");
            log_and_commit(sites, sites.a.root, "Second on the branch");
            must(git(sites.a.root, "push -q -u origin work"));
            must(git(sites.a.root, "checkout -q main"));

            // Site B, with its own work, takes only the second commit.
            log_and_commit(sites, sites.b, "B's own note");
            must(git(sites.b, "fetch -q origin"));
            must(git(sites.b, "cherry-pick origin/work"));
            CHECK(events_with(sites, sites.b, "Second on the branch") == 1);
            CHECK(events_with(sites, sites.b, "First on the branch") == 0);
            CHECK(events_with(sites, sites.b, "B's own note") == 1);
            must(git(sites.b, "push -q origin main"));

            // Site A merges the whole branch later; both sites keep each once.
            must(git(sites.a.root, pull));
            must(git(sites.a.root, "merge -q --no-edit work"));
            must(git(sites.a.root, "push -q origin main"));
            must(git(sites.b, pull));
            for (const auto& root : {sites.a.root, sites.b})
                for (const std::string text : {"First on the branch", "Second on the branch",
                                               "B's own note", "Called the complainnat"})
                    CHECK_MESSAGE(events_with(sites, root, text) == 1, text);
            CHECK(test::read_text(sites.a.root / sites.file) ==
                  test::read_text(sites.b / sites.file));
        }
    }

    TEST_CASE("a revert takes an event back, and the other site's pull follows it") {
        for (const auto& pull : k_pulls) {
            CAPTURE(pull);
            Sites sites;
            log_and_commit(sites, sites.a.root, "Logged on the wrong case");
            must(git(sites.a.root, "push -q"));
            must(git(sites.b, pull));
            CHECK(events_with(sites, sites.b, "Logged on the wrong case") == 1);

            must(git(sites.a.root, "revert --no-edit HEAD"));
            CHECK(events_with(sites, sites.a.root, "Logged on the wrong case") == 0);
            must(git(sites.a.root, "push -q"));

            // B logged on meanwhile: its pull takes the revert, keeps its own.
            log_and_commit(sites, sites.b, "B's call notes");
            must(git(sites.b, pull));
            CHECK(events_with(sites, sites.b, "Logged on the wrong case") == 0);
            CHECK(events_with(sites, sites.b, "B's call notes") == 1);
            CHECK(events_with(sites, sites.b, "Called the complainnat") == 1);
            must(git(sites.b, "push -q"));
            must(git(sites.a.root, pull));
            CHECK(test::read_text(sites.a.root / sites.file) ==
                  test::read_text(sites.b / sites.file));
        }
    }

    TEST_CASE("an octopus merge stops without touching the case, one branch at a time keeps all") {
        Sites sites;
        const auto before = test::read_text(sites.a.root / sites.file);
        for (const std::string branch : {"one", "two"}) {
            must(git(sites.a.root, "checkout -q -b " + branch + " main"));
            log_and_commit(sites, sites.a.root, "Work on branch " + branch);
        }
        must(git(sites.a.root, "checkout -q main"));
        log_and_commit(sites, sites.a.root, "Work on main");
        const auto on_main = test::read_text(sites.a.root / sites.file);
        CHECK(on_main != before);

        // git's octopus strategy merges files itself and never calls the
        // driver: both branches append an event, so it gives up.
        const auto octopus = git(sites.a.root, "merge --no-edit one two");
        CHECK(octopus.status != 0);
        CHECK(test::read_text(sites.a.root / sites.file) == on_main);
        CHECK(sites.a({"show", sites.id}).exit_code == 0);
        CHECK(git(sites.a.root, "diff --quiet HEAD").status == 0);

        // One branch at a time, each through the driver, keeps every event.
        must(git(sites.a.root, "merge -q --no-edit one"));
        must(git(sites.a.root, "merge -q --no-edit two"));
        for (const std::string text : {"Work on branch one", "Work on branch two", "Work on main"})
            CHECK_MESSAGE(events_with(sites, sites.a.root, text) == 1, text);
    }
}
