// SPDX-License-Identifier: Apache-2.0
// complaints action: the action plan, each action with a lead and a target
// date, monitored until it is done.
#include "commands.hpp"
#include "output.hpp"
#include "text_input.hpp"

#include "complaints/ops/action.hpp"

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

// "add", "progress N", "done N", as the words after the ID give them.
ActionRequest action_request(const ActionOptions& o, const Context& context, const Store& store) {
    const auto& w = o.words;
    const bool shape_ok = (w.size() == 2 && w[1] == "add") ||
                          (w.size() == 3 && (w[1] == "progress" || w[1] == "done"));
    if (!shape_ok)
        throw Error(ErrorKind::usage,
                    "write 'action ID add --text T --lead L --due DATE', 'action ID progress N "
                    "--text T' or 'action ID done N'");
    ActionRequest request;
    request.step = w[1] == "add"        ? ActionStep::add
                   : w[1] == "progress" ? ActionStep::progress
                                        : ActionStep::done;
    if (w.size() == 3) {
        const auto [end, ec] =
            std::from_chars(w[2].data(), w[2].data() + w[2].size(), request.number);
        if (ec != std::errc{} || end != w[2].data() + w[2].size())
            throw Error(ErrorKind::usage, fmt::format("'{}' is not an action's number", w[2]));
    }
    request.text = text_from_flag(o.text, "--text");
    request.lead = o.lead;
    if (!o.due.empty())
        request.due = date_flag(o.due, "--due");
    request.event = make_event(EventType::action, "", o.when_who, context, store);
    return request;
}

void run_action(const ActionOptions& o, const Writer& repo) {
    const auto& [context, store] = repo;
    const ActionRequest request = action_request(o, context, store);
    const std::string id = store.resolve(o.words[0]);
    ActionRecorded recorded;
    update_case(repo, id, [&](Case& c) { recorded = plan_action(c, request, store.zone()); });
    if (recorded.overdue_already)
        fmt::print(stderr,
                   "complaints: warning: action {}'s target date {} is before the day it was "
                   "added, so it is overdue already; was --due meant to be later?\n",
                   recorded.number, format_date(*request.due));
    fmt::print("{}: {}\n", id, recorded.said);
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
