// SPDX-License-Identifier: Apache-2.0
#pragma once
// The values an option or argument accepts, kept on the CLI11 option itself
// so that the man pages and the shell completions read them from the same
// tree as --help. The command still checks the value with its own words
// (parse_enum); the mark never validates anything.
#include "complaints/base/enum_names.hpp"

#include <CLI/CLI.hpp>

#include <string>
#include <vector>

namespace complaints::cli {

// Marks `option` as taking one of `values`; returns it for chaining.
CLI::Option* choices(CLI::Option* option, const std::vector<std::string>& values);

// The value's name in --help and the man page ("CHANNEL"), unless it has one.
void name_value(CLI::Option* option, std::string_view what);

// The same, with every spelling of an enum from the core.
template <class E> CLI::Option* enum_choices(CLI::Option* option) {
    name_value(option, EnumNames<E>::what);
    return choices(option, enum_names<E>());
}

// The values marked on `option`, or none.
std::vector<std::string> choices_of(const CLI::Option& option);

} // namespace complaints::cli
