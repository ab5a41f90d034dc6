#include "complaints/policy.hpp"

#include "complaints/error.hpp"

#include <fmt/format.h>

#include <algorithm>
#include <charconv>

namespace complaints {

Policy preset_policy(Preset preset) {
    Policy policy;
    policy.preset = preset;
    if (preset == Preset::clinic) {
        policy.response = Duration{14, DurationUnit::working_days};
        return policy;
    }
    policy.assignment = Duration{48, DurationUnit::hours};
    policy.investigation_earliest = Duration{5, DurationUnit::working_days};
    policy.investigation = Duration{10, DurationUnit::working_days};
    policy.resolution = Duration{3, DurationUnit::weeks};
    policy.warning_kept = Duration{6, DurationUnit::months};
    policy.suspension_review_warnings = 3;
    policy.suspension_review_window = Duration{6, DurationUnit::months};
    policy.late_withdrawal_notice_days = 3;
    return policy;
}

const std::vector<PolicyKey>& policy_keys() {
    static const std::vector<PolicyKey> keys{
        {"acknowledgement", &Policy::acknowledgement, nullptr},
        {"response", &Policy::response, nullptr},
        {"assignment", &Policy::assignment, nullptr},
        {"investigation_earliest", &Policy::investigation_earliest, nullptr},
        {"investigation", &Policy::investigation, nullptr},
        {"resolution", &Policy::resolution, nullptr},
        {"warning_kept", &Policy::warning_kept, nullptr},
        {"suspension_review_warnings", nullptr, &Policy::suspension_review_warnings},
        {"suspension_review_window", &Policy::suspension_review_window, nullptr},
        {"late_withdrawal_notice_days", nullptr, &Policy::late_withdrawal_notice_days},
    };
    return keys;
}

std::vector<std::string> policy_key_names() {
    std::vector<std::string> names;
    for (const auto& key : policy_keys())
        names.emplace_back(key.key);
    return names;
}

void override_policy(Policy& policy, std::string_view key, std::string_view value) {
    const auto& keys = policy_keys();
    const auto found = std::find_if(keys.begin(), keys.end(), [&](const PolicyKey& k) { return k.key == key; });
    if (found == keys.end())
        throw Error(ErrorKind::usage, fmt::format("unknown policy rule '{}'{}", key,
                                                  did_you_mean(key, policy_key_names())));
    if (found->duration) {
        policy.*(found->duration) = value == "off" ? std::nullopt : std::optional(parse_duration(value));
        return;
    }
    int number = 0;
    const auto [end, ec] = std::from_chars(value.data(), value.data() + value.size(), number);
    if (ec != std::errc{} || end != value.data() + value.size() || number < 0 || number > 1000)
        throw Error(ErrorKind::usage,
                    fmt::format("'{}' must be a whole number from 0 to 1000 for {}", value, key));
    policy.*(found->count) = number;
}

} // namespace complaints
