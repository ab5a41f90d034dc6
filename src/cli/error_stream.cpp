// SPDX-License-Identifier: Apache-2.0
#include "error_stream.hpp"

#include "complaints/base/text.hpp"

#include <cerrno>
#include <cstdio>
#include <string>
#include <unistd.h>

namespace complaints::cli {

namespace {

// The stream is unbuffered, so each print arrives here whole and its
// control characters are made visible as a whole.
ssize_t write_visible(void*, const char* data, size_t size) {
    const std::string shown = visible_controls(std::string_view(data, size));
    std::string_view rest = shown;
    while (!rest.empty()) {
        const ssize_t written = ::write(STDERR_FILENO, rest.data(), rest.size());
        if (written < 0 && errno == EINTR)
            continue;
        if (written <= 0)
            break; // nowhere to say it: dropped, never an error
        rest.remove_prefix(static_cast<std::size_t>(written));
    }
    return static_cast<ssize_t>(size);
}

} // namespace

void guard_standard_error() {
    cookie_io_functions_t functions{};
    functions.write = write_visible;
    FILE* stream = ::fopencookie(nullptr, "w", functions);
    if (!stream)
        return;
    std::setvbuf(stream, nullptr, _IONBF, 0);
    stderr = stream;
}

} // namespace complaints::cli
