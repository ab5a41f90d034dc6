// SPDX-License-Identifier: Apache-2.0
// Completion as a user meets it: each shell's own completion system, with
// the installed script where the shell looks for it and `complaints` found
// on PATH by name. zsh is driven through a pseudo-terminal (zsh/zpty), TAB
// typed after the command line, compadd printing what it would offer.
#include "run.hpp"

#include <doctest/doctest.h>

#include <algorithm>
#include <filesystem>
#include <fstream>
#include <sstream>

namespace {

// Sourced by the interactive zsh in the pseudo-terminal: compinit with the
// folder holding _complaints first on $fpath (as vendor-completions is),
// TAB bound to complete-word, and compadd printing its matches between two
// NUL bytes; after the first TAB the shell exits, before inserting any.
constexpr std::string_view k_zsh_capture = R"zsh(
PROMPT= RPROMPT=
fpath=("$COMPLAINTS_FPATH" $fpath)
# The dump, kept beside the repository, makes every shell after the first
# start in a tenth of the time.
autoload -Uz compinit && compinit -u -d "$COMPLAINTS_ZCOMPDUMP"
bindkey '^I' complete-word
bindkey '^M' undefined-key
bindkey '^J' undefined-key
zstyle ':completion:*' insert-tab false
_capture_nul() { print -rn -- $'\0' }
compprefuncs=(_capture_nul)
comppostfuncs=(_capture_nul exit)
compadd() {
    # A call that only asks which words match is the completion system's own.
    if [[ ${@[1,(i)(-|--)]} == *-(O|A|D)\ * ]]; then
        builtin compadd "$@"
        return $?
    fi
    local -a hits
    builtin compadd -A hits "$@"
    (( $#hits )) && print -rl -- "${hits[@]}"
    # Added too, so that _files, finding folders, tries no other pattern.
    builtin compadd "$@"
}
print ready
)zsh";

// Runs the capture script in a zsh under zpty, types $2 and a TAB, and
// prints what was offered, one a line.
constexpr std::string_view k_zsh_drive = R"zsh(
zmodload zsh/zpty || exit 2
zpty shell zsh -f -i
zpty -w shell "source ${(q)1}"
zpty -r shell line '*ready*' || exit 3
zpty -w -n shell "$2"$'\t'
local out= chunk
while zpty -r shell chunk; do out+=$chunk; done
print -rn -- "${${(@ps:\0:)out}[2]//$'\r'/}"
)zsh";

std::vector<std::string> offered_lines(const std::string& text) {
    std::vector<std::string> lines;
    std::istringstream in(text);
    for (std::string line; std::getline(in, line);)
        if (!line.empty())
            lines.push_back(line);
    // Sorted and once each: zsh's _files may add a folder twice, and shows it once.
    std::sort(lines.begin(), lines.end());
    lines.erase(std::unique(lines.begin(), lines.end()), lines.end());
    return lines;
}

std::vector<std::string> sorted(std::vector<std::string> words) {
    std::sort(words.begin(), words.end());
    return words;
}

// The script `complaints __completion SHELL` writes.
std::string completion_for(const std::string& shell) {
    test::Run how;
    how.args = {"__completion", shell};
    const auto result = test::run(how);
    REQUIRE(result.exit_code == 0);
    return result.out;
}

// PATH with the built binary's folder first, as an installed one is found.
std::string path_with_binary() {
    return std::filesystem::path(test::binary_path()).parent_path().string() + ":/usr/bin:/bin";
}

// The shells' files beside the repository: zsh's function in a folder of
// its own (for $fpath), and the two drivers.
struct ZshCompletion {
    std::filesystem::path functions, capture, drive;

    explicit ZshCompletion(const test::Repo& repo)
        : functions(repo.dir.path() / "zsh-functions"), capture(repo.dir.path() / "capture.zsh"),
          drive(repo.dir.path() / "drive.zsh") {
        std::filesystem::create_directory(functions);
        test::write_text(functions / "_complaints", completion_for("zsh"));
        test::write_text(capture, std::string(k_zsh_capture));
        test::write_text(drive, std::string(k_zsh_drive));
    }

    // What zsh offers when TAB is typed after `line`, in `cwd`, sorted.
    std::vector<std::string> offers(const std::filesystem::path& cwd,
                                    const std::string& line) const {
        const auto result =
            test::run({{},
                       "",
                       cwd,
                       {{"PATH", path_with_binary()},
                        {"COMPLAINTS_FPATH", functions.string()},
                        {"COMPLAINTS_ZCOMPDUMP", (functions.parent_path() / "zcompdump").string()}},
                       std::chrono::seconds(60),
                       {"/usr/bin/zsh", "-f", drive.string(), capture.string(), line, "--"}});
        REQUIRE_MESSAGE(result.exit_code == 0, result.err);
        return offered_lines(result.out);
    }
};

// What bash's completion function offers for `words` (the last one being
// completed), sorted, called as bash calls it.
std::vector<std::string> bash_offers(const test::Repo& repo, const std::filesystem::path& cwd,
                                     const std::vector<std::string>& words) {
    const auto script = repo.dir.path() / "complaints.bash";
    test::write_text(script, completion_for("bash"));
    std::string array = "complaints";
    for (const auto& word : words)
        array += " '" + word + "'";
    const auto result = test::run({{},
                                   "",
                                   cwd,
                                   {{"PATH", path_with_binary()}},
                                   std::chrono::seconds(60),
                                   {"/bin/bash", "-c",
                                    "source '" + script.string() + "' && COMP_WORDS=(" + array +
                                        ") && COMP_CWORD=" + std::to_string(words.size()) +
                                        " && _complaints && printf '%s\\n' \"${COMPREPLY[@]}\"",
                                    "--"}});
    REQUIRE_MESSAGE(result.exit_code == 0, result.err);
    return offered_lines(result.out);
}

// What fish offers for the command line `line`: the words, sorted.
std::vector<std::string> fish_offers(const test::Repo& repo, const std::filesystem::path& cwd,
                                     const std::string& line) {
    const auto script = repo.dir.path() / "complaints.fish";
    test::write_text(script, completion_for("fish"));
    const auto result =
        test::run({{},
                   "",
                   cwd,
                   {{"PATH", path_with_binary()}},
                   std::chrono::seconds(60),
                   {"/usr/bin/fish", "-c",
                    "source '" + script.string() + "'; complete -C '" + line + "'", "--"}});
    REQUIRE_MESSAGE(result.exit_code == 0, result.err);
    std::vector<std::string> words;
    for (const auto& line_offered : offered_lines(result.out))
        words.push_back(line_offered.substr(0, line_offered.find('\t')));
    return words;
}

bool has_shell(const std::string& program) {
    if (std::filesystem::exists(program))
        return true;
    const std::string skipped = program + " is not installed (packages-test.txt has it): skipped";
    MESSAGE(skipped);
    return false;
}

} // namespace

TEST_SUITE("completion: each shell's own completion system") {
    TEST_CASE("zsh's completion system offers the repository's case IDs after TAB") {
        if (!has_shell("/usr/bin/zsh"))
            return;
        test::Repo repo;
        const std::vector<std::string> ids =
            sorted({repo.open_case(), repo.open_case("2026-11-11 09:00"),
                    repo.open_case("2026-11-12 09:00")});
        const ZshCompletion zsh(repo);

        CHECK(zsh.offers(repo.root, "complaints show ") == ids);
        CHECK(zsh.offers(repo.root, "complaints close ") == ids);
        CHECK(zsh.offers(repo.root, "complaints respond send ") == ids);
        CHECK(zsh.offers(repo.root, "complaints log ") == ids);
        // A part of the ID, as every command takes it.
        const std::string random = ids[1].substr(ids[1].rfind('-') + 1, 4);
        CHECK(zsh.offers(repo.root, "complaints show " + random) ==
              std::vector<std::string>{ids[1]});
        // From outside, through --repo.
        CHECK(zsh.offers(repo.dir.path(), "complaints --repo repo show ") == ids);
        // Commands and option values still come from the tables.
        CHECK(zsh.offers(repo.root, "complaints sh") == std::vector<std::string>{"show"});
        CHECK(zsh.offers(repo.root, "complaints list --format ") ==
              sorted({"table", "json", "csv", "xlsx"}));
    }

    TEST_CASE("zsh completes file names for a file and folder names for a folder") {
        if (!has_shell("/usr/bin/zsh"))
            return;
        test::Repo repo;
        const std::string id = repo.open_case();
        const ZshCompletion zsh(repo);
        const auto inbox = repo.dir.path() / "inbox";
        std::filesystem::create_directory(inbox);
        std::filesystem::create_directory(inbox / "old");
        test::write_text(inbox / "complaint.eml", "From: a@example.org\n");
        test::write_text(inbox / "reply.md", "Dear Ms Patel\n");

        CHECK(zsh.offers(inbox, "complaints --repo ../repo open --from-email c") ==
              std::vector<std::string>{"complaint.eml"});
        CHECK(zsh.offers(inbox, "complaints --repo ../repo log " + id + " --letter r") ==
              std::vector<std::string>{"reply.md"});
        CHECK(zsh.offers(inbox, "complaints --repo ../repo attach " + id + " ") ==
              sorted({"complaint.eml", "old", "reply.md"}));
        CHECK(zsh.offers(inbox, "complaints --repo ../repo attach " + id + " reply.md c") ==
              std::vector<std::string>{"complaint.eml"});
        CHECK(zsh.offers(inbox, "complaints init ") == std::vector<std::string>{"old"});
    }

    TEST_CASE("bash completes file names for a file and folder names for a folder") {
        test::Repo repo;
        const std::string id = repo.open_case();
        const auto inbox = repo.dir.path() / "inbox";
        std::filesystem::create_directory(inbox);
        std::filesystem::create_directory(inbox / "old");
        test::write_text(inbox / "complaint.eml", "From: a@example.org\n");
        test::write_text(inbox / "reply.md", "Dear Ms Patel\n");

        CHECK(bash_offers(repo, inbox, {"--repo", "../repo", "open", "--from-email", "c"}) ==
              std::vector<std::string>{"complaint.eml"});
        CHECK(bash_offers(repo, inbox, {"--repo", "../repo", "log", id, "--letter", ""}) ==
              sorted({"complaint.eml", "old", "reply.md"}));
        CHECK(bash_offers(repo, inbox, {"--repo", "../repo", "attach", id, "reply.md", "c"}) ==
              std::vector<std::string>{"complaint.eml"});
        CHECK(bash_offers(repo, inbox, {"init", ""}) == std::vector<std::string>{"old"});
        // The ID before the file is still an ID.
        CHECK(bash_offers(repo, repo.root, {"attach", ""}) == std::vector<std::string>{id});
    }

    TEST_CASE("fish completes file names for a file and folder names for a folder") {
        if (!has_shell("/usr/bin/fish"))
            return;
        test::Repo repo;
        const std::string id = repo.open_case();
        const auto inbox = repo.dir.path() / "inbox";
        std::filesystem::create_directory(inbox);
        std::filesystem::create_directory(inbox / "old");
        test::write_text(inbox / "complaint.eml", "From: a@example.org\n");
        test::write_text(inbox / "reply.md", "Dear Ms Patel\n");

        CHECK(fish_offers(repo, inbox, "complaints open --from-email c") ==
              std::vector<std::string>{"complaint.eml"});
        CHECK(fish_offers(repo, inbox, "complaints log " + id + " --letter r") ==
              std::vector<std::string>{"reply.md"});
        CHECK(fish_offers(repo, inbox, "complaints attach " + id + " reply.md c") ==
              std::vector<std::string>{"complaint.eml"});
        CHECK(fish_offers(repo, inbox, "complaints init o") == std::vector<std::string>{"old/"});
        // At attach's ID, the IDs alone.
        CHECK(fish_offers(repo, repo.root, "complaints attach ") == std::vector<std::string>{id});
    }
}
