// SPDX-License-Identifier: Apache-2.0
#include "complaints/codec/codec.hpp"
#include "complaints/codec/merge_conflict.hpp"

#include "complaints/base/text.hpp"
#include "complaints/model/case_fields.hpp"

#include "yaml_reader.hpp"

#include <fmt/format.h>

namespace complaints {

namespace {

std::string_view what(const Point&) {
    return "a point";
}
std::string_view what(const ActionProgress&) {
    return "a progress note";
}
std::string_view what(const Action&) {
    return "an action";
}
std::string_view what(const Excluded&) {
    return "an exclusion";
}
std::string_view what(const Escalation&) {
    return "an escalation";
}
std::string_view what(const EventRef&) {
    return "the event a void voids";
}
std::string_view what(const Attachment&) {
    return "an attachment";
}
std::string_view what(const Event&) {
    return "an event";
}
std::string_view what(const Imported&) {
    return "where the case was imported from";
}

// Reads one mapping into a record, following fields::describe: a required
// key that is missing, a value of the wrong shape, or (in records that keep
// no unknown keys) a key no one asked for is an error naming its line.
class YamlFieldReader {
  public:
    YamlFieldReader(const YamlNode& node, const std::string& file, std::string_view what)
        : m_map(node, file, what), m_file(file) {}

    template <class T> void field(const fields::Key& key, T& value) {
        if (const YamlNode node = find(key); node.defined())
            read(key, node, value);
    }
    template <class T> void field(const fields::Key& key, std::optional<T>& value) {
        if (const YamlNode node = find(key); node.defined())
            read(key, node, value.emplace());
    }
    void extras(std::vector<Extra>& unknown) { unknown = m_map.extras(); }
    void no_extras() { m_map.reject_unknown(m_known); }
    MapReader& map() { return m_map; }

  private:
    YamlNode find(const fields::Key& key) {
        m_known.emplace_back(key.name);
        return key.required ? m_map.required(key.name) : m_map.optional(key.name);
    }
    void read(const fields::Key& key, const YamlNode& node, std::string& value) {
        value = m_map.text(node, key.name);
    }
    void read(const fields::Key& key, const YamlNode& node, int& value) {
        value = m_map.integer(node, key.name);
    }
    template <class E>
    requires std::is_enum_v<E>
    void read(const fields::Key&, const YamlNode& node, E& value) {
        value = m_map.enumerated<E>(node);
    }
    void read(const fields::Key& key, const YamlNode& node, Timestamp& value) {
        value = m_map.timestamp(node, key.name);
    }
    void read(const fields::Key& key, const YamlNode& node, date::year_month_day& value) {
        value = m_map.date(node, key.name);
    }
    template <fields::Record R> void read(const fields::Key&, const YamlNode& node, R& record) {
        YamlFieldReader inner(node, m_file, what(record));
        fields::describe(inner, record);
    }
    template <class T>
    void read(const fields::Key& key, const YamlNode& node, std::vector<T>& items) {
        for (const auto& item : m_map.sequence(node, key.name))
            read(key, item, items.emplace_back());
    }

    MapReader m_map;
    const std::string& m_file;
    std::vector<std::string> m_known;
};

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

} // namespace

Case read_case(std::string_view text, const std::string& file) {
    if (const auto bad = first_invalid_byte(text)) {
        const auto at = line_column_at(text, *bad);
        throw Error(ErrorKind::bad_data,
                    text[*bad] == '\0' ? "contains a NUL byte"
                                       : "contains bytes that are not UTF-8",
                    Location{file, at.line, at.column});
    }
    // A merge left undone: refused where it is, before the YAML reader
    // reports the markers as something vaguer. Every clashing field is
    // named: resolving the first must not be news of the second.
    if (const auto marks = conflict_marks(text); !marks.empty())
        throw Error(ErrorKind::bad_data, "unresolved merge conflict in " + conflict_fields(marks),
                    Location{file, marks.front().line, 0});
    const YamlDocument document = parse_yaml(text, file);
    YamlFieldReader reader(document.root(), file, "a case file");
    Case c;
    fields::describe(reader, c);
    MapReader& map = reader.map();
    check_point_numbers(c.points, map.sequence(map.optional("points"), "points"), file);
    const auto event_nodes = map.sequence(map.required("events"), "events");
    for (std::size_t i = 1; i < c.events.size(); ++i) {
        if (c.events[i].at < c.events[i - 1].at)
            throw Error(ErrorKind::bad_data,
                        fmt::format("event {} is dated before the event above it; events are kept "
                                    "in time order",
                                    i + 1),
                        location_of(event_nodes[i], file));
    }
    date_old_actions(c);
    return c;
}

} // namespace complaints
