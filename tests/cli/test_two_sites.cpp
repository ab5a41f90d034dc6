// SPDX-License-Identifier: Apache-2.0
// Two sites share one case repository through git and both work on the same
// case while apart: every finding, action, progress note, escalation and
// event either wrote arrives at both, once and in order, whether they pull
// with a merge or with a rebase; a real clash is marked, refused and listed.
#include "two_sites.hpp"

#include <doctest/doctest.h>

#include <algorithm>
#include <cstdlib>

using namespace test::sites;

TEST_SUITE("two sites") {
    TEST_CASE("work on different points, actions and events at each site all arrives once") {
        for (const auto& pull : k_pulls) {
            CAPTURE(pull);
            Sites sites;
            const auto& id = sites.id;
            sites.a.ok({"respond", "finding", id, "--point", "1", "--finding", "upheld",
                        "--conclusion", "A's finding"});
            sites.a.ok({"action", id, "progress", "1", "--text", "A's progress"});
            sites.a.ok({"action", id, "add", "--text", "A's action", "--lead", "Dr Lena Marsh",
                        "--due", "2026-12-02"});
            sites.a.ok(
                {"log", id, "--type", "call", "--at", "2026-11-12 10:00", "--text", "A's call"});
            sites.delete_event(sites.a.root, "Duplicate note");
            sites.commit(sites.a.root, "site A");
            must(git(sites.a.root, "push -q"));

            REQUIRE(sites
                        .at_b({"respond", "finding", id, "--point", "2", "--finding", "not-upheld",
                               "--conclusion", "B's finding"})
                        .exit_code == 0);
            REQUIRE(
                sites.at_b({"action", id, "progress", "2", "--text", "B's progress"}).exit_code ==
                0);
            REQUIRE(sites
                        .at_b({"action", id, "add", "--text", "B's action", "--lead", "Claire Dunn",
                               "--due", "2026-12-03"})
                        .exit_code == 0);
            REQUIRE(sites
                        .at_b({"log", id, "--type", "email", "--at", "2026-11-11 10:00", "--text",
                               "B's email"})
                        .exit_code == 0);
            sites.edit(sites.b, "complainnat", "complainant");
            sites.commit(sites.b, "site B");

            must(git(sites.b, pull));
            must(git(sites.b, "push -q"));
            must(git(sites.a.root, pull));
            // Both sites hold the same file, as the tool writes it.
            const auto at_a = test::read_text(sites.a.root / sites.file);
            CHECK(test::read_text(sites.b / sites.file) == at_a);
            const auto shown = sites.a({"show", id, "--format", "yaml"});
            REQUIRE_MESSAGE(shown.exit_code == 0, shown.err);
            CHECK(shown.out == at_a);
            const auto json = sites.a({"show", id, "--format", "json"}).json();
            CHECK(json["points"][0]["conclusion"] == "A's finding");
            CHECK(json["points"][1]["conclusion"] == "B's finding");
            REQUIRE(json["actions"].size() == 4);
            CHECK(texts_of(json["actions"][0]["progress"]) ==
                  std::vector<std::string>{"A's progress"});
            CHECK(texts_of(json["actions"][1]["progress"]) ==
                  std::vector<std::string>{"B's progress"});
            // Both sites' third action, each under its own number, and the
            // event that added each names that number.
            auto actions = texts_of(json["actions"]);
            const auto events = texts_of(json["events"]);
            for (const std::string text : {"A's action", "B's action"}) {
                const auto at = std::find(actions.begin(), actions.end(), text);
                REQUIRE(at != actions.end());
                const auto number = std::to_string(at - actions.begin() + 1);
                CHECK(std::count_if(events.begin(), events.end(), [&](const std::string& event) {
                          return event.starts_with("Action " + number + " added: " + text);
                      }) == 1);
            }
            for (const std::string text : {"Called the complainant", "A's call", "B's email",
                                           "A's progress", "B's progress"})
                CHECK_MESSAGE(std::count_if(events.begin(), events.end(),
                                            [&](const std::string& event) {
                                                return event.find(text) != std::string::npos;
                                            }) == 1,
                              text);
            for (const std::string gone : {"complainnat", "Duplicate note"})
                CHECK(std::none_of(events.begin(), events.end(), [&](const std::string& event) {
                    return event.find(gone) != std::string::npos;
                }));
            std::vector<std::string> times;
            for (const auto& event : json["events"])
                times.push_back(event["at"]);
            CHECK(std::is_sorted(times.begin(), times.end()));
            // The case reads whole: check finds no file it cannot read.
            const auto checked = sites.a({"check"});
            CHECK_MESSAGE(checked.out.find("unresolved") == std::string::npos, checked.out);
        }
    }

    TEST_CASE("one point's finding changed differently is marked, refused and listed") {
        for (const auto& pull : k_pulls) {
            CAPTURE(pull);
            Sites sites;
            const auto& id = sites.id;
            const auto other = sites.a.open_case("2026-11-11 09:00");
            must(git(sites.a.root, "add -A"));
            sites.a.ok({"respond", "finding", id, "--point", "1", "--finding", "upheld",
                        "--conclusion", "Late"});
            sites.a.ok({"log", id, "--type", "call", "--text", "A's call"});
            sites.commit(sites.a.root, "site A");
            must(git(sites.a.root, "push -q"));
            REQUIRE(sites
                        .at_b({"respond", "finding", id, "--point", "1", "--finding", "not-upheld",
                               "--conclusion", "Late"})
                        .exit_code == 0);
            REQUIRE(sites.at_b({"log", id, "--type", "email", "--text", "B's email"}).exit_code ==
                    0);
            sites.commit(sites.b, "site B");

            const auto pulled = git(sites.b, pull);
            CHECK(pulled.status != 0);
            CHECK(pulled.said.find(sites.file + ": both sides changed points[n: 1].finding") !=
                  std::string::npos);
            CHECK(git(sites.b, "diff").said.find("finding: not-upheld") != std::string::npos);
            const auto text = test::read_text(sites.b / sites.file);
            // Only the finding is marked; both sites' events are in.
            const auto start = text.find("<<<<<<< ");
            REQUIRE(start != std::string::npos);
            const auto end = text.find(">>>>>>> ", start);
            const auto marked = text.substr(start, end - start);
            CHECK(std::count(marked.begin(), marked.end(), '\n') == 4);
            CHECK(text.find("A's call") != std::string::npos);
            CHECK(text.find("B's email") != std::string::npos);
            const auto line =
                std::to_string(std::count(text.begin(), text.begin() + start, '\n') + 1);

            const auto shown = sites.at_b({"show", id});
            CHECK(shown.exit_code == 4);
            CHECK(shown.err.find(sites.file + ":" + line +
                                 ": unresolved merge conflict in points[n: 1].finding") !=
                  std::string::npos);
            CHECK(sites.at_b({"log", id, "--type", "note", "--text", "x"}).exit_code == 4);
            // The rest of the repository keeps working: list shows every
            // other case, warns of this one and exits 4, as for any unreadable case.
            const auto listed = sites.at_b({"list", "--format", "json"});
            CHECK(listed.exit_code == 4);
            CHECK(listed.out.find(other) != std::string::npos);
            CHECK(listed.err.find(sites.file) != std::string::npos);
            const auto checked = sites.at_b({"check"}); // other cases' problems aside
            CHECK(checked.exit_code != 0);
            CHECK((checked.out + checked.err)
                      .find(sites.file + ":" + line + ": unresolved merge conflict") !=
                  std::string::npos);

            // Resolved by editing the marked field: the case reads again.
            const auto keep = text.find("    finding: ", start);
            const auto keep_end = text.find('\n', keep) + 1;
            test::write_text(sites.b / sites.file, text.substr(0, start) +
                                                       text.substr(keep, keep_end - keep) +
                                                       text.substr(text.find('\n', end) + 1));
            CHECK(sites.at_b({"show", id}).exit_code == 0);
            must(git(sites.b, "add -A"));
            must(git(sites.b, pull == k_pulls[1] ? "-c core.editor=true rebase --continue"
                                                 : "commit -q --no-edit"));
            CHECK(sites.at_b({"check"}).out.find("unresolved") == std::string::npos);
        }
    }
}

TEST_SUITE("two sites: letters") {
    TEST_CASE("both sites keep a letter for one case on one day: both arrive, neither clashes") {
        for (const auto& pull : k_pulls) {
            CAPTURE(pull);
            Sites sites;
            test::write_text(sites.a.dir / "a.md", "Dear Mrs Patel,\n\nSite A writes.\n");
            test::write_text(sites.a.dir / "b.md", "Dear Mrs Patel,\n\nSite B writes.\n");
            sites.a.ok({"log", sites.id, "--type", "letter", "--text", "A's letter", "--letter",
                        (sites.a.dir / "a.md").string()});
            must(git(sites.a.root, "add -A"));
            must(git(sites.a.root, "commit -q -m 'A wrote'"));
            must(git(sites.a.root, "push -q"));
            const auto wrote =
                sites.at_b({"log", sites.id, "--type", "letter", "--text", "B's letter", "--letter",
                            (sites.a.dir / "b.md").string()});
            REQUIRE_MESSAGE(wrote.exit_code == 0, wrote.err);
            must(git(sites.b, "add -A"));
            must(git(sites.b, "commit -q -m 'B wrote'"));
            must(git(sites.b, pull));
            const auto json = sites.at_b({"show", sites.id, "--format", "json"}).json();
            std::vector<std::string> letters;
            for (const auto& event : json["events"])
                if (event["type"] == "letter")
                    letters.push_back(event["letter"]);
            REQUIRE(letters.size() == 2);
            CHECK(letters[0] != letters[1]);
            for (const auto& letter : letters)
                CHECK_FALSE(test::has(test::read_text(sites.b / letter), "<<<<<<<"));
            CHECK(sites.at_b({"check"}).out.find("letter") == std::string::npos);
        }
    }
}

TEST_SUITE("two sites: the same ID") {
    TEST_CASE("two cases opened under one ID at two sites: the pull says so, re-id keeps both "
              "whole") {
        for (const auto& [pull, abort] : std::vector<std::pair<std::string, std::string>>{
                 {"pull -q --no-rebase --no-edit", "merge --abort"},
                 {"pull -q --rebase", "rebase --abort"}}) {
            CAPTURE(pull);
            Sites sites;
            const std::string theirs = sites.a.open_case("2026-11-12 09:00", {"--summary", "A's"});
            must(git(sites.a.root, "add -A"));
            must(git(sites.a.root, "commit -q -m 'A opened'"));
            must(git(sites.a.root, "push -q"));
            // Site B draws the same ID for another complaint (as a 1 in 10^9
            // chance would): its file is renamed to A's ID.
            const auto opened = sites.at_b({"open", "--channel", "email", "--received",
                                            "2026-11-13 09:00", "--summary", "B's"});
            REQUIRE_MESSAGE(opened.exit_code == 0, opened.err);
            const std::string drawn = opened.out.substr(0, opened.out.size() - 1);
            sites.at_b({"respond", "acknowledge", drawn, "--via", "email"});
            std::string yaml = test::read_text(sites.b / "cases" / (drawn + ".yaml"));
            for (auto at = yaml.find(drawn); at != std::string::npos; at = yaml.find(drawn))
                yaml.replace(at, drawn.size(), theirs);
            test::write_text(sites.b / "cases" / (theirs + ".yaml"), yaml);
            std::filesystem::remove(sites.b / "cases" / (drawn + ".yaml"));
            std::filesystem::rename(sites.b / "letters" / drawn, sites.b / "letters" / theirs);
            must(git(sites.b, "add -A"));
            must(git(sites.b, "commit -q -m 'B opened'"));

            const auto pulled = git(sites.b, pull);
            CHECK(pulled.status != 0);
            CHECK(test::has(pulled.said, "two different cases got the same ID"));
            CHECK(test::has(pulled.said, "complaints re-id ID"));
            // Settling field by field would fuse the two: refused, the file
            // as the driver left it.
            const std::string marked = test::read_text(sites.b / "cases" / (theirs + ".yaml"));
            const auto listed = sites.at_b({"conflict", theirs});
            CHECK(test::has(listed.err, "two different cases got the same ID"));
            const auto fused = sites.at_b({"conflict", theirs, "--keep", "this-site"});
            CHECK(fused.exit_code == 5);
            CHECK(test::has(fused.err, "keeping one side per field would fuse them"));
            CHECK(test::has(fused.err, "complaints re-id"));
            CHECK(test::read_text(sites.b / "cases" / (theirs + ".yaml")) == marked);
            const auto aborted = git(sites.b, abort);
            REQUIRE_MESSAGE(aborted.status == 0, aborted.said);
            const auto moved = sites.at_b({"re-id", theirs});
            REQUIRE_MESSAGE(moved.exit_code == 0, moved.err);
            const std::string mine = moved.out.substr(theirs.size() + 8, theirs.size());
            CHECK(moved.out ==
                  theirs + " is now " + mine + ": commit both (git add -A), then pull again\n");
            must(git(sites.b, "add -A"));
            must(git(sites.b, "commit -q -m 'B re-id'"));
            // A rebase would replay the commit that opened the clash: merge, this once.
            must(git(sites.b, "pull -q --no-rebase --no-edit"));

            const auto a_case = sites.at_b({"show", theirs, "--format", "json"}).json();
            CHECK(a_case["summary"] == "A's");
            const auto b_case = sites.at_b({"show", mine, "--format", "json"}).json();
            CHECK(b_case["summary"] == "B's");
            CHECK(b_case["events"].back()["text"] ==
                  "New ID: this case was " + theirs +
                      "; another site opened a different case under the same ID");
            // The acknowledgement kept moved with it, and still reads.
            const std::string letter = b_case["events"][1]["letter"];
            CHECK(letter.starts_with("letters/" + mine + "/"));
            CHECK(sites.at_b({"show", mine, "--letter"}).exit_code == 0);
            CHECK_FALSE(std::filesystem::exists(sites.b / "letters" / theirs));
            const auto checked = sites.at_b({"check"}); // other cases' problems aside
            CHECK_FALSE(test::has(checked.out, mine));
            CHECK_FALSE(test::has(checked.out, "conflict"));
        }
    }
}

TEST_SUITE("two sites: set-up") {
    TEST_CASE("a clone with no merge driver is told so by every write and by check, until "
              "git-setup") {
        const test::Repo repo;
        const auto id = repo.open_case(); // not a git clone yet: nothing to say
        must(git(repo.root, "init -q"));
        const auto logged = repo({"log", id, "--type", "call", "--text", "Called back"});
        REQUIRE_MESSAGE(logged.exit_code == 0, logged.err);
        CHECK(test::has(logged.err, "complaints: warning: this git clone has no merge driver for "
                                    "case files, so git would merge them as text and can lose a "
                                    "site's work: run complaints git-setup"));
        CHECK(test::has(repo({"check"}).err, "no merge driver for case files"));
        repo.ok({"git-setup"});
        const auto after = repo({"log", id, "--type", "call", "--text", "Called again"});
        CHECK(after.err.empty());
        CHECK_FALSE(test::has(repo({"check"}).err, "merge driver"));
    }

    TEST_CASE("git-setup names the driver by name when PATH finds this binary, so an upgrade in "
              "place keeps merging") {
        const test::Repo repo;
        must(git(repo.root, "init -q"));
        const auto bin = repo.dir / "bin";
        std::filesystem::create_directories(bin);
        std::filesystem::create_symlink(test::binary_path(), bin / "complaints");
        const std::map<std::string, std::string> env = {{"PATH", bin.string() + ":/usr/bin:/bin"},
                                                        {"COMPLAINTS_NOW", repo.now},
                                                        {"COMPLAINTS_USER", "Sam Manager"}};
        const auto set_up = test::run({{"git-setup"}, "", repo.root, env});
        REQUIRE_MESSAGE(set_up.exit_code == 0, set_up.err);
        CHECK_FALSE(test::has(set_up.out, "note:"));
        CHECK(git(repo.root, "config --get merge.complaints.driver").said ==
              "complaints merge-file %O %A %B --path %P --marker-size %L\n");
        CHECK(test::run({{"check"}, "", repo.root, env}).err.find("merge driver") ==
              std::string::npos);
        // Where PATH does not find it, git could not run it: said by name.
        CHECK(test::has(repo({"check"}).err, "the merge driver this git clone runs for case "
                                             "files, complaints, is not there any more"));
    }

    TEST_CASE("git-setup without the binary on PATH names its full path and says what that "
              "means, and a driver whose program is gone is reported") {
        const test::Repo repo;
        must(git(repo.root, "init -q"));
        const auto set_up = repo({"git-setup"});
        REQUIRE_MESSAGE(set_up.exit_code == 0, set_up.err);
        CHECK(test::has(set_up.out, "note: complaints is not on PATH, so the driver names "));
        CHECK(
            test::has(set_up.out, "after moving or upgrading it, run complaints git-setup again"));
        CHECK(repo({"check"}).err.find("merge driver") == std::string::npos);
        must(git(repo.root, "config merge.complaints.driver \"'/opt/old/complaints' merge-file "
                            "%O %A %B --path %P --marker-size %L\""));
        CHECK(test::has(repo({"check"}).err,
                        "the merge driver this git clone runs for case files, "
                        "/opt/old/complaints, is not there any more, so merges would keep one "
                        "side: run complaints git-setup again"));
    }

    TEST_CASE("a clone of a repository with no case yet can open one") {
        const test::Repo a;
        must(git(a.root, "init -q"));
        must(git(a.root, "add -A"));
        must(git(a.root, "commit -q -m init"));
        must(git(a.dir.path(), "clone -q repo b"));
        const auto opened =
            test::run({{"open", "--channel", "phone", "--received", "2026-11-10 09:00"},
                       "",
                       a.dir / "b",
                       {{"COMPLAINTS_NOW", a.now}, {"COMPLAINTS_USER", "Site B"}}});
        CHECK_MESSAGE(opened.exit_code == 0, opened.err);
    }
}

TEST_SUITE("two sites: set-up") {
    TEST_CASE("git-setup in a repository whose .gitattributes lacks the driver adds it") {
        const test::Repo repo;
        must(git(repo.root, "init -q"));
        std::filesystem::remove(repo.root / ".gitattributes");
        const auto set_up = repo({"git-setup"});
        REQUIRE_MESSAGE(set_up.exit_code == 0, set_up.err);
        CHECK(set_up.out.find("added 'cases/**/*.yaml merge=complaints' to .gitattributes") !=
              std::string::npos);
        CHECK(test::read_text(repo.root / ".gitattributes") ==
              "cases/**/*.yaml merge=complaints\n");
        // Run again, it has nothing to add.
        CHECK(repo({"git-setup"}).out.find("added") == std::string::npos);
        test::write_text(repo.root / ".gitattributes", "*.md text");
        repo.ok({"git-setup"});
        CHECK(test::read_text(repo.root / ".gitattributes") ==
              "*.md text\ncases/**/*.yaml merge=complaints\n");
    }
}
