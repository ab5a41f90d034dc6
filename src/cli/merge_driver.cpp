// SPDX-License-Identifier: Apache-2.0
#include "merge_driver.hpp"

#include "complaints/base/error.hpp"

#include <fmt/format.h>

#include <fcntl.h>
#include <spawn.h>
#include <sys/wait.h>
#include <unistd.h>

#include <cstdlib>
#include <optional>

extern char** environ;

namespace complaints::cli {

namespace fs = std::filesystem;

namespace {

std::vector<char*> argv_of(std::vector<std::string>& args) {
    std::vector<char*> argv;
    for (auto& arg : args)
        argv.push_back(arg.data());
    argv.push_back(nullptr);
    return argv;
}

// git's standard output when it exits 0; nothing when it fails or is missing.
std::optional<std::string> git_output(const fs::path& folder, std::vector<std::string> args) {
    args.insert(args.begin(), {"git", "-C", folder.string()});
    auto argv = argv_of(args);
    int pipe_ends[2];
    if (::pipe2(pipe_ends, O_CLOEXEC) != 0)
        return std::nullopt;
    posix_spawn_file_actions_t actions;
    posix_spawn_file_actions_init(&actions);
    posix_spawn_file_actions_adddup2(&actions, pipe_ends[1], STDOUT_FILENO);
    posix_spawn_file_actions_addopen(&actions, STDERR_FILENO, "/dev/null", O_WRONLY, 0);
    pid_t pid = 0;
    const int spawned = posix_spawnp(&pid, "git", &actions, nullptr, argv.data(), environ);
    posix_spawn_file_actions_destroy(&actions);
    ::close(pipe_ends[1]);
    std::string out;
    char buffer[4096];
    for (ssize_t n = 0; spawned == 0 && (n = ::read(pipe_ends[0], buffer, sizeof buffer)) != 0;)
        if (n > 0)
            out.append(buffer, std::size_t(n));
        else if (errno != EINTR)
            break;
    ::close(pipe_ends[0]);
    if (spawned != 0)
        return std::nullopt;
    int status = 0;
    while (waitpid(pid, &status, 0) < 0 && errno == EINTR) {
    }
    if (!WIFEXITED(status) || WEXITSTATUS(status) != 0)
        return std::nullopt;
    return out;
}

// The executable PATH finds for `name`, as a shell would.
std::optional<fs::path> on_path(const std::string& name) {
    const char* path = std::getenv("PATH");
    std::string_view rest = path ? path : "";
    while (!rest.empty()) {
        const auto colon = rest.find(':');
        const std::string folder(rest.substr(0, colon));
        rest = colon == std::string_view::npos ? std::string_view{} : rest.substr(colon + 1);
        const fs::path candidate = fs::path(folder.empty() ? "." : folder) / name;
        if (::access(candidate.c_str(), X_OK) == 0 && !fs::is_directory(candidate))
            return candidate;
    }
    return std::nullopt;
}

// The program a registered driver command runs: its first word, unquoted.
std::string program_of(const std::string& command) {
    if (command.starts_with('\'')) {
        const auto end = command.find('\'', 1);
        return command.substr(1, end == std::string::npos ? std::string::npos : end - 1);
    }
    return command.substr(0, command.find(' '));
}

} // namespace

void run_git(const fs::path& folder, std::vector<std::string> args) {
    const std::string verb = args.empty() ? "" : args.front();
    args.insert(args.begin(), {"git", "-C", folder.string()});
    auto argv = argv_of(args);
    pid_t pid = 0;
    if (posix_spawnp(&pid, "git", nullptr, nullptr, argv.data(), environ) != 0)
        throw Error(ErrorKind::io, "cannot run git; is it installed?");
    int status = 0;
    while (waitpid(pid, &status, 0) < 0 && errno == EINTR) {
    }
    if (!WIFEXITED(status) || WEXITSTATUS(status) != 0)
        throw Error(ErrorKind::io,
                    fmt::format("'git {}' failed; is {} a git clone?", verb, folder.string()));
}

bool in_git_clone(fs::path folder) {
    std::error_code ec;
    for (folder = fs::absolute(folder, ec); !ec; folder = folder.parent_path()) {
        if (fs::exists(folder / ".git", ec))
            return true;
        if (!folder.has_parent_path() || folder.parent_path() == folder)
            return false;
    }
    return false;
}

bool git_installed() {
    return on_path("git").has_value();
}

std::string register_merge_driver(const fs::path& root) {
    const std::string driver =
        fmt::format("{} merge-file %O %A %B --path %P --marker-size %L", driver_program().command);
    run_git(root,
            {"config", "merge.complaints.name", "complaints: case files merged field by field"});
    run_git(root, {"config", "merge.complaints.driver", driver});
    return driver;
}

DriverProgram driver_program() {
    std::error_code ec;
    const fs::path self = fs::read_symlink("/proc/self/exe", ec);
    if (const auto found = on_path("complaints"); found && fs::equivalent(*found, self, ec))
        return {"complaints", ""};
    return {fmt::format("'{}'", self.string()),
            fmt::format("complaints is not on PATH, so the driver names {} by its full path: "
                        "after moving or upgrading it, run complaints git-setup again",
                        self.string())};
}

std::string merge_driver_doubt(const fs::path& root) {
    if (!in_git_clone(root))
        return {};
    const auto driver = git_output(root, {"config", "--get", "merge.complaints.driver"});
    if (!driver && !git_output(root, {"--version"}))
        return {}; // no git here: nothing merges
    if (!driver || driver->empty())
        return "this git clone has no merge driver for case files, so git would merge them as "
               "text and can lose a site's work: run complaints git-setup";
    const std::string program = program_of(*driver);
    const bool found = program.find('/') != std::string::npos ? ::access(program.c_str(), X_OK) == 0
                                                              : on_path(program).has_value();
    if (!found)
        return fmt::format("the merge driver this git clone runs for case files, {}, is not "
                           "there any more, so merges would keep one side: run complaints "
                           "git-setup again",
                           program);
    return {};
}

SideLabels merge_side_labels() {
    // A rebase keeps its state in one of these folders of the git dir for
    // as long as it runs; a merge, cherry-pick or revert in neither.
    bool rebasing = false;
    for (const char* state : {"rebase-merge", "rebase-apply"}) {
        const auto path = git_output(".", {"rev-parse", "--git-path", state});
        std::error_code ec;
        if (path && fs::is_directory(path->substr(0, path->find('\n')), ec))
            rebasing = true;
    }
    if (rebasing)
        return {"other-site (HEAD: the rebase puts the other site's work first)",
                "this-site (your commit the rebase replays)"};
    return {"this-site (HEAD)", "other-site (the work being merged in)"};
}

SideTexts merge_sides(const fs::path& root, const std::string& file) {
    // "./" names the file from `root`, wherever the work tree starts.
    const auto stage = [&](char n) {
        return git_output(root, {"show", fmt::format(":{}:./{}", n, file)}).value_or("");
    };
    if (!in_git_clone(root))
        return {};
    SideTexts sides{stage('2'), stage('3')};
    sides.new_on_both = !sides.upper.empty() && !sides.lower.empty() &&
                        !git_output(root, {"show", fmt::format(":1:./{}", file)});
    return sides;
}

} // namespace complaints::cli
