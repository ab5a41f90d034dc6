// SPDX-License-Identifier: Apache-2.0
#pragma once
// `action` as one operation: the action plan's steps (an action added, its
// progress, its completion), every refusal of them, and the changed case.
#include "complaints/model/model.hpp"

#include <optional>
#include <string>

namespace complaints {

enum class ActionStep { add, progress, done };

struct ActionRequest {
    ActionStep step = ActionStep::add;
    // The action progressed or done, as `show` numbers it.
    int number = 0;
    std::string text;
    // An action added: who leads it and its target date.
    std::string lead;
    std::optional<date::year_month_day> due;
    // The event's time, author and `recorded`; its text is the operation's.
    Event event;
};

struct ActionRecorded {
    int number = 0;
    // What is said of it: "action 2 added", "action 1 done".
    std::string said;
    // An action added with a target date before the day it was added: allowed
    // (a plan typed in late), but never silently overdue at birth.
    bool overdue_already = false;
};

// Records the step on `c`, or throws changing nothing: a usage Error listing
// what the request lacks (an action added needs its text, lead and target
// date; progress needs its text), else the workflow's refusal (no such
// action, or one done already).
ActionRecorded plan_action(Case& c, const ActionRequest& request, const date::time_zone& zone);

} // namespace complaints
