#include "complaints/config.hpp"

#include "complaints/codec.hpp"
#include "complaints/text.hpp"
#include "yaml_reader.hpp"

#include <fmt/format.h>

#include <algorithm>

namespace complaints {

void check_prefix(std::string_view prefix) {
    const bool length_ok = prefix.size() >= 2 && prefix.size() <= 6;
    const bool starts_with_letter = !prefix.empty() && prefix[0] >= 'A' && prefix[0] <= 'Z';
    const bool all_ok = std::all_of(prefix.begin(), prefix.end(), [](char c) {
        return (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9');
    });
    if (!length_ok || !starts_with_letter || !all_ok)
        throw Error(ErrorKind::usage,
                    fmt::format("prefix '{}' must be 2 to 6 capital letters or digits, starting "
                                "with a letter (for example LUM)",
                                prefix));
}

Config read_config(std::string_view text, const std::string& file) {
    if (const auto bad = first_invalid_byte(text)) {
        const auto at = line_column_at(text, *bad);
        throw Error(ErrorKind::bad_data, "contains bytes that are not UTF-8",
                    Location{file, at.line, at.column});
    }
    MapReader map(load_yaml(text, file), file, "complaints.yaml");
    Config config;
    config.organisation = map.text(map.required("organisation"), "organisation");
    config.preset = map.enumerated<Preset>(map.required("preset"));
    const YAML::Node prefix = map.required("prefix");
    config.prefix = map.text(prefix, "prefix");
    try {
        check_prefix(config.prefix);
    } catch (const Error& e) {
        throw Error(ErrorKind::bad_data, e.what(), map.where(prefix));
    }
    if (const YAML::Node region = map.optional("region"); region.IsDefined())
        config.region = map.enumerated<Region>(region);
    if (const YAML::Node zone = map.optional("timezone"); zone.IsDefined()) {
        config.timezone = map.text(zone, "timezone");
        try {
            find_zone(config.timezone);
        } catch (const Error& e) {
            throw Error(ErrorKind::bad_data, e.what(), map.where(zone));
        }
    }
    config.author = map.text(map.optional("author"), "author");
    map.reject_unknown({"organisation", "preset", "prefix", "region", "timezone", "author"});
    return config;
}

std::string write_config(const Config& config) {
    std::string out = "# complaints repository settings: see complaints(1) and docs/policy.md\n";
    out += fmt::format("organisation: {}\n", emit_text_value(config.organisation, 2));
    out += fmt::format("preset: {}\n", name_of(config.preset));
    out += fmt::format("prefix: {}\n", config.prefix);
    out += fmt::format("region: {}\n", name_of(config.region));
    out += fmt::format("timezone: {}\n", config.timezone);
    if (!config.author.empty())
        out += fmt::format("author: {}\n", emit_text_value(config.author, 2));
    return out;
}

} // namespace complaints
