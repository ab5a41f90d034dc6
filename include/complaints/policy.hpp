#pragma once
// The policy as data: each rule of the two policies has one value here, set
// by the preset and overridable in complaints.yaml. docs/policy.md cites the
// sentence each comes from. Workflow code asks the policy; it never
// hard-codes 14 or 48.
#include "complaints/calendar.hpp"
#include "complaints/model.hpp"
#include "complaints/timestamp.hpp"

#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace complaints {

enum class Preset { clinic, platform };
template <> struct EnumNames<Preset> {
    static constexpr std::string_view what = "preset";
    static constexpr std::array<std::pair<Preset, std::string_view>, 2> names{
        {{Preset::clinic, "clinic"}, {Preset::platform, "platform"}}};
};

enum class DurationUnit { working_days, days, weeks, hours, months };

// A span as people say it: "14 working days", "48 hours", "3 weeks", "6 months".
struct Duration {
    int amount = 0;
    DurationUnit unit = DurationUnit::days;
    friend bool operator==(const Duration&, const Duration&) = default;
};

// Reads "N working days", "N days", "N weeks", "N hours", "N months" (singular
// too) or the short forms "Nwd", "Nd", "Nw", "Nh", "Nmo". Throws a usage
// error for a misspelt unit, a negative or an absurdly long span.
Duration parse_duration(std::string_view text);
std::string format_duration(const Duration& duration);

// When a span that starts at `from` ends. Day-based spans end at the close of
// the organisation's local day they reach: N working days is the N-th working
// day strictly after the local date of `from`; months clamp to the month's end
// (31 August + 6 months = 28 or 29 February). Hours end at the exact instant.
struct Deadline {
    date::year_month_day day; // the local date it falls on
    date::sys_seconds at;     // the first instant past it
    bool whole_day = true;
};
Deadline deadline_after(const Timestamp& from, const Duration& span, const WorkingCalendar& calendar,
                        const date::time_zone& zone);
date::year_month_day add_months(date::year_month_day day, int months);

// Where a complainant can take the complaint next, and when: the letter
// signposts each one; `escalate` records a referral to it.
struct ReviewBody {
    std::string key;       // as `escalate --to` takes it
    std::string name;
    std::string contact;
    bool after_response;   // only once stage 1 has answered
    bool clinical_only;    // only for clinical complaints
};

struct Policy {
    Preset preset = Preset::clinic;
    std::optional<Duration> acknowledgement;        // off in both presets
    std::optional<Duration> response;               // clinic: 14 working days
    std::optional<Duration> assignment;             // platform: 48 hours
    std::optional<Duration> investigation_earliest; // platform: 5 working days
    std::optional<Duration> investigation;          // platform: 10 working days
    std::optional<Duration> resolution;             // platform: 3 weeks
    std::optional<Duration> warning_kept;           // platform: 6 months
    int suspension_review_warnings = 0;             // platform: 3
    std::optional<Duration> suspension_review_window; // platform: 6 months
    int late_withdrawal_notice_days = 0;            // platform: 3
    std::vector<ReviewBody> review_bodies;
    bool patient_data_guard = false;                // platform: on
    std::vector<std::string> patient_data_patterns; // extra patterns to refuse
    // The complaint types the policy names, each with the category it
    // implies ("other" exists in both). Empty: types are free text.
    struct ComplaintType {
        std::string name;
        Category category;
    };
    std::vector<ComplaintType> complaint_types;
    // Clinic: a verbal complaint's written record must be agreed, and a
    // treatment-related complaint names its practitioners.
    bool verbal_record_agreed = false;
    bool practitioners_named = false;
};

const ReviewBody* find_review_body(const Policy& policy, std::string_view key);
std::vector<std::string> review_body_keys(const Policy& policy);

Policy preset_policy(Preset preset);

// The keys `policy:` in complaints.yaml takes, in the order docs list them.
struct PolicyKey {
    std::string_view key;
    std::optional<Duration> Policy::*duration = nullptr; // a span, or "off"
    int Policy::*count = nullptr;                        // a whole number
    bool Policy::*flag = nullptr;                        // on or off
};
const std::vector<PolicyKey>& policy_keys();
std::vector<std::string> policy_key_names();

// Applies one override; throws a usage error naming what is wrong with `value`.
void override_policy(Policy& policy, std::string_view key, std::string_view value);

} // namespace complaints
