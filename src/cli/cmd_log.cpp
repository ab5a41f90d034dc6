// complaints log: add a call, email, meeting, statement or note to a case.
#include "case_json.hpp"
#include "commands.hpp"
#include "output.hpp"
#include "text_input.hpp"

#include "complaints/workflow.hpp"

#include <fmt/ranges.h>

#include "complaints/text.hpp"

namespace complaints::cli {

namespace {

struct LogOptions {
    std::string id;
    std::string type = "note";
    std::string text;
    std::vector<std::string> attendees;
    std::string until;
    WhenWho when_who;
    Format format = Format::table;
};

EventType event_type(const std::string& given) {
    if (const auto type = enum_from<EventType>(given); type && is_loggable(*type))
        return *type;
    const auto types = loggable_event_names();
    throw Error(ErrorKind::usage,
                fmt::format("--type: unknown event type '{}'{}; choose one of: {}", given,
                            did_you_mean(given, types), util::join(types, ", ")));
}

std::string event_text(const LogOptions& options) {
    if (!options.text.empty())
        return text_from_flag(options.text, "--text");
    if (auto edited = text_from_editor("event text"); edited && !edited->empty())
        return *edited;
    throw Error(ErrorKind::usage, "give the event's text with --text TEXT, or --text - to read "
                                  "standard input");
}

void run_log(const LogOptions& options, Context& context) {
    Store store = context.open_store();
    const std::string id = store.resolve(options.id);
    const EventType type = event_type(options.type);
    Event event = make_event(type, event_text(options), options.when_who, context, store);
    for (const auto& name : options.attendees)
        require_clean_text(name, "--attendee");
    event.attendees = options.attendees;
    if (!options.until.empty())
        event.due = date_flag(options.until, "--until");
    update_case(context, store, id, [&](Case& c) {
        check_logged(c, event, store.zone());
        add_event(c, event);
    });
    if (options.format == Format::json)
        fmt::print("{}\n", event_json(event));
    else
        fmt::print("{}: {} logged at {}\n", id, name_of(event.type), format_timestamp(event.at));
}

} // namespace

void setup_log(CLI::App& app, Context& context) {
    auto options = std::make_shared<LogOptions>();
    CLI::App* command = app.add_subcommand("log", "add an event to a case's timeline");
    command->add_option("ID", options->id, "the case (any unambiguous part of its ID)")->required();
    command
        ->add_option("--type", options->type,
                     fmt::format("{}", fmt::join(loggable_event_names(), ", ")))
        ->capture_default_str();
    command
        ->add_option("--until", options->until,
                     "with --type response-period-agreed: the date the response is agreed for")
        ->option_text("DATE");
    command
        ->add_option("--text", options->text,
                     "what happened; - reads standard input; $EDITOR when omitted at a terminal")
        ->option_text("TEXT");
    command
        ->add_option("--attendee", options->attendees, "who attended a meeting (repeat for each)")
        ->option_text("NAME");
    add_when_who(*command, options->when_who);
    add_format_option(*command, options->format, {Format::table, Format::json});
    command->callback([options, &context] { run_log(*options, context); });
}

} // namespace complaints::cli
