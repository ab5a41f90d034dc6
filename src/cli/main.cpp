// SPDX-License-Identifier: Apache-2.0
// complaints: the command line. Parses, calls the core, formats; the one
// place where errors become messages and exit codes.
#include "choices.hpp"
#include "commands.hpp"
#include "error_stream.hpp"
#include "examples.hpp"
#include "json_writes.hpp"
#include "output.hpp"
#include "patient_data_warnings.hpp"
#include "problem_text.hpp"
#include "text_input.hpp"
#include "version.hpp"

#include "complaints/base/error.hpp"
#include "complaints/base/strings.hpp"
#include "complaints/base/text.hpp"
#include "complaints/policy/patient_data.hpp"
#include "complaints/workflow/received.hpp"

#include <fmt/format.h>

#include <algorithm>
#include <cerrno>
#include <cstring>
#include <optional>
#include <random>
#include <system_error>

namespace complaints::cli {

void add_when_who(CLI::App& command, WhenWho& options) {
    command
        .add_option("--at", options.at,
                    "when it happened: YYYY-MM-DD, 'YYYY-MM-DD HH:MM' or with an offset; "
                    "default now")
        ->option_text("TIME");
    command
        .add_option("--by", options.by,
                    "who did it; default $COMPLAINTS_USER, the "
                    "repository's author, git user.name, or your login")
        ->option_text("NAME");
}

Timestamp when(const WhenWho& options, const Context& context, const Store& store) {
    if (options.at.empty())
        return in_zone(context.now, store.zone());
    const Timestamp at = time_flag(options.at, store.zone(), "--at");
    if (at.utc > context.now + std::chrono::minutes(5))
        throw Error(ErrorKind::usage, fmt::format("--at: '{}' is in the future", options.at));
    return at;
}

Event make_event(EventType type, std::string text, const WhenWho& options, const Context& context,
                 const Store& store) {
    Event event;
    event.type = type;
    event.text = std::move(text);
    event.at = when(options, context, store);
    if (!options.at.empty())
        event.recorded = in_zone(context.now, store.zone());
    event.by = context.author(options.by, store);
    return event;
}

Case update_case(const Writer& repo, const std::string& id,
                 const std::function<void(Case&)>& change) {
    return update_case(repo, id, [&](Case& c, StoreWriter&) { change(c); });
}

namespace {

// Under the lock: loads the case, changes it and saves it; `before` is the
// case as loaded.
Case changed_and_saved(const Writer& repo, const std::string& id,
                       const std::function<void(Case&, StoreWriter&)>& change, Case& before,
                       const CleanTexts& scanned) {
    StoreWriter writer = repo.lock();
    const Store& store = repo.store;
    Case c = store.load(id);
    // A receipt after now is the file's fault, never the --at's.
    if (const auto ahead = received_ahead(c, repo.context.now))
        throw Error(ErrorKind::bad_data, *ahead, Location{store.display_path(id)});
    before = c;
    change(c, writer);
    for (const auto& event : c.events)
        if (event.at < c.received && !may_precede_receipt(event.type))
            throw Error(ErrorKind::usage,
                        fmt::format("--at: {} is before the case was received ({})",
                                    format_timestamp(event.at), format_timestamp(c.received)));
    writer.save(c, &scanned);
    return c;
}

} // namespace

Case update_case(const Writer& repo, const std::string& id,
                 const std::function<void(Case&, StoreWriter&)>& change) {
    const auto& [context, store] = repo;
    // The patient-data guard reads every text of the case: the texts it
    // holds now are scanned here, before the lock, and under the lock only
    // what the change adds or alters. A case changed by another writer
    // meanwhile is scanned where it differs.
    const CleanTexts scanned = clean_texts(store.load(id), store.config().policy);
    Case before;
    Case c = changed_and_saved(repo, id, change, before, scanned);
    context.recorded = c.id;
    if (context.first_recorded.empty())
        context.first_recorded = c.id;
    // After the lock is released: the warnings scan both versions whole.
    print_patient_data_warnings(c, store, &before);
    return c;
}

void add_correction_option(CLI::App& command, std::string& reason) {
    command
        .add_option("--correction", reason,
                    "change what the complainant was already sent, saying why; the previous "
                    "wording is kept in a 'corrected' event")
        ->option_text("REASON");
}

std::optional<Event> correction(const std::string& reason, const WhenWho& options,
                                const Context& context, const Store& store) {
    if (reason.empty())
        return std::nullopt;
    return make_event(EventType::corrected, text_from_flag(reason, "--correction"), options,
                      context, store);
}

namespace {

// A message on stderr. Messages quote what they were given (IDs, values,
// lines of files): to a terminal, its control characters are shown, not run.
void say(std::string_view message) {
    fmt::print(stderr, "complaints: {}\n", visible_controls(message));
}

std::vector<std::string> command_names() {
    std::vector<std::string> names;
    for (const auto& command : k_commands)
        names.emplace_back(command.name);
    return names;
}

// The commands a user is told about: not the hidden ones (__man ...).
std::vector<std::string> visible_command_names() {
    auto names = command_names();
    std::erase_if(names, [](const std::string& name) { return name.starts_with("__"); });
    return names;
}

// The first word that is neither an option nor an option's value.
std::string first_word(int argc, char** argv) {
    for (int i = 1; i < argc; ++i) {
        const std::string_view word = argv[i];
        if (word == "--repo" || word == "--color") {
            ++i;
            continue;
        }
        if (!word.starts_with("-"))
            return std::string(word);
    }
    return {};
}

// The deepest subcommand given ("calendar add" gives "add").
const CLI::App* command_given(const CLI::App& app) {
    const CLI::App* at = &app;
    while (!at->get_subcommands().empty())
        at = at->get_subcommands().front();
    return at;
}

// CLI11's words for arguments it did not expect, or an option given twice,
// said as a user would: what was wrong, and the closest option there is.
std::string usage_text(const CLI::App& command, const CLI::ParseError& e) {
    std::vector<std::string> options;
    for (const CLI::Option* option : command.get_options())
        for (const auto& name : option->get_lnames())
            options.push_back("--" + name);
    const std::string what = e.what();
    // A misspelt option leaves a required one missing: the misspelling is
    // the news ("--chanel phone" is why --channel is missing).
    const bool missing = dynamic_cast<const CLI::RequiredError*>(&e) != nullptr;
    if (missing || dynamic_cast<const CLI::ExtrasError*>(&e)) {
        std::vector<std::string> said;
        auto extras = command.remaining();
        if (const CLI::App* root = command.get_parent(); extras.empty() && root)
            extras = root->remaining();
        for (const auto& extra : extras) {
            const std::string name = extra.substr(0, extra.find('='));
            // Given before the command, where only --repo and --color go.
            if (extra.starts_with("-") &&
                std::find(options.begin(), options.end(), name) != options.end())
                said.push_back(fmt::format("'{}' goes after the command: complaints {} {} ...",
                                           name, command.get_name(), name));
            else if (extra.starts_with("-"))
                said.push_back(
                    fmt::format("unknown option '{}'{}", name, did_you_mean(name, options)));
            else if (!missing)
                said.push_back(fmt::format("unexpected argument '{}'", extra));
        }
        if (missing && !said.empty())
            said.push_back(what);
        if (!said.empty())
            return util::join(said, "; ");
    }
    if (const auto at = what.find(": At Most 1 required but received"); at != std::string::npos)
        return what.substr(0, at) + ": given more than once; give it once";
    if (const auto at = what.find(": 1 required");
        at != std::string::npos && what.ends_with("missing"))
        return what.substr(0, at) + ": give its value";
    constexpr std::string_view k_not_converted = "Could not convert: ";
    if (const auto eq = what.find(" = ");
        what.starts_with(k_not_converted) && eq != std::string::npos)
        return fmt::format("{}: '{}' is not a number",
                           what.substr(k_not_converted.size(), eq - k_not_converted.size()),
                           what.substr(eq + 3));
    return what;
}

// The command named by `word` (or one of its aliases), if any.
const CLI::App* command_named(const CLI::App& app, const std::string& word) {
    const auto named =
        app.get_subcommands([&](const CLI::App* sub) { return sub->check_name(word); });
    return named.empty() ? nullptr : named.front();
}

// An option and its value given before the command they belong to.
struct Misplaced {
    std::string option;
    std::string value;
    std::string command;
};

// A command's option with its value given before the command ("--status
// open list"): the value reads as the command, so the hint the parser's
// leftovers give (value-less options only) never comes. Found here: the
// first option, then the first command after its value that has it.
std::optional<Misplaced> option_before_command(const CLI::App& app, int argc, char** argv) {
    for (int i = 1; i + 2 < argc; ++i) {
        const std::string word = argv[i];
        if (word == "--repo" || word == "--color") {
            ++i;
            continue;
        }
        if (!word.starts_with("-"))
            return std::nullopt; // the command came first
        if (word.find('=') != std::string::npos)
            continue;
        // The value may itself be a command's name ("open"): the command is
        // the one after it that takes this option with a value.
        for (int j = i + 2; j < argc; ++j)
            if (const CLI::App* command = command_named(app, argv[j])) {
                const CLI::Option* option = command->get_option_no_throw(word);
                if (option && option->get_type_size() != 0)
                    return Misplaced{word, argv[i + 1], command->get_name()};
                break;
            }
        if (!command_named(app, argv[i + 1]))
            return std::nullopt;
    }
    return std::nullopt;
}

constexpr std::string_view k_exit_codes =
    "Exit codes: 0 ok, 1 problems found (check) or a merge conflict, 2 usage, 3 not found, 4 bad "
    "data, 5 refused by policy, 6 I/O or busy. See complaints(1).\n";

// Every command's --help ends with its examples, then the exit codes.
void add_footers(CLI::App& command, const std::string& path) {
    command.footer(examples_text(path) + std::string(k_exit_codes));
    for (CLI::App* sub : command.get_subcommands([](const CLI::App*) { return true; }))
        add_footers(*sub, path.empty() ? sub->get_name() : path + " " + sub->get_name());
}

int usage_error(const CLI::App& app, const CLI::ParseError& e, int argc, char** argv) {
    if (const auto misplaced = option_before_command(app, argc, argv)) {
        say(fmt::format("'{}' goes after the command: complaints {} {} {} ...; see 'complaints "
                        "{} --help'",
                        misplaced->option, misplaced->command, misplaced->option, misplaced->value,
                        misplaced->command));
        return static_cast<int>(ErrorKind::usage);
    }
    const auto names = command_names();
    const std::string word = first_word(argc, argv);
    const bool known = std::find(names.begin(), names.end(), word) != names.end();
    if (app.get_subcommands().empty() && !word.empty() && !known) {
        say(fmt::format("unknown command '{}'{}; see 'complaints --help'", word,
                        did_you_mean(word, visible_command_names())));
    } else {
        std::string where = "complaints";
        for (const CLI::App* at = &app; !at->get_subcommands().empty();) {
            at = at->get_subcommands().front();
            where += " " + at->get_name();
        }
        where += " --help";
        say(fmt::format("{}; see '{}'", usage_text(*command_given(app), e), where));
    }
    return static_cast<int>(ErrorKind::usage);
}

// The names of the command and subcommand given ("calendar add"): only
// names from the command table, so no argument ever reaches the lock file.
std::string command_name(const CLI::App& app, int argc, char** argv) {
    std::vector<std::string> names;
    const CLI::App* at = &app;
    for (int i = 1; i < argc; ++i) {
        const auto named =
            at->get_subcommands([&](const CLI::App* sub) { return sub->get_name() == argv[i]; });
        if (!named.empty()) {
            names.push_back(argv[i]);
            at = named.front();
        }
    }
    return util::join(names, " ");
}

// Options whose value is a file's path: a path is whatever bytes the file
// system holds, and it is never written into a case.
bool names_a_path(std::string_view option) {
    return option == "--repo" || option == "--letter" || option == "--out" || option == "--path";
}

// Every other word of the command line is text some command may write into
// a case: a value that is not UTF-8 would make a file the reader refuses, so
// none reaches a command; nor does an option's value holding a control
// character (ESC, BEL, ...), which would drive the terminal of whoever reads
// the case. The option it belongs to is named. A word that is no option's
// value (an ID, a command) is never written, and is shown with its controls
// made visible when it is named in a message.
void require_clean_arguments(int argc, char** argv) {
    for (int i = 1; i < argc; ++i) {
        const std::string_view word = argv[i];
        const std::string_view before = i > 1 ? argv[i - 1] : "";
        const auto equals = word.starts_with("--") ? word.find('=') : std::string_view::npos;
        const std::string_view option = equals != std::string_view::npos ? word.substr(0, equals)
                                        : before.starts_with("-")        ? before
                                                                         : "";
        if (names_a_path(option) || (option.empty() && !first_invalid_byte(word)))
            continue;
        const std::string_view value =
            equals != std::string_view::npos ? word.substr(equals + 1) : word;
        require_clean_text(value,
                           option.empty() ? fmt::format("argument {}", i) : std::string(option));
    }
}

// Standard output, flushed: whether everything printed reached it, and why
// not. A full disk or a closed pipe must not pass for success.
std::optional<std::string> output_failure() {
    errno = 0;
    const bool failed = std::fflush(stdout) != 0 || std::ferror(stdout) != 0;
    if (!failed)
        return std::nullopt;
    return errno ? std::strerror(errno) : "the write failed";
}

// Exit 6 when the output failed; a change already written is said to be.
int output_error(const Context& context, const std::string& why) {
    if (context.recorded.empty())
        fmt::print(stderr, "complaints: cannot write the output: {}\n", why);
    else
        fmt::print(stderr, "complaints: {} was recorded, but its output could not be written: {}\n",
                   context.recorded, why);
    return static_cast<int>(ErrorKind::io);
}

// --repo and --color, which come before the command or after it.
void add_global_options(CLI::App& app, Context& context) {
    app.add_option("--repo", context.global.repo,
                   "the repository; default $COMPLAINTS_REPO or the nearest folder above with "
                   "complaints.yaml")
        ->option_text("DIR");
    // Our own words, not CLI11's "sometimes not in {auto,always,never}".
    const std::vector<std::string> modes{"auto", "always", "never"};
    const auto known_mode = [modes](const std::string& value) -> std::string {
        if (std::find(modes.begin(), modes.end(), value) != modes.end())
            return {};
        return fmt::format("unknown colour '{}'{}; choose {}", value, did_you_mean(value, modes),
                           either(modes));
    };
    choices(app.add_option("--color", context.global.color, "colour: auto, always or never")
                ->check(CLI::Validator(known_mode, "WHEN")),
            modes)
        ->option_text("WHEN");
    app.add_flag("--no-pager", context.global.no_pager,
                 "never page long output (else $COMPLAINTS_PAGER, $PAGER or less, on a terminal)");
}

} // namespace

int run(int argc, char** argv) {
    Context context;
    CLI::App app{"Run a healthcare complaints process on plain YAML files in a git repository.",
                 "complaints"};
    app.set_version_flag("--version", std::string(version_text()));
    add_global_options(app, context);
    app.require_subcommand(1);
    app.fallthrough();
    for (const auto& command : k_commands)
        command.setup(app, context);
    add_json_options();
    add_footers(app, "");
    context.command = command_name(app, argc, argv);
    try {
        context.now = current_time();
        context.random.seed(std::random_device{}());
        require_clean_arguments(argc, argv);
        app.parse(argc, argv);
        if (const auto why = output_failure())
            return output_error(context, *why);
        // The output is whole but for the cases named on stderr.
        return context.left_out ? static_cast<int>(ErrorKind::bad_data) : 0;
    } catch (const CLI::CallForHelp& e) {
        return app.exit(e);
    } catch (const CLI::CallForAllHelp& e) {
        return app.exit(e);
    } catch (const CLI::CallForVersion& e) {
        return app.exit(e);
    } catch (const CLI::RequiredError& e) {
        if (app.get_subcommands().empty() && argc == 1) {
            fmt::print(stderr, "{}", app.help());
            return static_cast<int>(ErrorKind::usage);
        }
        return usage_error(app, e, argc, argv);
    } catch (const CLI::ParseError& e) {
        return usage_error(app, e, argc, argv);
    } catch (const ProblemsFound&) {
        return 1;
    } catch (const Error& e) {
        if (const auto why = output_failure())
            return output_error(context, *why);
        say(error_text(e));
        return static_cast<int>(e.kind());
    } catch (const std::system_error& e) {
        // fmt reports a failed print this way.
        if (output_failure())
            return output_error(context, e.code().message());
        say(fmt::format("internal error: {}", e.what()));
        return 70;
    } catch (const std::exception& e) {
        say(fmt::format("internal error: {}", e.what()));
        return 70;
    }
}

} // namespace complaints::cli

int main(int argc, char** argv) {
    complaints::cli::guard_standard_error();
    return complaints::cli::run(argc, argv);
}
