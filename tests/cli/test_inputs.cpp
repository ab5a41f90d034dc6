// SPDX-License-Identifier: Apache-2.0
// Text that enters from outside (the command line, standard input, the
// environment, git's configuration) is checked before anything is written:
// a write must never leave a case file the reader refuses.
#include "run.hpp"

#include <doctest/doctest.h>

#include <cstdlib>
#include <map>

namespace {

constexpr int k_usage = 2;
constexpr int k_bad_data = 4;
const std::string k_latin1 = "Jos\xE9"; // "José" in Latin-1: not UTF-8

// Every case still reads, and the listing still works.
void still_readable(const test::Repo& repo) {
    const auto listed = repo({"list", "--format", "csv"});
    CHECK_MESSAGE(listed.exit_code == 0, listed.err);
    CHECK(repo({"check"}).out.find("not valid YAML") == std::string::npos);
    CHECK(repo({"check"}).out.find("UTF-8") == std::string::npos);
}

} // namespace

TEST_SUITE("cli inputs") {
    TEST_CASE("every free-text option refuses bytes that are not UTF-8, naming the option") {
        test::Repo repo;
        const std::string id = repo.open_case();
        const std::vector<std::vector<std::string>> commands{
            {"log", id, "--text", "x", "--by", k_latin1},
            {"log", id, "--text", "x", "--by=" + k_latin1},
            {"log", id, "--text", k_latin1},
            {"action", id, "add", "--text", "x", "--lead", k_latin1},
            {"escalate", id, "--to", "cqc", "--ref", k_latin1},
            {"escalate", id, "--to", "cqc", "--note", k_latin1},
            {"open", "--channel", "phone", "--complainant", k_latin1},
        };
        for (const auto& args : commands) {
            const std::string& last = args.back();
            const std::string flag = last.starts_with("--by=") ? "--by" : args[args.size() - 2];
            const std::string said = repo.refused(args, k_usage);
            CHECK_MESSAGE(said.starts_with("complaints: " + flag +
                                           " contains bytes that are not UTF-8 at byte "),
                          said);
        }
        // A path is whatever bytes the file system holds, and is never written.
        CHECK(repo({"--repo", "/nonexistent/" + k_latin1, "list"}).exit_code == 3);
        still_readable(repo);
    }

    // ESC, BEL, DEL and the C1 controls in a case would drive the terminal
    // of whoever reads it later: refused where they come in, by position.
    TEST_CASE("control characters are refused at input, naming the option and the position") {
        test::Repo repo;
        const std::string id = repo.open_case();
        CHECK(test::has(repo.refused({"open", "--channel", "phone", "--complainant",
                                      "A\x01"
                                      "B"},
                                     k_usage),
                        "complaints: --complainant: control character U+0001 at position 2"));
        CHECK(test::has(repo.refused({"log", id, "--text", "x", "--by=Sam\x7f"}, k_usage),
                        "--by: control character U+007F at position 4"));
        CHECK(test::has(repo.refused({"log", id, "--text", "caf\xc3\xa9 \xc2\x9b"}, k_usage),
                        "--text: control character U+009B at position 6"));
        const auto before = repo.snapshot();
        const auto piped = repo({"log", id, "--text", "-"}, "ok\x1b[2J");
        CHECK(piped.exit_code == k_usage);
        CHECK(test::has(piped.err, "--text: control character U+001B at position 3"));
        CHECK(repo.snapshot() == before);
        // Tab, newline and CR are text: CRLF comes back byte for byte.
        const std::string crlf = "line one\r\n\tline two\r\n";
        REQUIRE(repo({"log", id, "--text", "-"}, crlf).exit_code == 0);
        const auto shown = repo({"show", id, "--format", "json"}).json();
        CHECK(shown["events"].back()["text"] == crlf);
        CHECK(test::has(repo({"show", id}).out, "line one\r\n"));
    }

    TEST_CASE("an author from COMPLAINTS_USER or git's user.name must be UTF-8") {
        test::Repo repo;
        const std::string id = repo.open_case();
        const std::string git = "git -C '" + repo.root.string() + "' ";
        REQUIRE(std::system((git + "init -q").c_str()) == 0);
        REQUIRE(std::system((git + "config user.name \"$(printf 'Jos\\351')\"").c_str()) == 0);
        const auto before = repo.snapshot();
        const auto from_env =
            test::run({{"log", id, "--text", "x"},
                       "",
                       repo.root,
                       {{"COMPLAINTS_NOW", repo.now}, {"COMPLAINTS_USER", k_latin1}}});
        CHECK(from_env.exit_code == k_usage);
        CHECK(from_env.err.starts_with("complaints: COMPLAINTS_USER contains bytes that are not"));
        const auto from_git =
            test::run({{"log", id, "--text", "x"}, "", repo.root, {{"COMPLAINTS_NOW", repo.now}}});
        CHECK(from_git.exit_code == k_usage);
        CHECK_MESSAGE(
            from_git.err.starts_with("complaints: git's user.name contains bytes that are not"),
            from_git.err);
        CHECK(repo.snapshot() == before);
        still_readable(repo);
    }

    TEST_CASE("100 MB on standard input is refused after 8 MB, and nothing is written") {
        test::Repo repo;
        const std::string id = repo.open_case();
        const auto before = repo.snapshot();
        const auto result = repo({"log", id, "--text", "-"}, std::string(100 << 20, 'x'));
        CHECK(result.exit_code == k_bad_data);
        CHECK(result.err == "complaints: --text is larger than 8 MB, more than a case file may "
                            "hold; nothing was written\n");
        CHECK(repo.snapshot() == before);
    }

    TEST_CASE("texts that together would make a case too large to read are refused") {
        test::Repo repo;
        const std::string id = repo.open_case();
        const std::string big(6'700'000, 'x');
        const auto first = repo({"log", id, "--text", "-"}, big);
        REQUIRE_MESSAGE(first.exit_code == 0, first.err);
        const auto before = repo.snapshot();
        const auto second = repo({"log", id, "--text", "-"}, big);
        CHECK(second.exit_code == k_bad_data);
        CHECK_MESSAGE(second.err.starts_with("complaints: case " + id + " would be "), second.err);
        CHECK(second.err.ends_with("MB, more than the 8 MB a case file may hold; nothing was "
                                   "written\n"));
        CHECK(repo.snapshot() == before);
        still_readable(repo);
    }

    TEST_CASE("git's user.name is read without a shell, whatever the repository's path") {
        test::TempDir dir;
        const auto root = dir / "it's $(touch injected)";
        const std::map<std::string, std::string> env{
            {"COMPLAINTS_NOW", "2026-11-16T10:00:00+00:00"}};
        REQUIRE(test::run({{"init", root.string(), "--preset", "clinic", "--organisation",
                            "Lumiere", "--prefix", "LUM"},
                           "",
                           dir.path(),
                           env})
                    .exit_code == 0);
        const std::string git = "git -C \"" + root.string() + "\" ";
        // The folder's name holds $( ): quoted for this shell by escaping the $.
        const std::string quoted = test::replaced(git, "$", "\\$");
        REQUIRE(std::system((quoted + "init -q").c_str()) == 0);
        REQUIRE(std::system((quoted + "config user.name 'Git Name'").c_str()) == 0);
        const auto opened =
            test::run({{"open", "--channel", "phone", "--format", "json"}, "", root, env});
        REQUIRE_MESSAGE(opened.exit_code == 0, opened.err);
        CHECK(opened.json()["events"][0]["by"] == "Git Name");
        CHECK(!std::filesystem::exists(dir / "injected"));
        CHECK(!std::filesystem::exists(root / "injected"));
    }
}
