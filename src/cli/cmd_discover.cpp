// SPDX-License-Identifier: Apache-2.0
// complaints help CMD, and the hidden commands the build and the shells
// run: __man (roff), __completion (a shell's script), __ids (case IDs).
#include "commands.hpp"
#include "completion.hpp"
#include "man_page.hpp"

#include "complaints/base/error.hpp"

#include <fmt/format.h>

#include <algorithm>
#include <cctype>
#include <fcntl.h>
#include <fstream>
#include <spawn.h>
#include <sstream>
#include <sys/wait.h>
#include <unistd.h>

extern char** environ;

namespace complaints::cli {

namespace {

// The command table as --help shows it, from the top.
CommandEntryTree whole_tree(const CLI::App& command) {
    const CLI::App* root = &command;
    while (root->get_parent())
        root = root->get_parent();
    return describe(*root);
}

const CommandEntryTree& command_named(const CommandEntryTree& root, const std::string& name) {
    if (const auto* command = find_command(root, name))
        return command->alias_of.empty() ? *command : command_named(root, command->alias_of);
    std::vector<std::string> names;
    for (const auto& command : root.subcommands)
        names.push_back(command.name);
    throw Error(ErrorKind::usage, fmt::format("unknown command '{}'{}; see 'complaints --help'",
                                              name, did_you_mean(name, names)));
}

// The whole file, or "" when there is none; any other failure is exit 4.
std::string read_if_there(const std::filesystem::path& path) {
    std::error_code error;
    if (!std::filesystem::exists(path, error))
        return {};
    std::ifstream in(path, std::ios::binary);
    std::ostringstream text;
    text << in.rdbuf();
    if (!in && !in.eof())
        throw Error(ErrorKind::bad_data, fmt::format("{}: cannot be read", path.string()));
    return text.str();
}

// Whether `man` is there and has the page, asked quietly (man -w).
bool man_has(const std::string& page) {
    posix_spawn_file_actions_t actions;
    posix_spawn_file_actions_init(&actions);
    posix_spawn_file_actions_addopen(&actions, 1, "/dev/null", O_WRONLY, 0);
    posix_spawn_file_actions_addopen(&actions, 2, "/dev/null", O_WRONLY, 0);
    const char* args[] = {"man", "-w", page.c_str(), nullptr};
    pid_t pid = 0;
    const int failed =
        posix_spawnp(&pid, "man", &actions, nullptr, const_cast<char**>(args), environ);
    posix_spawn_file_actions_destroy(&actions);
    int status = 0;
    return failed == 0 && waitpid(pid, &status, 0) == pid && WIFEXITED(status) &&
           WEXITSTATUS(status) == 0;
}

void run_help(const CLI::App& help, const std::string& name) {
    const CLI::App& root = *help.get_parent();
    const CLI::App* command = &root;
    if (!name.empty()) {
        command_named(whole_tree(help), name); // an unknown name is a usage error
        command = root.get_subcommand(name);
    }
    const std::string page = name.empty() ? "complaints" : "complaints-" + name;
    if (man_has(page)) {
        std::fflush(stdout);
        const char* args[] = {"man", page.c_str(), nullptr};
        execvp("man", const_cast<char**>(args));
    }
    // No man, or no page installed: the same options, from --help. The
    // formatter itself: App::help() of the top level would print the help
    // of the command given, `help`.
    const std::string usage = name.empty() ? "complaints" : "complaints " + name;
    fmt::print("{}",
               command->get_formatter()->make_help(command, usage, CLI::AppFormatMode::Normal));
}

void run_man(const CLI::App& man, const std::string& name, const std::string& source) {
    const CommandEntryTree root = whole_tree(man);
    const std::filesystem::path folder = source.empty() ? "" : source;
    if (name.empty()) {
        const std::string overview = read_if_there(folder / "complaints.1");
        if (overview.empty())
            throw Error(ErrorKind::usage,
                        "complaints(1) is written from --source DIR/complaints.1");
        fmt::print("{}", overview_man_page(root, overview));
        return;
    }
    const CommandEntryTree& command = command_named(root, name);
    const std::filesystem::path prose = folder / "commands" / (name + ".roff");
    fmt::print("{}", command_man_page(command, source.empty() ? "" : read_if_there(prose),
                                      prose.string()));
}

// Case IDs matching what was typed: its start, or the start of the part
// after the prefix, or of the random part, in any case (as IDs are taken).
bool id_matches(const std::string& id, std::string part) {
    std::transform(part.begin(), part.end(), part.begin(),
                   [](unsigned char c) { return static_cast<char>(std::toupper(c)); });
    for (std::size_t from = 0; from != std::string::npos;) {
        if (id.compare(from, part.size(), part) == 0)
            return true;
        from = id.find('-', from);
        from = from == std::string::npos ? from : from + 1;
    }
    return false;
}

void run_ids(const Reader* repo, const std::string& part) {
    try {
        if (!repo)
            return;
        for (const auto& id : repo->store.case_ids())
            if (id_matches(id, part))
                fmt::print("{}\n", id);
    } catch (const Error&) {
        // Completion must never print into the user's command line.
    }
}

} // namespace

void setup_help(CLI::App& app, Context& context) {
    auto name = std::make_shared<std::string>();
    CLI::App* command = app.add_subcommand(
        "help", "open a command's man page (complaints-CMD(1)), or print its --help");
    command->add_option("COMMAND", *name, "the command; none for complaints(1)");
    runs(*command, context, [name, command] { run_help(*command, *name); });
}

void setup_man(CLI::App& app, Context& context) {
    struct Options {
        std::string name;
        std::string source;
        bool commands = false;
    };
    auto options = std::make_shared<Options>();
    CLI::App* command = app.add_subcommand("__man", "print a man page in roff")->group("");
    command->add_option("COMMAND", options->name, "the command; none for complaints(1)");
    command->add_option("--source", options->source, "the man/ folder of the sources");
    command->add_flag("--commands", options->commands, "list the commands that have a page");
    runs(*command, context, [options, command] {
        if (!options->commands)
            return run_man(*command, options->name, options->source);
        for (const auto& each : whole_tree(*command).subcommands)
            if (each.alias_of.empty())
                fmt::print("{}\n", each.name);
    });
}

void setup_completion(CLI::App& app, Context& context) {
    auto shell = std::make_shared<std::string>();
    CLI::App* command =
        app.add_subcommand("__completion", "print a shell's completion script")->group("");
    command->add_option("SHELL", *shell, "bash, zsh or fish")->required();
    runs(*command, context,
         [shell, command] { fmt::print("{}", completion_script(whole_tree(*command), *shell)); });
}

void setup_ids(CLI::App& app, Context& context) {
    auto part = std::make_shared<std::string>();
    CLI::App* command =
        app.add_subcommand("__ids", "print the repository's case IDs matching PART")->group("");
    command->add_option("PART", *part, "what was typed");
    reads_if_any(*command, context, [part](const Reader* repo) { run_ids(repo, *part); });
}

} // namespace complaints::cli
