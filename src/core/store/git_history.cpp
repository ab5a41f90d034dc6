// SPDX-License-Identifier: Apache-2.0
#include "complaints/store/git_history.hpp"

#include "complaints/base/error.hpp"

#include <fmt/format.h>

#include <algorithm>
#include <cerrno>
#include <cstdio>
#include <fcntl.h>
#include <memory>
#include <spawn.h>
#include <sys/wait.h>
#include <unistd.h>

extern char** environ;

namespace complaints {

namespace {

struct GitRun {
    int status = -1; // git's exit status; -1 when it could not run
    std::string out;
    std::string err;
};

using TempFile = std::unique_ptr<std::FILE, int (*)(std::FILE*)>;

TempFile temporary() {
    TempFile file(std::tmpfile(), &std::fclose);
    if (!file)
        throw Error(ErrorKind::io, "cannot create a temporary file to talk to git");
    return file;
}

std::string read_all(int fd) {
    std::string text;
    char buffer[65536];
    for (ssize_t got; (got = ::read(fd, buffer, sizeof buffer)) != 0;) {
        if (got > 0)
            text.append(buffer, static_cast<std::size_t>(got));
        else if (errno != EINTR)
            break;
    }
    return text;
}

// Runs git in `root` without a shell: its input from a temporary file (so
// git never waits on us while we wait on it), its output read whole.
GitRun run_git(const std::filesystem::path& root, std::vector<std::string> args,
               const std::string& input = {}) {
    TempFile in = temporary();
    TempFile err = temporary();
    if (!input.empty() && std::fwrite(input.data(), 1, input.size(), in.get()) != input.size())
        throw Error(ErrorKind::io, "cannot write git's input to a temporary file");
    std::fflush(in.get());
    ::lseek(::fileno(in.get()), 0, SEEK_SET);
    int out[2];
    if (::pipe2(out, O_CLOEXEC) != 0)
        throw Error(ErrorKind::io, "cannot make a pipe to read git's output");
    args.insert(args.begin(), {"git", "-C", root.string(), "-c", "log.showSignature=false"});
    std::vector<char*> argv;
    for (auto& arg : args)
        argv.push_back(arg.data());
    argv.push_back(nullptr);
    posix_spawn_file_actions_t actions;
    ::posix_spawn_file_actions_init(&actions);
    ::posix_spawn_file_actions_adddup2(&actions, ::fileno(in.get()), STDIN_FILENO);
    ::posix_spawn_file_actions_adddup2(&actions, out[1], STDOUT_FILENO);
    ::posix_spawn_file_actions_adddup2(&actions, ::fileno(err.get()), STDERR_FILENO);
    pid_t pid = 0;
    const int failed = ::posix_spawnp(&pid, "git", &actions, nullptr, argv.data(), environ);
    ::posix_spawn_file_actions_destroy(&actions);
    ::close(out[1]);
    GitRun run;
    if (!failed)
        run.out = read_all(out[0]);
    ::close(out[0]);
    if (failed)
        return run;
    int status = 0;
    while (::waitpid(pid, &status, 0) < 0 && errno == EINTR) {
    }
    run.status = WIFEXITED(status) ? WEXITSTATUS(status) : 128;
    ::lseek(::fileno(err.get()), 0, SEEK_SET);
    run.err = read_all(::fileno(err.get()));
    return run;
}

// git's first line of complaint, for a message.
std::string first_line(const std::string& text) {
    return text.substr(0, std::min(text.find('\n'), text.size()));
}

GitRun must(const std::filesystem::path& root, std::vector<std::string> args,
            const std::string& input = {}) {
    const std::string what = args.front();
    GitRun run = run_git(root, std::move(args), input);
    if (run.status != 0)
        throw Error(ErrorKind::io, fmt::format("git {} failed in {}: {}", what, root.string(),
                                               first_line(run.err)));
    return run;
}

std::vector<std::string> split(const std::string& text, char by) {
    std::vector<std::string> parts;
    std::size_t from = 0;
    for (std::size_t at; (at = text.find(by, from)) != std::string::npos; from = at + 1)
        parts.push_back(text.substr(from, at - from));
    parts.push_back(text.substr(from));
    return parts;
}

} // namespace

bool no_blob(const std::string& blob) {
    return std::all_of(blob.begin(), blob.end(), [](char c) { return c == '0'; });
}

GitHistory::GitHistory(std::filesystem::path root) : m_root(std::move(root)) {
    const GitRun run = run_git(m_root, {"rev-parse", "--show-prefix"});
    if (run.status < 0)
        throw Error(ErrorKind::not_found,
                    "cannot run git: the history is git's, so audit needs git installed");
    if (run.status != 0)
        throw Error(ErrorKind::not_found,
                    fmt::format("{} is not in a git repository, so it has no history to audit "
                                "(git says: {})",
                                m_root.string(), first_line(run.err)));
    m_prefix = first_line(run.out);
}

std::vector<GitCommit> GitHistory::commits(const std::string& rev) const {
    const GitRun found = run_git(m_root, {"rev-parse", "--verify", "-q", rev + "^{commit}"});
    if (found.status != 0) {
        if (rev == "HEAD")
            return {}; // nothing committed yet
        throw Error(ErrorKind::not_found, fmt::format("git has no commit '{}'", rev));
    }
    const GitRun run = must(m_root, {"log", "--reverse", "--topo-order", "--no-color",
                                     "--format=%H%x1f%P%x1f%an <%ae>%x1f%aI%x1f%s", rev, "--"});
    std::vector<GitCommit> commits;
    for (const auto& line : split(run.out, '\n')) {
        const auto fields = split(line, '\x1f');
        if (fields.size() < 5)
            continue;
        GitCommit commit{fields[0], {}, fields[2], fields[3], fields[4]};
        for (auto& parent : split(fields[1], ' '))
            if (!parent.empty())
                commit.parents.push_back(std::move(parent));
        commits.push_back(std::move(commit));
    }
    return commits;
}

std::vector<GitDiff> GitHistory::diffs(const std::vector<GitCommit>& commits) const {
    // A root commit alone on its line, with --root, diffs against the empty
    // tree (git refuses a tree where --stdin wants a commit); every other
    // line is "COMMIT PARENT". With --always each line yields its header,
    // so the output pairs with the input in order.
    std::string input;
    std::vector<GitDiff> diffs;
    for (const auto& commit : commits) {
        if (commit.parents.empty()) {
            input += commit.hash + "\n";
            diffs.push_back({commit.hash, "", {}});
        }
        for (const auto& parent : commit.parents) {
            input += commit.hash + " " + parent + "\n";
            diffs.push_back({commit.hash, parent, {}});
        }
    }
    if (diffs.empty())
        return diffs;
    const GitRun run = must(m_root,
                            {"diff-tree", "--stdin", "--root", "-r", "--raw", "--no-renames",
                             "--no-abbrev", "--always", "-z", "--no-color"},
                            input);
    const auto tokens = split(run.out, '\0');
    std::size_t at = 0;
    GitDiff* current = nullptr;
    for (std::size_t i = 0; i < tokens.size(); ++i) {
        const std::string& token = tokens[i];
        if (token.empty())
            continue;
        if (token[0] != ':') {
            if (at == diffs.size() || token != diffs[at].commit)
                throw Error(ErrorKind::io, "git diff-tree answered out of order");
            current = &diffs[at++];
            continue;
        }
        const auto fields = split(token.substr(1), ' '); // modes, blobs, status
        if (!current || fields.size() < 5 || i + 1 >= tokens.size())
            throw Error(ErrorKind::io, "git diff-tree's output cannot be read");
        current->changes.push_back(
            {fields[4].empty() ? 'M' : fields[4][0], tokens[++i], fields[2], fields[3]});
    }
    if (at != diffs.size())
        throw Error(ErrorKind::io, "git diff-tree answered fewer commits than asked");
    return diffs;
}

std::map<std::string, std::string> GitHistory::blobs(const std::vector<std::string>& names) const {
    std::map<std::string, std::string> contents;
    if (names.empty())
        return contents;
    std::string input;
    for (const auto& name : names)
        input += name + "\n";
    const GitRun run = must(m_root, {"cat-file", "--batch"}, input);
    // Each answer: "NAME blob SIZE\n", the bytes, "\n"; or "NAME missing\n".
    std::size_t at = 0;
    while (at < run.out.size()) {
        const std::size_t end = run.out.find('\n', at);
        if (end == std::string::npos)
            break;
        const auto header = split(run.out.substr(at, end - at), ' ');
        at = end + 1;
        if (header.size() < 3)
            continue;
        const std::size_t size = std::stoull(header[2]);
        contents[header[0]] = run.out.substr(at, size);
        at += size + 1;
    }
    return contents;
}

} // namespace complaints
