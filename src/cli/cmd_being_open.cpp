// SPDX-License-Identifier: Apache-2.0
// complaints being-open: a patient safety incident, the Being Open
// conversation with the patient, and its written follow-up.
#include "commands.hpp"
#include "output.hpp"
#include "text_input.hpp"

#include "complaints/base/text.hpp"
#include "complaints/workflow/being_open.hpp"

namespace complaints::cli {

namespace {

struct BeingOpenOptions {
    std::string id;
    std::string incident;
    std::string apology;
    std::string explained;
    std::string remedial;
    std::vector<std::string> with;
    std::string follow_up;
    WhenWho when_who;
};

// One step at a time: the marking, the conversation, or the follow-up.
void check_one_step(const BeingOpenOptions& o) {
    const bool talk =
        !o.apology.empty() || !o.explained.empty() || !o.remedial.empty() || !o.with.empty();
    if ((!o.incident.empty()) + talk + (!o.follow_up.empty()) != 1)
        throw Error(ErrorKind::usage,
                    "being-open does one thing at a time: --incident REASON, the conversation "
                    "(--apology, --explained, --remedial, --with), or --follow-up TEXT");
    for (const auto& name : o.with)
        require_clean_text(name, "--with");
}

std::string record(Case& c, const BeingOpenOptions& o, const Context& context, const Store& store) {
    if (!o.incident.empty()) {
        mark_safety_incident(c, make_event(EventType::safety_incident,
                                           text_from_flag(o.incident, "--incident"), o.when_who,
                                           context, store));
        return "marked a patient safety incident; record the Being Open conversation next";
    }
    if (!o.follow_up.empty()) {
        record_follow_up(c, make_event(EventType::being_open_follow_up,
                                       text_from_flag(o.follow_up, "--follow-up"), o.when_who,
                                       context, store));
        return "the Being Open written follow-up is recorded";
    }
    record_being_open(c,
                      {text_from_flag(o.apology, "--apology"),
                       text_from_flag(o.explained, "--explained"),
                       text_from_flag(o.remedial, "--remedial"), o.with},
                      make_event(EventType::being_open, "", o.when_who, context, store));
    return "the Being Open conversation is recorded; its written follow-up is owed next";
}

void run_being_open(const BeingOpenOptions& o, const Writer& repo) {
    check_one_step(o);
    const auto& [context, store] = repo;
    check_being_open_allowed(store.config().policy);
    const std::string id = store.resolve(o.id);
    std::string said;
    const Case c = update_case(repo, id, [&](Case& c) { said = record(c, o, context, store); });
    fmt::print("{}: {}\n", id, said);
    if (!o.incident.empty())
        print_insurer_prompt(c, store.config().policy);
}

} // namespace

void setup_being_open(CLI::App& app, Context& context) {
    auto o = std::make_shared<BeingOpenOptions>();
    CLI::App* command = app.add_subcommand(
        "being-open", "a patient safety incident: mark it, record the Being Open conversation, "
                      "then its written follow-up");
    command->add_option("ID", o->id, "the case")->required();
    command
        ->add_option("--incident", o->incident,
                     "mark the case a patient safety incident, saying why")
        ->option_text("REASON");
    command->add_option("--apology", o->apology, "the apology given to the patient")
        ->option_text("TEXT");
    command->add_option("--explained", o->explained, "what the patient was told happened")
        ->option_text("TEXT");
    command->add_option("--remedial", o->remedial, "the remedial actions put in place")
        ->option_text("TEXT");
    command->add_option("--with", o->with, "who took part (repeat for each)")->option_text("NAME");
    command
        ->add_option("--follow-up", o->follow_up,
                     "the written follow-up of the conversation (- reads stdin)")
        ->option_text("TEXT");
    add_when_who(*command, o->when_who);
    writes(*command, context, [o](const Writer& repo) { run_being_open(*o, repo); });
}

} // namespace complaints::cli
