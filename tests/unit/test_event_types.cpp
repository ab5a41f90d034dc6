// SPDX-License-Identifier: Apache-2.0
// The event table: every type has its name, its group and its role, and
// what `log` accepts follows the table, not the enum's order.
#include "complaints/model/model.hpp"

#include <doctest/doctest.h>

#include <set>

using namespace complaints;

TEST_SUITE("event types") {
    TEST_CASE("every type has one distinct name that reads back as the type") {
        std::set<std::string_view> names;
        for (std::size_t i = 0; i < k_event_type_count; ++i) {
            const auto type = static_cast<EventType>(i);
            const std::string_view name = name_of(type);
            CHECK_MESSAGE(!name.empty(), "type ", i, " has no name");
            CHECK(enum_from<EventType>(name) == type);
            names.insert(name);
        }
        CHECK(names.size() == k_event_type_count);
    }

    TEST_CASE("log accepts the logged group: contacts and steps with no command of their own") {
        const auto names = loggable_event_names();
        CHECK(names.front() == "note");
        CHECK(std::find(names.begin(), names.end(), "mediation-booked") != names.end());
        CHECK(std::find(names.begin(), names.end(), "response-sent") == names.end());
        CHECK(std::find(names.begin(), names.end(), "warning") == names.end());
        for (const auto& name : names)
            CHECK(event_info(*enum_from<EventType>(name)).group == EventGroup::logged);
    }

    TEST_CASE("the answer is found by its role, void ones aside") {
        Case c;
        c.events.emplace_back(); // a note
        CHECK(first_answer(c) == nullptr);
        Event sent;
        sent.type = EventType::response_sent;
        c.events.push_back(sent);
        CHECK(first_answer(c) == &c.events.back());
        CHECK(last_answer(c) == &c.events.back());
        CHECK(event_info(EventType::response_period_agreed).role == EventRole::sets_answer_date);
        CHECK(event_info(EventType::delay_explained).role == EventRole::explains_delay);
    }
}
