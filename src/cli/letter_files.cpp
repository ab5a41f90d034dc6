// SPDX-License-Identifier: Apache-2.0
#include "letter_files.hpp"
#include "text_input.hpp"

#include "complaints/base/error.hpp"
#include "complaints/base/text.hpp"
#include "complaints/store/atomic_file.hpp"

#include <fmt/format.h>

#include <cstdio>
#include <iostream>
#include <iterator>

namespace complaints::cli {

void print_for_people(std::string_view given) {
    const std::string text = visible_controls(given);
    if (std::fwrite(text.data(), 1, text.size(), stdout) != text.size() || std::fflush(stdout) != 0)
        throw Error(ErrorKind::io, "cannot write to standard output");
}

void put_draft(const std::string& text, const std::string& out, bool force, std::string_view what) {
    if (out.empty())
        return print_for_people(text);
    AtomicFile file(out);
    file.write(text);
    if (force)
        file.commit();
    else if (!file.commit_new())
        throw Error(
            ErrorKind::usage,
            fmt::format("--out: {} already exists and was left as it is; --force replaces it",
                        out));
    fmt::print(stderr, "complaints: wrote the {} to {}\n", what, out);
    if (!file.doubt().empty())
        fmt::print(stderr, "complaints: warning: {}\n", file.doubt());
}

std::string letter_sent_from(const std::string& file, const Store& store) {
    if (file == "-") {
        std::string text = text_from_stdin("--letter -", k_largest_case);
        check_letter_text(text, store.config().policy, "<stdin>");
        return text;
    }
    std::string text = read_file(file, k_largest_case);
    check_letter_text(text, store.config().policy, file);
    return text;
}

} // namespace complaints::cli
