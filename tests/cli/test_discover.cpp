// SPDX-License-Identifier: Apache-2.0
// Help, man pages and shell completion: all written from the one command
// table, so --help, the pages and the completions cannot disagree.
#include "run.hpp"

#include <doctest/doctest.h>

#include <filesystem>
#include <fstream>
#include <regex>
#include <set>
#include <sstream>

namespace {

constexpr int k_usage = 2;
constexpr int k_bad_data = 4;

std::vector<std::string> lines_of(const std::string& text) {
    std::vector<std::string> lines;
    std::istringstream in(text);
    for (std::string line; std::getline(in, line);)
        lines.push_back(line);
    return lines;
}

test::Result complaints(std::vector<std::string> args) {
    return test::run({std::move(args)});
}

std::vector<std::string> commands() {
    const auto listed = complaints({"__man", "--commands"});
    REQUIRE(listed.exit_code == 0);
    return lines_of(listed.out);
}

// The options the OPTIONS section of a page gives an entry (a .TP tag).
std::set<std::string> page_options(const std::string& page) {
    static const std::regex option(R"(\\-(\\-[a-z0-9]+(\\-[a-z0-9]+)*|[a-zA-Z]\b))");
    std::set<std::string> names;
    bool in_options = false, tag = false;
    for (const auto& line : lines_of(page)) {
        if (line.starts_with(".SH"))
            in_options = line == ".SH OPTIONS";
        if (in_options && tag)
            for (auto it = std::sregex_iterator(line.begin(), line.end(), option);
                 it != std::sregex_iterator(); ++it)
                names.insert(std::regex_replace((*it)[0].str(), std::regex(R"(\\)"), ""));
        tag = line == ".TP";
    }
    return names;
}

// A --help page's own options, subcommands and example lines.
struct HelpPage {
    std::set<std::string> options; // every name before the value: "-h", "--help"
    std::vector<std::string> subcommands;
    std::vector<std::string> examples; // from "complaints " on
};

HelpPage help_page(const std::vector<std::string>& command) {
    auto args = command;
    args.push_back("--help");
    const auto help = complaints(args);
    REQUIRE_MESSAGE(help.exit_code == 0, help.err);
    // "  -h,--help", "  --attendee,--with NAME": every name before the value.
    static const std::regex option(R"(^  ((-\w|--[\w-]+)(,(-\w|--[\w-]+))*))");
    static const std::regex subcommand(R"(^  ([a-z][\w-]*)  )");
    HelpPage page;
    std::string section;
    for (const auto& line : lines_of(help.out)) {
        if (!line.empty() && line.back() == ':' && line.front() != ' ')
            section = line;
        std::smatch match;
        if (section == "Options:" && std::regex_search(line, match, option)) {
            std::istringstream listed(match[1].str());
            for (std::string name; std::getline(listed, name, ',');)
                page.options.insert(name);
        } else if (section == "Subcommands:" && std::regex_search(line, match, subcommand)) {
            page.subcommands.push_back(match[1]);
        } else if (section == "Examples:" && line.starts_with("  ") && line[2] != ' ' &&
                   line.find("complaints ") != std::string::npos) {
            page.examples.push_back(line.substr(line.find("complaints ")));
        }
    }
    return page;
}

// The --options --help lists for a command and every subcommand under it.
std::set<std::string> help_options(const std::vector<std::string>& command) {
    HelpPage page = help_page(command);
    for (const auto& sub : page.subcommands) {
        auto below = command;
        below.push_back(sub);
        page.options.merge(help_options(below));
    }
    return page.options;
}

// The words of an example outside its quotes: the command and its flags.
std::vector<std::string> unquoted_words(const std::string& line) {
    const std::string bare = std::regex_replace(line, std::regex(R"("[^"]*"|'[^']*')"), "Q");
    std::vector<std::string> words;
    std::istringstream in(bare);
    for (std::string word; in >> word;)
        words.push_back(word);
    return words;
}

// The options of the command an example runs: `command`, or the subcommand
// of it the example names (respond's page shows `respond send ...`).
std::set<std::string> options_run(std::vector<std::string> command, const std::string& example) {
    const auto words = unquoted_words(example);
    auto page = help_page(command);
    for (std::size_t i = command.size() + 1; i < words.size(); ++i) {
        if (std::find(page.subcommands.begin(), page.subcommands.end(), words[i]) ==
            page.subcommands.end())
            break;
        command.push_back(words[i]);
        page = help_page(command);
    }
    page.options.insert({"--repo", "--color"}); // the top level's, taken after any command
    return page.options;
}

// Every example of `command` and its subcommands names that command and only
// options it has; each command has at least one.
void check_examples(const std::vector<std::string>& command) {
    const HelpPage page = help_page(command);
    std::string path = "complaints";
    for (const auto& word : command)
        path += " " + word;
    CAPTURE(path);
    CHECK_FALSE(page.examples.empty());
    for (const auto& example : page.examples) {
        CAPTURE(example);
        CHECK((example == path || example.starts_with(path + " ")));
        const auto options = options_run(command, example);
        for (const auto& word : unquoted_words(example))
            if (word.starts_with("--"))
                CHECK(options.contains(word));
    }
    for (const auto& sub : page.subcommands) {
        auto below = command;
        below.push_back(sub);
        check_examples(below);
    }
}

// Runs a shell script with the binary as $1, in `cwd`.
test::Result shell(const std::string& program, const std::string& script,
                   const std::filesystem::path& cwd, std::vector<std::string> args = {}) {
    return test::run(
        {std::move(args), "", cwd, {}, std::chrono::seconds(60), {program, "-c", script, "shell"}});
}

// What bash's completion offers for the words of a command line; the last
// word is the one being completed.
std::vector<std::string> bash_complete(const std::filesystem::path& script,
                                       const std::filesystem::path& cwd,
                                       std::vector<std::string> words) {
    std::string array;
    for (const auto& word : words)
        array += " '" + word + "'";
    const auto result = shell("/bin/bash",
                              "source '" + script.string() + "' && COMP_WORDS=(\"$1\"" + array +
                                  ") && COMP_CWORD=" + std::to_string(words.size()) +
                                  " && _complaints && printf '%s\\n' \"${COMPREPLY[@]}\"",
                              cwd);
    REQUIRE_MESSAGE(result.exit_code == 0, result.err);
    auto offered = lines_of(result.out);
    std::erase(offered, "");
    return offered;
}

// The completion script `complaints __completion SHELL` writes, saved as
// `name` beside the repository.
std::filesystem::path completion_script(const test::Repo& repo, const std::string& shell,
                                        const std::string& name) {
    const auto script = repo.dir.path() / name;
    std::ofstream(script) << complaints({"__completion", shell}).out;
    return script;
}

// Runs `shell_args` in `cwd` with complaints found on PATH by name, as an
// installed binary is, and the usual programs beside it.
test::Result run_as_installed(const std::filesystem::path& cwd,
                              std::vector<std::string> shell_args) {
    const std::string path =
        std::filesystem::path(test::binary_path()).parent_path().string() + ":/usr/bin:/bin";
    return test::run(
        {{}, "", cwd, {{"PATH", path}}, std::chrono::seconds(60), std::move(shell_args)});
}

bool offers(const std::vector<std::string>& offered, const std::string& word) {
    return std::find(offered.begin(), offered.end(), word) != offered.end();
}

} // namespace

TEST_SUITE("discover: help, man pages and completion from the command table") {
    TEST_CASE("every command's man page has an entry for every option its --help lists, and "
              "no other") {
        const auto names = commands();
        REQUIRE(names.size() > 20);
        for (const auto& command : names) {
            CAPTURE(command);
            const auto page = complaints({"__man", command, "--source", test::man_sources_path()});
            REQUIRE_MESSAGE(page.exit_code == 0, page.err);
            CHECK(page_options(page.out) == help_options({command}));
        }
    }

    TEST_CASE("every command's --help and man page end with examples that use its own options") {
        for (const auto& command : commands()) {
            CAPTURE(command);
            check_examples({command});
            CHECK(test::has(complaints({"__man", command}).out,
                            ".SH EXAMPLES\n.TP\n\\fBcomplaints "));
        }
    }

    TEST_CASE("a page keeps the hand-written entry of an option and its description") {
        const auto page = complaints({"__man", "open", "--source", test::man_sources_path()});
        REQUIRE(page.exit_code == 0);
        CHECK(test::has(page.out, ".TH COMPLAINTS-OPEN 1"));
        // --channel is not required: --from-email gives it.
        CHECK(test::has(page.out, ".SH SYNOPSIS\n.B complaints open\n[\\fIoptions\\fR]"));
        // From man/commands/open.roff, not from --help.
        CHECK(test::has(page.out, "The clinician's GMC number (seven digits, never starting"));
        // No hand-written entry: --help's line.
        const auto show = complaints({"__man", "show", "--source", test::man_sources_path()});
        CHECK(test::has(
            show.out, ".BI \"\\-\\-format\" \" FORMAT\"\noutput format: table|json|yaml|html.\n"));
        CHECK(test::has(page.out, ".SH SEE ALSO\n.BR complaints (1)"));
    }

    TEST_CASE("a hand-written entry for an option the command does not have stops the page") {
        test::TempDir dir;
        std::filesystem::copy(test::man_sources_path(), dir.path() / "man",
                              std::filesystem::copy_options::recursive);
        std::ofstream(dir.path() / "man/commands/open.roff", std::ios::app)
            << ".TP\n.BI \\-\\-colour\\-of\\-form \" C\"\nThe colour of the form.\n";
        const auto page = complaints({"__man", "open", "--source", (dir.path() / "man").string()});
        CHECK(page.exit_code == k_bad_data);
        CHECK(test::has(page.err, "open.roff: --colour-of-form is not an option of 'open'"));
        CHECK(page.out.empty());
    }

    TEST_CASE("complaints(1) lists every command with its page") {
        const auto page = complaints({"__man", "--source", test::man_sources_path()});
        REQUIRE_MESSAGE(page.exit_code == 0, page.err);
        for (const auto& command : commands())
            CHECK(test::has(page.out, "complaints\\-" +
                                          std::regex_replace(command, std::regex("-"), "\\-") +
                                          " (1)\n"));
        CHECK(test::has(page.out, ".SH EXIT STATUS"));
        CHECK_FALSE(test::has(page.out, "@COMMANDS@"));
    }

    TEST_CASE("help CMD without its man page prints the command's --help") {
        test::TempDir empty;
        const auto result =
            test::run({{"help", "open"}, "", {}, {{"MANPATH", empty.path().string()}}});
        CHECK(result.exit_code == 0);
        CHECK(test::has(result.out, "--channel"));
        CHECK(test::has(result.out, "open a case for a complaint"));
        // An alias is helped as its command.
        const auto alias =
            test::run({{"help", "today"}, "", {}, {{"MANPATH", empty.path().string()}}});
        CHECK(alias.exit_code == 0);
        CHECK(test::has(alias.out, "--mine"));
    }

    TEST_CASE("help CMD opens complaints-CMD(1) with man") {
        if (!std::filesystem::exists("/usr/bin/man"))
            return; // man-db is not installed: the fallback above is what runs
        test::TempDir pages;
        std::filesystem::create_directories(pages.path() / "man1");
        const auto page = complaints({"__man", "open", "--source", test::man_sources_path()});
        std::ofstream(pages.path() / "man1/complaints-open.1") << page.out;
        const auto result = test::run({{"help", "open"},
                                       "",
                                       {},
                                       {{"MANPATH", pages.path().string()},
                                        {"MANPAGER", "cat"},
                                        {"PAGER", "cat"},
                                        {"MANWIDTH", "80"}}});
        CHECK(result.exit_code == 0);
        CHECK(test::has(result.out, "COMPLAINTS-OPEN(1)"));
        CHECK(test::has(result.out, "EXIT STATUS"));
    }

    TEST_CASE("help alone, without complaints(1) installed, prints the commands") {
        test::TempDir empty;
        const auto result = test::run({{"help"}, "", {}, {{"MANPATH", empty.path().string()}}});
        CHECK(result.exit_code == 0);
        CHECK(test::has(result.out, "Subcommands:"));
        CHECK(test::has(result.out, "open a case for a complaint"));
    }

    TEST_CASE("a mistyped command is never told about a hidden one") {
        const auto result = complaints({"man"});
        CHECK(result.exit_code == k_usage);
        CHECK(test::has(result.err, "unknown command 'man'"));
        CHECK_FALSE(test::has(result.err, "__man"));
    }

    TEST_CASE("help names an unknown command as a usage error") {
        const auto result = complaints({"help", "opne"});
        CHECK(result.exit_code == k_usage);
        CHECK(test::has(result.err, "unknown command 'opne' (did you mean 'open'?)"));
    }

    TEST_CASE("bash completes commands, options, their values and the repository's case IDs") {
        test::Repo repo;
        const std::string first = repo.open_case();
        const std::string second = repo.open_case("2026-11-11 09:00");
        const auto script = completion_script(repo, "bash", "complaints.bash");

        CHECK(bash_complete(script, repo.root, {"sh"}) == std::vector<std::string>{"show"});
        // An alias completes as its command does.
        CHECK(bash_complete(script, repo.root, {"tod"}) == std::vector<std::string>{"today"});
        CHECK(bash_complete(script, repo.root, {"today", "--fo"}) ==
              std::vector<std::string>{"--for", "--format"});
        CHECK(bash_complete(script, repo.root, {"open", "--ch"}) ==
              std::vector<std::string>{"--channel"});
        CHECK(bash_complete(script, repo.root, {"open", "--channel", ""}) ==
              std::vector<std::string>{"web-form", "phone", "in-person", "email", "letter"});
        CHECK(bash_complete(script, repo.root, {"close", "X", "--outcome", "partly"}) ==
              std::vector<std::string>{"partly-upheld"});
        CHECK(bash_complete(script, repo.root, {"list", "--format", ""}) ==
              std::vector<std::string>{"table", "json", "csv", "xlsx"});
        CHECK(bash_complete(script, repo.root, {"log", "X", "--type", "consultation-h"}) ==
              std::vector<std::string>{"consultation-held"});
        CHECK(bash_complete(script, repo.root, {"escalate", "X", "--to", "is"}) ==
              std::vector<std::string>{"iscas"});
        CHECK(bash_complete(script, repo.root, {"calendar", "a"}) ==
              std::vector<std::string>{"add"});
        // respond's steps are subcommands, each taking the case's ID.
        CHECK(bash_complete(script, repo.root, {"respond", "s"}) ==
              std::vector<std::string>{"send"});
        CHECK(bash_complete(script, repo.root, {"respond", "send", "X", "--vi"}) ==
              std::vector<std::string>{"--via"});
        CHECK(offers(bash_complete(script, repo.root, {"respond", "acknowledge", "LUM-"}), first));
        CHECK(bash_complete(script, repo.root, {"--color", ""}) ==
              std::vector<std::string>{"auto", "always", "never"});

        const auto ids = bash_complete(script, repo.root, {"show", "LUM-"});
        CHECK(ids.size() == 2);
        CHECK(offers(ids, first));
        CHECK(offers(ids, second));
        // Any part of the ID, as every command takes it: the random part.
        const std::string random = first.substr(first.rfind('-') + 1, 3);
        CHECK(offers(bash_complete(script, repo.root, {"show", random}), first));
        // The ID comes after an option with a value, too.
        CHECK(offers(bash_complete(script, repo.root, {"--repo", repo.root.string(), "log", ""}),
                     second));
        // The value of a free-text option is the user's to type.
        CHECK(bash_complete(script, repo.root, {"open", "--summary", ""}).empty());
        // Outside a repository there are no IDs, and nothing is said.
        CHECK(bash_complete(script, repo.dir.path(), {"show", "LUM-"}).empty());
    }

    TEST_CASE("bash completion works with bash-completion's _init_completion loaded") {
        if (!std::filesystem::exists("/usr/share/bash-completion/bash_completion"))
            return;
        test::Repo repo;
        const auto script = completion_script(repo, "bash", "complaints.bash");
        const auto result = shell(
            "/bin/bash",
            "source /usr/share/bash-completion/bash_completion && source '" + script.string() +
                "' && complete -p complaints && COMP_WORDS=(complaints open --kind '') && "
                "COMP_CWORD=3 && _complaints && printf '%s\\n' \"${COMPREPLY[@]}\"",
            repo.root);
        CHECK(result.exit_code == 0);
        CHECK(test::has(result.out, "complete -F _complaints complaints"));
        CHECK(test::has(result.out, "complaint\nconcern\nfeedback\n"));
    }

    TEST_CASE("the zsh and fish completions are valid scripts of their shells") {
        test::TempDir dir;
        for (const auto& [shell_name, program, check] :
             std::vector<std::tuple<std::string, std::string, std::string>>{
                 {"zsh", "/usr/bin/zsh", "-n"}, {"fish", "/usr/bin/fish", "--no-execute"}}) {
            CAPTURE(shell_name);
            const auto script = complaints({"__completion", shell_name});
            REQUIRE(script.exit_code == 0);
            const auto file = dir.path() / shell_name;
            std::ofstream(file) << script.out;
            REQUIRE_MESSAGE(std::filesystem::exists(program),
                            std::string(program + " is in packages.txt"));
            const auto checked = test::run({{},
                                            "",
                                            dir.path(),
                                            {},
                                            std::chrono::seconds(60),
                                            {program, check, file.string()}});
            // The binary's path is appended after the script: both shells
            // take it as an argument to the script and never run it.
            CHECK_MESSAGE(checked.exit_code == 0, checked.err);
        }
    }

    TEST_CASE("zsh's completion offers what bash's does") {
        if (!std::filesystem::exists("/usr/bin/zsh"))
            return;
        test::Repo repo;
        const std::string id = repo.open_case();
        const auto script = completion_script(repo, "zsh", "_complaints");
        // _complaints_candidates is the body both shells share; zsh runs it
        // with the options its completion function sets.
        const auto result =
            shell("/usr/bin/zsh",
                  "compdef() { :; }; source '" + script.string() +
                      "' && setopt ksharrays shwordsplit && _complaints_candidates 2 \"$1\" open "
                      "--ch && _complaints_candidates 2 \"$1\" show LUM-",
                  repo.root);
        CHECK_MESSAGE(result.exit_code == 0, result.err);
        CHECK(result.out == "--channel\n" + id + "\n");
    }

    TEST_CASE("zsh completes case IDs running complaints by name, as an installed one is") {
        if (!std::filesystem::exists("/usr/bin/zsh"))
            return;
        test::Repo repo;
        const std::string id = repo.open_case();
        const auto script = completion_script(repo, "zsh", "_complaints");
        // zsh ties $path to $PATH: a completion with a variable of that name
        // empties PATH, finds no `complaints` and offers no ID.
        const auto result = run_as_installed(
            repo.root, {"/usr/bin/zsh", "-c",
                        "compdef() { :; }; source '" + script.string() +
                            "' && setopt ksharrays shwordsplit && _complaints_candidates 2 "
                            "complaints show LUM-",
                        "--"});
        CHECK_MESSAGE(result.exit_code == 0, result.err);
        CHECK(result.out == id + "\n");
    }

    TEST_CASE("fish completes options, their values and the repository's case IDs") {
        if (!std::filesystem::exists("/usr/bin/fish"))
            return;
        test::Repo repo;
        const std::string id = repo.open_case();
        const auto script = completion_script(repo, "fish", "complaints.fish");
        // Fish runs `complaints __ids` by name, as an installed binary is.
        const auto result = run_as_installed(
            repo.root,
            {"/usr/bin/fish", "-c",
             "source '" + script.string() +
                 "'; complete -C 'complaints open --ch'; complete -C 'complaints open --channel "
                 "ph'; complete -C 'complaints show LUM-'",
             "--"});
        CHECK_MESSAGE(result.exit_code == 0, result.err);
        CHECK(test::has(result.out, "--channel\t"));
        CHECK(test::has(result.out, "phone\t"));
        CHECK(test::has(result.out, id + "\n"));
    }

    TEST_CASE("an unknown shell is a usage error") {
        const auto result = complaints({"__completion", "tcsh"});
        CHECK(result.exit_code == k_usage);
        CHECK(test::has(result.err, "unknown shell 'tcsh'; choose bash, zsh or fish"));
    }

    TEST_CASE("the hidden commands are not listed in --help") {
        const auto help = complaints({"--help"});
        CHECK(test::has(help.out, "help"));
        CHECK_FALSE(test::has(help.out, "__man"));
        CHECK_FALSE(test::has(help.out, "__completion"));
        CHECK_FALSE(test::has(help.out, "__ids"));
    }
}
