// SPDX-License-Identifier: Apache-2.0
#pragma once
// The command table: one entry per command, each defined in its own file.
// --help, the man pages and the shell completions are written from the CLI11
// tree these build (command_tree.hpp).
#include "context.hpp"
#include "dispatch.hpp"

#include <CLI/CLI.hpp>

#include <functional>

namespace complaints::cli {

void setup_init(CLI::App& app, Context& context);
void setup_open(CLI::App& app, Context& context);
void setup_classify(CLI::App& app, Context& context);
void setup_import(CLI::App& app, Context& context);
void setup_log(CLI::App& app, Context& context);
void setup_attach(CLI::App& app, Context& context);
void setup_intake(CLI::App& app, Context& context);
void setup_show(CLI::App& app, Context& context);
void setup_list(CLI::App& app, Context& context);
void setup_agenda(CLI::App& app, Context& context);
void setup_calendar(CLI::App& app, Context& context);
void setup_respond(CLI::App& app, Context& context);
void setup_escalate(CLI::App& app, Context& context);
void setup_close(CLI::App& app, Context& context);
void setup_action(CLI::App& app, Context& context);
void setup_exclude(CLI::App& app, Context& context);
void setup_convert(CLI::App& app, Context& context);
void setup_consent(CLI::App& app, Context& context);
void setup_being_open(CLI::App& app, Context& context);
void setup_assign(CLI::App& app, Context& context);
void setup_resolve(CLI::App& app, Context& context);
void setup_reopen(CLI::App& app, Context& context);
void setup_re_id(CLI::App& app, Context& context);
void setup_point(CLI::App& app, Context& context);
void setup_void(CLI::App& app, Context& context);
void setup_clinician(CLI::App& app, Context& context);
void setup_check(CLI::App& app, Context& context);
void setup_audit(CLI::App& app, Context& context);
void setup_report(CLI::App& app, Context& context);
void setup_leaflet(CLI::App& app, Context& context);
void setup_serve(CLI::App& app, Context& context);
void setup_merge_file(CLI::App& app, Context& context);
void setup_git_setup(CLI::App& app, Context& context);
void setup_conflict(CLI::App& app, Context& context);
void setup_help(CLI::App& app, Context& context);
// Hidden: what the build and the shells' completion run.
void setup_man(CLI::App& app, Context& context);
void setup_completion(CLI::App& app, Context& context);
void setup_ids(CLI::App& app, Context& context);

// Thrown by `check` when it ran and found problems: exit status 1.
struct ProblemsFound {};

// Each command's name, what it needs of the repository (dispatch.hpp: its
// callback cannot take more), the function that adds it to the tree, and
// whether a terminal sees its output through a pager.
// Whether the command's output goes through a pager on a terminal.
enum class Output { plain, paged };

struct CommandEntry {
    const char* name;
    Needs needs;
    void (*setup)(CLI::App&, Context&);
    Output output = Output::plain;
};

// One command a line (clang-format would pack the list into columns).
// clang-format off
inline constexpr CommandEntry k_commands[] = {
    {"init", Needs::nothing, setup_init},
    {"open", Needs::write_case, setup_open},
    {"import", Needs::write_files, setup_import},
    {"log", Needs::write_case, setup_log},
    {"attach", Needs::write_case, setup_attach},
    {"show", Needs::read, setup_show, Output::paged},
    {"list", Needs::read, setup_list, Output::paged},
    {"agenda", Needs::read, setup_agenda, Output::paged},
    {"respond", Needs::write_case, setup_respond},
    {"escalate", Needs::write_case, setup_escalate},
    {"close", Needs::write_case, setup_close},
    {"action", Needs::write_case, setup_action},
    {"exclude", Needs::write_case, setup_exclude},
    {"convert", Needs::write_case, setup_convert},
    {"intake", Needs::write_files, setup_intake},
    {"consent", Needs::write_case, setup_consent},
    {"being-open", Needs::write_case, setup_being_open},
    {"assign", Needs::write_files, setup_assign},
    {"resolve", Needs::write_case, setup_resolve},
    {"point", Needs::write_case, setup_point},
    {"classify", Needs::write_case, setup_classify},
    {"void", Needs::write_case, setup_void},
    {"reopen", Needs::write_case, setup_reopen},
    {"re-id", Needs::write_files, setup_re_id},
    {"clinician", Needs::write_case, setup_clinician},
    {"report", Needs::read, setup_report, Output::paged},
    {"leaflet", Needs::read, setup_leaflet},
    {"serve", Needs::read, setup_serve},
    {"check", Needs::read, setup_check, Output::paged},
    {"audit", Needs::read, setup_audit, Output::paged},
    {"calendar", Needs::write_files, setup_calendar},
    {"git-setup", Needs::read, setup_git_setup},
    {"merge-file", Needs::nothing, setup_merge_file},
    {"conflict", Needs::write_case, setup_conflict},
    {"help", Needs::nothing, setup_help},
    {"__man", Needs::nothing, setup_man},
    {"__completion", Needs::nothing, setup_completion},
    {"__ids", Needs::if_any, setup_ids},
};
// clang-format on

// --at and --by, which every writing command takes.
struct WhenWho {
    std::string at;
    std::string by;
};
void add_when_who(CLI::App& command, WhenWho& options);
// The instant --at names, or now.
Timestamp when(const WhenWho& options, const Context& context, const Store& store);

// An event of `type` at --at (or now) by --by, stamped `recorded` when back-dated.
Event make_event(EventType type, std::string text, const WhenWho& options, const Context& context,
                 const Store& store);

// --correction REASON: changes what the complainant was already sent.
void add_correction_option(CLI::App& command, std::string& reason);
// The `corrected` event's time, author and reason, when --correction was given.
std::optional<Event> correction(const std::string& reason, const WhenWho& options,
                                const Context& context, const Store& store);

// Locks the repository, loads the case, lets `change` edit it and saves it.
// When `change` throws, nothing is written. The one write of every command
// that changes a case; `open` creates and `calendar import` saves
// complaints.yaml through Writer::lock themselves.
Case update_case(const Writer& repo, const std::string& id,
                 const std::function<void(Case&)>& change);
// The same, for a change that also keeps a letter (StoreWriter::keep_letter):
// the letter is written with the case, and not at all when anything fails.
Case update_case(const Writer& repo, const std::string& id,
                 const std::function<void(Case&, StoreWriter&)>& change);

} // namespace complaints::cli
