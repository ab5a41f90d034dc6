// SPDX-License-Identifier: Apache-2.0
// The platform's support team and its feedback, as the core decides them:
// an agent who left takes no new work and strands what they hold until it
// is handed over; feedback closes on its acknowledgement and is prompted
// for after the policy's period.
#include "complaints/base/error.hpp"
#include "complaints/ops/log.hpp"
#include "complaints/ops/platform.hpp"
#include "complaints/workflow/agents.hpp"
#include "complaints/workflow/feedback.hpp"

#include "error_from.hpp"
#include "event_of.hpp"

#include <doctest/doctest.h>

using namespace complaints;
using complaints::testing::error_from;
using complaints::testing::event_of;
using complaints::testing::london;
using complaints::testing::when;

namespace {

const Policy& team_policy() {
    static const Policy policy = preset_policy("platform");
    return policy;
}

date::year_month_day team_day(int y, unsigned m, unsigned d) {
    return date::year{y} / date::month{m} / date::day{d};
}

// A formal complaint Tom Okafor holds, received on 16 November.
Case toms_case() {
    Case c;
    c.id = "LAN-2026-XT3S4J";
    c.received = when("2026-11-16 09:00");
    c.agent = "Tom Okafor";
    c.events.push_back(event_of(c.received, EventType::opened, "Support", ""));
    return c;
}

const std::vector<AgentLeft> k_left{{"Tom Okafor", team_day(2026, 12, 1)}};

} // namespace

TEST_SUITE("platform team: an agent leaves") {
    TEST_CASE("work held by an agent who left is flagged from the day they left, open or with a "
              "referral awaited") {
        Case c = toms_case();
        CHECK_FALSE(held_by_leaver(c, team_policy(), k_left, team_day(2026, 11, 30)));
        const auto held = held_by_leaver(c, team_policy(), k_left, team_day(2026, 12, 1));
        REQUIRE(held);
        CHECK(held->code == ProblemCode::agent_left);
        CHECK(held->message == "held by Tom Okafor, who left on 2026-12-01");
        c.status = Status::closed;
        c.outcome = Outcome::resolved;
        CHECK_FALSE(held_by_leaver(c, team_policy(), k_left, team_day(2026, 12, 2)));
        c.escalations.push_back(Escalation{});
        c.escalations.back().body = "gmc";
        c.escalations.back().at = when("2026-11-20 09:00");
        CHECK(held_by_leaver(c, team_policy(), k_left, team_day(2026, 12, 2)));
    }

    TEST_CASE("new work is refused to an agent who left, and the handover names them both") {
        const Error refused =
            error_from([] { require_present("Tom Okafor", k_left, team_day(2026, 12, 1)); });
        CHECK(refused.kind() == ErrorKind::refused);
        require_present("Tom Okafor", k_left, team_day(2026, 11, 30));
        const std::vector<std::string> roster{"Priya Shah", "Tom Okafor"};
        const Handover names =
            handover_names("tom okafor", "priya shah", roster, k_left, {}, team_day(2026, 12, 2));
        CHECK(names.from == "Tom Okafor");
        CHECK(names.to == "Priya Shah");
        CHECK(error_from([&] {
                  handover_names("Priya Shah", "Tom Okafor", roster, k_left, {},
                                 team_day(2026, 12, 2));
              }).kind() == ErrorKind::refused);
        CHECK(error_from([&] {
                  handover_names("Tom", "Tom Okafor", {}, {}, {"Tom Okafor"},
                                 team_day(2026, 12, 2));
              }).kind() == ErrorKind::not_found);
    }

    TEST_CASE("a handover keeps a closed case closed, and leaves another agent's alone") {
        Case c = toms_case();
        c.status = Status::closed;
        c.outcome = Outcome::resolved;
        Handover request{"Tom Okafor", "Priya Shah",
                         event_of(when("2026-12-02 09:00"), EventType::assigned, "Lead", "")};
        CHECK_FALSE(hand_over(c, request, team_policy())); // nothing awaited: not his work now
        c.escalations.push_back(Escalation{});
        c.escalations.back().body = "gmc";
        c.escalations.back().at = when("2026-11-20 09:00");
        REQUIRE(hand_over(c, request, team_policy()));
        CHECK(c.status == Status::closed);
        CHECK(c.outcome == Outcome::resolved);
        CHECK(c.agent == "Priya Shah");
        CHECK(c.events.back().agent == "Priya Shah");
        request.from = "Ana Lopes";
        CHECK_FALSE(hand_over(c, request, team_policy()));
    }

    TEST_CASE("marking an agent as left: on the roster, once, and with no roster, added") {
        std::vector<std::string> roster{"Priya Shah", "Tom Okafor"};
        std::vector<AgentLeft> left;
        CHECK(mark_left(roster, left, "tom okafor", team_day(2026, 12, 1)) == "Tom Okafor");
        CHECK(left == k_left);
        CHECK(error_from([&] {
                  mark_left(roster, left, "Tom Okafor", team_day(2026, 12, 3));
              }).kind() == ErrorKind::refused);
        CHECK(error_from([&] { mark_left(roster, left, "Ana", team_day(2026, 12, 3)); }).kind() ==
              ErrorKind::usage);
        std::vector<std::string> none;
        std::vector<AgentLeft> gone;
        mark_left(none, gone, "Tom Okafor", team_day(2026, 12, 1));
        CHECK(none == std::vector<std::string>{"Tom Okafor"});
        CHECK(roster_in_force(none, gone).empty()); // everyone listed left: any name
        CHECK(roster_in_force(roster, left) == roster);
    }
}

TEST_SUITE("platform team: feedback") {
    TEST_CASE("feedback is prompted for after 5 working days, and its acknowledgement closes it") {
        Case c;
        c.id = "LAN-2026-FB3S4J";
        c.kind = Kind::feedback;
        c.received = when("2026-11-16 09:00");
        c.events.push_back(event_of(c.received, EventType::opened, "Support", ""));
        const WorkingCalendar calendar{Region::england_and_wales};
        CHECK_FALSE(
            feedback_prompt(c, team_policy(), calendar, london(), when("2026-11-20 10:00").utc));
        const auto prompt =
            feedback_prompt(c, team_policy(), calendar, london(), when("2026-11-27 10:00").utc);
        REQUIRE(prompt);
        CHECK(prompt->message == "feedback open 9 working days: acknowledge it to close it");
        LogRequest request{event_of(when("2026-11-27 11:00"), EventType::acknowledged, "Support",
                                    "Thanked the practice"),
                           false, ""};
        log_event(c, request, team_policy(), london(), {});
        CHECK(c.status == Status::closed);
        CHECK(c.outcome == Outcome::resolved);
        CHECK(c.events.back().type == EventType::closed);
        CHECK_FALSE(
            feedback_prompt(c, team_policy(), calendar, london(), when("2026-11-30 10:00").utc));
        // The clinic's feedback stays open: its policy neither closes nor prompts.
        Case clinic = c;
        clinic.status = Status::open;
        clinic.outcome.reset();
        const Policy clinic_policy = preset_policy("clinic");
        CHECK_FALSE(closes_feedback(clinic, clinic_policy, EventType::acknowledged));
        CHECK_FALSE(feedback_prompt(clinic, clinic_policy, calendar, london(),
                                    when("2026-12-30 10:00").utc));
    }
}
