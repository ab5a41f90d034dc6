// The platform's complaints process (shared/policies/platform-process.txt)
// as data.
#include "presets.hpp"

namespace complaints::presets {

namespace {

// "Additional steps you can take for clinical complaints": the Responsible
// Officer after the GP's response; the GMC at once when fitness to practise
// or patient safety is in question; the LMC alongside.
std::vector<ReviewBody> bodies() {
    return {
        {"responsible-officer", "the doctor's Responsible Officer",
         "found on the GMC website under the doctor's GMC number", true, true},
        {"gmc", "the General Medical Council (GMC)",
         "0161 923 6602; get advice from your indemnity provider too", false, true},
        {"lmc", "the Local Medical Committee (LMC)", "your area's LMC", true, true},
    };
}

// "Types of complaints": each type implies its category; "other" is either.
std::vector<ComplaintType> types() {
    return {
        {"late", Category::non_clinical},
        {"no-show", Category::non_clinical},
        {"unprepared", Category::non_clinical},
        {"rude", Category::non_clinical},
        {"late-withdrawal", Category::non_clinical},
        {"admin", Category::non_clinical},
        {"other", Category::non_clinical},
        {"confidentiality", Category::clinical},
        {"patient-care", Category::clinical},
        {"other", Category::clinical},
    };
}

} // namespace

Policy platform() {
    Policy policy = base(Preset::platform);
    clock(policy, "assignment").span = Duration{48, DurationUnit::hours};
    clock(policy, "investigation").span = Duration{10, DurationUnit::working_days};
    clock(policy, "investigation").earliest = Duration{5, DurationUnit::working_days};
    clock(policy, "resolution").span = Duration{3, DurationUnit::weeks};
    policy.complaint_types = types();
    policy.review_bodies = bodies();
    policy.warnings = {Duration{6, DurationUnit::months}, 3, Duration{6, DurationUnit::months}};
    policy.late_withdrawal_notice_days = 3;
    policy.patient_data_guard = true;
    policy.letter = {"Customer Support", {}};
    return policy;
}

} // namespace complaints::presets
