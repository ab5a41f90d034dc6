#include "text_input.hpp"

#include "complaints/atomic_file.hpp"
#include "complaints/error.hpp"
#include "complaints/text.hpp"

#include <fmt/format.h>

#include <cstdio>
#include <cstdlib>
#include <filesystem>
#include <iostream>
#include <iterator>
#include <unistd.h>

namespace complaints::cli {

std::string text_from_flag(const std::string& value, std::string_view flag) {
    std::string text = value;
    if (value == "-")
        text.assign(std::istreambuf_iterator<char>(std::cin), std::istreambuf_iterator<char>());
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
    std::string text = read_file(name);
    ::unlink(name);
    if (status != 0)
        throw Error(ErrorKind::usage, fmt::format("the editor failed; no {} was written", what));
    if (!text.empty() && text.back() == '\n')
        text.pop_back();
    require_clean_text(text, what);
    return text;
}

} // namespace complaints::cli
