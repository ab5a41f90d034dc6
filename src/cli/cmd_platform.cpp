// SPDX-License-Identifier: Apache-2.0
// The platform's handling: a named support agent, and the agreed resolution.
#include "commands.hpp"
#include "letter_files.hpp"
#include "output.hpp"
#include "text_input.hpp"

#include "complaints/base/strings.hpp"
#include "complaints/base/text.hpp"
#include "complaints/ops/platform.hpp"
#include "complaints/render/letters.hpp"
#include "complaints/workflow/agents.hpp"
#include "complaints/workflow/workflow.hpp"

#include <set>

namespace complaints::cli {

namespace {

struct AssignOptions {
    std::string id;
    std::string agent;
    std::string from;      // a handover: everything this agent holds
    std::string leaver;    // marks this agent as left on the roster
    bool to_given = false; // --to, blank or not
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

void run_assign_case(const AssignOptions& o, const Writer& repo) {
    const auto& [context, store] = repo;
    const std::string id = store.resolve(o.id);
    const Config& config = store.config();
    // The name is checked before the case is read: a blank or unknown one
    // writes nothing.
    const Assignment request{o.agent,
                             make_event(EventType::assigned, "", o.when_who, context, store),
                             config.agents_left};
    const auto roster = roster_in_force(config.agents, config.agents_left);
    agent_named(request.agent, roster);
    std::string said;
    update_case(repo, id, [&](Case& c) {
        const Assigned done = assign_agent(c, request, roster);
        said = done.first ? "assigned to " + done.agent
                          : "reassigned to " + done.agent + " (the first assignment's time counts)";
    });
    fmt::print("{}: {}\n", id, said);
}

// Every agent a case names, for a handover's "did you mean" with no roster.
std::vector<std::string> holders(const Reader& repo) {
    std::set<std::string> names;
    repo.context.scan(repo.store, false, [&](Case& c) {
        if (!c.agent.empty())
            names.insert(c.agent);
    });
    return {names.begin(), names.end()};
}

void run_handover(const AssignOptions& o, const Writer& repo) {
    const auto& [context, store] = repo;
    const Config& config = store.config();
    Handover request =
        handover_names(o.from, o.agent, config.agents, config.agents_left,
                       config.agents.empty() ? holders(repo) : std::vector<std::string>{},
                       local_date(when(o.when_who, context, store).utc, store.zone()));
    request.event = make_event(EventType::assigned, "", o.when_who, context, store);
    StoreWriter writer = repo.lock();
    std::vector<std::string> theirs;
    context.scan(store, false, [&](Case& c) {
        if (folded(c.agent) == folded(request.from))
            theirs.push_back(c.id);
    });
    std::vector<Case> handed;
    for (const auto& id : theirs)
        if (Case c = store.load(id); hand_over(c, request, config.policy))
            handed.push_back(std::move(c));
    // One lock for the whole handover; each line is printed once its case
    // is saved, so what is printed is what was handed over.
    for (const Case& c : handed) {
        writer.save(c);
        context.recorded = c.id;
        fmt::print("{}: reassigned to {} (from {}){}\n", c.id, request.to, request.from,
                   c.status == Status::closed ? "; closed, its referral still awaited" : "");
    }
    if (handed.empty())
        fmt::print("{} holds no open work: nothing to hand over\n", request.from);
    else
        fmt::print("{} case{} handed over to {}\n", handed.size(), handed.size() == 1 ? "" : "s",
                   request.to);
}

void run_leaver(const AssignOptions& o, const Writer& repo) {
    const auto& [context, store] = repo;
    const auto on = local_date(when(o.when_who, context, store).utc, store.zone());
    StoreWriter writer = repo.lock();
    Config config = Store(store.root()).config();
    const std::string name = mark_left(config.agents, config.agents_left, o.leaver, on);
    writer.save_config(config);
    context.recorded = "complaints.yaml";
    int held = 0;
    context.scan(store, false, [&](Case& c) {
        held += folded(c.agent) == folded(name) && holds_work(c, config.policy);
    });
    fmt::print("{} left on {} (recorded in complaints.yaml)", name, format_date(on));
    if (held == 0)
        fmt::print("; they hold no open work\n");
    else
        fmt::print("; {} case{} to hand over: complaints assign --from '{}' --to NAME\n", held,
                   held == 1 ? "" : "s", name);
}

void run_assign(const AssignOptions& o, const Writer& repo) {
    const bool handover = !o.from.empty();
    const bool leaver = !o.leaver.empty();
    if (leaver && (handover || !o.id.empty() || o.to_given))
        throw Error(ErrorKind::usage, "--leaver NAME goes alone (with --at, the day they left)");
    if (handover && !o.id.empty())
        throw Error(ErrorKind::usage,
                    "--from hands over every case the agent holds: give no ID (assign ID --to "
                    "NAME reassigns one)");
    if (!leaver && !o.to_given)
        throw Error(ErrorKind::usage, "give --to AGENT (with an ID, or --from AGENT)");
    if (!leaver && !handover && o.id.empty())
        throw Error(ErrorKind::usage, "give the case's ID, or --from AGENT to hand over all "
                                      "their work");
    if (leaver)
        return run_leaver(o, repo);
    if (handover)
        return run_handover(o, repo);
    run_assign_case(o, repo);
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
    const Resolution request{text, correction(o.correction, o.when_who, context, store),
                             o.skip_step.empty() ? "" : text_from_flag(o.skip_step, "--skip-step"),
                             make_event(EventType::resolved, "", o.when_who, context, store)};
    update_case(repo, id, [&](Case& c, StoreWriter& writer) {
        const auto keep = [&](const Case& resolved_case, const Event& resolved) {
            return writer.keep_letter(c.id, local_date(resolved.at.utc, store.zone()), "resolution",
                                      given ? *given
                                            : letter_on(resolved_case, resolved.at, text, store));
        };
        kept = resolve_case(c, request, store.config().policy, keep).letter;
    });
    fmt::print("{}: resolution {}\n", id, o.correction.empty() ? "recorded" : "corrected");
    fmt::print(stderr, "complaints: the letter sent is kept in {}\n", kept);
}

} // namespace

void setup_assign(CLI::App& app, Context& context) {
    auto o = std::make_shared<AssignOptions>();
    CLI::App* command =
        app.add_subcommand("assign", "name the support agent who handles a complaint, hand over an "
                                     "agent's work, or mark an agent as left");
    command->add_option("ID", o->id, "the case (not with --from or --leaver)");
    CLI::Option* to =
        command->add_option("--to", o->agent, "the support agent")->option_text("AGENT");
    command
        ->add_option("--from", o->from,
                     "hand over every open case this agent holds, and the referrals still "
                     "awaited on their closed ones, to --to")
        ->option_text("AGENT");
    command
        ->add_option("--leaver", o->leaver,
                     "mark the agent as left on the roster in complaints.yaml, from --at's day "
                     "(default today): no new work is theirs")
        ->option_text("AGENT");
    add_when_who(*command, o->when_who);
    writes_files(*command, context, [o, to](const Writer& repo) {
        o->to_given = to->count() > 0;
        run_assign(*o, repo);
    });
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
