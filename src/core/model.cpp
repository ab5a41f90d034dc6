#include "complaints/model.hpp"

#include <algorithm>

namespace complaints {

bool is_loggable(EventType type) {
    return type <= EventType::late_complaint_accepted;
}

std::vector<std::string> loggable_event_names() {
    std::vector<std::string> names;
    for (const auto& [type, name] : EnumNames<EventType>::names)
        if (is_loggable(type))
            names.emplace_back(name);
    return names;
}

const Event* first_event(const Case& c, EventType type) {
    const auto found = std::find_if(c.events.begin(), c.events.end(),
                                    [&](const Event& e) { return e.type == type; });
    return found == c.events.end() ? nullptr : &*found;
}

const Event* last_event(const Case& c, EventType type) {
    const auto found = std::find_if(c.events.rbegin(), c.events.rend(),
                                    [&](const Event& e) { return e.type == type; });
    return found == c.events.rend() ? nullptr : &*found;
}

Event& add_event(Case& c, Event event) {
    const auto after = std::upper_bound(
        c.events.begin(), c.events.end(), event.at,
        [](const Timestamp& at, const Event& existing) { return at < existing.at; });
    return *c.events.insert(after, std::move(event));
}

} // namespace complaints
