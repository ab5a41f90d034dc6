// SPDX-License-Identifier: Apache-2.0
// The intake decisions after `open`: exclude a case from the policy, convert a
// concern into a complaint, and record the patient's consent.
#include "choices.hpp"
#include "clock_text.hpp"
#include "commands.hpp"
#include "output.hpp"
#include "text_input.hpp"

#include "complaints/ops/convert.hpp"
#include "complaints/workflow/later_entries.hpp"
#include "complaints/workflow/workflow.hpp"

namespace complaints::cli {

namespace {

struct ExcludeOptions {
    std::string id;
    std::string reason;
    std::string text;
    std::string earlier_case;
    std::string body;
    std::string reference;
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

void run_exclude(const ExcludeOptions& o, const Writer& repo) {
    const Exclusion reason = parse_enum<Exclusion>(o.reason, "--reason");
    const auto& [context, store] = repo;
    Excluded exclusion{reason, text_from_flag(o.text, "--text"), "", o.body, o.reference};
    // The earlier case is one of this repository's, by its ID as kept.
    if (!o.earlier_case.empty())
        exclusion.earlier_case = store.resolve(o.earlier_case);
    const std::string id = store.resolve(o.id);
    update_case(repo, id, [&](Case& c) {
        exclude(c, store.config().policy, exclusion,
                make_event(EventType::excluded, "", o.when_who, context, store));
    });
    fmt::print("{}: excluded ({}); no deadlines apply\n", id, name_of(reason));
}

void run_convert(const ConvertOptions& o, const Writer& repo) {
    const auto& [context, store] = repo;
    ConvertRequest request;
    request.to_complaint = !o.to.empty();
    if (!o.clock_from.empty() && !(request.clock_from = parse_date(o.clock_from)))
        throw Error(ErrorKind::usage, "--clock-from: " + date_problem(o.clock_from));
    request.reason = o.reason;
    request.event = make_event(EventType::converted, "", o.when_who, context, store);
    request.now = context.now;
    const std::string id = store.resolve(o.id);
    std::optional<Clock> answer;
    const Case c = update_case(repo, id, [&](Case& c) {
        convert_case(c, request, store.zone());
        answer = answering_clock_of(c, store, context.now);
    });
    if (!request.to_complaint)
        return fmt::print("{}: the clock now runs from {}\n", id,
                          clock_start_text(c.clock_from, c, store.zone()));
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

void run_consent(const ConsentOptions& o, const Writer& repo) {
    const Consent consent = parse_enum<Consent>(o.consent, "CONSENT");
    const auto& [context, store] = repo;
    const std::string id = store.resolve(o.id);
    update_case(repo, id, [&](Case& c) {
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
    command
        ->add_option("--earlier-case", o->earlier_case,
                     "with already-resolved: the case that investigated and resolved it")
        ->option_text("ID");
    command
        ->add_option("--body", o->body,
                     "with under-independent-review: the body reviewing it (as escalate names it)")
        ->option_text("BODY");
    command
        ->add_option("--reference", o->reference,
                     "with under-independent-review: the body's reference for the review")
        ->option_text("REF");
    add_when_who(*command, o->when_who);
    writes(*command, context, [o](const Writer& repo) { run_exclude(*o, repo); });
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
    writes(*command, context, [o](const Writer& repo) { run_convert(*o, repo); });
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
    writes(*command, context, [o](const Writer& repo) { run_consent(*o, repo); });
}

} // namespace complaints::cli
