// SPDX-License-Identifier: Apache-2.0
#include "text_input.hpp"

#include "complaints/base/error.hpp"
#include "complaints/base/text.hpp"
#include "complaints/store/atomic_file.hpp"
#include "complaints/store/store.hpp"

#include <fmt/format.h>

#include <cstdio>
#include <cstdlib>
#include <filesystem>
#include <iostream>
#include <iterator>
#include <sys/stat.h>
#include <sys/wait.h>
#include <unistd.h>

namespace complaints::cli {

namespace {

// No text may be larger than a case file: it could never be read again.
// Refused here, before anything is written, with the flag named.
void require_fits(std::size_t size, std::size_t most, std::string_view what) {
    if (size > most)
        throw Error(ErrorKind::bad_data,
                    fmt::format("{} is larger than {} MB, more than a case file may hold; "
                                "nothing was written",
                                what, most >> 20));
}

} // namespace

std::string text_from_stdin(std::string_view what, std::size_t most) {
    std::string text;
    char buffer[65536];
    while (std::cin.read(buffer, sizeof buffer) || std::cin.gcount() > 0) {
        text.append(buffer, static_cast<std::size_t>(std::cin.gcount()));
        require_fits(text.size(), most, what);
    }
    return text;
}

std::string text_from_flag(const std::string& value, std::string_view flag) {
    std::string text = value == "-" ? text_from_stdin(flag, k_largest_case) : value;
    require_fits(text.size(), k_largest_case, flag);
    require_clean_text(text, flag);
    return text;
}

std::optional<std::string> text_from_editor(std::string_view what) {
    const char* editor = std::getenv("VISUAL");
    if (!editor || !*editor)
        editor = std::getenv("EDITOR");
    if (!editor || !*editor || !::isatty(STDIN_FILENO) || !::isatty(STDOUT_FILENO))
        return std::nullopt;
    char name[] = "/tmp/complaints-XXXXXX.md";
    const int fd = ::mkstemps(name, 3);
    if (fd < 0)
        throw Error(ErrorKind::io, "cannot create a temporary file for the editor");
    ::close(fd);
    const std::string command = fmt::format("{} '{}'", editor, name);
    const int status = std::system(command.c_str());
    // What the user typed is theirs: whatever goes wrong from here, a file
    // that holds something is kept, and the message says where.
    std::string text;
    try {
        text = read_file(name, k_largest_case);
        if (status != 0)
            throw Error(ErrorKind::usage,
                        fmt::format("the editor failed (exit status {}); no {} was written",
                                    WIFEXITED(status) ? WEXITSTATUS(status) : status, what));
        if (!text.empty() && text.back() == '\n')
            text.pop_back();
        require_clean_text(text, what);
    } catch (const Error& e) {
        struct stat info {};
        if (::stat(name, &info) != 0 || info.st_size == 0) {
            ::unlink(name);
            throw;
        }
        throw Error(e.kind(), fmt::format("{}; what you typed is kept in {}", e.what(), name),
                    e.where());
    }
    ::unlink(name);
    return text;
}

} // namespace complaints::cli
