#include "complaints/codec.hpp"
#include "complaints/text.hpp"

#include "yaml_reader.hpp"

#include <fmt/format.h>

namespace complaints {

namespace {

Point read_point(const YamlNode& node, const std::string& file) {
    MapReader map(node, file, "a point");
    Point point;
    point.number = map.integer(map.required("n"), "n");
    point.text = map.text(map.required("text"), "text");
    if (const YamlNode finding = map.optional("finding"); finding.defined())
        point.finding = map.enumerated<Finding>(finding);
    point.conclusion = map.text(map.optional("conclusion"), "conclusion");
    point.remedial_action = map.text(map.optional("remedial_action"), "remedial_action");
    point.staff = map.text(map.optional("staff"), "staff");
    point.extras = map.extras();
    return point;
}

Action read_action(const YamlNode& node, const std::string& file) {
    MapReader map(node, file, "an action");
    Action action;
    action.number = map.integer(map.required("n"), "n");
    action.text = map.text(map.required("text"), "text");
    action.lead = map.text(map.required("lead"), "lead");
    action.due = map.date(map.required("due"), "due");
    if (const YamlNode added = map.optional("added"); added.defined())
        action.added = map.timestamp(added, "added");
    for (const auto& item : map.sequence(map.optional("progress"), "progress")) {
        MapReader step(item, file, "a progress note");
        ActionProgress progress;
        progress.at = step.timestamp(step.required("at"), "at");
        progress.text = step.text(step.required("text"), "text");
        step.reject_unknown({"at", "text"});
        action.progress.push_back(progress);
    }
    if (const YamlNode done = map.optional("done"); done.defined())
        action.done = map.timestamp(done, "done");
    map.reject_unknown({"n", "text", "lead", "due", "added", "progress", "done"});
    return action;
}

Escalation read_escalation(const YamlNode& node, const std::string& file) {
    MapReader map(node, file, "an escalation");
    Escalation escalation;
    escalation.body = map.text(map.required("body"), "body");
    escalation.at = map.timestamp(map.required("at"), "at");
    escalation.reference = map.text(map.optional("reference"), "reference");
    escalation.outcome = map.text(map.optional("outcome"), "outcome");
    if (const YamlNode at = map.optional("outcome_at"); at.defined())
        escalation.outcome_at = map.timestamp(at, "outcome_at");
    map.reject_unknown({"body", "at", "reference", "outcome", "outcome_at"});
    return escalation;
}

void read_exclusion(const YamlNode& node, Case& c, const std::string& file) {
    MapReader map(node, file, "an exclusion");
    c.exclusion = map.enumerated<Exclusion>(map.required("reason"));
    c.exclusion_text = map.text(map.optional("text"), "text");
    map.reject_unknown({"reason", "text"});
}

void read_closing(MapReader& map, Case& c, const std::string& file) {
    c.apology = map.text(map.optional("apology"), "apology");
    if (const YamlNode outcome = map.optional("outcome"); outcome.defined())
        c.outcome = map.enumerated<Outcome>(outcome);
    c.learning = map.text(map.optional("learning"), "learning");
    c.no_learning = map.text(map.optional("no_learning"), "no_learning");
    for (const auto& node : map.sequence(map.optional("actions"), "actions"))
        c.actions.push_back(read_action(node, file));
    for (const auto& node : map.sequence(map.optional("escalations"), "escalations"))
        c.escalations.push_back(read_escalation(node, file));
    if (const YamlNode warning = map.optional("warning"); warning.defined())
        c.warning = map.timestamp(warning, "warning");
}

// Files written before actions kept `added` date an action only by the
// event `action` wrote for it ("Action N added: ..."): read that once, here,
// so nothing else parses event text.
void date_old_actions(Case& c) {
    for (auto& action : c.actions) {
        if (action.added)
            continue;
        const std::string marker = fmt::format("Action {} added", action.number);
        for (const auto& event : c.events)
            if (event.type == EventType::action && event.text.starts_with(marker)) {
                action.added = event.at;
                break;
            }
    }
}

Event read_event(const YamlNode& node, const std::string& file) {
    MapReader map(node, file, "an event");
    Event event;
    event.at = map.timestamp(map.required("at"), "at");
    const YamlNode type = map.required("type");
    const std::string type_name = map.text(type, "type");
    const auto known = enum_from<EventType>(type_name);
    if (!known)
        throw Error(ErrorKind::bad_data,
                    fmt::format("unknown event type '{}'{}", type_name,
                                did_you_mean(type_name, enum_names<EventType>())),
                    map.where(type));
    event.type = *known;
    event.by = map.text(map.optional("by"), "by");
    event.text = map.text(map.optional("text"), "text");
    if (const YamlNode recorded = map.optional("recorded"); recorded.defined())
        event.recorded = map.timestamp(recorded, "recorded");
    for (const auto& node : map.sequence(map.optional("attendees"), "attendees"))
        event.attendees.push_back(map.text(node, "attendees"));
    if (const YamlNode due = map.optional("due"); due.defined())
        event.due = map.date(due, "due");
    event.extras = map.extras();
    return event;
}

void check_point_numbers(const std::vector<Point>& points, const std::vector<YamlNode>& nodes,
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
    if (const YamlNode consent = map.optional("consent"); consent.defined())
        c.consent = map.enumerated<Consent>(consent);
    c.about = map.text(map.optional("about"), "about");
    c.gmc = map.text(map.optional("gmc"), "gmc");
    if (const YamlNode category = map.optional("category"); category.defined())
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
    const YamlDocument document = parse_yaml(text, file);
    MapReader map(document.root(), file, "a case file");
    Case c;
    const YamlNode id = map.required("id");
    c.id = map.text(id, "id");
    c.kind = map.enumerated<Kind>(map.required("kind"));
    c.status = map.enumerated<Status>(map.required("status"));
    c.received = map.timestamp(map.required("received"), "received");
    c.channel = map.enumerated<Channel>(map.required("channel"));
    read_people(map, c);
    c.summary = map.text(map.optional("summary"), "summary");
    for (const auto& node : map.sequence(map.optional("practitioners"), "practitioners"))
        c.practitioners.push_back(map.text(node, "practitioners"));
    if (const YamlNode exclusion = map.optional("exclusion"); exclusion.defined())
        read_exclusion(exclusion, c, file);
    if (const YamlNode from = map.optional("clock_from"); from.defined())
        c.clock_from = map.date(from, "clock_from");
    if (const YamlNode happened = map.optional("happened"); happened.defined())
        c.happened = map.date(happened, "happened");
    if (const YamlNode notice = map.optional("notice_days"); notice.defined())
        c.notice_days = map.integer(notice, "notice_days");
    c.agent = map.text(map.optional("agent"), "agent");
    read_closing(map, c, file);
    const auto point_nodes = map.sequence(map.optional("points"), "points");
    for (const auto& node : point_nodes)
        c.points.push_back(read_point(node, file));
    check_point_numbers(c.points, point_nodes, file);
    const auto event_nodes = map.sequence(map.required("events"), "events");
    for (const auto& node : event_nodes)
        c.events.push_back(read_event(node, file));
    for (std::size_t i = 1; i < c.events.size(); ++i) {
        if (c.events[i].at < c.events[i - 1].at)
            throw Error(ErrorKind::bad_data,
                        fmt::format("event {} is dated before the event above it; events are kept "
                                    "in time order",
                                    i + 1),
                        location_of(event_nodes[i], file));
    }
    date_old_actions(c);
    c.extras = map.extras();
    return c;
}

} // namespace complaints
