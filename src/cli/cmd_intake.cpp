// SPDX-License-Identifier: Apache-2.0
// The intake decisions after `open`: exclude a case from the policy, convert a
// concern into a complaint, and record the patient's consent.
#include "choices.hpp"
#include "clock_text.hpp"
#include "commands.hpp"
#include "output.hpp"
#include "text_input.hpp"

#include "complaints/workflow/later_entries.hpp"
#include "complaints/workflow/workflow.hpp"

namespace complaints::cli {

namespace {

struct ExcludeOptions {
    std::string id;
    std::string reason;
    std::string text;
    WhenWho when_who;
};

struct ConvertOptions {
    std::string id;
    std::string to;
    std::string clock_from;
    std::string reason;
    WhenWho when_who;
};

struct ConsentOptions {
    std::string id;
    std::string consent;
    std::string text;
    WhenWho when_who;
};

void run_exclude(const ExcludeOptions& o, const Context& context) {
    const Exclusion reason = parse_enum<Exclusion>(o.reason, "--reason");
    const std::string text = text_from_flag(o.text, "--text");
    Store store = context.open_store();
    const std::string id = store.resolve(o.id);
    update_case(context, store, id, [&](Case& c) {
        exclude(c, store.config().policy, reason, text,
                make_event(EventType::excluded, "", o.when_who, context, store));
    });
    fmt::print("{}: excluded ({}); no deadlines apply\n", id, name_of(reason));
}

// "2026-11-09", or "the receipt, 2026-11-02" when the clock runs from it.
std::string clock_start_text(const std::optional<date::year_month_day>& from, const Case& c,
                             const date::time_zone& zone) {
    return from ? format_date(*from)
                : "the receipt, " + format_date(local_date(c.received.utc, zone));
}

// A clock that starts on a day still to come would hide a late complaint.
void require_come(const std::optional<date::year_month_day>& from, const Context& context,
                  const Store& store) {
    if (from && *from > local_date(context.now, store.zone()))
        throw Error(ErrorKind::usage,
                    fmt::format("--clock-from: '{}' is in the future", format_date(*from)));
}

// `convert ID --clock-from DATE --reason TEXT` without --to: an already
// converted complaint's clock start, corrected by a later entry.
void correct_clock(const ConvertOptions& o, date::year_month_day from, const Context& context) {
    Store store = context.open_store();
    require_come(from, context, store);
    const std::string id = store.resolve(o.id);
    const Case c = update_case(context, store, id, [&](Case& c) {
        const auto was = correct_clock_start(c, from, store.zone());
        add_event(c,
                  make_event(EventType::clock_start_corrected,
                             fmt::format("Clock start corrected from {} to {}. Reason: {}",
                                         clock_start_text(was, c, store.zone()),
                                         clock_start_text(c.clock_from, c, store.zone()), o.reason),
                             o.when_who, context, store));
    });
    fmt::print("{}: the clock now runs from {}\n", id,
               clock_start_text(c.clock_from, c, store.zone()));
}

void run_convert(const ConvertOptions& o, const Context& context) {
    if (!o.to.empty() && o.to != "complaint")
        throw Error(ErrorKind::usage,
                    "--to: a concern or feedback converts to a complaint (--to complaint)");
    if (o.to.empty() && o.clock_from.empty())
        throw Error(ErrorKind::usage,
                    "give --to complaint to convert the case, or --clock-from DATE --reason TEXT "
                    "to correct a converted complaint's clock start");
    if (!o.clock_from.empty() && o.reason.empty())
        throw Error(ErrorKind::usage,
                    "--clock-from needs --reason: the policy runs the clock from receipt");
    std::optional<date::year_month_day> from;
    if (!o.clock_from.empty() && !(from = parse_date(o.clock_from)))
        throw Error(ErrorKind::usage, "--clock-from: " + date_problem(o.clock_from));
    if (o.to.empty())
        return correct_clock(o, *from, context);
    Store store = context.open_store();
    require_come(from, context, store);
    const std::string id = store.resolve(o.id);
    std::optional<Clock> answer;
    update_case(context, store, id, [&](Case& c) {
        check_convert(c);
        const auto received = local_date(c.received.utc, store.zone());
        if (from && *from < received)
            throw Error(ErrorKind::usage,
                        "--clock-from: the clock cannot start before the case was received");
        const Kind was = c.kind;
        c.kind = Kind::complaint;
        c.clock_from = from;
        add_event(c,
                  make_event(EventType::converted,
                             fmt::format("Converted from {} to complaint; the clock runs from {}{}",
                                         name_of(was),
                                         from ? format_date(*from)
                                              : "the original receipt " + format_date(received),
                                         o.reason.empty() ? "" : ". Reason: " + o.reason),
                             o.when_who, context, store));
        answer = answering_clock_of(c, store, context.now);
    });
    fmt::print(
        "{}: now a complaint{}\n", id,
        answer ? fmt::format("; the {} is due {}", answer->rule, due_text(*answer, store.zone()))
               : "");
    if (answer && answer->state == ClockState::overdue)
        fmt::print(stderr,
                   "complaints: warning: {}'s {} was due {} and is already overdue; if the "
                   "complaint only became formal later, start its clock then with 'complaints "
                   "convert {} --clock-from DATE --reason TEXT'\n",
                   id, answer->rule, due_text(*answer, store.zone()), id);
}

void run_consent(const ConsentOptions& o, const Context& context) {
    const Consent consent = parse_enum<Consent>(o.consent, "CONSENT");
    Store store = context.open_store();
    const std::string id = store.resolve(o.id);
    update_case(context, store, id, [&](Case& c) {
        check_consent(c);
        c.consent = consent;
        add_event(c, make_event(
                         EventType::consent,
                         fmt::format("Consent from {}: {}{}", c.on_behalf_of, name_of(consent),
                                     o.text.empty() ? "" : ". " + text_from_flag(o.text, "--text")),
                         o.when_who, context, store));
    });
    fmt::print("{}: consent {}\n", id, name_of(consent));
}

} // namespace

void setup_exclude(CLI::App& app, Context& context) {
    auto o = std::make_shared<ExcludeOptions>();
    CLI::App* command =
        app.add_subcommand("exclude", "record that the policy excludes a case, and why");
    command->add_option("ID", o->id, "the case")->required();
    enum_choices<Exclusion>(
        command->add_option(
            "--reason", o->reason,
            "employment, another-service, already-resolved or under-independent-review"))
        ->required();
    command->add_option("--text", o->text, "what was decided and told to the complainant")
        ->option_text("TEXT");
    add_when_who(*command, o->when_who);
    command->callback([o, &context] { run_exclude(*o, context); });
}

void setup_convert(CLI::App& app, Context& context) {
    auto o = std::make_shared<ConvertOptions>();
    CLI::App* command =
        app.add_subcommand("convert", "turn a concern or feedback into a formal complaint, or "
                                      "correct a converted complaint's clock start");
    command->add_option("ID", o->id, "the case")->required();
    choices(command->add_option("--to", o->to,
                                "complaint; without it, --clock-from corrects the clock start of a "
                                "complaint converted before"),
            {"complaint"});
    command
        ->add_option("--clock-from", o->clock_from,
                     "start the clock on this date instead of the receipt (the receipt's date "
                     "puts it back to the receipt)")
        ->option_text("DATE");
    command
        ->add_option("--reason", o->reason,
                     "why the clock starts then (with --clock-from); kept in the event")
        ->option_text("TEXT");
    add_when_who(*command, o->when_who);
    command->callback([o, &context] { run_convert(*o, context); });
}

void setup_consent(CLI::App& app, Context& context) {
    auto o = std::make_shared<ConsentOptions>();
    CLI::App* command =
        app.add_subcommand("consent", "record the patient's consent to a complaint made for them");
    command->add_option("ID", o->id, "the case")->required();
    enum_choices<Consent>(command->add_option("CONSENT", o->consent, "yes, no or pending"))
        ->required();
    command->add_option("--text", o->text, "how it was given (signed form, ...)")
        ->option_text("TEXT");
    add_when_who(*command, o->when_who);
    command->callback([o, &context] { run_consent(*o, context); });
}

} // namespace complaints::cli
