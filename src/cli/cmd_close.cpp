// complaints close: the outcome, and the lessons learnt or why there are none.
#include "commands.hpp"
#include "output.hpp"
#include "text_input.hpp"

#include "complaints/workflow.hpp"

namespace complaints::cli {

namespace {

struct CloseOptions {
    std::string id;
    std::string outcome;
    std::string learning;
    std::string no_learning;
    WhenWho when_who;
};

void run_close(const CloseOptions& options, const Context& context) {
    const Outcome outcome = parse_enum<Outcome>(options.outcome, "--outcome");
    const std::string learning = text_from_flag(options.learning, "--learning");
    const std::string no_learning = text_from_flag(options.no_learning, "--no-learning");
    const Store store = context.open_store();
    const std::string id = store.resolve(options.id);
    update_case(context, store, id, [&](Case& c) {
        const auto missing = close_missing(c, store.config().policy, outcome, !learning.empty(), !no_learning.empty());
        if (!missing.empty())
            throw Error(ErrorKind::refused, fmt::format("cannot close {}: {}", c.id, joined(missing)));
        c.status = Status::closed;
        c.outcome = outcome;
        c.learning = learning;
        c.no_learning = no_learning;
        add_event(c, make_event("closed",
                                fmt::format("Closed: {}; {}", name_of(outcome),
                                            learning.empty() ? "no learning identified: " + no_learning
                                                             : "lessons learnt recorded"),
                                options.when_who, context, store));
    });
    fmt::print("{}: closed, {}\n", id, name_of(outcome));
}

} // namespace

void setup_close(CLI::App& app, Context& context) {
    auto o = std::make_shared<CloseOptions>();
    CLI::App* command = app.add_subcommand("close", "close a case with its outcome and what was learnt");
    command->add_option("ID", o->id, "the case")->required();
    command->add_option("--outcome", o->outcome, "upheld, partly-upheld, not-upheld, resolved or withdrawn")
        ->required();
    command->add_option("--learning", o->learning, "lessons learnt (needs an action on the plan)")->option_text("TEXT");
    command->add_option("--no-learning", o->no_learning, "why no learning was identified")->option_text("REASON");
    add_when_who(*command, o->when_who);
    command->callback([o, &context] { run_close(*o, context); });
}

} // namespace complaints::cli
