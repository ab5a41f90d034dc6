// SPDX-License-Identifier: Apache-2.0
// docs/policy.md's rules table against the presets' data: a value that
// differs, or a rule with no row, fails.
#include "complaints/policy/policy.hpp"
#include "paths.hpp"

#include <doctest/doctest.h>

#include <fstream>
#include <map>
#include <sstream>

using namespace complaints;

namespace {

using Row = std::vector<std::string>;

std::string trimmed(std::string text) {
    const auto start = text.find_first_not_of(" `");
    const auto end = text.find_last_not_of(" `");
    return start == std::string::npos ? "" : text.substr(start, end - start + 1);
}

// The rules table: its header row, then each row by its key.
std::pair<Row, std::map<std::string, Row>> rules_table() {
    std::ifstream in(std::string(test::docs_path()) + "/policy.md");
    std::string line;
    Row header;
    std::map<std::string, Row> rows;
    bool inside = false;
    while (std::getline(in, line)) {
        if (line.starts_with("| key |"))
            inside = true;
        else if (inside && !line.starts_with("|"))
            break;
        if (!inside || line.starts_with("|---"))
            continue;
        Row cells;
        std::stringstream split(line.substr(1));
        for (std::string cell; std::getline(split, cell, '|');)
            cells.push_back(trimmed(cell));
        if (header.empty())
            header = cells;
        else
            rows[cells.at(0)] = cells;
    }
    return {header, rows};
}

std::string span_text(const std::optional<Duration>& span) {
    return span ? format_duration(*span) : "off";
}

// What the docs should say for `key` in a preset.
std::string documented_value(const Policy& policy, const std::string& key) {
    if (key == "answering_clock")
        return answering_clock(policy) ? answering_clock(policy)->name : "off";
    if (key.ends_with("_earliest")) {
        const ClockRule* rule = find_clock(policy, key.substr(0, key.size() - 9));
        return span_text(rule->earliest);
    }
    if (key.ends_with("_since")) {
        const ClockRule* rule = find_clock(policy, key.substr(0, key.size() - 6));
        return rule->since ? format_date(*rule->since) : "off";
    }
    if (const ClockRule* rule = find_clock(policy, key))
        return span_text(rule->span);
    if (key == "warning_kept")
        return span_text(policy.warnings.kept);
    if (key == "suspension_review_warnings")
        return std::to_string(policy.warnings.review_at);
    if (key == "suspension_review_window")
        return span_text(policy.warnings.review_window);
    if (key == "late_withdrawal_notice_days")
        return std::to_string(policy.late_withdrawal_notice_days);
    if (key == "time_limit")
        return span_text(policy.time_limit);
    if (key == "patient_data_guard")
        return policy.patient_data_guard ? "on" : "off";
    if (key == "feedback_prompt")
        return span_text(policy.feedback_prompt);
    if (key == "feedback_closes_on_acknowledgement")
        return policy.feedback_closes_on_acknowledgement ? "on" : "off";
    FAIL("no documented value for ", key);
    return "";
}

} // namespace

TEST_SUITE("policy: docs/policy.md holds every preset's rules") {
    TEST_CASE("each rule a preset sets has a row, and the row says the preset's value") {
        const auto [header, rows] = rules_table();
        REQUIRE(header.size() >= 4);
        for (const auto& preset : all_presets()) {
            const std::string name(preset.name);
            const auto column = std::find(header.begin(), header.end(), name);
            REQUIRE_MESSAGE(column != header.end(), "no column for preset ", name);
            const Policy policy = preset_policy(name);
            for (const auto& key : policy_key_names(policy)) {
                const std::string value = documented_value(policy, key);
                const auto row = rows.find(key);
                if (row == rows.end()) {
                    // An unlisted `_earliest` or `_since` is fine while no preset sets it.
                    CHECK_MESSAGE(
                        ((key.ends_with("_earliest") || key.ends_with("_since")) && value == "off"),
                        "no row for ", key);
                    continue;
                }
                const std::string cell =
                    row->second.at(static_cast<std::size_t>(column - header.begin()));
                CAPTURE(key);
                CAPTURE(name);
                CHECK(cell == value);
            }
        }
    }
}

TEST_SUITE("policy: the presets register themselves") {
    TEST_CASE("each preset file is found by its name, once, with what it is for and an example") {
        std::vector<std::string> names;
        for (const auto& preset : all_presets()) {
            CAPTURE(preset.name);
            CHECK(find_preset(preset.name) == &preset);
            CHECK(preset_policy(preset.name).preset == preset.name);
            CHECK_FALSE(preset.description.empty());
            names.emplace_back(preset.name);
        }
        CHECK(names.size() >= 3u);
        CHECK(std::is_sorted(names.begin(), names.end()));
        CHECK(std::adjacent_find(names.begin(), names.end()) == names.end());
        CHECK(names == preset_names());
        // Each preset shows itself at work in cases-example/, and each
        // example is a preset's.
        CHECK(names == test::example_names());
        CHECK(find_preset("clinik") == nullptr);
    }
}
