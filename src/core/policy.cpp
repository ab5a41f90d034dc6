#include "complaints/policy.hpp"

#include "complaints/error.hpp"

#include <fmt/format.h>

#include <algorithm>
#include <charconv>

namespace complaints {

namespace {

// Clinic policy, "Stage 2 - Independent Review": ISCAS and the Cosmetic
// Redress Scheme review what stage 1 concluded; Citizens Advice, the
// Patients Association and the CQC can be approached at any time.
std::vector<ReviewBody> clinic_bodies() {
    return {
        {"iscas", "the Independent Sector Complaints Adjudication Service (ISCAS)",
         "https://iscas.cedr.com/", true, false},
        {"cosmetic-redress-scheme", "the CRS Cosmetic Redress Scheme",
         "https://www.cosmeticredress.co.uk/consumers", true, false},
        {"citizens-advice", "Citizens Advice",
         "free, confidential and independent advice, face-to-face and by phone: "
         "https://www.citizensadvice.org.uk",
         false, false},
        {"patients-association", "the Patients Association",
         "https://www.patients-association.org.uk/helpline", false, false},
        {"cqc", "the Care Quality Commission (CQC)",
         "03000 616161, enquiries@cqc.org.uk, www.cqc.org.uk", false, false},
    };
}

// Platform process, "Additional steps you can take for clinical complaints":
// the Responsible Officer after the GP's response; the GMC at once when
// fitness to practise or patient safety is in question; the LMC alongside.
std::vector<ReviewBody> platform_bodies() {
    return {
        {"responsible-officer", "the doctor's Responsible Officer",
         "found on the GMC website under the doctor's GMC number", true, true},
        {"gmc", "the General Medical Council (GMC)",
         "0161 923 6602; get advice from your indemnity provider too", false, true},
        {"lmc", "the Local Medical Committee (LMC)", "your area's LMC", true, true},
    };
}

} // namespace

const ReviewBody* find_review_body(const Policy& policy, std::string_view key) {
    for (const auto& body : policy.review_bodies)
        if (body.key == key)
            return &body;
    return nullptr;
}

std::vector<std::string> review_body_keys(const Policy& policy) {
    std::vector<std::string> keys;
    for (const auto& body : policy.review_bodies)
        keys.push_back(body.key);
    return keys;
}

Policy preset_policy(Preset preset) {
    Policy policy;
    policy.preset = preset;
    if (preset == Preset::clinic) {
        policy.response = Duration{14, DurationUnit::working_days};
        policy.review_bodies = clinic_bodies();
        policy.verbal_record_agreed = true;
        policy.practitioners_named = true;
        return policy;
    }
    policy.review_bodies = platform_bodies();
    policy.patient_data_guard = true;
    // Platform process, "Types of complaints".
    policy.complaint_types = {
        {"late", Category::non_clinical},          {"no-show", Category::non_clinical},
        {"unprepared", Category::non_clinical},    {"rude", Category::non_clinical},
        {"late-withdrawal", Category::non_clinical}, {"admin", Category::non_clinical},
        {"other", Category::non_clinical},         {"confidentiality", Category::clinical},
        {"patient-care", Category::clinical},      {"other", Category::clinical},
    };
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
        {"patient_data_guard", nullptr, nullptr, &Policy::patient_data_guard},
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
    if (found->flag) {
        if (value != "on" && value != "off")
            throw Error(ErrorKind::usage, fmt::format("'{}' must be on or off for {}", value, key));
        policy.*(found->flag) = value == "on";
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
