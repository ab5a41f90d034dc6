// SPDX-License-Identifier: Apache-2.0
#pragma once
// Runs the real `complaints` binary and captures what it says.
#include "paths.hpp"
#include "temp_dir.hpp"

#include <nlohmann/json.hpp>
#include <sys/stat.h>

#include <chrono>
#include <map>
#include <string>
#include <vector>

namespace test {

struct Result {
    int exit_code = -1;
    std::string out;
    std::string err;
    nlohmann::json json() const { return nlohmann::json::parse(out); }
    // The list under `key` of a JSON document ("cases", "items"), by value:
    // safe to loop over, where `json()["cases"]` would refer into a
    // temporary gone before the loop's body.
    nlohmann::json json(const std::string& key) const { return json().at(key); }
};

struct Run {
    std::vector<std::string> args;
    std::string input;                      // standard input (closed after)
    std::filesystem::path cwd;              // default: the current folder
    std::map<std::string, std::string> env; // added to a clean environment
    // A run still going after this is killed and fails the test: a command
    // that hangs (waiting on a FIFO, say) is a bug, not a slow test.
    std::chrono::seconds timeout{600};
    // A program that runs the binary, and its arguments before the binary's
    // path: {"/usr/bin/setpriv", "--reuid=65534", ...}. Absolute path.
    std::vector<std::string> wrapper{};
};

// Whether `text` contains `part`: for what a command said.
inline bool has(const std::string& text, const std::string& part) {
    return text.find(part) != std::string::npos;
}

// The clock named `rule` ("response", "acknowledgement") in `show --format
// json`'s output, or null: tests name the clock they mean, not its place.
inline nlohmann::json clock_named(const nlohmann::json& shown, const std::string& rule) {
    for (const auto& clock : shown["clocks"])
        if (clock["rule"] == rule)
            return clock;
    return nullptr;
}

// Runs the binary to its end; exit_code 128 + the signal when one killed it.
Result run(const Run& how);
// The same with standard output on `output` (/dev/full), not captured.
Result run_to(const Run& how, const std::filesystem::path& output);

// Starts the binary without waiting, its output thrown away; returns the pid.
int spawn(const Run& how);

// Sets the umask for the commands run while it lives, as a user's shell
// would, and puts the old one back.
class Umask {
  public:
    explicit Umask(mode_t mask) : m_old(::umask(mask)) {}
    ~Umask() { ::umask(m_old); }
    Umask(const Umask&) = delete;
    Umask& operator=(const Umask&) = delete;

  private:
    mode_t m_old;
};

// The permission bits of a file or folder (not following a link).
mode_t mode_of(const std::filesystem::path& path);

// A repository with the given preset in dir/repo, and a fixed clock and user
// so the tests read the same every time.
struct Repo {
    explicit Repo(const std::string& preset = "clinic", const std::string& prefix = "LUM");
    TempDir dir;
    std::filesystem::path root;
    std::string now = "2026-11-16T10:00:00+00:00";
    std::chrono::seconds timeout{600}; // for each command run in it

    // Runs `complaints ARGS` inside the repository.
    Result operator()(std::vector<std::string> args, const std::string& input = {}) const;
    // Opens a phone complaint received at `received` (plus any `more` flags)
    // and returns its ID; fails the test if it cannot.
    std::string open_case(const std::string& received = "2026-11-10 09:00",
                          std::vector<std::string> more = {}) const;
    // Runs a command that must succeed.
    void ok(std::vector<std::string> args) const;
    // Runs a command that must fail with `code`, proves nothing changed, and
    // returns what it said on stderr.
    std::string refused(std::vector<std::string> args, int code) const;
    // All case files' contents, by file name: to prove a command wrote nothing.
    std::map<std::string, std::string> snapshot() const;
    std::string case_file(const std::string& id) const;
};

// Runs `complaints ARGS` in the repository under a pseudo-terminal
// (script(1)), so that its standard output and error are a terminal, with
// `before` (shell variable settings) ahead of it and VISUAL unset; returns
// the exit status and everything the terminal received. The arguments go
// through a small shell script, each in single quotes, bytes as they are.
Result on_terminal(const Repo& repo, const std::vector<std::string>& args,
                   const std::string& before = "true");
// The shell command `line` run in the repository under a pseudo-terminal,
// the way on_terminal runs the binary: for a test that sets up more itself.
Result run_on_terminal(const Repo& repo, const std::string& line);

} // namespace test
