// SPDX-License-Identifier: Apache-2.0
// complaints log: add a call, email, meeting, statement or note to a case.
#include "case_json.hpp"
#include "choices.hpp"
#include "commands.hpp"
#include "file_input.hpp"
#include "letter_files.hpp"
#include "output.hpp"
#include "text_input.hpp"

#include "complaints/ops/log.hpp"
#include "complaints/store/email_filing.hpp"
#include "complaints/workflow/workflow.hpp"

#include <fmt/ranges.h>

#include "complaints/base/text.hpp"

namespace complaints::cli {

namespace {

struct LogOptions {
    std::string id;
    std::string type = "note";
    std::string text;
    std::vector<std::string> attendees;
    std::string until;
    std::string on;
    std::string letter;
    std::string skip_step;
    std::string email;
    std::string direction;
    std::string reference;
    bool internal = false;
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

std::string event_text(const LogOptions& options, EventType type, const Store& store) {
    if (!options.text.empty())
        return text_from_flag(options.text, "--text");
    if (auto said = default_log_text(type, store.config().website); !said.empty())
        return said;
    if (auto edited = text_from_editor("event text"); edited && !edited->empty())
        return *edited;
    throw Error(ErrorKind::usage, "give the event's text with --text TEXT, or --text - to read "
                                  "standard input");
}

// A booking not yet held is replaced by a new one, and taken as held by a
// mediation logged: either is said, so that neither passes unnoticed.
void note_booking_change(const Case& c, const Event& event) {
    const Event* booked = booked_mediation(c);
    if (!booked)
        return;
    if (event.type == EventType::mediation_booked)
        fmt::print(stderr, "complaints: note: this replaces the mediation booked for {}\n",
                   format_minute(*booked->booked_for));
    else if (event.type == EventType::mediation && event.at < *booked->booked_for)
        fmt::print(stderr,
                   "complaints: note: the mediation booked for {} is taken as held by this one, "
                   "logged for {}\n",
                   format_minute(*booked->booked_for), format_minute(event.at));
}

// `log ID --email FILE`: the message as an `email` event, dated when it
// reached us, kept whole with its files attached, never filed twice.
void log_email(const LogOptions& options, const Writer& repo) {
    if (options.type != "note" && options.type != "email")
        throw Error(ErrorKind::usage, "--email logs an email: it goes with --type email or none");
    if (!options.text.empty() || !options.letter.empty())
        throw Error(ErrorKind::usage, "--email takes the event's text from the message: give "
                                      "neither --text nor --letter");
    const auto& [context, store] = repo;
    const std::string id = store.resolve(options.id);
    const std::size_t most = (std::size_t(store.config().attachment_limit_mb) << 20) + 1;
    const IncomingEmail incoming =
        incoming_email(bytes_from(options.email, most), options.email, store.config());
    const Direction direction = options.direction.empty()
                                    ? Direction::received
                                    : parse_enum<Direction>(options.direction, "--direction");
    Event event = make_event(EventType::email, email_event_text(incoming.email, direction),
                             options.when_who, context, store);
    event.direction = direction;
    if (options.when_who.at.empty()) {
        event.at = in_zone(incoming.email.received, store.zone());
        event.recorded = in_zone(context.now, store.zone());
    }
    update_case(repo, id, [&](Case& c, StoreWriter& writer) {
        refuse_filed_twice(message_index(context.slim_all(store, true)), incoming.email);
        check_logged(c, event, store.zone());
        file_email(c, writer, event, incoming);
    });
    for (const auto& caution : incoming.cautions)
        fmt::print(stderr, "complaints: caution: {}\n", caution);
    const bool sent = direction == Direction::sent;
    fmt::print("{}: email {} {} logged at {}, {} file{} attached\n", id, sent ? "to" : "from",
               sent && !incoming.email.recipients.empty() ? incoming.email.recipients
                                                          : incoming.email.sender_address,
               format_timestamp(event.at), incoming.files.size(),
               incoming.files.size() == 1 ? "" : "s");
}

void run_log(const LogOptions& options, const Writer& repo) {
    if (!options.email.empty())
        return log_email(options, repo);
    if (!options.direction.empty())
        throw Error(ErrorKind::usage, "--direction is an email's: it goes with --email FILE");
    const auto& [context, store] = repo;
    const std::string id = store.resolve(options.id);
    const EventType type = event_type(options.type);
    if (options.text == "-" && options.letter == "-")
        throw Error(ErrorKind::usage, "--text - and --letter - cannot both read standard input");
    // Read and checked before the lock: a bad file stops everything.
    const std::string letter =
        options.letter.empty() ? "" : letter_sent_from(options.letter, store);
    LogRequest request;
    request.event =
        make_event(type, event_text(options, type, store), options.when_who, context, store);
    request.event.reference = util::trim(text_from_flag(options.reference, "--reference"));
    if (options.internal)
        request.event.visibility = Visibility::internal;
    for (const auto& name : options.attendees)
        require_clean_text(name, "--attendee");
    request.event.attendees = options.attendees;
    if (!options.until.empty())
        request.event.due = date_flag(options.until, "--until");
    if (!options.on.empty())
        request.event.booked_for = time_flag(options.on, store.zone(), "--on");
    request.keeps_letter = !options.letter.empty();
    request.skip_step = text_from_flag(options.skip_step, "--skip-step");
    Event logged;
    bool closed = false;
    update_case(repo, id, [&](Case& c, StoreWriter& writer) {
        const Case before = c;
        logged =
            log_event(c, request, store.config().policy, store.zone(), [&](std::string_view name) {
                return writer.keep_letter(c.id, local_date(request.event.at.utc, store.zone()),
                                          name, letter);
            });
        note_booking_change(before, logged);
        closed = before.status == Status::open && c.status == Status::closed;
    });
    if (options.format == Format::json)
        fmt::print("{}\n", event_json(logged));
    else
        fmt::print("{}: {} logged at {}{}\n", id, name_of(logged.type), uk_time(logged.at),
                   closed ? "; feedback closed on its acknowledgement" : "");
    if (!logged.letter.empty())
        fmt::print(stderr, "complaints: the letter is kept in {}\n", logged.letter);
}

} // namespace

void setup_log(CLI::App& app, Context& context) {
    auto options = std::make_shared<LogOptions>();
    CLI::App* command = app.add_subcommand("log", "add an event to a case's timeline");
    command->add_option("ID", options->id, "the case (any unambiguous part of its ID)")->required();
    choices(command->add_option("--type", options->type,
                                fmt::format("{}", fmt::join(loggable_event_names(), ", "))),
            loggable_event_names())
        ->capture_default_str();
    command
        ->add_option("--until", options->until,
                     "with --type response-period-agreed or response-period-set: the date the "
                     "response is agreed for, or set for")
        ->option_text("DATE");
    command
        ->add_option("--on", options->on,
                     "with --type mediation-booked: the day and time it is booked for")
        ->option_text("WHEN");
    command
        ->add_option("--text", options->text,
                     "what happened; - reads standard input; $EDITOR when omitted at a terminal")
        ->option_text("TEXT");
    command
        ->add_option("--attendee,--with", options->attendees,
                     "who attended a meeting, interview or consultation, or gave a statement "
                     "(repeat for each)")
        ->option_text("NAME");
    command
        ->add_option("--letter", options->letter,
                     "with --type acknowledged, letter or email: the text sent (- reads stdin), "
                     "kept byte for byte in letters/ID/")
        ->option_text("FILE");
    command
        ->add_option("--skip-step", options->skip_step,
                     "record a step of the policy's order (shared-with-complainee, "
                     "investigation-complete) although one before it is missing, recording why")
        ->option_text("REASON");
    command
        ->add_option("--email", options->email,
                     "log an email (.eml; - reads standard input): its text, its arrival, the "
                     "message kept and its files attached; the same message twice is refused")
        ->option_text("FILE");
    command
        ->add_option("--reference", options->reference,
                     "with --type insurer-notified: the insurer's reference for the notification")
        ->option_text("REF");
    command->add_flag("--internal", options->internal,
                      "with --type statement or interview: used in the findings, never quoted to "
                      "the complainant (the response says only that it was taken)");
    enum_choices<Direction>(command->add_option(
        "--direction", options->direction,
        "with --email: received (the default), or sent, for one the organisation sent"));
    add_when_who(*command, options->when_who);
    add_format_option(*command, options->format, {Format::table, Format::json});
    writes(*command, context, [options](const Writer& repo) { run_log(*options, repo); });
}

} // namespace complaints::cli
