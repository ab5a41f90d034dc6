// complaints close: the outcome, and the lessons learnt or why there are none.
#include "commands.hpp"
#include "output.hpp"
#include "text_input.hpp"

#include "complaints/clinicians.hpp"
#include "complaints/workflow.hpp"

namespace complaints::cli {

namespace {

struct CloseOptions {
    std::string id;
    std::string outcome;
    std::string learning;
    std::string no_learning;
    std::string no_written_response;
    bool warning = false;
    WhenWho when_who;
};

void run_close(const CloseOptions& options, const Context& context) {
    const Outcome outcome = parse_enum<Outcome>(options.outcome, "--outcome");
    const std::string learning = text_from_flag(options.learning, "--learning");
    const std::string no_learning = text_from_flag(options.no_learning, "--no-learning");
    Store store = context.open_store();
    const std::string id = store.resolve(options.id);
    std::string said;
    update_case(context, store, id, [&](Case& c) {
        if (!options.no_written_response.empty())
            record_no_written_response(c, make_event(EventType::no_written_response,
                                                     options.no_written_response, options.when_who,
                                                     context, store));
        check_close(c, store.config().policy, outcome, !learning.empty(), !no_learning.empty());
        c.status = Status::closed;
        c.outcome = outcome;
        c.learning = learning;
        c.no_learning = no_learning;
        const Event closing =
            make_event(EventType::closed,
                       fmt::format("Closed: {}; {}", name_of(outcome),
                                   learning.empty() ? "no learning identified: " + no_learning
                                                    : "lessons learnt recorded"),
                       options.when_who, context, store);
        add_event(c, closing);
        if (!options.warning)
            return;
        std::vector<Case> others;
        for (auto& other : store.load_all())
            if (other.id != c.id)
                others.push_back(std::move(other));
        const auto review = issue_warning(c, closing, others, store.config().policy, store.zone());
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
    command
        ->add_option("--outcome", o->outcome,
                     "upheld, partly-upheld, not-upheld, resolved or withdrawn")
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
                      "the outcome issues a warning to the clinician (platform)");
    add_when_who(*command, o->when_who);
    command->callback([o, &context] { run_close(*o, context); });
}

} // namespace complaints::cli
