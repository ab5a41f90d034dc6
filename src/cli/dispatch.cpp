// SPDX-License-Identifier: Apache-2.0
#include "dispatch.hpp"
#include "json_writes.hpp"

#include "clock_text.hpp"
#include "commands.hpp"
#include "json_output.hpp"
#include "output.hpp"
#include "pager.hpp"

#include <fmt/format.h>

#include <unistd.h>

#include <cstdio>
#include <cstdlib>
#include <memory>
#include <stdexcept>
#include <string_view>
#include <utility>
#include <vector>

namespace complaints::cli {

namespace {

// $COMPLAINTS_NO_CACHE is --no-cache for every command, and for finding a
// case by its ID too.
void obey_no_cache(Store& store) {
    const char* bypass = std::getenv("COMPLAINTS_NO_CACHE");
    if (bypass && *bypass && std::string_view(bypass) != "0")
        store.bypass_cache();
}

} // namespace

struct Dispatch {
    static Store& repository(const Context& context) {
        if (!context.m_repository) {
            context.m_repository.emplace(context.open_store());
            obey_no_cache(*context.m_repository);
        }
        return *context.m_repository;
    }
    static Store* repository_if_any(const Context& context) {
        if (!context.m_repository)
            if (auto found = context.find_store()) {
                context.m_repository.emplace(std::move(*found));
                obey_no_cache(*context.m_repository);
            }
        return context.m_repository ? &*context.m_repository : nullptr;
    }
    static StoreWriter lock(const Context& context, Store& store) { return context.lock(store); }
};

namespace {

const char* needs_name(Needs needs) {
    switch (needs) {
    case Needs::nothing:
        return "nothing";
    case Needs::if_any:
        return "the repository if any";
    case Needs::read:
        return "to read";
    case Needs::write_case:
        return "to write a case";
    case Needs::write_files:
        return "to write files";
    }
    return "?";
}

// The command under the root that `command` is, or is below.
const CLI::App& top_level(const CLI::App& command) {
    const CLI::App* at = &command;
    while (at->get_parent() && at->get_parent()->get_parent())
        at = at->get_parent();
    return *at;
}

// The command's row of the table, after checking that it allows `needs`.
const CommandEntry& require_allowed(const CLI::App& command, Needs needs) {
    const std::string& name = top_level(command).get_name();
    for (const auto& entry : k_commands)
        if (name == entry.name) {
            if (needs > entry.needs)
                throw std::logic_error(
                    fmt::format("the command table says '{}' needs {}, but '{}' needs {}", name,
                                needs_name(entry.needs), command.get_name(), needs_name(needs)));
            return entry;
        }
    throw std::logic_error(fmt::format("'{}' is not in the command table", name));
}

} // namespace

StoreWriter Writer::lock() const {
    return Dispatch::lock(context, store);
}

void runs(CLI::App& command, Context&, std::function<void()> run) {
    require_allowed(command, Needs::nothing);
    command.callback(std::move(run));
}

void reads_if_any(CLI::App& command, Context& context, std::function<void(const Reader*)> run) {
    require_allowed(command, Needs::if_any);
    command.callback([&context, run = std::move(run)] {
        const Store* store = Dispatch::repository_if_any(context);
        if (!store)
            return run(nullptr);
        const Reader reader{context, *store};
        run(&reader);
    });
}

void reads(CLI::App& command, Context& context, std::function<void(const Reader&)> run) {
    const bool paged = require_allowed(command, Needs::read).output == Output::paged;
    command.callback([&context, paged, run = std::move(run)] {
        const Reader reader{context, Dispatch::repository(context)};
        // After the repository opened: a message that it did not stays on
        // the terminal, not in a pager.
        if (paged && !context.global.no_pager)
            start_pager();
        run(reader);
    });
}

namespace {

// Standard output sent to standard error while it lives: with --format
// json, what a command says for people goes there, and standard output
// carries only the JSON.
class OutputToErrors {
  public:
    OutputToErrors() : m_saved((std::fflush(stdout), ::dup(STDOUT_FILENO))) {
        ::dup2(STDERR_FILENO, STDOUT_FILENO);
    }
    ~OutputToErrors() {
        std::fflush(stdout);
        ::dup2(m_saved, STDOUT_FILENO);
        ::close(m_saved);
    }
    OutputToErrors(const OutputToErrors&) = delete;
    OutputToErrors& operator=(const OutputToErrors&) = delete;

  private:
    int m_saved;
};

// The commands that write a case, each with the format its --format json
// sets: the option is added once every command's own options are (see
// add_json_options), so that a command with a --format of its own keeps it.
std::vector<std::pair<CLI::App*, std::shared_ptr<Format>>>& json_capable() {
    static std::vector<std::pair<CLI::App*, std::shared_ptr<Format>>> commands;
    return commands;
}

std::shared_ptr<Format> json_option(CLI::App& command) {
    auto format = std::make_shared<Format>(Format::table);
    json_capable().emplace_back(&command, format);
    return format;
}

// --format json, as add_json_options adds it or as a command's own --format
// offers it beside its other formats (respond's letters: markdown or html).
bool json_wanted(const CLI::App& command, const Format* format) {
    if (!format)
        return false;
    if (*format == Format::json)
        return true;
    const CLI::Option* own = command.get_option_no_throw("--format");
    return own && own->count() > 0 && own->as<std::string>() == "json";
}

void set_writing(CLI::App& command, Context& context, std::function<void(const Writer&)> run,
                 Needs needs) {
    const auto format = needs == Needs::write_case ? json_option(command) : nullptr;
    command.callback([&command, &context, format, run = std::move(run)] {
        const Writer writer{context, Dispatch::repository(context)};
        if (!json_wanted(command, format.get()))
            return run(writer);
        {
            const OutputToErrors redirect;
            run(writer);
        }
        if (!context.first_recorded.empty()) {
            const Case c = writer.store.load(context.first_recorded);
            print_case_json(c, clocks_of(c, writer.store, context.now), writer.store);
        }
    });
}

} // namespace

void writes(CLI::App& command, Context& context, std::function<void(const Writer&)> run) {
    require_allowed(command, Needs::write_case);
    set_writing(command, context, std::move(run), Needs::write_case);
}

void writes_files(CLI::App& command, Context& context, std::function<void(const Writer&)> run) {
    require_allowed(command, Needs::write_files);
    set_writing(command, context, std::move(run), Needs::write_files);
}

void add_json_options() {
    for (const auto& [command, format] : json_capable())
        if (!command->get_option_no_throw("--format"))
            add_format_option(*command, *format, {Format::table, Format::json});
    json_capable().clear();
}

} // namespace complaints::cli
