#pragma once
// The command table: one entry per command, each defined in its own file.
// Help and the man page follow this list.
#include "context.hpp"

#include <CLI/CLI.hpp>

namespace complaints::cli {

void setup_init(CLI::App& app, Context& context);
void setup_open(CLI::App& app, Context& context);
void setup_log(CLI::App& app, Context& context);
void setup_show(CLI::App& app, Context& context);
void setup_list(CLI::App& app, Context& context);
void setup_calendar(CLI::App& app, Context& context);

struct CommandEntry {
    const char* name;
    void (*setup)(CLI::App&, Context&);
};

inline constexpr CommandEntry k_commands[] = {
    {"init", setup_init}, {"open", setup_open}, {"log", setup_log},
    {"show", setup_show}, {"list", setup_list}, {"calendar", setup_calendar},
};

// --at and --by, which every writing command takes.
struct WhenWho {
    std::string at;
    std::string by;
};
void add_when_who(CLI::App& command, WhenWho& options);
// The instant --at names, or now.
Timestamp when(const WhenWho& options, const Context& context, const Store& store);

} // namespace complaints::cli
