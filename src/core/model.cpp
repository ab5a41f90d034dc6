#include "complaints/model.hpp"

#include <algorithm>

namespace complaints {

const std::vector<std::string>& loggable_event_types() {
    static const std::vector<std::string> types{
        "note",    "call",      "email",         "letter", "meeting",
        "statement", "interview", "record-agreed", "shared-with-complainee", "acknowledged"};
    return types;
}

const std::vector<std::string>& workflow_event_types() {
    static const std::vector<std::string> types{
        "opened",   "assigned", "investigation-complete", "response-sent", "delay-explained",
        "resolved", "closed"};
    return types;
}

bool is_known_event_type(std::string_view type) {
    const auto known = [&](const std::vector<std::string>& types) {
        return std::find(types.begin(), types.end(), type) != types.end();
    };
    return known(loggable_event_types()) || known(workflow_event_types());
}

void add_event(Case& c, Event event) {
    const auto after = std::upper_bound(
        c.events.begin(), c.events.end(), event.at,
        [](const Timestamp& at, const Event& existing) { return at < existing.at; });
    c.events.insert(after, std::move(event));
}

} // namespace complaints
