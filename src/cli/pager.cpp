// SPDX-License-Identifier: Apache-2.0
#include "pager.hpp"

#include <fcntl.h>
#include <sys/ioctl.h>
#include <sys/wait.h>
#include <unistd.h>

#include <cerrno>
#include <cstdio>
#include <cstdlib>
#include <filesystem>
#include <string>
#include <string_view>

namespace complaints::cli {

namespace {

pid_t g_pager = -1;
std::optional<std::size_t> g_width;

// The pager sees the end of its input only once our copy of it is closed;
// the shell prompt comes back only once the pager has gone.
void wait_for_pager() {
    if (g_pager < 0)
        return;
    std::fflush(stdout);
    ::close(STDOUT_FILENO);
    int status = 0;
    while (::waitpid(g_pager, &status, 0) < 0 && errno == EINTR) {
    }
    g_pager = -1;
}

bool on_path(std::string_view program) {
    const char* path = std::getenv("PATH");
    std::string_view rest = path ? path : "";
    while (!rest.empty()) {
        const auto colon = rest.find(':');
        const std::filesystem::path folder(rest.substr(0, colon));
        if (::access((folder / program).c_str(), X_OK) == 0)
            return true;
        rest = colon == std::string_view::npos ? "" : rest.substr(colon + 1);
    }
    return false;
}

// The pager to run, or empty for none. A machine without `less` pages
// nothing rather than pipe everything into a shell's "not found".
std::string pager_command() {
    for (const char* name : {"COMPLAINTS_PAGER", "PAGER"})
        if (const char* value = std::getenv(name))
            return std::string_view(value) == "cat" ? "" : value;
    return on_path("less") ? "less" : "";
}

} // namespace

bool start_pager() {
    if (g_pager >= 0 || ::isatty(STDOUT_FILENO) == 0)
        return false;
    const std::string command = pager_command();
    if (command.empty())
        return false;
    winsize size{};
    if (::ioctl(STDOUT_FILENO, TIOCGWINSZ, &size) == 0 && size.ws_col > 0)
        g_width = size.ws_col;
    int ends[2];
    if (::pipe2(ends, O_CLOEXEC) != 0)
        return false;
    // Set before the fork: the child only execs.
    ::setenv("LESS", "FRX", 0);
    ::setenv("LV", "-c", 0);
    std::fflush(stdout);
    const pid_t pid = ::fork();
    if (pid < 0) {
        ::close(ends[0]);
        ::close(ends[1]);
        return false;
    }
    if (pid == 0) {
        ::dup2(ends[0], STDIN_FILENO);
        ::execl("/bin/sh", "sh", "-c", command.c_str(), static_cast<char*>(nullptr));
        ::_exit(127);
    }
    ::dup2(ends[1], STDOUT_FILENO);
    ::close(ends[0]);
    ::close(ends[1]);
    g_pager = pid;
    std::atexit(wait_for_pager);
    return true;
}

bool stdout_paged() {
    return g_pager >= 0;
}

std::optional<std::size_t> paged_width() {
    return stdout_paged() ? g_width : std::nullopt;
}

} // namespace complaints::cli
