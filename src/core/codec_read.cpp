#include "complaints/codec.hpp"
#include "complaints/text.hpp"

#include "yaml_reader.hpp"

#include <fmt/format.h>

namespace complaints {

namespace {

Point read_point(const YAML::Node& node, const std::string& file) {
    MapReader map(node, file, "a point");
    Point point;
    point.number = map.integer(map.required("n"), "n");
    point.text = map.text(map.required("text"), "text");
    point.extras = map.extras();
    return point;
}

Event read_event(const YAML::Node& node, const std::string& file) {
    MapReader map(node, file, "an event");
    Event event;
    event.at = map.timestamp(map.required("at"), "at");
    const YAML::Node type = map.required("type");
    event.type = map.text(type, "type");
    if (!is_known_event_type(event.type)) {
        auto known = loggable_event_types();
        known.insert(known.end(), workflow_event_types().begin(), workflow_event_types().end());
        throw Error(ErrorKind::bad_data,
                    fmt::format("unknown event type '{}'{}", event.type, did_you_mean(event.type, known)),
                    map.where(type));
    }
    event.by = map.text(map.optional("by"), "by");
    event.text = map.text(map.optional("text"), "text");
    if (const YAML::Node recorded = map.optional("recorded"); recorded.IsDefined())
        event.recorded = map.timestamp(recorded, "recorded");
    if (const YAML::Node due = map.optional("due"); due.IsDefined()) {
        const std::string text = map.text(due, "due");
        event.due = parse_date(text);
        if (!event.due)
            throw Error(ErrorKind::bad_data,
                        fmt::format("'due' must be a date on the calendar (YYYY-MM-DD), not '{}'", text),
                        map.where(due));
    }
    event.extras = map.extras();
    return event;
}

void check_point_numbers(const std::vector<Point>& points, const std::vector<YAML::Node>& nodes,
                         const std::string& file) {
    for (std::size_t i = 0; i < points.size(); ++i) {
        if (points[i].number != static_cast<int>(i) + 1)
            throw Error(ErrorKind::bad_data,
                        fmt::format("points must be numbered 1, 2, 3, ... in order; found {} "
                                    "where {} belongs",
                                    points[i].number, i + 1),
                        location_of(nodes[i], file));
    }
}

void read_people(MapReader& map, Case& c) {
    c.complainant = map.text(map.optional("complainant"), "complainant");
    c.on_behalf_of = map.text(map.optional("on_behalf_of"), "on_behalf_of");
    if (const YAML::Node consent = map.optional("consent"); consent.IsDefined())
        c.consent = map.enumerated<Consent>(consent);
    c.about = map.text(map.optional("about"), "about");
    if (const YAML::Node category = map.optional("category"); category.IsDefined())
        c.category = map.enumerated<Category>(category);
    c.type = map.text(map.optional("type"), "type");
}

} // namespace

Case read_case(std::string_view text, const std::string& file) {
    if (const auto bad = first_invalid_byte(text)) {
        const auto at = line_column_at(text, *bad);
        throw Error(ErrorKind::bad_data,
                    text[*bad] == '\0' ? "contains a NUL byte" : "contains bytes that are not UTF-8",
                    Location{file, at.line, at.column});
    }
    const YAML::Node root = load_yaml(text, file);
    MapReader map(root, file, "a case file");
    Case c;
    const YAML::Node id = map.required("id");
    c.id = map.text(id, "id");
    c.kind = map.enumerated<Kind>(map.required("kind"));
    c.status = map.enumerated<Status>(map.required("status"));
    c.received = map.timestamp(map.required("received"), "received");
    c.channel = map.enumerated<Channel>(map.required("channel"));
    read_people(map, c);
    c.summary = map.text(map.optional("summary"), "summary");
    const auto point_nodes = map.sequence(map.optional("points"), "points");
    for (const auto& node : point_nodes)
        c.points.push_back(read_point(node, file));
    check_point_numbers(c.points, point_nodes, file);
    const YAML::Node events = map.required("events");
    for (const auto& node : map.sequence(events, "events"))
        c.events.push_back(read_event(node, file));
    for (std::size_t i = 1; i < c.events.size(); ++i) {
        if (c.events[i].at < c.events[i - 1].at)
            throw Error(ErrorKind::bad_data,
                        fmt::format("event {} is dated before the event above it; events are kept "
                                    "in time order",
                                    i + 1),
                        location_of(events[i], file));
    }
    c.extras = map.extras();
    return c;
}

} // namespace complaints
