#include "complaints/model.hpp"

#include <algorithm>

namespace complaints {

const std::vector<std::string>& loggable_event_types() {
    static const std::vector<std::string> types{
        "note",    "call",      "email",         "letter", "meeting",
        "statement", "interview", "record-agreed", "shared-with-complainee", "acknowledged",
        "consultation-offered", "consultation-held", "independent-consultation-offered",
        "independent-consultation-held", "mediation", "investigation-complete"};
    return types;
}

const std::vector<std::string>& workflow_event_types() {
    static const std::vector<std::string> types{
        "opened",    "assigned", "response-sent", "delay-explained", "warning", "suspension-review-due",
        "suspended", "reinstated",
        "resolved",  "closed",   "converted",  "excluded", "consent",       "finding",
        "escalated", "review-outcome", "action", "consent-waived"};
    return types;
}

bool is_known_event_type(std::string_view type) {
    const auto known = [&](const std::vector<std::string>& types) {
        return std::find(types.begin(), types.end(), type) != types.end();
    };
    return known(loggable_event_types()) || known(workflow_event_types());
}

const Event* first_event(const Case& c, std::string_view type) {
    const auto found = std::find_if(c.events.begin(), c.events.end(),
                                    [&](const Event& e) { return e.type == type; });
    return found == c.events.end() ? nullptr : &*found;
}

const Event* last_event(const Case& c, std::string_view type) {
    const auto found = std::find_if(c.events.rbegin(), c.events.rend(),
                                    [&](const Event& e) { return e.type == type; });
    return found == c.events.rend() ? nullptr : &*found;
}

void add_event(Case& c, Event event) {
    const auto after = std::upper_bound(
        c.events.begin(), c.events.end(), event.at,
        [](const Timestamp& at, const Event& existing) { return at < existing.at; });
    c.events.insert(after, std::move(event));
}

} // namespace complaints
