// SPDX-License-Identifier: Apache-2.0
#pragma once
// Reading a YAML mapping with the checks yaml-cpp does not make: duplicate
// keys, missing keys with a position, wrong types, unknown keys kept aside.
#include "complaints/base/error.hpp"
#include "complaints/model/model.hpp"
#include "yaml_tree.hpp"

#include <string>
#include <string_view>
#include <utility>
#include <vector>

namespace complaints {

Location location_of(const YamlNode& node, const std::string& file);

class MapReader {
  public:
    // Throws unless `map` is a mapping with unique string keys.
    MapReader(const YamlNode& map, const std::string& file, std::string_view what);

    // The value under `key`, or an undefined node; marks the key as known.
    YamlNode optional(std::string_view key);
    // The value under `key`; throws naming the mapping's position when absent.
    YamlNode required(std::string_view key);

    std::string text(const YamlNode& value, std::string_view key) const;
    int integer(const YamlNode& value, std::string_view key) const;
    Timestamp timestamp(const YamlNode& value, std::string_view key) const;
    date::year_month_day date(const YamlNode& value, std::string_view key) const;
    template <class E> E enumerated(const YamlNode& value) const {
        const std::string given = text(value, EnumNames<E>::what);
        if (const auto parsed = enum_from<E>(given))
            return *parsed;
        throw Error(ErrorKind::bad_data,
                    "unknown " + std::string(EnumNames<E>::what) + " '" + given + "'" +
                        did_you_mean(given, enum_names<E>()),
                    location_of(value, m_file));
    }
    std::vector<YamlNode> sequence(const YamlNode& value, std::string_view key) const;

    // Keys no one asked for, in file order, as YAML text.
    std::vector<Extra> extras() const;
    // Throws at the first key no one asked for, suggesting a known one.
    void reject_unknown(const std::vector<std::string>& known) const;

    Location where(const YamlNode& node) const { return location_of(node, m_file); }

    struct Entry {
        std::string key;
        YamlNode key_node;
        YamlNode value;
    };
    // Every entry, in file order, all taken as known: for mappings whose keys
    // are data (a policy's rule names, a calendar's regions).
    const std::vector<Entry>& all();

  private:
    YamlNode m_map;
    std::string m_file;
    std::string m_what;
    std::vector<Entry> m_entries;
    std::vector<bool> m_known;
};

} // namespace complaints
