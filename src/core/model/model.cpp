// SPDX-License-Identifier: Apache-2.0
#include "complaints/model/model.hpp"

#include <algorithm>

namespace complaints {

std::vector<std::string> loggable_event_names() {
    std::vector<std::string> names;
    for (const auto& [type, name] : EnumNames<EventType>::names)
        if (is_loggable(type))
            names.emplace_back(name);
    return names;
}

bool from_register(const Case& c, const Event& event) {
    const Event* opened = first_event(c, EventType::opened);
    return c.imported && opened && event.recorded && opened->recorded == event.recorded;
}

const Event* first_event(const Case& c, EventType type) {
    // The type is compared first: a case's few voids are looked for only
    // when an event of the type is found.
    const auto found = std::find_if(c.events.begin(), c.events.end(), [&](const Event& e) {
        return e.type == type && !is_void(c, e);
    });
    return found == c.events.end() ? nullptr : &*found;
}

const Event* last_event(const Case& c, EventType type) {
    const auto found = std::find_if(c.events.rbegin(), c.events.rend(), [&](const Event& e) {
        return e.type == type && !is_void(c, e);
    });
    return found == c.events.rend() ? nullptr : &*found;
}

namespace {

bool answers(const Case& c, const Event& e) {
    return event_info(e.type).role == EventRole::answers && !is_void(c, e);
}

} // namespace

const Event* stage_start(const Case& c) {
    const auto found = std::find_if(c.events.rbegin(), c.events.rend(), [&](const Event& e) {
        return event_info(e.type).role == EventRole::starts_next_stage && !is_void(c, e);
    });
    return found == c.events.rend() ? nullptr : &*found;
}

bool in_current_stage(const Case& c, const Event& event) {
    const Event* start = stage_start(c);
    return !start || event.at.utc >= start->at.utc;
}

const Event* first_answer(const Case& c) {
    const auto found = std::find_if(c.events.begin(), c.events.end(), [&](const Event& e) {
        return answers(c, e) && in_current_stage(c, e);
    });
    return found == c.events.end() ? nullptr : &*found;
}

const Event* last_answer(const Case& c) {
    const auto found = std::find_if(c.events.rbegin(), c.events.rend(),
                                    [&](const Event& e) { return answers(c, e); });
    return found == c.events.rend() ? nullptr : &*found;
}

namespace {

bool same_instant_and_type(const Event& e, const Timestamp& at, EventType type) {
    return e.type == type && e.at.utc == at.utc;
}

} // namespace

const Event* find_event(const Case& c, const EventRef& ref) {
    int seen = 0;
    for (const auto& event : c.events)
        if (same_instant_and_type(event, ref.at, ref.type) && ++seen == ref.occurrence.value_or(1))
            return &event;
    return nullptr;
}

EventRef reference_to(const Case& c, const Event& event) {
    int occurrence = 0;
    for (const auto& e : c.events) {
        if (same_instant_and_type(e, event.at, event.type))
            ++occurrence;
        if (&e == &event)
            break;
    }
    EventRef ref{event.at, event.type, {}};
    if (occurrence > 1)
        ref.occurrence = occurrence;
    return ref;
}

const Event* voided_by(const Case& c, const Event& event) {
    if (event.type == EventType::voided)
        return nullptr; // a void is never voided
    for (const auto& e : c.events)
        if (e.type == EventType::voided && e.voids &&
            same_instant_and_type(event, e.voids->at, e.voids->type) &&
            find_event(c, *e.voids) == &event)
            return &e;
    return nullptr;
}

Event& add_event(Case& c, Event event) {
    const auto after = std::upper_bound(
        c.events.begin(), c.events.end(), event.at,
        [](const Timestamp& at, const Event& existing) { return at < existing.at; });
    return *c.events.insert(after, std::move(event));
}

std::string received_by(Channel channel) {
    switch (channel) {
    case Channel::web_form:
        return "through the web form";
    case Channel::phone:
        return "by phone";
    case Channel::in_person:
        return "in person";
    case Channel::email:
        return "by email";
    case Channel::letter:
        return "by letter";
    }
    return "";
}

} // namespace complaints
