// SPDX-License-Identifier: Apache-2.0
#include "complaints/render/agenda.hpp"

#include "event_of.hpp"

#include <doctest/doctest.h>

using namespace complaints;

using complaints::testing::at;
using complaints::testing::event_of;
using complaints::testing::happen;
using complaints::testing::london;

namespace {

Case complaint(const char* id, const char* received) {
    Case c;
    c.id = id;
    c.channel = Channel::email;
    c.received = at(received);
    c.events.push_back(event_of(c.received, EventType::opened, "M", ""));
    return c;
}

struct Office {
    Policy policy;
    WorkingCalendar calendar{Region::england_and_wales};
    explicit Office(const char* preset) : policy(preset_policy(preset)) {}
    std::vector<AgendaItem> agenda(const Case& c, const char* now) const {
        return case_agenda(c, ClockContext{policy, calendar, london(), at(now).utc});
    }
};

const AgendaItem* find(const std::vector<AgendaItem>& items, std::string_view rule) {
    for (const auto& item : items)
        if (item.rule == rule)
            return &item;
    return nullptr;
}

} // namespace

TEST_SUITE("agenda") {
    TEST_CASE("the clinic's response clock: soon, today, overdue, and off once sent") {
        const Office clinic("clinic");
        Case c = complaint("LUM-2026-7K3QMX", "2026-11-16T09:00:00+00:00"); // due 2026-12-04
        happen(c, "2026-11-16T10:00:00+00:00", EventType::acknowledged);
        auto items = clinic.agenda(c, "2026-11-20T09:00:00+00:00");
        REQUIRE(items.size() == 1);
        CHECK(items[0].when == AgendaWhen::later);
        CHECK(items[0].what == "response due");
        items = clinic.agenda(c, "2026-11-27T09:00:00+00:00");
        CHECK(items[0].when == AgendaWhen::soon);
        CHECK(items[0].working_days == 5);
        CHECK(clinic.agenda(c, "2026-12-04T23:59:00+00:00")[0].when == AgendaWhen::today);
        items = clinic.agenda(c, "2026-12-07T00:00:00+00:00");
        CHECK(items[0].when == AgendaWhen::overdue);
        CHECK(items[0].working_days == -1);
        happen(c, "2026-12-08T10:00:00+00:00", EventType::response_sent);
        CHECK(clinic.agenda(c, "2026-12-09T10:00:00+00:00").empty());
    }

    TEST_CASE("an hours clock is overdue the moment it passes, not at the day's end") {
        const Office platform("platform");
        const Case c = complaint("LAN-2026-7K3QMX", "2026-11-16T09:00:00+00:00");
        const auto before = platform.agenda(c, "2026-11-18T08:59:00+00:00");
        REQUIRE(find(before, "assignment"));
        CHECK(find(before, "assignment")->when == AgendaWhen::today);
        CHECK_FALSE(find(before, "assignment")->due->whole_day);
        CHECK(find(platform.agenda(c, "2026-11-18T09:01:00+00:00"), "assignment")->when ==
              AgendaWhen::overdue);
    }

    TEST_CASE("an agent carries the case's clocks, a lead their action") {
        const Office platform("platform");
        Case c = complaint("LAN-2026-7K3QMX", "2026-11-16T09:00:00+00:00");
        happen(c, "2026-11-16T11:00:00+00:00", EventType::assigned);
        c.agent = "Priya Shah";
        Action action;
        action.number = 1;
        action.text = "Call back";
        action.lead = "Tom Reeves";
        action.due = date::year_month_day{date::year{2026} / 11 / 17};
        c.actions.push_back(action);
        const auto items = platform.agenda(c, "2026-11-18T10:00:00+00:00");
        REQUIRE(find(items, "investigation"));
        CHECK(find(items, "investigation")->person == "Priya Shah");
        REQUIRE(find(items, "action-1"));
        CHECK(find(items, "action-1")->person == "Tom Reeves");
        CHECK(find(items, "action-1")->when == AgendaWhen::overdue);
        CHECK(agenda_for(*find(items, "action-1"), "  tom   REEVES "));
        CHECK_FALSE(agenda_for(*find(items, "action-1"), "Priya Shah"));
    }

    TEST_CASE("Being Open is pending from the incident, its follow-up from the conversation") {
        const Office clinic("clinic");
        Case c = complaint("LUM-2026-7K3QMX", "2026-11-02T09:00:00+00:00");
        happen(c, "2026-11-10T09:00:00+00:00", EventType::safety_incident);
        auto items = clinic.agenda(c, "2026-11-16T10:00:00+00:00");
        REQUIRE(find(items, "being-open-pending"));
        CHECK(find(items, "being-open-pending")->when == AgendaWhen::pending);
        CHECK(format_date(*find(items, "being-open-pending")->since) == "2026-11-10");
        CHECK(find(items, "being-open-pending")->working_days == 4);
        happen(c, "2026-11-12T09:00:00+00:00", EventType::being_open);
        items = clinic.agenda(c, "2026-11-16T10:00:00+00:00");
        CHECK_FALSE(find(items, "being-open-pending"));
        REQUIRE(find(items, "being-open-follow-up-pending"));
        CHECK(format_date(*find(items, "being-open-follow-up-pending")->since) == "2026-11-12");
    }

    TEST_CASE("a suspension review is pending until a decision follows it") {
        const Office platform("platform");
        Case c = complaint("LAN-2026-7K3QMX", "2026-11-02T09:00:00+00:00");
        c.about = "Dr Sam Keane";
        c.status = Status::closed;
        happen(c, "2026-11-10T09:00:00+00:00", EventType::suspension_review_due);
        auto items = platform.agenda(c, "2026-11-16T10:00:00+00:00");
        REQUIRE(find(items, "suspension-review"));
        CHECK(find(items, "suspension-review")->what == "suspension review of Dr Sam Keane due");
        CHECK(find(items, "suspension-review")->working_days == 4);
        happen(c, "2026-11-13T09:00:00+00:00", EventType::reinstated);
        CHECK_FALSE(find(platform.agenda(c, "2026-11-16T10:00:00+00:00"), "suspension-review"));
    }

    TEST_CASE("sorted overdue, today, soon, later, pending, then by deadline and case") {
        std::vector<AgendaItem> items(5);
        const auto day = [](int d) {
            const date::year_month_day ymd{date::year{2026} / 11 / d};
            return Deadline{ymd, date::sys_days{ymd} + date::days{1}, true};
        };
        const auto item = [](std::string id, AgendaWhen when, std::optional<Deadline> due) {
            AgendaItem one;
            one.case_id = std::move(id);
            one.rule = "response";
            one.when = when;
            one.due = due;
            return one;
        };
        items[0] = item("B", AgendaWhen::pending, std::nullopt);
        items[1] = item("B", AgendaWhen::soon, day(20));
        items[2] = item("A", AgendaWhen::soon, day(20));
        items[3] = item("C", AgendaWhen::soon, day(19));
        items[4] = item("D", AgendaWhen::overdue, day(10));
        sort_agenda(items);
        std::string order;
        for (const auto& item : items)
            order += item.case_id;
        CHECK(order == "DCABB");
        CHECK(items.back().when == AgendaWhen::pending);
    }
}
