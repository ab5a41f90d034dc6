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

// A case whose summary, complainant and a note hold k_hostile, as a file written
// before control characters were refused at input would (escaped in YAML).
std::string with_hostile_text(const test::Repo& repo) {
    const std::string id = repo.open_case(
        "2026-11-10 09:00", {"--complainant", "Planted Name", "--summary", "Planted summary"});
    repo.ok({"log", id, "--text", "Planted event"});
    const auto path = repo.root / "cases" / (id + ".yaml");
    const std::string escaped = "Fine\\e]0;pwned\\a then\\e[2J\\rgone\\x9b";
    std::string text = test::read_text(path);
    text = test::replaced(text, "Planted Name", "Jo\\e]0;pwned\\a Bloggs\\x9b");
    text = test::replaced(text, "Planted summary", escaped);
    text = test::replaced(text, "Planted event", escaped);
    test::write_text(path, text);
    return id;
}

// No ESC, BEL or C1 control, and every CR ends a line: nothing can drive
// the terminal.
void neutralised(const std::string& out, const std::string& what) {
    CHECK_MESSAGE(out.find('\x1b') == std::string::npos, what);
    CHECK_MESSAGE(out.find('\x07') == std::string::npos, what);
    CHECK_MESSAGE(out.find("\xc2\x9b") == std::string::npos, what);
    for (auto at = out.find('\r'); at != std::string::npos; at = out.find('\r', at + 1))
        CHECK_MESSAGE(out.substr(at, 2) == "\r\n", what);
    CHECK_MESSAGE(out.find("^[") != std::string::npos, what);
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
        CHECK(repo({"list", "--format", "json"}).json()["cases"].size() == 2);
    }

    // Input refuses controls now; a file written before (or by hand) may
    // still hold them, and reading it must not fail.
    TEST_CASE("control characters from a case are shown, not run, on a terminal") {
        test::Repo repo;
        const std::string id = with_hostile_text(repo);
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
        // JSON escapes them (\u001b) and gives the text back exactly.
        const auto json = repo({"show", id, "--format", "json"});
        CHECK(json.out.find("\x1b") == std::string::npos);
        CHECK(json.out.find("\\u001b") != std::string::npos);
        CHECK(json.json()["summary"] == k_hostile);
    }

    // A pipe or a file reaches a terminal too (less -R, cat letter.md, a CSV
    // opened with cat): what is printed for people is neutralised always.
    TEST_CASE("letters, CSV and the text views neutralise controls, to a pipe as well") {
        test::Repo repo;
        const std::string id = with_hostile_text(repo);
        for (const std::vector<std::string>& args :
             std::vector<std::vector<std::string>>{{"respond", "draft", id},
                                                   {"respond", "acknowledge", id, "--draft"},
                                                   {"list", "--format", "csv"},
                                                   {"list"},
                                                   {"show", id}}) {
            const auto result = repo(args);
            CHECK_MESSAGE(result.exit_code == 0, result.err);
            neutralised(result.out, args.front() + " " + args.back());
        }
        shown_not_run(repo({"list", "--format", "csv"}));
        shown_not_run(repo({"show", id}));
    }

    TEST_CASE("check reports a control character a case file holds, at its line") {
        test::Repo repo;
        const std::string id = with_hostile_text(repo);
        const auto checked = repo({"check"});
        CHECK(checked.exit_code == 1);
        CHECK_MESSAGE(test::has(checked.out, "the summary holds a control character U+001B at "
                                             "position 5"),
                      checked.out);
    }

    TEST_CASE("the Markdown report passes no HTML from a name") {
        test::Repo repo;
        repo.open_case("2026-11-10 09:00", {"--complainant", "<img src=x onerror=alert(1)> & Co"});
        const auto markdown =
            repo({"report", "--month", "2026-11", "--format", "markdown", "--include-names"});
        CHECK(markdown.exit_code == 0);
        CHECK(markdown.out.find("<img") == std::string::npos);
        CHECK_MESSAGE(test::has(markdown.out, "&lt;img src=x onerror=alert(1)&gt; &amp; Co"),
                      markdown.out);
        const auto html =
            repo({"report", "--month", "2026-11", "--format", "html", "--include-names"});
        CHECK(html.out.find("<img") == std::string::npos);
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
