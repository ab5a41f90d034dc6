// SPDX-License-Identifier: Apache-2.0
// Two sites share one case repository through git: both log to the same
// case while apart, and the merge keeps every event of both.
#include "run.hpp"

#include <doctest/doctest.h>

#include <cstdlib>
#include <fstream>

namespace {

// Runs git in `folder`, quietly; returns its exit status and what it said.
struct Git {
    int status;
    std::string said;
};
Git git(const std::filesystem::path& folder, const std::string& args) {
    const auto log = folder.parent_path() / "git.log";
    const std::string command =
        "cd '" + folder.string() + "' && git -c user.name=Site -c user.email=site@example.org " +
        "-c init.defaultBranch=main -c pull.rebase=false " + args + " >'" + log.string() + "' 2>&1";
    const int status = std::system(command.c_str());
    return Git{WIFEXITED(status) ? WEXITSTATUS(status) : -1, test::read_text(log)};
}

void must(const Git& result) {
    REQUIRE_MESSAGE(result.status == 0, result.said);
}

// Site A with one case committed, and site B a clone of it.
struct TwoSites {
    test::Repo a;
    std::filesystem::path b = a.dir / "b";
    std::string id;

    explicit TwoSites(bool set_up_b = true) {
        must(git(a.root, "init -q"));
        REQUIRE(a({"git-setup"}).exit_code == 0);
        id = a.open_case("2026-11-10 09:00",
                         {"--summary", "Late for the session", "--point", "Late"});
        must(git(a.root, "add -A"));
        must(git(a.root, "commit -q -m opened"));
        must(git(a.dir.path(), "clone -q repo b"));
        if (set_up_b)
            REQUIRE(site_b({"git-setup"}).exit_code == 0);
    }
    test::Result site_b(std::vector<std::string> args) const {
        return test::run(
            {std::move(args), "", b, {{"COMPLAINTS_NOW", a.now}, {"COMPLAINTS_USER", "Site B"}}});
    }
    void log_and_commit_on_both() {
        REQUIRE(a({"log", id, "--type", "call", "--at", "2026-11-11 10:00", "--text",
                   "Called from site A"})
                    .exit_code == 0);
        must(git(a.root, "commit -q -am 'site A called'"));
        REQUIRE(site_b({"log", id, "--type", "email", "--at", "2026-11-11 09:30", "--text",
                        "Emailed from site B"})
                    .exit_code == 0);
        must(git(b, "commit -q -am 'site B emailed'"));
    }
};

} // namespace

TEST_SUITE("cli git") {
    TEST_CASE("init routes case files through the merge driver") {
        const test::Repo repo;
        CHECK(test::read_text(repo.root / ".gitattributes") ==
              "cases/**/*.yaml merge=complaints\nletters/** -text\nattachments/** binary\n");
    }

    TEST_CASE("a letter kept at one site reaches the other byte for byte, whatever autocrlf") {
        TwoSites sites;
        const std::string sent = "Dear Practice manager,\r\n\r\nResolved.\r\nNo final break";
        test::write_text(sites.a.dir / "sent.md", sent);
        REQUIRE(sites
                    .a({"resolve", sites.id, "--text", "Resolved", "--letter",
                        (sites.a.dir / "sent.md").string()})
                    .exit_code == 0);
        must(git(sites.a.root, "-c core.autocrlf=true add -A"));
        must(git(sites.a.root, "-c core.autocrlf=true commit -q -m 'resolved'"));
        REQUIRE(sites.site_b({"log", sites.id, "--type", "call", "--text", "Called from B"})
                    .exit_code == 0);
        must(git(sites.b, "commit -q -am 'site B called'"));
        must(git(sites.b, "-c core.autocrlf=true pull -q --no-edit"));
        const auto shown = sites.site_b({"show", sites.id, "--letter"});
        REQUIRE_MESSAGE(shown.exit_code == 0, shown.err);
        CHECK(shown.out == sent);
        CHECK(sites.site_b({"check"}).out.find("letter") == std::string::npos);
    }

    TEST_CASE("both sites log to one case, the pull keeps both events, in time order") {
        TwoSites sites;
        sites.log_and_commit_on_both();
        must(git(sites.b, "pull -q --no-edit"));
        const auto shown = sites.site_b({"show", sites.id, "--format", "json"});
        REQUIRE_MESSAGE(shown.exit_code == 0, shown.err);
        const auto json = shown.json();
        std::vector<std::string> texts;
        for (const auto& event : json["events"])
            texts.push_back(event["text"]);
        REQUIRE(texts.size() == 3);
        CHECK(texts[1] == "Emailed from site B");
        CHECK(texts[2] == "Called from site A");
        // The merged file is as the tool writes it.
        const auto file = test::read_text(sites.b / "cases" / (sites.id + ".yaml"));
        CHECK(sites.site_b({"show", sites.id, "--format", "yaml"}).out == file);
    }

    TEST_CASE("without git-setup the same pull is a text conflict: why each clone runs it") {
        TwoSites sites(false);
        sites.log_and_commit_on_both();
        CHECK(git(sites.b, "pull -q --no-edit").status != 0);
    }

    TEST_CASE("a key both sites changed differently stops the merge, named and marked") {
        TwoSites sites;
        const auto file = "cases/" + sites.id + ".yaml";
        const auto edit = [&](const std::filesystem::path& root, const std::string& summary) {
            const auto text = test::read_text(root / file);
            test::write_text(root / file, test::replaced(text, "Late for the session", summary));
            must(git(root, "commit -q -am edited"));
        };
        edit(sites.a.root, "Late by an hour");
        edit(sites.b, "Late by ten minutes");
        const auto pulled = git(sites.b, "pull -q --no-edit");
        CHECK(pulled.status != 0);
        CHECK(pulled.said.find("both sides changed summary differently") != std::string::npos);
        CHECK(test::read_text(sites.b / file)
                  .find("<<<<<<< this-site (HEAD)\nsummary: \"Late by ten minutes\"\n=======\n"
                        "summary: \"Late by an hour\"\n>>>>>>> other-site (the work being merged "
                        "in)\n") != std::string::npos);
    }

    TEST_CASE("merge-file refuses a side that is not a case file, and writes nothing") {
        const test::Repo repo;
        const auto id = repo.open_case();
        const auto file = repo.root / "cases" / (id + ".yaml");
        const auto broken = repo.dir / "theirs.yaml";
        test::write_text(broken, "id: [\n");
        const auto before = test::read_text(file);
        const auto result = repo({"merge-file", file.string(), file.string(), broken.string()});
        CHECK(result.exit_code == 4);
        CHECK(result.err.find(".yaml (theirs):2:1: not valid YAML") != std::string::npos);
        CHECK(test::read_text(file) == before);
    }
}
