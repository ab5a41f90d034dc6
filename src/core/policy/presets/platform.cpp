// SPDX-License-Identifier: Apache-2.0
// The platform's complaints process (shared/policies/platform-process.txt)
// as data.
#include "presets.hpp"

namespace complaints::presets {

namespace {

// "Additional steps you can take for clinical complaints": the Responsible
// Officer "if you're unhappy with the GP's response or feel the complaint is
// more serious" (so after the resolution, or before it with that reason); the
// GMC and the LMC at any time. Each runs its own process about the clinician:
// an open referral does not hold up closing the platform's complaint.
std::vector<ReviewBody> platform_bodies() {
    ReviewBody officer{"responsible-officer", "the doctor's Responsible Officer",
                       "found on the GMC website under the doctor's GMC number", true, true};
    officer.earlier_with_reason = true;
    officer.earlier_when = "why the complaint is more serious";
    ReviewBody gmc{"gmc", "the General Medical Council (GMC)",
                   "0161 923 6602; get advice from your indemnity provider too", false, true};
    ReviewBody lmc{"lmc", "the Local Medical Committee (LMC)", "your area's LMC", false, true};
    std::vector<ReviewBody> all{officer, gmc, lmc};
    for (auto& body : all)
        body.stage_two = false;
    return all;
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

// "Lantum then assigns the complaint to a support agent ... The support agent
// investigates the complaint ... The complaint form will also be shared with
// the complainee for feedback ... A resolution is then agreed ... based on
// the outcome of the investigation."
std::vector<ProcessStep> steps() {
    return {{EventType::assigned, false},
            {EventType::shared_with_complainee, false},
            {EventType::investigation_complete, true},
            {EventType::resolved, false}};
}

Policy platform() {
    Policy policy = base();
    clock(policy, "assignment").span = Duration{48, DurationUnit::hours};
    clock(policy, "investigation").span = Duration{10, DurationUnit::working_days};
    clock(policy, "investigation").earliest = Duration{5, DurationUnit::working_days};
    clock(policy, "resolution").span = Duration{3, DurationUnit::weeks};
    policy.complaint_types = types();
    // "Leave informal feedback" or "Submit a formal complaint": no concern
    // in between, and nothing the process sets aside (the clinic's
    // exclusions are its own); a complaint runs to its outcome.
    policy.kinds = {Kind::complaint, Kind::feedback};
    policy.exclusions = {};
    policy.review_bodies = platform_bodies();
    policy.warnings.kept = Duration{6, DurationUnit::months};
    policy.warnings.review_at = 3;
    policy.warnings.review_window = Duration{6, DurationUnit::months};
    // "formal complaints may result in warnings"; "the clinician is made
    // aware of any problems so that they can reflect on them": an upheld
    // (or partly upheld) complaint about a clinician, shared with them first.
    policy.warnings.outcomes = {Outcome::upheld, Outcome::partly_upheld};
    policy.warnings.needs_gmc = true;
    policy.warnings.after = EventType::shared_with_complainee;
    policy.steps = steps();
    policy.late_withdrawal_notice_days = 3;
    policy.patient_data_guard = true;
    // "Leave informal feedback": nothing is owed but a thank-you, so its
    // acknowledgement closes it, and one left a week is prompted for.
    policy.feedback_closes_on_acknowledgement = true;
    policy.feedback_prompt = Duration{5, DurationUnit::working_days};
    policy.letter = {"Customer Support", {}};
    return policy;
}

} // namespace

PresetInfo platform_preset() {
    return {"platform",
            "a locum booking platform: assignment in 48 hours, resolution in 3 weeks, warnings to "
            "clinicians",
            &platform};
}

} // namespace complaints::presets
