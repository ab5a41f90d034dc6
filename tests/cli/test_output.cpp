// SPDX-License-Identifier: Apache-2.0
// What the commands print must reach standard output; when it cannot (a full
// disk, a closed pipe), the command says so and fails, and a writing command
// says its change was recorded all the same.
#include "run.hpp"

#include <doctest/doctest.h>

#include <cstdio>
#include <sys/wait.h>

namespace {

constexpr int k_io = 6;

// Runs `complaints ARGS` in the repository with standard output on /dev/full.
test::Result to_full_disk(const test::Repo& repo, std::vector<std::string> args) {
    return test::run_to({std::move(args),
                         "",
                         repo.root,
                         {{"COMPLAINTS_NOW", repo.now}, {"COMPLAINTS_USER", "Sam Manager"}}},
                        "/dev/full");
}

// ESC sequences that would set the window title, clear the screen, and a
// CR that would overwrite the line: all from one hostile text.
const std::string k_hostile = "Fine\x1b]0;pwned\x07 then\x1b[2J\rgone\xc2\x9b";

void shown_not_run(const test::Result& result) {
    CHECK(result.out.find("\x1b]") == std::string::npos);
    CHECK(result.out.find("\x1b[2J") == std::string::npos);
    CHECK(result.out.find("\xc2\x9b") == std::string::npos);
    CHECK_MESSAGE(result.out.find("Fine^[]0;pwned^G then^[[2J^Mgone\\x9b") != std::string::npos,
                  result.out);
}

} // namespace

TEST_SUITE("cli output") {
    TEST_CASE("a listing that cannot be written fails with exit 6") {
        test::Repo repo;
        const std::string id = repo.open_case();
        for (const std::vector<std::string>& args : std::vector<std::vector<std::string>>{
                 {"list", "--format", "csv"},
                 {"list", "--format", "json"},
                 {"show", id, "--format", "json"},
                 {"report", "--month", "2026-11", "--format", "json"}}) {
            const auto result = to_full_disk(repo, args);
            CHECK_MESSAGE(result.exit_code == k_io, args[0]);
            CHECK(result.err == "complaints: cannot write the output: No space left on device\n");
        }
    }

    TEST_CASE("a write whose output fails says the write happened") {
        test::Repo repo;
        const std::string id = repo.open_case();
        const auto logged = to_full_disk(repo, {"log", id, "--text", "Called back"});
        CHECK(logged.exit_code == k_io);
        CHECK(logged.err == "complaints: " + id +
                                " was recorded, but its output could not be written: No space "
                                "left on device\n");
        CHECK(repo.case_file(id).find("Called back") != std::string::npos);
        const auto opened = to_full_disk(repo, {"open", "--channel", "phone", "--format", "json"});
        CHECK(opened.exit_code == k_io);
        CHECK(opened.err.ends_with(
            " was recorded, but its output could not be written: No space left on device\n"));
        CHECK(repo({"list", "--format", "json"}).json().size() == 2);
    }

    TEST_CASE("control characters from a case are shown, not run, on a terminal") {
        test::Repo repo;
        const std::string id = repo.open_case("2026-11-10 09:00", {"--summary", k_hostile});
        repo.ok({"log", id, "--text", k_hostile});
        const auto shown = test::on_terminal(repo, {"show", id});
        CHECK(shown.exit_code == 0);
        shown_not_run(shown);
        const auto listed = test::on_terminal(repo, {"list"});
        CHECK(listed.exit_code == 0);
        CHECK(listed.out.find("\x1b]") == std::string::npos);
        CHECK(listed.out.find("Fine^[]0;pwned^G") != std::string::npos);
        const auto reported =
            test::on_terminal(repo, {"report", "--month", "2026-11", "--cqc-summary"});
        CHECK(reported.exit_code == 0);
        shown_not_run(reported);
        // Not a terminal: the text is passed on as it is, for the programs that read it.
        CHECK(repo({"show", id}).out.find(k_hostile) != std::string::npos);
    }

    TEST_CASE("control characters in an error message are shown, not run, on a terminal") {
        test::Repo repo;
        repo.open_case();
        const auto result = test::on_terminal(repo, {"show", "X\x1b]0;pwned\x07"});
        CHECK(result.exit_code == 3);
        CHECK_MESSAGE(result.out.find("no case matches 'X^[]0;pwned^G'") != std::string::npos,
                      result.out);
        CHECK(result.out.find("\x1b]") == std::string::npos);
    }

    TEST_CASE("CSV cells a spreadsheet would run as formulas are quoted with a leading '") {
        test::Repo repo;
        repo.open_case("2026-11-10 09:00", {"--summary", "=HYPERLINK(\"http://x\",\"y\")"});
        repo.open_case("2026-11-11 09:00", {"--summary", "@SUM(A1)"});
        repo.open_case("2026-11-12 09:00", {"--summary", "-12"});
        const auto csv = repo({"list", "--format", "csv"}).out;
        CHECK(csv.find(",\"'=HYPERLINK(\"\"http://x\"\",\"\"y\"\")\"\r\n") != std::string::npos);
        CHECK(csv.find(",\"'@SUM(A1)\"\r\n") != std::string::npos);
        CHECK(csv.find(",-12\r\n") != std::string::npos); // a number stays a number
    }
}
