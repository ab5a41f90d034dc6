// SPDX-License-Identifier: Apache-2.0
#include "complaints/ops/action.hpp"

#include "complaints/base/text.hpp"
#include "complaints/workflow/workflow.hpp"

#include <fmt/format.h>

namespace complaints {

namespace {

std::vector<Problem> missing_fields(const ActionRequest& request) {
    std::vector<Problem> problems;
    const auto missing = [&](const char* field, const char* what) {
        problems.emplace_back(
            ProblemCode::field_missing,
            fmt::format("{{{}}}: {} needs {}", field,
                        request.step == ActionStep::add ? "an action added" : "progress recorded",
                        what));
    };
    if (request.step != ActionStep::done && folded(request.text).empty())
        missing("text", "what is done");
    if (request.step == ActionStep::add && folded(request.lead).empty())
        missing("lead", "who leads it");
    if (request.step == ActionStep::add && !request.due)
        missing("due", "its target date");
    return problems;
}

ActionRecorded add(Case& c, const ActionRequest& request, const date::time_zone& zone) {
    Action action{static_cast<int>(c.actions.size()) + 1,
                  request.text,
                  request.lead,
                  *request.due,
                  request.event.at,
                  {},
                  {}};
    Event event = request.event;
    event.text = fmt::format("Action {} added: {} (lead {}, by {})", action.number, action.text,
                             action.lead, format_date(action.due));
    add_event(c, event);
    c.actions.push_back(action);
    const bool overdue =
        date::sys_days{action.due} < date::sys_days{local_date(event.at.utc, zone)};
    return {action.number, fmt::format("action {} added", action.number), overdue};
}

ActionRecorded progress(Case& c, const ActionRequest& request) {
    Action& action = open_action(c, request.number);
    Event event = request.event;
    event.text = fmt::format("Action {} progress: {}", action.number, request.text);
    action.progress.push_back(ActionProgress{event.at, request.text});
    add_event(c, event);
    return {action.number, fmt::format("progress on action {} recorded", action.number)};
}

ActionRecorded done(Case& c, const ActionRequest& request) {
    Action& action = open_action(c, request.number);
    Event event = request.event;
    event.text = fmt::format("Action {} done{}", action.number,
                             request.text.empty() ? "" : ": " + request.text);
    action.done = event.at;
    add_event(c, event);
    return {action.number, fmt::format("action {} done", action.number)};
}

} // namespace

ActionRecorded plan_action(Case& c, const ActionRequest& request, const date::time_zone& zone) {
    if (auto problems = missing_fields(request); !problems.empty())
        throw Error(ErrorKind::usage, "", std::move(problems));
    switch (request.step) {
    case ActionStep::add:
        return add(c, request, zone);
    case ActionStep::progress:
        return progress(c, request);
    case ActionStep::done:
        return done(c, request);
    }
    return {};
}

} // namespace complaints
