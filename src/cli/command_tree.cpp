// SPDX-License-Identifier: Apache-2.0
// Walks CLI11's tree; "hidden" is CLI11's empty group.
#include "command_tree.hpp"

#include "choices.hpp"

namespace complaints::cli {

namespace {

OptionEntry option_entry(const CLI::Option& option) {
    OptionEntry entry;
    entry.positional = !option.nonpositional();
    if (entry.positional) {
        entry.names.push_back(option.get_name());
    } else {
        for (const auto& name : option.get_snames())
            entry.names.push_back("-" + name);
        for (const auto& name : option.get_lnames())
            entry.names.push_back("--" + name);
    }
    if (option.get_type_size() != 0 && !entry.positional)
        entry.value =
            option.get_option_text().empty() ? option.get_type_name() : option.get_option_text();
    entry.description = option.get_description();
    entry.choices = choices_of(option);
    entry.required = option.get_required();
    entry.repeatable = option.get_expected_max() > 1;
    return entry;
}

} // namespace

CommandEntryTree describe(const CLI::App& app, const std::string& path) {
    CommandEntryTree tree;
    tree.name = app.get_name();
    tree.path = path;
    tree.description = app.get_description();
    const auto visible = [](const CLI::Option* option) { return !option->get_group().empty(); };
    for (const CLI::Option* option : app.get_options(visible))
        if (option->nonpositional())
            tree.options.push_back(option_entry(*option));
    for (const CLI::Option* option : app.get_options(visible))
        if (!option->nonpositional())
            tree.options.push_back(option_entry(*option));
    const auto shown = [](const CLI::App* sub) { return !sub->get_group().empty(); };
    for (const CLI::App* sub : app.get_subcommands(shown)) {
        tree.subcommands.push_back(
            describe(*sub, path.empty() ? sub->get_name() : path + " " + sub->get_name()));
        for (const auto& alias : sub->get_aliases()) {
            CommandEntryTree same = tree.subcommands.back();
            same.name = alias;
            same.path = path.empty() ? alias : path + " " + alias;
            same.alias_of = sub->get_name();
            tree.subcommands.push_back(std::move(same));
        }
    }
    return tree;
}

const CommandEntryTree* find_command(const CommandEntryTree& root, const std::string& name) {
    for (const auto& command : root.subcommands)
        if (command.name == name)
            return &command;
    return nullptr;
}

bool names_a_case(const OptionEntry& option) {
    const std::string& name = option.names.front();
    return option.positional && (name == "ID" || name.starts_with("ID "));
}

PathKind names_a_path(const OptionEntry& option) {
    const std::string& what = option.positional ? option.names.front() : option.value;
    if (what == "FILE")
        return PathKind::file;
    if (what == "DIR")
        return PathKind::folder;
    return PathKind::none;
}

} // namespace complaints::cli
