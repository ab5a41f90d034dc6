// SPDX-License-Identifier: Apache-2.0
// The mark is an inactive validator whose name carries the values: CLI11
// keeps no other user data on an option, and an inactive validator neither
// runs nor shows in --help.
#include "choices.hpp"
#include "text_lines.hpp"

#include "complaints/base/strings.hpp"

#include <cctype>

namespace complaints::cli {

namespace {

constexpr std::string_view k_mark = "choices=";

} // namespace

CLI::Option* choices(CLI::Option* option, const std::vector<std::string>& values) {
    CLI::Validator mark([](std::string&) { return std::string(); }, "",
                        std::string(k_mark) + util::join(values, "\n"));
    mark.active(false);
    return option->check(mark);
}

void name_value(CLI::Option* option, std::string_view what) {
    if (!option->nonpositional() || !option->get_option_text().empty())
        return;
    std::string name;
    for (const char c : what)
        name += c == ' ' ? '-' : static_cast<char>(std::toupper(static_cast<unsigned char>(c)));
    // type_name, not option_text: --help still says REQUIRED after it.
    option->type_name(name);
}

std::vector<std::string> choices_of(const CLI::Option& option) {
    // get_validator is not const in CLI11; reading it changes nothing.
    auto& readable = const_cast<CLI::Option&>(option);
    for (int index = 0;; ++index) {
        const CLI::Validator* validator = nullptr;
        try {
            validator = readable.get_validator(index);
        } catch (const CLI::OptionNotFound&) {
            return {};
        }
        const std::string& name = validator->get_name();
        if (name.starts_with(k_mark))
            return lines_of(std::string_view(name).substr(k_mark.size()));
    }
}

} // namespace complaints::cli
