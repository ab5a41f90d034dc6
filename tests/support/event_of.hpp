#pragma once
// An event with only its time, type, author and text: the fields a test
// sets, whatever fields the Event record gains.
#include "complaints/model.hpp"

#include <string>

namespace complaints::testing {

inline Event event_of(Timestamp at, EventType type, std::string by, std::string text) {
    Event event;
    event.at = at;
    event.type = type;
    event.by = std::move(by);
    event.text = std::move(text);
    return event;
}

} // namespace complaints::testing
