// SPDX-License-Identifier: Apache-2.0
// The action plan as an operation, through the library: what each step
// needs, the plan's numbering, and a refusal that leaves the case as it was.
#include "complaints/base/error.hpp"
#include "complaints/ops/action.hpp"

#include "error_from.hpp"
#include "event_of.hpp"
#include "problem_codes.hpp"

#include <doctest/doctest.h>

using namespace complaints;
using complaints::testing::codes;
using complaints::testing::error_from;
using complaints::testing::event_of;
using complaints::testing::london;
using complaints::testing::when;

namespace {

// A clinic complaint received on Monday 2 November 2026, upheld in part.
Case complaint_with_plan() {
    Case c;
    c.id = "CLN-2026-PLAN01";
    c.received = when("2026-11-02 09:00");
    c.events.push_back(event_of(c.received, EventType::opened, "Sam Manager", ""));
    return c;
}

ActionRequest action_step(ActionStep step, const char* at, std::string text = "") {
    ActionRequest request;
    request.step = step;
    request.text = std::move(text);
    request.event = event_of(when(at), EventType::action, "Sam Manager", "");
    return request;
}

ActionRequest new_action(const char* at, date::year_month_day due) {
    ActionRequest request = action_step(ActionStep::add, at, "Fix the lift");
    request.lead = "Ali Estates";
    request.due = due;
    return request;
}

constexpr date::year_month_day k_december_1{date::year{2026} / 12 / 1};

} // namespace

TEST_CASE("action: an action added needs its text, lead and date, all told at once") {
    Case c = complaint_with_plan();
    const Case before = c;
    const Error e = error_from(
        [&] { plan_action(c, action_step(ActionStep::add, "2026-11-10 10:00"), london()); });
    CHECK(e.kind() == ErrorKind::usage);
    CHECK(codes(e.problems()) == "field-missing, field-missing, field-missing");
    CHECK(e.problems()[0].message.find("{text}") == 0);
    CHECK(e.problems()[1].message.find("{lead}") == 0);
    CHECK(e.problems()[2].message.find("{due}") == 0);
    CHECK(c == before);
}

TEST_CASE("action: added, progressed and done, each an event on the timeline") {
    Case c = complaint_with_plan();
    const ActionRecorded added =
        plan_action(c, new_action("2026-11-10 10:00", k_december_1), london());
    CHECK(added.number == 1);
    CHECK_FALSE(added.overdue_already);
    CHECK(c.events.back().text == "Action 1 added: Fix the lift (lead Ali Estates, by 2026-12-01)");
    ActionRequest progress =
        action_step(ActionStep::progress, "2026-11-17 10:00", "Engineer booked");
    progress.number = 1;
    plan_action(c, progress, london());
    CHECK(c.actions[0].progress.size() == 1);
    ActionRequest done = action_step(ActionStep::done, "2026-11-24 10:00");
    done.number = 1;
    CHECK(plan_action(c, done, london()).said == "action 1 done");
    CHECK(c.actions[0].done == when("2026-11-24 10:00"));
    const Error again = error_from([&] { plan_action(c, done, london()); });
    CHECK(codes(again.problems()) == "already-done");
}

TEST_CASE("action: progress needs its text and an action the plan has") {
    Case c = complaint_with_plan();
    ActionRequest progress = action_step(ActionStep::progress, "2026-11-17 10:00");
    progress.number = 1;
    CHECK(codes(error_from([&] { plan_action(c, progress, london()); }).problems()) ==
          "field-missing");
    progress.text = "Engineer booked";
    CHECK(codes(error_from([&] { plan_action(c, progress, london()); }).problems()) ==
          "no-such-item");
    CHECK(c.events.size() == 1);
}

TEST_CASE("action: a date before the day it is added is kept, and said to be overdue") {
    Case c = complaint_with_plan();
    const ActionRecorded late =
        plan_action(c, new_action("2026-12-03 10:00", k_december_1), london());
    CHECK(late.overdue_already);
    CHECK(c.actions.size() == 1);
}
