// SPDX-License-Identifier: Apache-2.0
#include "yaml_reader.hpp"

#include "complaints/base/text.hpp"
#include "complaints/time/calendar.hpp"

#include <yaml-cpp/yaml.h>

#include <fmt/format.h>

#include <algorithm>
#include <charconv>

namespace complaints {

Location location_of(const YamlNode& node, const std::string& file) {
    // libyaml counts from 0; a node without a place (-1) has line 0.
    if (node.line() < 0)
        return Location{file, 0, 0};
    return Location{file, node.line() + 1, node.column() + 1};
}

namespace {

// Unknown keys are written back through yaml-cpp's emitter, which reads
// them as a tree of its own.
YAML::Node to_yaml_cpp(const YamlNode& node) {
    switch (node.kind()) {
    case YamlKind::scalar:
        return YAML::Node(node.scalar());
    case YamlKind::sequence: {
        YAML::Node out(YAML::NodeType::Sequence);
        for (const auto& item : node.items())
            out.push_back(to_yaml_cpp(item));
        return out;
    }
    case YamlKind::map: {
        YAML::Node out(YAML::NodeType::Map);
        for (const auto& [key, value] : node.entries())
            out[to_yaml_cpp(key)] = to_yaml_cpp(value);
        return out;
    }
    default:
        return YAML::Node(YAML::NodeType::Null);
    }
}

} // namespace

MapReader::MapReader(const YamlNode& map, const std::string& file, std::string_view what)
    : m_map(map), m_file(file), m_what(what) {
    if (!map.is_map())
        throw Error(ErrorKind::bad_data,
                    fmt::format("{} must be a mapping of keys to values", what),
                    location_of(map, file));
    for (const auto& [key_node, value] : map.entries()) {
        if (!key_node.is_scalar())
            throw Error(ErrorKind::bad_data, "keys must be plain words",
                        location_of(key_node, file));
        const std::string& key = key_node.scalar();
        const bool seen = std::any_of(m_entries.begin(), m_entries.end(),
                                      [&](const Entry& e) { return e.key == key; });
        if (seen)
            throw Error(ErrorKind::bad_data, fmt::format("duplicate key '{}'", key),
                        location_of(key_node, file));
        m_entries.push_back(Entry{key, key_node, value});
    }
    m_known.assign(m_entries.size(), false);
}

YamlNode MapReader::optional(std::string_view key) {
    for (std::size_t i = 0; i < m_entries.size(); ++i) {
        if (m_entries[i].key == key) {
            m_known[i] = true;
            return m_entries[i].value;
        }
    }
    return YamlNode();
}

YamlNode MapReader::required(std::string_view key) {
    YamlNode value = optional(key);
    if (!value.defined())
        throw Error(ErrorKind::bad_data, fmt::format("{} has no '{}' key", m_what, key),
                    location_of(m_map, m_file));
    return value;
}

std::string MapReader::text(const YamlNode& value, std::string_view key) const {
    if (!value.defined() || value.is_null())
        return {};
    if (!value.is_scalar())
        throw Error(ErrorKind::bad_data,
                    fmt::format("'{}' must be text, not a list or mapping", key), where(value));
    // The file is UTF-8, but an escape such as \0 unescapes to a NUL,
    // so the text is checked again once unescaped.
    if (const auto bad = first_invalid_byte(value.scalar()))
        throw Error(ErrorKind::bad_data,
                    fmt::format("'{}' holds an escape that is not UTF-8 text or is a NUL (byte {})",
                                key, *bad),
                    where(value));
    return value.scalar();
}

int MapReader::integer(const YamlNode& value, std::string_view key) const {
    const std::string given = text(value, key);
    int number = 0;
    const auto* end = given.data() + given.size();
    const auto [stop, ec] = std::from_chars(given.data(), end, number);
    if (given.empty() || ec != std::errc{} || stop != end)
        throw Error(ErrorKind::bad_data,
                    fmt::format("'{}' must be a whole number, not '{}'", key, given), where(value));
    return number;
}

Timestamp MapReader::timestamp(const YamlNode& value, std::string_view key) const {
    const std::string given = text(value, key);
    if (const auto at = parse_stored_timestamp(given)) {
        const int year = static_cast<int>(written_date(*at).year());
        if (year > k_last_case_year)
            throw Error(ErrorKind::bad_data,
                        fmt::format("'{}' is in the year {}: a case's times must be in {} to {}, "
                                    "so that its deadlines, up to ten years on, fall within the "
                                    "working calendar (to {})",
                                    key, year, k_first_year, k_last_case_year, k_last_year),
                        where(value));
        return *at;
    }
    throw Error(
        ErrorKind::bad_data,
        fmt::format("'{}' must be a time like 2026-11-02T09:14:00+00:00, not '{}'", key, given),
        where(value));
}

date::year_month_day MapReader::date(const YamlNode& value, std::string_view key) const {
    const std::string given = text(value, key);
    if (const auto day = parse_date(given))
        return *day;
    throw Error(
        ErrorKind::bad_data,
        fmt::format("'{}' must be a date on the calendar (YYYY-MM-DD), not '{}'", key, given),
        where(value));
}

std::vector<YamlNode> MapReader::sequence(const YamlNode& value, std::string_view key) const {
    if (!value.defined() || value.is_null())
        return {};
    if (!value.is_sequence())
        throw Error(ErrorKind::bad_data, fmt::format("'{}' must be a list", key), where(value));
    return value.items();
}

std::vector<Extra> MapReader::extras() const {
    std::vector<Extra> unknown;
    for (std::size_t i = 0; i < m_entries.size(); ++i) {
        if (m_known[i])
            continue;
        YAML::Emitter out;
        out << to_yaml_cpp(m_entries[i].value);
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
