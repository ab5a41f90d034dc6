// The platform's handling: a named support agent, and the agreed resolution.
#include "commands.hpp"
#include "output.hpp"
#include "text_input.hpp"

#include "complaints/workflow.hpp"

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
    WhenWho when_who;
};

void run_assign(const AssignOptions& o, const Context& context) {
    Store store = context.open_store();
    const std::string id = store.resolve(o.id);
    std::string said;
    update_case(context, store, id, [&](Case& c) {
        require_formal_complaint(c, "assign a handler");
        const Event event = make_event(EventType::assigned,
                                       "Assigned to " + o.agent + ", the main point of contact",
                                       o.when_who, context, store);
        const bool first = !first_event(c, EventType::assigned);
        c.agent = o.agent;
        add_event(c, event);
        said = first ? "assigned to " + o.agent
                     : "reassigned to " + o.agent + " (the first assignment's time counts)";
    });
    fmt::print("{}: {}\n", id, said);
}

void run_resolve(const ResolveOptions& o, const Context& context) {
    const std::string text = text_from_flag(o.text, "--text");
    Store store = context.open_store();
    const std::string id = store.resolve(o.id);
    update_case(context, store, id, [&](Case& c) {
        require_formal_complaint(c, "record a resolution");
        record_resolution(c, make_event(EventType::resolved, text, o.when_who, context, store),
                          correction(o.correction, o.when_who, context, store));
    });
    fmt::print("{}: resolution {}\n", id, o.correction.empty() ? "recorded" : "corrected");
}

} // namespace

void setup_assign(CLI::App& app, Context& context) {
    auto o = std::make_shared<AssignOptions>();
    CLI::App* command =
        app.add_subcommand("assign", "name the support agent who handles a complaint");
    command->add_option("ID", o->id, "the case")->required();
    command->add_option("--to", o->agent, "the support agent")->required()->option_text("AGENT");
    add_when_who(*command, o->when_who);
    command->callback([o, &context] { run_assign(*o, context); });
}

void setup_resolve(CLI::App& app, Context& context) {
    auto o = std::make_shared<ResolveOptions>();
    CLI::App* command =
        app.add_subcommand("resolve", "record the resolution agreed between the parties");
    command->add_option("ID", o->id, "the case")->required();
    command->add_option("--text", o->text, "the agreed resolution (- reads stdin)")
        ->required()
        ->option_text("TEXT");
    add_correction_option(*command, o->correction);
    add_when_who(*command, o->when_who);
    command->callback([o, &context] { run_resolve(*o, context); });
}

} // namespace complaints::cli
