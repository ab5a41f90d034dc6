#pragma once
// An event with only its time, type, author and text: the fields a test
// sets, whatever fields the Event record gains.
#include "complaints/model.hpp"
#include "complaints/timestamp.hpp"

#include <string>

namespace complaints::testing {

inline const date::time_zone& london() {
    return find_zone("Europe/London");
}

// "2026-03-02 09:00", the organisation's local time, as `--at` reads it.
inline Timestamp when(const char* text) {
    return parse_user_time(text, london(), "--at");
}

inline Event event_of(Timestamp at, EventType type, std::string by, std::string text) {
    Event event;
    event.at = at;
    event.type = type;
    event.by = std::move(by);
    event.text = std::move(text);
    return event;
}

} // namespace complaints::testing
