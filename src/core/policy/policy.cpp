// SPDX-License-Identifier: Apache-2.0
#include "complaints/policy/policy.hpp"

#include "complaints/base/error.hpp"
#include "presets/presets.hpp"

#include <fmt/format.h>

#include <algorithm>
#include <array>
#include <charconv>

namespace complaints {

namespace presets {

std::vector<ClockRule> standard_clocks() {
    return {
        // A full response sent before any acknowledgement acknowledges the
        // complaint too: the complainant has heard from us (late if after the day).
        {"acknowledgement",
         {},
         {},
         {EventType::acknowledged, EventType::response_sent},
         {},
         false,
         {},
         false,
         {},
         false,
         {}},
        {"assignment", {}, {}, {EventType::assigned}, {}, false, {}, false, {}, false, {}},
        {"investigation",
         {},
         EventType::assigned,
         {EventType::investigation_complete},
         {},
         false,
         {},
         false,
         {},
         false,
         {}},
        // Whichever of these two is on (the response first) answers the complainant.
        {"response",
         {},
         {},
         {EventType::response_sent},
         EventType::delay_explained,
         false,
         {},
         true,
         {},
         false,
         {}},
        {"resolution", {}, {}, {EventType::resolved}, {}, false, {}, true, {}, false, {}},
    };
}

Policy base() {
    Policy policy;
    policy.clocks = standard_clocks();
    policy.kinds = {Kind::complaint, Kind::concern, Kind::feedback};
    return policy;
}

ClockRule& clock(Policy& policy, std::string_view name) {
    const auto found = std::find_if(policy.clocks.begin(), policy.clocks.end(),
                                    [&](const ClockRule& rule) { return rule.name == name; });
    if (found == policy.clocks.end())
        throw std::logic_error(fmt::format("the preset has no clock {}", name));
    return *found;
}

} // namespace presets

const ReviewBody* find_review_body(const Policy& policy, std::string_view key) {
    for (const auto& body : policy.review_bodies)
        if (body.key == key)
            return &body;
    return nullptr;
}

bool has_second_stage(const Policy& policy) {
    return std::any_of(policy.review_bodies.begin(), policy.review_bodies.end(),
                       [](const ReviewBody& body) { return !body.advice && body.stage_two; });
}

std::vector<std::string> review_body_keys(const Policy& policy) {
    std::vector<std::string> keys;
    for (const auto& body : policy.review_bodies)
        keys.push_back(body.key);
    return keys;
}

const ClockRule* find_clock(const Policy& policy, std::string_view name) {
    for (const auto& rule : policy.clocks)
        if (rule.name == name)
            return &rule;
    return nullptr;
}

const ClockRule* clock_met_by(const Policy& policy, EventType type) {
    // The clock the step is for first: a response also meets an acknowledgement
    // not yet sent, but it is the response clock's step.
    for (const auto& rule : policy.clocks)
        if (rule.span && !rule.met_by.empty() && rule.met_by.front() == type)
            return &rule;
    for (const auto& rule : policy.clocks)
        if (rule.span &&
            std::find(rule.met_by.begin(), rule.met_by.end(), type) != rule.met_by.end())
            return &rule;
    return nullptr;
}

bool extends(const ClockRule& rule, EventType type) {
    if (!rule.extended_by)
        return false;
    if (type == *rule.extended_by)
        return true;
    // The answering clock takes any date set for the answer; another clock
    // (regulation 14(4)'s explanation, moved only by a longer period
    // "agreed") keeps to its own event.
    const EventRole role = event_info(*rule.extended_by).role;
    return rule.answers_complainant && role != EventRole::none && event_info(type).role == role;
}

const ClockRule* answering_clock(const Policy& policy) {
    for (const auto& rule : policy.clocks)
        if (rule.answers_complainant && rule.span)
            return &rule;
    return nullptr;
}

const std::vector<PresetInfo>& all_presets() {
    static const std::vector<PresetInfo> all = [] {
        std::vector<PresetInfo> found = presets::registered();
        std::sort(found.begin(), found.end(),
                  [](const PresetInfo& a, const PresetInfo& b) { return a.name < b.name; });
        return found;
    }();
    return all;
}

const PresetInfo* find_preset(std::string_view name) {
    for (const auto& preset : all_presets())
        if (preset.name == name)
            return &preset;
    return nullptr;
}

std::vector<std::string> preset_names() {
    std::vector<std::string> names;
    for (const auto& preset : all_presets())
        names.emplace_back(preset.name);
    return names;
}

Policy preset_policy(std::string_view name) {
    const PresetInfo* preset = find_preset(name);
    if (!preset)
        throw Error(ErrorKind::usage,
                    fmt::format("unknown preset '{}'{}", name, did_you_mean(name, preset_names())));
    Policy policy = preset->make();
    policy.preset = std::string(preset->name);
    return policy;
}

namespace {

// The rules complaints.yaml sets besides the clocks, each with where it lives.
struct RuleKey {
    std::string_view key;
    std::optional<Duration>* (*duration)(Policy&) = nullptr; // a span, or "off"
    int* (*count)(Policy&) = nullptr;                        // a whole number
    bool* (*flag)(Policy&) = nullptr;                        // on or off
    bool calendar_time = false; // counted in calendar time, never working days
};

const std::vector<RuleKey>& rule_keys() {
    static const std::vector<RuleKey> keys{
        {"warning_kept", [](Policy& p) { return &p.warnings.kept; }, nullptr, nullptr, true},
        {"suspension_review_warnings", nullptr, [](Policy& p) { return &p.warnings.review_at; }},
        {"suspension_review_window", [](Policy& p) { return &p.warnings.review_window; }, nullptr,
         nullptr, true},
        {"late_withdrawal_notice_days", nullptr,
         [](Policy& p) { return &p.late_withdrawal_notice_days; }},
        {"time_limit", [](Policy& p) { return &p.time_limit; }, nullptr, nullptr, true},
        {"patient_data_guard", nullptr, nullptr, [](Policy& p) { return &p.patient_data_guard; }},
        {"feedback_prompt", [](Policy& p) { return &p.feedback_prompt; }},
        {"feedback_closes_on_acknowledgement", nullptr, nullptr,
         [](Policy& p) { return &p.feedback_closes_on_acknowledgement; }},
    };
    return keys;
}

std::optional<Duration> span_or_off(std::string_view value) {
    return value == "off" ? std::nullopt : std::optional(parse_duration(value));
}

int whole_number(std::string_view key, std::string_view value) {
    int number = 0;
    const auto [end, ec] = std::from_chars(value.data(), value.data() + value.size(), number);
    if (ec != std::errc{} || end != value.data() + value.size() || number < 0 || number > 1000)
        throw Error(ErrorKind::usage,
                    fmt::format("'{}' must be a whole number from 0 to 1000 for {}", value, key));
    return number;
}

// What a clock's key in complaints.yaml sets: "response" its span,
// "response_earliest" when the step is expected at the soonest,
// "response_since" the first day of receipt it applies to.
enum class ClockPart { span, earliest, since };

constexpr std::array<std::pair<ClockPart, std::string_view>, 2> k_clock_suffixes{
    {{ClockPart::earliest, "_earliest"}, {ClockPart::since, "_since"}}};

ClockRule* clock_for_key(Policy& policy, std::string_view key, ClockPart& part) {
    part = ClockPart::span;
    std::string_view name = key;
    for (const auto& [which, suffix] : k_clock_suffixes)
        if (key.ends_with(suffix)) {
            part = which;
            name = key.substr(0, key.size() - suffix.size());
        }
    for (auto& rule : policy.clocks)
        if (rule.name == name)
            return &rule;
    return nullptr;
}

std::optional<date::year_month_day> since_date(std::string_view key, std::string_view value) {
    if (value == "off")
        return std::nullopt;
    if (const auto day = parse_date(value))
        return day;
    throw Error(ErrorKind::usage,
                fmt::format("{}: '{}' is not a date (YYYY-MM-DD), or off", key, value));
}

void set_answering_clock(Policy& policy, std::string_view value) {
    if (!find_clock(policy, value))
        throw Error(ErrorKind::usage, fmt::format("'{}' is not a clock of this policy", value));
    for (auto& rule : policy.clocks)
        rule.answers_complainant = rule.name == value;
}

void override_rule(Policy& policy, const RuleKey& rule, std::string_view value) {
    if (rule.duration) {
        auto span = span_or_off(value);
        if (span && rule.calendar_time && span->unit == DurationUnit::working_days)
            throw Error(ErrorKind::usage,
                        fmt::format("{} is counted in calendar time: give days, weeks or months, "
                                    "not working days",
                                    rule.key));
        *rule.duration(policy) = span;
    } else if (rule.flag) {
        if (value != "on" && value != "off")
            throw Error(ErrorKind::usage,
                        fmt::format("'{}' must be on or off for {}", value, rule.key));
        *rule.flag(policy) = value == "on";
    } else {
        *rule.count(policy) = whole_number(rule.key, value);
    }
}

} // namespace

std::vector<std::string> policy_key_names(const Policy& policy) {
    std::vector<std::string> names;
    for (const auto& rule : policy.clocks) {
        names.push_back(rule.name);
        for (const auto& [part, suffix] : k_clock_suffixes)
            names.push_back(rule.name + std::string(suffix));
    }
    names.emplace_back("answering_clock");
    for (const auto& rule : rule_keys())
        names.emplace_back(rule.key);
    return names;
}

void override_policy(Policy& policy, std::string_view key, std::string_view value) {
    ClockPart part = ClockPart::span;
    if (ClockRule* rule = clock_for_key(policy, key, part)) {
        if (part == ClockPart::since)
            rule->since = since_date(key, value);
        else
            (part == ClockPart::earliest ? rule->earliest : rule->span) = span_or_off(value);
        return;
    }
    if (key == "answering_clock")
        return set_answering_clock(policy, value);
    const auto& keys = rule_keys();
    const auto found =
        std::find_if(keys.begin(), keys.end(), [&](const RuleKey& k) { return k.key == key; });
    if (found == keys.end())
        throw Error(ErrorKind::usage, fmt::format("unknown policy rule '{}'{}", key,
                                                  did_you_mean(key, policy_key_names(policy))));
    override_rule(policy, *found, value);
}

} // namespace complaints
