// SPDX-License-Identifier: Apache-2.0
// complaints close: the outcome, and the lessons learnt or why there are none.
#include "choices.hpp"
#include "commands.hpp"
#include "output.hpp"
#include "text_input.hpp"

#include "complaints/workflow/clinicians.hpp"
#include "complaints/workflow/steps.hpp"
#include "complaints/workflow/workflow.hpp"

namespace complaints::cli {

namespace {

struct CloseOptions {
    std::string id;
    std::string outcome;
    std::string learning;
    std::string no_learning;
    std::string no_written_response;
    bool warning = false;
    std::string warning_reason;
    std::string skip_step;
    WhenWho when_who;
};

void run_close(const CloseOptions& options, const Context& context) {
    const Outcome outcome = parse_enum<Outcome>(options.outcome, "--outcome");
    const std::string learning = text_from_flag(options.learning, "--learning");
    const std::string no_learning = text_from_flag(options.no_learning, "--no-learning");
    const std::string reason = text_from_flag(options.warning_reason, "--warning-reason");
    const std::string skip = text_from_flag(options.skip_step, "--skip-step");
    if (!reason.empty() && !options.warning)
        throw Error(ErrorKind::usage, "--warning-reason goes with --warning");
    if (!skip.empty() && outcome == Outcome::withdrawn)
        throw Error(ErrorKind::usage,
                    "--skip-step: a withdrawn complaint closes without the policy's steps");
    Store store = context.open_store();
    const std::string id = store.resolve(options.id);
    const Policy& policy = store.config().policy;
    std::string said;
    update_case(context, store, id, [&](Case& c) {
        if (!options.no_written_response.empty())
            record_no_written_response(c, make_event(EventType::no_written_response,
                                                     options.no_written_response, options.when_who,
                                                     context, store));
        check_close(c, policy, outcome, !learning.empty(), !no_learning.empty());
        const Event closing =
            make_event(EventType::closed,
                       fmt::format("Closed: {}; {}", name_of(outcome),
                                   learning.empty() ? "no learning identified: " + no_learning
                                                    : "lessons learnt recorded"),
                       options.when_who, context, store);
        check_close_after_resolution(c, closing.at);
        // Only a withdrawn complaint closes before the policy's steps are done.
        if (outcome != Outcome::withdrawn)
            check_step(c, policy, std::nullopt, closing, skip);
        c.status = Status::closed;
        c.outcome = outcome;
        c.learning = learning;
        c.no_learning = no_learning;
        add_event(c, closing);
        if (!options.warning)
            return;
        check_warning(c, policy, closing.at, reason);
        std::vector<Case> others;
        // Every other case, strictly, but only the slim facts a clinician's
        // standing needs (warnings, decisions), through the cache.
        for (auto& other : context.slim_all(store, true))
            if (other.id != c.id)
                others.push_back(std::move(other));
        const auto review = issue_warning(c, closing, others, policy, store.zone(), reason);
        said = review ? "; warning issued. " + *review : "; warning issued";
    });
    fmt::print("{}: closed, {}{}\n", id, name_of(outcome), said);
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
    command->callback([o, &context] { run_close(*o, context); });
}

} // namespace complaints::cli
