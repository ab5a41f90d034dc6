// SPDX-License-Identifier: Apache-2.0
// complaints action: the action plan, each action with a lead and a target
// date, monitored until it is done.
#include "commands.hpp"
#include "output.hpp"
#include "text_input.hpp"

#include "complaints/workflow/workflow.hpp"

#include <charconv>

namespace complaints::cli {

namespace {

struct ActionOptions {
    std::vector<std::string> words; // ID, then add | progress N | done N
    std::string text;
    std::string lead;
    std::string due;
    WhenWho when_who;
};

Action& action_numbered(Case& c, const std::string& word) {
    int number = 0;
    const auto [end, ec] = std::from_chars(word.data(), word.data() + word.size(), number);
    if (ec != std::errc{} || end != word.data() + word.size())
        throw Error(ErrorKind::usage,
                    fmt::format("{} has no action '{}' (it has {})", c.id, word, c.actions.size()));
    return open_action(c, number);
}

std::string add(Case& c, const ActionOptions& o, const Context& context, const Store& store) {
    if (o.text.empty() || o.lead.empty() || o.due.empty())
        throw Error(ErrorKind::usage, "action ID add needs --text, --lead and --due");
    const auto due = date_flag(o.due, "--due");
    Action action{static_cast<int>(c.actions.size()) + 1,
                  text_from_flag(o.text, "--text"),
                  o.lead,
                  due,
                  {},
                  {},
                  {}};
    const Event event =
        make_event(EventType::action,
                   fmt::format("Action {} added: {} (lead {}, by {})", action.number, action.text,
                               action.lead, format_date(due)),
                   o.when_who, context, store);
    action.added = event.at;
    add_event(c, event);
    c.actions.push_back(action);
    // Allowed (a plan typed in late), but never silently overdue at birth.
    if (date::sys_days{due} < date::sys_days{local_date(event.at.utc, store.zone())})
        fmt::print(stderr,
                   "complaints: warning: action {}'s target date {} is before the day it was "
                   "added, so it is overdue already; was --due meant to be later?\n",
                   action.number, format_date(due));
    return fmt::format("action {} added", action.number);
}

std::string progress(Case& c, const ActionOptions& o, const Context& context, const Store& store) {
    Action& action = action_numbered(c, o.words.at(2));
    if (o.text.empty())
        throw Error(ErrorKind::usage, "action ID progress N needs --text");
    const Event event = make_event(
        EventType::action,
        fmt::format("Action {} progress: {}", action.number, text_from_flag(o.text, "--text")),
        o.when_who, context, store);
    action.progress.push_back(ActionProgress{event.at, text_from_flag(o.text, "--text")});
    add_event(c, event);
    return fmt::format("progress on action {} recorded", action.number);
}

std::string done(Case& c, const ActionOptions& o, const Context& context, const Store& store) {
    Action& action = action_numbered(c, o.words.at(2));
    const Event event = make_event(
        EventType::action,
        fmt::format("Action {} done{}", action.number, o.text.empty() ? "" : ": " + o.text),
        o.when_who, context, store);
    action.done = event.at;
    add_event(c, event);
    return fmt::format("action {} done", action.number);
}

void run_action(const ActionOptions& o, const Writer& repo) {
    const auto& w = o.words;
    const bool shape_ok = (w.size() == 2 && w[1] == "add") ||
                          (w.size() == 3 && (w[1] == "progress" || w[1] == "done"));
    if (!shape_ok)
        throw Error(ErrorKind::usage,
                    "write 'action ID add --text T --lead L --due DATE', 'action ID progress N "
                    "--text T' or 'action ID done N'");
    const auto& [context, store] = repo;
    const std::string id = store.resolve(w[0]);
    std::string said;
    update_case(repo, id, [&](Case& c) {
        said = w[1] == "add"        ? add(c, o, context, store)
               : w[1] == "progress" ? progress(c, o, context, store)
                                    : done(c, o, context, store);
    });
    fmt::print("{}: {}\n", id, said);
}

} // namespace

void setup_action(CLI::App& app, Context& context) {
    auto o = std::make_shared<ActionOptions>();
    CLI::App* command =
        app.add_subcommand("action", "the action plan: 'action ID add', 'action ID progress N', "
                                     "'action ID done N'");
    command->add_option("ID VERB [N]", o->words, "the case, then add, progress N or done N")
        ->required();
    command->add_option("--text", o->text, "what is to be done, or the progress made")
        ->option_text("TEXT");
    command->add_option("--lead", o->lead, "who leads the action")->option_text("NAME");
    command->add_option("--due", o->due, "its target completion date")->option_text("DATE");
    add_when_who(*command, o->when_who);
    writes(*command, context, [o](const Writer& repo) { run_action(*o, repo); });
}

} // namespace complaints::cli
