// SPDX-License-Identifier: Apache-2.0
// A suspension review as a workflow: the review a third warning makes due,
// the decision it records, a temporary suspension's end and reinstatement.
#include "complaints/base/error.hpp"
#include "complaints/workflow/clinicians.hpp"

#include "event_of.hpp"

#include <doctest/doctest.h>

using namespace complaints;

using complaints::testing::london;

namespace {

Case warned(const std::string& id, const char* day) {
    Case c;
    c.id = id;
    c.about = "Dr Sam Keane";
    c.gmc = "7123456";
    c.received = parse_user_time(day, london(), "--at");
    c.warning = c.received;
    return c;
}

Event decision(const char* day, DecisionKind kind, const char* until = nullptr) {
    Event e;
    e.at = parse_user_time(day, london(), "--at");
    e.type = decision_event_type(kind);
    e.by = "Review panel";
    e.text = "Panel decision";
    if (until)
        e.due = parse_date(until);
    return e;
}

date::year_month_day calendar_day(const char* text) {
    return *parse_date(text);
}

// Three warnings inside six months: a review is due from 1 April 2026.
std::vector<Case> three_warnings() {
    return {warned("LAN-2026-AAAAAA", "2026-01-10 10:00"),
            warned("LAN-2026-BBBBBB", "2026-03-01 10:00"),
            warned("LAN-2026-CCCCCC", "2026-04-01 10:00")};
}

Clinician keane(const std::vector<Case>& cases) {
    const auto all = clinicians(cases, preset_policy("platform"), london());
    REQUIRE(all.size() == 1);
    return all[0];
}

ClinicianStatus status(const std::vector<Case>& cases, const char* on) {
    return standing_on(keane(cases), preset_policy("platform"), calendar_day(on)).status;
}

std::optional<ErrorKind> refusal(const std::vector<Case>& cases, DecisionKind kind, const char* on,
                                 const char* until = nullptr) {
    try {
        check_decision(keane(cases), preset_policy("platform"), kind,
                       until ? parse_date(until) : std::nullopt, calendar_day(on), "Because");
    } catch (const Error& e) {
        return e.kind();
    }
    return std::nullopt; // accepted
}

} // namespace

TEST_SUITE("suspension review") {
    TEST_CASE("a review that decides no action returns the clinician to warned") {
        auto cases = three_warnings();
        CHECK(status(cases, "2026-04-01") == ClinicianStatus::suspension_review);
        cases[2].events.push_back(decision("2026-04-08 10:00", DecisionKind::no_action));
        CHECK(status(cases, "2026-04-07") == ClinicianStatus::suspension_review);
        CHECK(status(cases, "2026-04-08") == ClinicianStatus::warned);
        const Clinician c = keane(cases);
        REQUIRE(c.decisions.size() == 1);
        CHECK(c.decisions[0].kind == DecisionKind::no_action);
        CHECK(c.decisions[0].by == "Review panel");
        CHECK(c.decisions[0].reason == "Panel decision");
        SUBCASE("a fourth warning inside the window makes another review due") {
            cases.push_back(warned("LAN-2026-DDDDDD", "2026-05-01 10:00"));
            CHECK(status(cases, "2026-05-01") == ClinicianStatus::suspension_review);
        }
    }

    TEST_CASE("a temporary suspension ends after its last day: suspension-ended until "
              "reinstated, then warned, not under review again") {
        auto cases = three_warnings();
        cases[2].events.push_back(
            decision("2026-04-08 10:00", DecisionKind::temporary_suspension, "2026-04-30"));
        CHECK(status(cases, "2026-04-08") == ClinicianStatus::suspended);
        CHECK(status(cases, "2026-04-30") == ClinicianStatus::suspended);
        CHECK(status(cases, "2026-05-01") == ClinicianStatus::suspension_ended);
        const Standing ended =
            standing_on(keane(cases), preset_policy("platform"), calendar_day("2026-05-02"));
        REQUIRE_FALSE(ended.history.empty());
        CHECK(format_date(ended.history.back().on) == "2026-05-01");
        CHECK(ended.history.back().status == ClinicianStatus::suspension_ended);
        cases[2].events.push_back(decision("2026-05-04 10:00", DecisionKind::reinstated));
        CHECK(status(cases, "2026-05-04") == ClinicianStatus::warned);
    }

    TEST_CASE("a permanent suspension lasts until a reinstatement") {
        auto cases = three_warnings();
        cases[2].events.push_back(decision("2026-04-08 10:00", DecisionKind::permanent_suspension));
        CHECK(status(cases, "2030-01-01") == ClinicianStatus::permanently_suspended);
        CHECK(keane(cases).decisions[0].kind == DecisionKind::permanent_suspension);
    }

    TEST_CASE("check_decision: a suspension only made graver, no reinstatement of the "
              "unsuspended, no review that is not due") {
        auto cases = three_warnings();
        CHECK(refusal(cases, DecisionKind::reinstated, "2026-04-02") == ErrorKind::refused);
        CHECK(refusal(cases, DecisionKind::no_action, "2026-03-02") == ErrorKind::refused);
        CHECK(refusal(cases, DecisionKind::temporary_suspension, "2026-04-02") ==
              ErrorKind::usage); // no --until
        CHECK(refusal(cases, DecisionKind::permanent_suspension, "2026-04-02", "2026-05-01") ==
              ErrorKind::usage); // --until on a permanent one
        CHECK(refusal(cases, DecisionKind::final_warning, "2026-04-02") == std::nullopt);
        cases[2].events.push_back(
            decision("2026-04-08 10:00", DecisionKind::temporary_suspension, "2026-04-30"));
        // While it runs it may be made permanent or longer, nothing else.
        CHECK(refusal(cases, DecisionKind::permanent_suspension, "2026-04-09") == std::nullopt);
        CHECK(refusal(cases, DecisionKind::temporary_suspension, "2026-04-09", "2026-05-31") ==
              std::nullopt);
        CHECK(refusal(cases, DecisionKind::temporary_suspension, "2026-04-09", "2026-04-20") ==
              ErrorKind::refused);
        CHECK(refusal(cases, DecisionKind::no_action, "2026-04-09") == ErrorKind::refused);
        CHECK(refusal(cases, DecisionKind::reinstated, "2026-04-09") == std::nullopt);
        // Once it has ended: review again or reinstate.
        CHECK(refusal(cases, DecisionKind::permanent_suspension, "2026-05-02") == std::nullopt);
        CHECK(refusal(cases, DecisionKind::reinstated, "2026-05-02") == std::nullopt);
    }

    TEST_CASE("decision_case: a review on the case that made it due, a reinstatement on the "
              "suspension's case") {
        auto cases = three_warnings();
        Event due = decision("2026-04-01 10:00", DecisionKind::no_action);
        due.type = EventType::suspension_review_due;
        cases[2].events.push_back(due);
        Case later = warned("LAN-2026-EEEEEE", "2026-04-05 10:00");
        later.warning.reset();
        cases.push_back(later);
        CHECK(keane(cases).latest_case == "LAN-2026-EEEEEE");
        CHECK(decision_case(keane(cases), DecisionKind::no_action) == "LAN-2026-CCCCCC");
        cases[0].events.push_back(
            decision("2026-04-08 10:00", DecisionKind::temporary_suspension, "2026-04-30"));
        CHECK(decision_case(keane(cases), DecisionKind::reinstated) == "LAN-2026-AAAAAA");
    }

    TEST_CASE("suspension_pending: a review due until decided, a suspension's end until "
              "reinstated") {
        Case c = warned("LAN-2026-CCCCCC", "2026-04-01 10:00");
        Event due = decision("2026-04-01 10:00", DecisionKind::no_action);
        due.type = EventType::suspension_review_due;
        c.events.push_back(due);
        auto pending = suspension_pending(c, calendar_day("2026-04-10"), london());
        REQUIRE(pending);
        CHECK(pending->rule == "suspension-review");
        CHECK(format_date(pending->since) == "2026-04-01");
        c.events.push_back(
            decision("2026-04-08 10:00", DecisionKind::temporary_suspension, "2026-04-30"));
        CHECK_FALSE(suspension_pending(c, calendar_day("2026-04-30"), london()));
        pending = suspension_pending(c, calendar_day("2026-05-01"), london());
        REQUIRE(pending);
        CHECK(pending->rule == "suspension-ended");
        CHECK(pending->what ==
              "suspension of Dr Sam Keane ended on 2026-04-30: review or reinstate");
        CHECK(format_date(pending->since) == "2026-05-01");
        c.events.push_back(decision("2026-05-04 10:00", DecisionKind::reinstated));
        CHECK_FALSE(suspension_pending(c, calendar_day("2026-05-05"), london()));
    }

    TEST_CASE("a decision on another of the clinician's cases settles every review due before "
              "it") {
        auto cases = three_warnings();
        cases.push_back(warned("LAN-2026-DDDDDD", "2026-04-02 10:00"));
        for (const std::size_t i : {std::size_t(2), std::size_t(3)}) {
            Event due =
                decision(i == 2 ? "2026-04-01 10:00" : "2026-04-02 10:00", DecisionKind::no_action);
            due.type = EventType::suspension_review_due;
            cases[i].events.push_back(due);
        }
        cases[3].events.push_back(decision("2026-04-08 10:00", DecisionKind::final_warning));
        DecisionRecord record;
        for (const auto& c : cases)
            record.see(c, london());
        const auto day = calendar_day("2026-04-10");
        CHECK_FALSE(suspension_pending(cases[2], record.of(cases[2]), day, london()));
        CHECK_FALSE(suspension_pending(cases[3], record.of(cases[3]), day, london()));
        // The case alone does not know of the decision on the other.
        CHECK(suspension_pending(cases[2], day, london()));
        // Another clinician's decision settles nothing.
        Case other = warned("LAN-2026-EEEEEE", "2026-04-01 10:00");
        other.about = "Dr Ann Other";
        other.gmc = "7654321";
        Event due = decision("2026-04-01 10:00", DecisionKind::no_action);
        due.type = EventType::suspension_review_due;
        other.events.push_back(due);
        record.see(other, london());
        CHECK(suspension_pending(other, record.of(other), day, london()));
    }

    TEST_CASE("a review that fell due stays owed when a warning leaves the window, but an "
              "appeal makes it moot, an expiry does not") {
        auto cases = three_warnings();
        Event due = decision("2026-04-01 10:00", DecisionKind::no_action);
        due.type = EventType::suspension_review_due;
        cases[2].events.push_back(due);
        // The January warning leaves the six-month window on 10 July.
        CHECK(status(cases, "2026-07-20") == ClinicianStatus::suspension_review);
        const Policy platform = preset_policy("platform");
        CHECK_FALSE(
            moot_review(keane(cases), cases, platform, calendar_day("2026-07-20"), london()));
        CHECK_FALSE(refusal(cases, DecisionKind::no_action, "2026-07-20"));
        Event rescinded = decision("2026-04-05 10:00", DecisionKind::no_action);
        rescinded.type = EventType::warning_rescinded;
        rescinded.text = "Warning to Dr Sam Keane rescinded: Appeal upheld";
        cases[1].events.push_back(rescinded);
        CHECK(moot_review(keane(cases), cases, platform, calendar_day("2026-04-05"), london()) ==
              "LAN-2026-CCCCCC");
        Event withdrawn = rescinded;
        withdrawn.type = EventType::review_withdrawn;
        withdrawn.text = "Withdrawn";
        cases[2].events.push_back(withdrawn);
        CHECK(status(cases, "2026-04-05") == ClinicianStatus::warned);
        CHECK_FALSE(suspension_pending(cases[2], calendar_day("2026-04-06"), london()));
    }

    TEST_CASE("a permanent suspension is permanently-suspended, with the day it began") {
        auto cases = three_warnings();
        cases[2].events.push_back(decision("2026-04-08 10:00", DecisionKind::permanent_suspension));
        const Standing standing =
            standing_on(keane(cases), preset_policy("platform"), calendar_day("2026-09-01"));
        CHECK(standing.status == ClinicianStatus::permanently_suspended);
        CHECK(status_since(standing) == "permanently suspended since 2026-04-08");
        CHECK(refusal(cases, DecisionKind::permanent_suspension, "2026-09-01") ==
              ErrorKind::refused);
        CHECK_FALSE(refusal(cases, DecisionKind::reinstated, "2026-09-01"));
    }
}
