// SPDX-License-Identifier: Apache-2.0
#pragma once
// The command table as plain data, read from the CLI11 tree that --help
// prints: every visible command, its subcommands, options and arguments.
// The man pages and the shell completions are written from it, so they
// cannot list an option --help does not, nor miss one.
#include <CLI/CLI.hpp>

#include <string>
#include <vector>

namespace complaints::cli {

struct OptionEntry {
    std::vector<std::string> names; // "-h", "--help"; an argument's one name ("ID")
    std::string value;              // what the value is called ("TEXT"); "" for a flag
    std::string description;
    std::vector<std::string> choices; // the values it takes, when they are few
    bool positional = false;
    bool required = false;
    bool repeatable = false;
    bool takes_value() const { return positional || !value.empty(); }
};

struct CommandEntryTree {
    std::string name;     // "add"
    std::string path;     // "calendar add"
    std::string alias_of; // "agenda" for "today": completion offers both, one page serves
    std::string description;
    std::vector<OptionEntry> options; // options first, then arguments in order
    std::vector<CommandEntryTree> subcommands;
};

// `app` and everything under it that --help shows; hidden ones are left out.
CommandEntryTree describe(const CLI::App& app, const std::string& path = "");

// The command `name` of the tree (a top-level one), or nullptr.
const CommandEntryTree* find_command(const CommandEntryTree& root, const std::string& name);

// Whether an argument names a case: completion offers the repository's IDs.
bool names_a_case(const OptionEntry& option);

// Whether an option's value or an argument is a file (FILE) or a folder
// (DIR): completion offers the names on the disk, as the shell would.
enum class PathKind { none, file, folder };
PathKind names_a_path(const OptionEntry& option);

} // namespace complaints::cli
