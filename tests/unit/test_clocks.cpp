// SPDX-License-Identifier: Apache-2.0
#include "complaints/workflow/clocks.hpp"

#include "event_of.hpp"

#include <doctest/doctest.h>

using namespace complaints;

using complaints::testing::at;
using complaints::testing::event_of;
using complaints::testing::happen;
using complaints::testing::london;

namespace {

Case complaint(const char* received) {
    Case c;
    c.id = "LUM-2026-7K3QMX";
    c.received = at(received);
    c.events.push_back(event_of(c.received, EventType::opened, "M", ""));
    return c;
}

struct Clinic {
    Policy policy = preset_policy("clinic");
    WorkingCalendar calendar{Region::england_and_wales};
    std::vector<Clock> every_clock(const Case& c, const char* now) const {
        return case_clocks(c, ClockContext{policy, calendar, london(), at(now).utc});
    }
    // Most tests here follow the response clock: the acknowledgement clock
    // the clinic also runs is left out of these.
    std::vector<Clock> clocks(const Case& c, const char* now) const {
        auto clocks = every_clock(c, now);
        std::erase_if(clocks, [](const Clock& clock) { return clock.rule == "acknowledgement"; });
        return clocks;
    }
};

struct Platform : Clinic {
    Platform() { policy = preset_policy("platform"); }
};

} // namespace

TEST_SUITE("clocks") {
    TEST_CASE("clinic: the response is due 14 working days after receipt") {
        const Clinic clinic;
        Case c = complaint("2026-11-16T09:00:00+00:00");
        auto clocks = clinic.clocks(c, "2026-12-01T12:00:00+00:00");
        REQUIRE(clocks.size() == 1);
        CHECK(clocks[0].rule == "response");
        CHECK(format_date(clocks[0].due.day) == "2026-12-04");
        CHECK(clocks[0].state == ClockState::running);
        CHECK(clocks[0].working_days_left == 3);
        clocks = clinic.clocks(c, "2026-12-07T09:00:00+00:00");
        CHECK(clocks[0].state == ClockState::overdue);
        CHECK(clocks[0].working_days_left == -1);
        // Sent on the last day, late in the evening: met.
        happen(c, "2026-12-04T23:30:00+00:00", EventType::response_sent);
        CHECK(clinic.clocks(c, "2026-12-07T09:00:00+00:00")[0].state == ClockState::met);
    }

    TEST_CASE("clinic: a response after the date is met late, a closed case stops its clock") {
        const Clinic clinic;
        Case late = complaint("2026-11-16T09:00:00+00:00");
        happen(late, "2026-12-05T00:00:00+00:00", EventType::response_sent);
        CHECK(clinic.clocks(late, "2026-12-10T09:00:00+00:00")[0].state == ClockState::met_late);
        Case closed = complaint("2026-11-16T09:00:00+00:00");
        closed.status = Status::closed;
        CHECK(clinic.clocks(closed, "2026-12-10T09:00:00+00:00")[0].state == ClockState::stopped);
    }

    TEST_CASE("clinic: an explanation of delay sets a new date") {
        const Clinic clinic;
        Case c = complaint("2026-11-16T09:00:00+00:00");
        Event delay = event_of(at("2026-12-02T10:00:00+00:00"), EventType::delay_explained, "M",
                               "waiting for notes");
        delay.due = *parse_date("2026-12-18");
        add_event(c, delay);
        auto clocks = clinic.clocks(c, "2026-12-10T09:00:00+00:00");
        CHECK(clocks[0].extended);
        CHECK(format_date(clocks[0].due.day) == "2026-12-18");
        CHECK(clocks[0].state == ClockState::running);
        // Without a date: a fresh 14 working days from the letter.
        c.events[1].due.reset();
        CHECK(format_date(clinic.clocks(c, "2026-12-10T09:00:00+00:00")[0].due.day) ==
              "2026-12-22");
    }

    TEST_CASE("clinic: a case reopened after its response owes a further response, from the "
              "reopening, for the policy's span") {
        const Clinic clinic;
        Case c = complaint("2026-11-02T09:30:00+00:00");
        happen(c, "2026-11-10T10:00:00+00:00", EventType::response_sent);
        happen(c, "2026-11-10T11:00:00+00:00", EventType::closed);
        happen(c, "2026-11-24T10:00:00+00:00", EventType::reopened);
        // The report of a day before the reopening sees no further clock.
        CHECK(clinic.clocks(c, "2026-11-20T09:00:00+00:00").size() == 1);
        auto clocks = clinic.clocks(c, "2026-12-01T09:00:00+00:00");
        REQUIRE(clocks.size() == 2);
        CHECK(clocks[0].rule == "response");
        CHECK(clocks[0].state == ClockState::met);
        CHECK(clocks[1].rule == "further-response");
        CHECK(clocks[1].policy_rule == "response");
        CHECK(clocks[1].answers_complainant);
        CHECK(clocks[1].starts == at("2026-11-24T10:00:00+00:00"));
        // 14 working days from Tuesday 24 November 2026 (England and Wales).
        CHECK(format_date(clocks[1].due.day) == "2026-12-14");
        CHECK(clocks[1].state == ClockState::running);
        // The response of 10 November meets the first clock, not this one;
        // the next one sent does.
        auto met = clock_met_by(c,
                                ClockContext{clinic.policy, clinic.calendar, london(),
                                             at("2026-12-01T09:00:00+00:00").utc},
                                EventType::response_sent);
        REQUIRE(met);
        CHECK(met->rule == "further-response");
        happen(c, "2026-12-15T10:00:00+00:00", EventType::response_sent);
        CHECK(clinic.clocks(c, "2026-12-16T09:00:00+00:00")[1].state == ClockState::met_late);
    }

    TEST_CASE("clinic: a case reopened before any response runs its first clock on, and owes no "
              "further one") {
        const Clinic clinic;
        Case c = complaint("2026-11-02T09:30:00+00:00");
        happen(c, "2026-11-05T10:00:00+00:00", EventType::excluded);
        happen(c, "2026-11-06T10:00:00+00:00", EventType::reopened);
        const auto clocks = clinic.clocks(c, "2026-11-10T09:00:00+00:00");
        REQUIRE(clocks.size() == 1);
        CHECK(clocks[0].rule == "response");
        CHECK(clocks[0].answers_complainant);
    }

    TEST_CASE("concerns and feedback have no clocks") {
        const Clinic clinic;
        Case c = complaint("2026-11-16T09:00:00+00:00");
        c.kind = Kind::concern;
        CHECK(clinic.clocks(c, "2026-12-10T09:00:00+00:00").empty());
        c.kind = Kind::feedback;
        CHECK(clinic.clocks(c, "2026-12-10T09:00:00+00:00").empty());
    }

    TEST_CASE("the clinic acknowledges in 3 working days, and complaints.yaml can switch it off") {
        Clinic clinic;
        Case c = complaint("2026-11-16T09:00:00+00:00");
        happen(c, "2026-11-18T09:00:00+00:00", EventType::acknowledged);
        auto clocks = clinic.every_clock(c, "2026-11-20T09:00:00+00:00");
        REQUIRE(clocks.size() == 2);
        CHECK(clocks[0].rule == "acknowledgement");
        CHECK(format_date(clocks[0].due.day) == "2026-11-19");
        CHECK(clocks[0].state == ClockState::met);
        CHECK(next_clock(clocks)->rule == "response");
        override_policy(clinic.policy, "acknowledgement", "off");
        clocks = clinic.every_clock(c, "2026-11-20T09:00:00+00:00");
        REQUIRE(clocks.size() == 1);
        CHECK(clocks[0].rule == "response");
    }

    TEST_CASE("a clock taken up on a day runs only for complaints received from that day") {
        Clinic clinic;
        override_policy(clinic.policy, "acknowledgement_since", "2026-11-17");
        const Case before = complaint("2026-11-16T09:00:00+00:00");
        const auto old_clocks = clinic.every_clock(before, "2026-11-20T09:00:00+00:00");
        REQUIRE(old_clocks.size() == 1);
        CHECK(old_clocks[0].rule == "response");
        const Case after = complaint("2026-11-17T09:00:00+00:00");
        CHECK(clinic.every_clock(after, "2026-11-20T09:00:00+00:00")[0].rule == "acknowledgement");
        override_policy(clinic.policy, "acknowledgement_since", "off");
        CHECK(clinic.every_clock(before, "2026-11-20T09:00:00+00:00").size() == 2);
        CHECK_THROWS_WITH(override_policy(clinic.policy, "acknowledgement_since", "last week"),
                          doctest::Contains("'last week' is not a date"));
    }

    TEST_CASE("a full response sent before any acknowledgement meets the acknowledgement clock") {
        const Clinic clinic;
        Case c = complaint("2026-11-16T09:00:00+00:00");
        happen(c, "2026-11-18T09:00:00+00:00", EventType::response_sent);
        CHECK(clinic.every_clock(c, "2026-11-20T09:00:00+00:00")[0].state == ClockState::met);
        Case late = complaint("2026-11-16T09:00:00+00:00");
        happen(late, "2026-11-23T09:00:00+00:00", EventType::response_sent);
        CHECK(clinic.every_clock(late, "2026-11-24T09:00:00+00:00")[0].state ==
              ClockState::met_late);
    }

    TEST_CASE(
        "platform: assignment in 48 hours, investigation from assignment, resolution in 3 weeks") {
        const Platform platform;
        Case c = complaint("2026-11-16T09:00:00+00:00");
        auto clocks = platform.clocks(c, "2026-11-17T09:00:00+00:00");
        REQUIRE(clocks.size() == 2); // no investigation before assignment
        CHECK(clocks[0].rule == "assignment");
        CHECK(format_timestamp(in_zone(clocks[0].due.at, london())) == "2026-11-18T09:00:00+00:00");
        CHECK(clocks[1].rule == "resolution");
        CHECK(format_date(clocks[1].due.day) == "2026-12-07");
        CHECK(next_clock(clocks)->rule == "assignment");
        CHECK(platform.clocks(c, "2026-11-18T09:00:00+00:00")[0].state == ClockState::overdue);
        happen(c, "2026-11-17T15:00:00+00:00", EventType::assigned);
        clocks = platform.clocks(c, "2026-11-18T09:00:00+00:00");
        REQUIRE(clocks.size() == 3);
        CHECK(clocks[0].state == ClockState::met);
        CHECK(clocks[1].rule == "investigation");
        CHECK(format_date(clocks[1].due.day) == "2026-12-01");
        REQUIRE(clocks[1].earliest);
        CHECK(format_date(clocks[1].earliest->day) == "2026-11-24");
        CHECK(next_clock(clocks)->rule == "investigation");
    }

    TEST_CASE("a void event starts no clock, meets none and moves none") {
        const Platform platform;
        Case c = complaint("2026-11-16T09:00:00+00:00");
        happen(c, "2026-11-16T11:00:00+00:00", EventType::assigned);
        happen(c, "2026-11-20T11:00:00+00:00", EventType::investigation_complete);
        auto clocks = platform.clocks(c, "2026-11-23T09:00:00+00:00");
        REQUIRE(clocks.size() == 3);
        CHECK(clocks[0].state == ClockState::met);
        CHECK(clocks[1].state == ClockState::met);
        // The assignment voided: the 48 hours are overdue and the
        // investigation, which runs from it, has not started.
        Event voiding = event_of(at("2026-11-23T08:00:00+00:00"), EventType::voided, "M", "");
        voiding.voids = EventRef{at("2026-11-16T11:00:00+00:00"), EventType::assigned, {}};
        add_event(c, voiding);
        clocks = platform.clocks(c, "2026-11-23T09:00:00+00:00");
        REQUIRE(clocks.size() == 2);
        CHECK(clocks[0].rule == "assignment");
        CHECK(clocks[0].state == ClockState::overdue);
        CHECK(clocks[1].rule == "resolution");
        // A later assignment counts from its own time.
        happen(c, "2026-11-23T08:30:00+00:00", EventType::assigned);
        clocks = platform.clocks(c, "2026-11-23T09:00:00+00:00");
        CHECK(clocks[0].state == ClockState::met_late);
        CHECK(clocks[1].rule == "investigation");
        CHECK(clocks[1].starts == at("2026-11-23T08:30:00+00:00"));
    }
}

TEST_SUITE("the answering clock") {
    struct Practice : Clinic {
        Practice() { policy = preset_policy("nhs-england"); }
        Clock response(const Case& c, const char* now) const {
            for (const auto& clock : every_clock(c, now))
                if (clock.answers_complainant)
                    return clock;
            FAIL("no answering clock");
            return {};
        }
    };

    TEST_CASE("an agreed date stands for the policy's, earlier or later, and judges the answer") {
        const Practice practice;
        Case c = complaint("2027-01-04T09:00:00+00:00");
        CHECK(format_date(practice.response(c, "2027-01-05T09:00:00+00:00").due.day) ==
              "2027-07-03");
        Event agreed = event_of(at("2027-01-06T10:00:00+00:00"), EventType::response_period_agreed,
                                "M", "a month");
        agreed.due = date::year_month_day{date::year{2027}, date::February, date::day{5}};
        c.events.push_back(agreed);
        happen(c, "2027-02-22T10:00:00+00:00", EventType::response_sent);
        const Clock late = practice.response(c, "2027-02-23T09:00:00+00:00");
        CHECK(late.agreed);
        CHECK_FALSE(late.extended);
        CHECK(format_date(late.policy_due.day) == "2027-02-05");
        CHECK(late.state == ClockState::met_late);
        CHECK(answer_timing(c, late) == AnswerTiming::late_agreed);

        c.events.back().at = at("2027-02-04T10:00:00+00:00");
        CHECK(answer_timing(c, practice.response(c, "2027-02-23T09:00:00+00:00")) ==
              AnswerTiming::on_time);
    }

    TEST_CASE("an explanation of delay moves the date but not the policy's") {
        const Clinic clinic;
        Case c = complaint("2026-11-16T09:00:00+00:00");
        Event delay = event_of(at("2026-12-01T10:00:00+00:00"), EventType::delay_explained, "M",
                               "a statement is awaited");
        delay.due = date::year_month_day{date::year{2026}, date::December, date::day{18}};
        c.events.push_back(delay);
        happen(c, "2026-12-10T10:00:00+00:00", EventType::response_sent);
        const Clock clock = clinic.clocks(c, "2026-12-11T09:00:00+00:00")[0];
        CHECK(clock.extended);
        CHECK_FALSE(clock.agreed);
        CHECK(answer_timing(c, clock) == AnswerTiming::by_new_date);
    }
}
