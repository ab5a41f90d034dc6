// SPDX-License-Identifier: Apache-2.0
#include "file_input.hpp"

#include "complaints/base/error.hpp"

#include <fmt/format.h>

#include <cerrno>
#include <cstdio>
#include <cstring>
#include <filesystem>
#include <memory>

namespace complaints::cli {

namespace {

std::string read_up_to(std::FILE* stream, std::size_t most, const std::string& shown) {
    std::string bytes;
    char buffer[1 << 16];
    while (bytes.size() < most) {
        const std::size_t want = std::min(sizeof buffer, most - bytes.size());
        const std::size_t got = std::fread(buffer, 1, want, stream);
        bytes.append(buffer, got);
        if (got < want)
            break;
    }
    if (std::ferror(stream))
        throw Error(ErrorKind::usage,
                    fmt::format("{}: cannot read it ({})", shown, std::strerror(errno)));
    return bytes;
}

} // namespace

std::string bytes_from(const std::string& file, std::size_t most) {
    if (file == "-")
        return read_up_to(stdin, most, "<stdin>");
    std::error_code ec;
    const auto status = std::filesystem::status(file, ec);
    if (status.type() == std::filesystem::file_type::not_found)
        throw Error(ErrorKind::usage, fmt::format("{}: no such file", file));
    if (status.type() != std::filesystem::file_type::regular)
        throw Error(ErrorKind::usage, fmt::format("{}: not a plain file", file));
    const std::unique_ptr<std::FILE, decltype(&std::fclose)> stream(std::fopen(file.c_str(), "rb"),
                                                                    &std::fclose);
    if (!stream)
        throw Error(ErrorKind::usage,
                    fmt::format("{}: cannot open it ({})", file, std::strerror(errno)));
    return read_up_to(stream.get(), most, file);
}

} // namespace complaints::cli
