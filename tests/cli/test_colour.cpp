// SPDX-License-Identifier: Apache-2.0
// Colour as other command-line tools do it: only on a terminal, never with
// NO_COLOR or TERM=dumb; --color always or CLICOLOR_FORCE force it, and
// --color never turns it off. The bold header of `list` is the colour seen.
#include "run.hpp"

#include <doctest/doctest.h>

namespace {

using Env = std::map<std::string, std::string>;

const std::string k_bold = "\x1b[1m";

// `s` in single quotes for sh, bytes as they are.
std::string quoted(const std::string& s) {
    std::string out = "'";
    for (const char c : s)
        out += c == '\'' ? std::string("'\\''") : std::string(1, c);
    return out + "'";
}

// Runs `complaints ARGS` in the repository under a pseudo-terminal
// (script(1)), with only `env` (and PATH, LANG, HOME, the repository's
// clock) in its environment, so the tester's own TERM or NO_COLOR play no
// part; returns everything the terminal received.
test::Result in_terminal(const test::Repo& repo, const std::vector<std::string>& args,
                         const Env& env) {
    std::string line = "exec env -i PATH=/usr/bin:/bin LANG=C.UTF-8 HOME=/nonexistent "
                       "COMPLAINTS_PAGER=cat COMPLAINTS_NOW=" +
                       repo.now;
    for (const auto& [name, value] : env)
        line += " " + quoted(name + "=" + value);
    line += " " + quoted(test::binary_path());
    for (const auto& arg : args)
        line += " " + quoted(arg);
    return test::run_on_terminal(repo, line);
}

// `list` on a terminal: whether its header came out bold.
bool coloured_on_terminal(const test::Repo& repo, const Env& env,
                          std::vector<std::string> flags = {}) {
    flags.push_back("list");
    const auto result = in_terminal(repo, flags, env);
    REQUIRE_MESSAGE(result.exit_code == 0, result.out);
    REQUIRE_MESSAGE(test::has(result.out, "received"), result.out);
    return test::has(result.out, k_bold);
}

// `list` into a pipe: whether its header came out bold.
bool coloured_in_pipe(const test::Repo& repo, const Env& env, std::vector<std::string> flags = {}) {
    flags.push_back("list");
    test::Run how;
    how.args = flags;
    how.cwd = repo.root;
    how.env = env;
    how.env["COMPLAINTS_NOW"] = repo.now;
    const auto result = test::run(how);
    REQUIRE_MESSAGE(result.exit_code == 0, result.err);
    REQUIRE_MESSAGE(test::has(result.out, "received"), result.out);
    return test::has(result.out, k_bold);
}

} // namespace

TEST_SUITE("cli colour") {
    TEST_CASE("colour on a terminal, none in a pipe") {
        test::Repo repo;
        repo.open_case();
        CHECK(coloured_on_terminal(repo, {{"TERM", "xterm-256color"}}));
        CHECK_FALSE(coloured_in_pipe(repo, {{"TERM", "xterm-256color"}}));
    }

    TEST_CASE("NO_COLOR set to anything but empty turns colour off on a terminal") {
        test::Repo repo;
        repo.open_case();
        CHECK_FALSE(coloured_on_terminal(repo, {{"TERM", "xterm"}, {"NO_COLOR", "1"}}));
        CHECK_FALSE(coloured_on_terminal(repo, {{"TERM", "xterm"}, {"NO_COLOR", "0"}}));
        CHECK(coloured_on_terminal(repo, {{"TERM", "xterm"}, {"NO_COLOR", ""}}));
    }

    TEST_CASE("TERM=dumb gets no colour, nor does --color never") {
        test::Repo repo;
        repo.open_case();
        CHECK_FALSE(coloured_on_terminal(repo, {{"TERM", "dumb"}}));
        CHECK_FALSE(coloured_on_terminal(repo, {{"TERM", "xterm"}}, {"--color", "never"}));
        CHECK_FALSE(coloured_on_terminal(repo, {{"TERM", "xterm"}}, {"--color=never"}));
    }

    TEST_CASE("CLICOLOR_FORCE forces colour into a pipe, unless it is 0 or empty") {
        test::Repo repo;
        repo.open_case();
        CHECK(coloured_in_pipe(repo, {{"CLICOLOR_FORCE", "1"}}));
        CHECK(coloured_in_pipe(repo, {{"CLICOLOR_FORCE", "1"}, {"TERM", "dumb"}}));
        CHECK_FALSE(coloured_in_pipe(repo, {{"CLICOLOR_FORCE", "0"}}));
        CHECK_FALSE(coloured_in_pipe(repo, {{"CLICOLOR_FORCE", ""}}));
    }

    TEST_CASE("--color always forces colour into a pipe, whatever the environment") {
        test::Repo repo;
        repo.open_case();
        CHECK(coloured_in_pipe(repo, {}, {"--color=always"}));
        CHECK(coloured_in_pipe(repo, {{"NO_COLOR", "1"}, {"TERM", "dumb"}}, {"--color", "always"}));
    }

    TEST_CASE("the user's NO_COLOR or --color never win over CLICOLOR_FORCE") {
        test::Repo repo;
        repo.open_case();
        CHECK_FALSE(coloured_in_pipe(repo, {{"CLICOLOR_FORCE", "1"}, {"NO_COLOR", "1"}}));
        CHECK_FALSE(coloured_in_pipe(repo, {{"CLICOLOR_FORCE", "1"}}, {"--color", "never"}));
        CHECK_FALSE(coloured_on_terminal(
            repo, {{"TERM", "xterm"}, {"CLICOLOR_FORCE", "1"}, {"NO_COLOR", "1"}}));
    }
}
