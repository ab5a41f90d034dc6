#include "complaints/model.hpp"

#include <algorithm>

namespace complaints {

const std::vector<std::string>& loggable_event_types() {
    static const std::vector<std::string> types{
        "note",    "call",      "email",         "letter", "meeting",
        "statement", "interview", "record-agreed", "shared-with-complainee"};
    return types;
}

bool is_known_event_type(std::string_view type) {
    const auto& types = loggable_event_types();
    return type == "opened" || std::find(types.begin(), types.end(), type) != types.end();
}

void add_event(Case& c, Event event) {
    const auto after = std::upper_bound(
        c.events.begin(), c.events.end(), event.at,
        [](const Timestamp& at, const Event& existing) { return at < existing.at; });
    c.events.insert(after, std::move(event));
}

} // namespace complaints
