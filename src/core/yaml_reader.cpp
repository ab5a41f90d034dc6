#include "yaml_reader.hpp"

#include "complaints/text.hpp"

#include <fmt/format.h>

#include <algorithm>
#include <charconv>

namespace complaints {

Location location_of(const YAML::Mark& mark, const std::string& file) {
    // yaml-cpp counts from 0 and says -1 when it does not know.
    if (mark.line < 0)
        return Location{file, 0, 0};
    return Location{file, mark.line + 1, mark.column + 1};
}

Location location_of(const YAML::Node& node, const std::string& file) {
    return location_of(node.Mark(), file);
}

YAML::Node load_yaml(std::string_view text, const std::string& file) {
    try {
        return YAML::Load(std::string(text));
    } catch (const YAML::Exception& e) {
        // yaml-cpp stops deep nesting with this terse message.
        const std::string why = e.msg == "bad file" ? "nested too deeply" : e.msg;
        throw Error(ErrorKind::bad_data, fmt::format("not valid YAML: {}", why), location_of(e.mark, file));
    }
}

namespace {

// Aliases make a small file a huge tree ("billion laughs"); nothing we
// write uses them, so a value that unfolds past this many nodes is refused
// before anything walks or re-emits it.
constexpr std::size_t k_most_nodes = 100000;

void count_nodes(const YAML::Node& node, std::size_t& budget, const std::string& file) {
    if (budget == 0)
        throw Error(ErrorKind::bad_data,
                    fmt::format("a value unfolds to more than {} nodes (an alias bomb?)", k_most_nodes),
                    location_of(node, file));
    --budget;
    if (node.IsSequence() || node.IsMap())
        for (const auto& child : node) {
            if (node.IsMap()) {
                count_nodes(child.first, budget, file);
                count_nodes(child.second, budget, file);
            } else {
                count_nodes(child, budget, file);
            }
        }
}

} // namespace

void check_size(const YAML::Node& node, const std::string& file) {
    std::size_t budget = k_most_nodes;
    count_nodes(node, budget, file);
}

MapReader::MapReader(const YAML::Node& map, const std::string& file, std::string_view what)
    : m_map(map), m_file(file), m_what(what) {
    if (!map.IsMap())
        throw Error(ErrorKind::bad_data, fmt::format("{} must be a mapping of keys to values", what),
                    location_of(map, file));
    for (const auto& entry : map) {
        if (!entry.first.IsScalar())
            throw Error(ErrorKind::bad_data, "keys must be plain words",
                        location_of(entry.first, file));
        const std::string key = entry.first.Scalar();
        const bool seen = std::any_of(m_entries.begin(), m_entries.end(),
                                      [&](const Entry& e) { return e.key == key; });
        if (seen)
            throw Error(ErrorKind::bad_data, fmt::format("duplicate key '{}'", key),
                        location_of(entry.first, file));
        m_entries.push_back(Entry{key, entry.first, entry.second});
    }
    m_known.assign(m_entries.size(), false);
}

YAML::Node MapReader::optional(std::string_view key) {
    for (std::size_t i = 0; i < m_entries.size(); ++i) {
        if (m_entries[i].key == key) {
            m_known[i] = true;
            return m_entries[i].value;
        }
    }
    return YAML::Node(YAML::NodeType::Undefined);
}

YAML::Node MapReader::required(std::string_view key) {
    YAML::Node value = optional(key);
    if (!value.IsDefined())
        throw Error(ErrorKind::bad_data, fmt::format("{} has no '{}' key", m_what, key),
                    location_of(m_map, m_file));
    return value;
}

std::string MapReader::text(const YAML::Node& value, std::string_view key) const {
    if (!value.IsDefined() || value.IsNull())
        return {};
    if (!value.IsScalar())
        throw Error(ErrorKind::bad_data, fmt::format("'{}' must be text, not a list or mapping", key),
                    where(value));
    // The file is UTF-8, but yaml-cpp turns the escapes \N and \_
    // into raw bytes, so the text is checked again once unescaped.
    if (const auto bad = first_invalid_byte(value.Scalar()))
        throw Error(ErrorKind::bad_data,
                    fmt::format("'{}' holds an escape that is not UTF-8 text or is a NUL (byte {})", key, *bad),
                    where(value));
    return value.Scalar();
}

int MapReader::integer(const YAML::Node& value, std::string_view key) const {
    const std::string given = text(value, key);
    int number = 0;
    const auto* end = given.data() + given.size();
    const auto [stop, ec] = std::from_chars(given.data(), end, number);
    if (given.empty() || ec != std::errc{} || stop != end)
        throw Error(ErrorKind::bad_data, fmt::format("'{}' must be a whole number, not '{}'", key, given),
                    where(value));
    return number;
}

Timestamp MapReader::timestamp(const YAML::Node& value, std::string_view key) const {
    const std::string given = text(value, key);
    if (const auto at = parse_stored_timestamp(given))
        return *at;
    throw Error(ErrorKind::bad_data,
                fmt::format("'{}' must be a time like 2026-11-02T09:14:00+00:00, not '{}'", key, given),
                where(value));
}

date::year_month_day MapReader::date(const YAML::Node& value, std::string_view key) const {
    const std::string given = text(value, key);
    if (const auto day = parse_date(given))
        return *day;
    throw Error(ErrorKind::bad_data,
                fmt::format("'{}' must be a date on the calendar (YYYY-MM-DD), not '{}'", key, given), where(value));
}

std::vector<YAML::Node> MapReader::sequence(const YAML::Node& value, std::string_view key) const {
    if (!value.IsDefined() || value.IsNull())
        return {};
    if (!value.IsSequence())
        throw Error(ErrorKind::bad_data, fmt::format("'{}' must be a list", key), where(value));
    return {value.begin(), value.end()};
}

std::vector<Extra> MapReader::extras() const {
    std::vector<Extra> unknown;
    for (std::size_t i = 0; i < m_entries.size(); ++i) {
        if (m_known[i])
            continue;
        YAML::Emitter out;
        out << m_entries[i].value;
        unknown.push_back(Extra{m_entries[i].key, out.c_str()});
    }
    return unknown;
}

const std::vector<MapReader::Entry>& MapReader::all() {
    m_known.assign(m_entries.size(), true);
    return m_entries;
}

void MapReader::reject_unknown(const std::vector<std::string>& known) const {
    for (std::size_t i = 0; i < m_entries.size(); ++i) {
        if (!m_known[i])
            throw Error(ErrorKind::bad_data,
                        fmt::format("unknown key '{}' in {}{}", m_entries[i].key, m_what,
                                    did_you_mean(m_entries[i].key, known)),
                        where(m_entries[i].key_node));
    }
}

} // namespace complaints
