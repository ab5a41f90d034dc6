// SPDX-License-Identifier: Apache-2.0
// The platform's handling: a named support agent, and the agreed resolution.
#include "commands.hpp"
#include "letter_files.hpp"
#include "output.hpp"
#include "text_input.hpp"

#include "complaints/render/letters.hpp"
#include "complaints/workflow/agents.hpp"
#include "complaints/workflow/steps.hpp"
#include "complaints/workflow/workflow.hpp"

namespace complaints::cli {

namespace {

struct AssignOptions {
    std::string id;
    std::string agent;
    WhenWho when_who;
};

struct ResolveOptions {
    std::string id;
    std::string text;
    std::string correction;
    std::string letter;
    bool draft = false;
    std::string out;
    bool force = false;
    std::string skip_step;
    WhenWho when_who;
};

void run_assign(const AssignOptions& o, const Writer& repo) {
    const auto& [context, store] = repo;
    const std::string id = store.resolve(o.id);
    // Decided before the case is read: a blank or unknown name writes nothing.
    const std::string agent = agent_named(o.agent, store.config().agents);
    std::string said;
    update_case(repo, id, [&](Case& c) {
        require_formal_complaint(c, "assign a handler");
        Event event =
            make_event(EventType::assigned, "Assigned to " + agent + ", the main point of contact",
                       o.when_who, context, store);
        event.agent = agent;
        const bool first = !first_event(c, EventType::assigned);
        c.agent = agent;
        add_event(c, event);
        said = first ? "assigned to " + agent
                     : "reassigned to " + agent + " (the first assignment's time counts)";
    });
    fmt::print("{}: {}\n", id, said);
}

void check_resolve_flags(const ResolveOptions& o) {
    if (o.draft && !o.letter.empty())
        throw Error(ErrorKind::usage,
                    "--draft writes the letter; --letter FILE keeps the one sent");
    if (!o.out.empty() && !o.draft)
        throw Error(ErrorKind::usage, "--out goes with --draft");
    if (o.force && o.out.empty())
        throw Error(ErrorKind::usage, "--force goes with --draft --out FILE");
    if (o.text == "-" && o.letter == "-")
        throw Error(ErrorKind::usage, "--text - and --letter - cannot both read standard input");
}

// The letter telling the parties the resolution, dated the local day of `at`.
std::string letter_on(const Case& c, const Timestamp& at, const std::string& text,
                      const Store& store) {
    return resolution_letter(c, store.config(), store.zone(), local_date(at.utc, store.zone()),
                             text);
}

void run_resolve(const ResolveOptions& o, const Writer& repo) {
    check_resolve_flags(o);
    const std::string text = text_from_flag(o.text, "--text");
    const auto& [context, store] = repo;
    const std::string id = store.resolve(o.id);
    if (o.draft) {
        const Case c = store.load(id);
        require_complaint(c, "draft a resolution letter");
        return put_draft(letter_on(c, when(o.when_who, context, store), text, store), o.out,
                         o.force, "draft resolution letter");
    }
    const auto given =
        o.letter.empty() ? std::nullopt : std::optional(letter_sent_from(o.letter, store));
    std::string kept;
    update_case(repo, id, [&](Case& c, StoreWriter& writer) {
        require_formal_complaint(c, "record a resolution");
        const Event resolution = make_event(EventType::resolved, text, o.when_who, context, store);
        // A correction changes a resolution already in its place in the order.
        if (o.correction.empty() || !o.skip_step.empty())
            check_step(c, store.config().policy, EventType::resolved, resolution,
                       text_from_flag(o.skip_step, "--skip-step"));
        // Decided before the letter is written: a refused change keeps none.
        Event& resolved =
            record_resolution(c, resolution, correction(o.correction, o.when_who, context, store));
        kept = writer.keep_letter(c.id, local_date(resolved.at.utc, store.zone()), "resolution",
                                  given ? *given : letter_on(c, resolved.at, text, store));
        resolved.letter = kept;
    });
    fmt::print("{}: resolution {}\n", id, o.correction.empty() ? "recorded" : "corrected");
    fmt::print(stderr, "complaints: the letter sent is kept in {}\n", kept);
}

} // namespace

void setup_assign(CLI::App& app, Context& context) {
    auto o = std::make_shared<AssignOptions>();
    CLI::App* command =
        app.add_subcommand("assign", "name the support agent who handles a complaint");
    command->add_option("ID", o->id, "the case")->required();
    command->add_option("--to", o->agent, "the support agent")->required()->option_text("AGENT");
    add_when_who(*command, o->when_who);
    writes(*command, context, [o](const Writer& repo) { run_assign(*o, repo); });
}

void setup_resolve(CLI::App& app, Context& context) {
    auto o = std::make_shared<ResolveOptions>();
    CLI::App* command = app.add_subcommand(
        "resolve", "record the resolution agreed between the parties, and keep the letter sent");
    command->add_option("ID", o->id, "the case")->required();
    command->add_option("--text", o->text, "the agreed resolution (- reads stdin)")
        ->required()
        ->option_text("TEXT");
    add_correction_option(*command, o->correction);
    command
        ->add_option("--letter", o->letter,
                     "the letter sent to the parties (edited by hand; - reads stdin), kept byte "
                     "for byte instead of the one --draft writes")
        ->option_text("FILE");
    command->add_flag("--draft", o->draft,
                      "write the resolution letter (Markdown), dated --at or today; record "
                      "nothing");
    command
        ->add_option("--out", o->out,
                     "with --draft: write to FILE instead of stdout (a new file unless --force)")
        ->option_text("FILE");
    command->add_flag("--force", o->force, "with --draft --out: replace FILE if it exists");
    command
        ->add_option("--skip-step", o->skip_step,
                     "resolve although a step of the policy's order is missing, recording why")
        ->option_text("REASON");
    add_when_who(*command, o->when_who);
    writes(*command, context, [o](const Writer& repo) { run_resolve(*o, repo); });
}

} // namespace complaints::cli
