// SPDX-License-Identifier: Apache-2.0
// complaints close: the outcome, and the lessons learnt or why there are none.
#include "choices.hpp"
#include "commands.hpp"
#include "output.hpp"
#include "text_input.hpp"

#include "complaints/ops/close.hpp"

namespace complaints::cli {

namespace {

struct CloseOptions {
    std::string id;
    std::string outcome;
    std::string satisfaction;
    std::string learning;
    std::string no_learning;
    std::string no_written_response;
    bool warning = false;
    std::string warning_reason;
    std::string skip_step;
    WhenWho when_who;
};

void run_close(const CloseOptions& options, const Writer& repo) {
    const auto& [context, store] = repo;
    CloseRequest request;
    request.outcome = parse_enum<Outcome>(options.outcome, "--outcome");
    if (!options.satisfaction.empty())
        request.satisfaction = parse_enum<Satisfaction>(options.satisfaction, "--satisfaction");
    request.learning = text_from_flag(options.learning, "--learning");
    request.no_learning = text_from_flag(options.no_learning, "--no-learning");
    request.warning = options.warning;
    request.warning_reason = text_from_flag(options.warning_reason, "--warning-reason");
    request.skip_step = text_from_flag(options.skip_step, "--skip-step");
    if (!options.no_written_response.empty())
        request.no_written_response =
            make_event(EventType::no_written_response, options.no_written_response,
                       options.when_who, context, store);
    request.closing = make_event(EventType::closed, "", options.when_who, context, store);
    // Every other case, strictly, but only the slim facts a clinician's
    // standing needs, through the cache.
    const auto others = [&] { return context.slim_all(store, true); };
    const std::string id = store.resolve(options.id);
    Closed closed;
    update_case(repo, id, [&](Case& c) {
        closed = close_case(c, request, store.config().policy, store.zone(), others);
    });
    const std::string said = !request.warning ? ""
                             : closed.review  ? "; warning issued. " + *closed.review
                                              : "; warning issued";
    fmt::print("{}: closed, {}{}\n", id, name_of(request.outcome), said);
}

} // namespace

void setup_close(CLI::App& app, Context& context) {
    auto o = std::make_shared<CloseOptions>();
    CLI::App* command =
        app.add_subcommand("close", "close a case with its outcome and what was learnt");
    command->add_option("ID", o->id, "the case")->required();
    enum_choices<Outcome>(
        command->add_option("--outcome", o->outcome,
                            "upheld, partly-upheld, not-upheld, resolved or withdrawn"))
        ->required();
    enum_choices<Satisfaction>(command->add_option(
        "--satisfaction", o->satisfaction,
        "whether the complainant was satisfied: satisfied, not-satisfied or not-known"));
    command->add_option("--learning", o->learning, "lessons learnt (needs an action on the plan)")
        ->option_text("TEXT");
    command->add_option("--no-learning", o->no_learning, "why no learning was identified")
        ->option_text("REASON");
    command
        ->add_option("--no-written-response", o->no_written_response,
                     "the complainant did not want a written response: why (the complaint was "
                     "settled in conversation, say)")
        ->option_text("REASON");
    command->add_flag("--warning", o->warning,
                      "the outcome issues a warning to the clinician (platform): an upheld or "
                      "partly-upheld complaint, shared with them first; needs --warning-reason");
    command
        ->add_option("--warning-reason", o->warning_reason,
                     "with --warning: which part of the code of conduct it is given for")
        ->option_text("TEXT");
    command
        ->add_option("--skip-step", o->skip_step,
                     "close although a step of the policy's order is missing, recording why")
        ->option_text("REASON");
    add_when_who(*command, o->when_who);
    writes(*command, context, [o](const Writer& repo) { run_close(*o, repo); });
}

} // namespace complaints::cli
