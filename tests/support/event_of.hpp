// SPDX-License-Identifier: Apache-2.0
#pragma once
// An event with only its time, type, author and text: the fields a test
// sets, whatever fields the Event record gains.
#include "complaints/model/model.hpp"
#include "complaints/time/timestamp.hpp"

#include <string>

namespace complaints::testing {

inline const date::time_zone& london() {
    return find_zone("Europe/London");
}

// "2026-03-02 09:00", the organisation's local time, as `--at` reads it.
inline Timestamp when(const char* text) {
    return parse_user_time(text, london(), "--at");
}

// "2026-11-16T09:00:00+00:00", as a case file stores a time.
inline Timestamp at(const char* text) {
    return *parse_stored_timestamp(text);
}

inline Event event_of(Timestamp at, EventType type, std::string by, std::string text) {
    Event event;
    event.at = at;
    event.type = type;
    event.by = std::move(by);
    event.text = std::move(text);
    return event;
}

// A step of `type` taken at `when` (stored form), by "M".
inline void happen(Case& c, const char* when, EventType type) {
    add_event(c, event_of(at(when), type, "M", ""));
}

} // namespace complaints::testing
