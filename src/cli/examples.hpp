// SPDX-License-Identifier: Apache-2.0
#pragma once
// The examples each command's --help and man page show: data, one table, so
// that a test can check every command has one and every flag in them exists.
#include <string>
#include <string_view>
#include <vector>

namespace complaints::cli {

struct Example {
    std::string_view command; // its path: "respond send"
    std::string_view line;    // what to type
    std::string_view what;    // what it does
};

// The examples of the command at `command` ("respond send"), in order.
std::vector<Example> examples_of(std::string_view command);

// "Examples:" and each example, as --help ends; "" when there is none.
std::string examples_text(std::string_view command);

} // namespace complaints::cli
