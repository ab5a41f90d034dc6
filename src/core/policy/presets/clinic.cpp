// SPDX-License-Identifier: Apache-2.0
// The clinic's complaints policy (shared/policies/clinic-policy.txt) as data.
#include "presets.hpp"

namespace complaints::presets {

namespace {

// "Stage 2 - Independent Review": ISCAS and the Cosmetic Redress Scheme
// review what stage 1 concluded; the CQC can be told at any time. Citizens
// Advice "provides free, confidential, and independent advice" and the
// Patients Association is "assistance": advice services, not reviews.
//
// None holds up closing (blocks_close): the policy excludes "a complaint
// ... being investigated by the independent complaints service", so once a
// body reviews it the clinic's own process, stage 1, is over and closes
// with its outcome and learning; the referral stays on the case, in view,
// until `escalate --outcome` records what the body decided.
std::vector<ReviewBody> clinic_bodies() {
    return {
        {"iscas", "the Independent Sector Complaints Adjudication Service (ISCAS)",
         "https://iscas.cedr.com/", true, false},
        {"cosmetic-redress-scheme", "the CRS Cosmetic Redress Scheme",
         "https://www.cosmeticredress.co.uk/consumers", true, false},
        {"citizens-advice", "Citizens Advice",
         "free, confidential and independent advice, face-to-face and by phone: "
         "https://www.citizensadvice.org.uk",
         false, false, true},
        {"patients-association", "the Patients Association",
         "https://www.patients-association.org.uk/helpline", false, false, true},
        {"cqc", "the Care Quality Commission (CQC)",
         "03000 616161, enquiries@cqc.org.uk, www.cqc.org.uk", false, false},
    };
}

Policy clinic() {
    Policy policy = base();
    // "a full written response ... within 14 working days", or an
    // explanation of the delay with a new date.
    clock(policy, "response").span = Duration{14, DurationUnit::working_days};
    // "Compliance with this policy will ensure that we meet the standards of
    // ... Independent sector code of practice management of patient
    // complaints": the ISCAS Code asks for an acknowledgement within 3
    // working days of receipt.
    clock(policy, "acknowledgement").span = Duration{3, DurationUnit::working_days};
    policy.review_bodies = clinic_bodies();
    // "Completing a complaints form on our website. At the first instance of
    // knowing a formal complaint is being raised, the complainant will be
    // sent a link": the way the leaflet puts first.
    policy.preferred_channel = Channel::web_form;
    policy.verbal_record_agreed = true;
    policy.practitioners_named = true;
    // "If the person has a treatment-related complaint, the matter will be
    // discussed with the relevant practitioner/s".
    policy.practitioner_heard = true;
    // "'Being Open' involves apologising and explaining to the patient who
    // has been involved in a patient safety incident/complaint what has
    // happened and what remedial actions have been put in place."
    policy.being_open = true;
    // The policy's "Insurance" among what it complies with: a patient
    // safety incident may become a claim, which the indemnity insurer is told of.
    policy.insurer_on_incident = true;
    // "the clinic manager is responsible for investigating": each case names
    // its investigating officer, the manager unless another is named.
    policy.manager_investigates = true;
    // "Complaints excluded from this policy": a staff member's about their
    // employment, another service's, one already resolved, one under
    // independent review.
    policy.exclusions = {Exclusion::employment, Exclusion::another_service,
                         Exclusion::already_resolved, Exclusion::under_independent_review};
    // "a CQC-registered cosmetic skin clinic": Regulation 16(3)'s summary.
    policy.cqc_summary = true;
    policy.letter = {"Clinic Manager", {"Our complaints policy"}};
    return policy;
}

} // namespace

PresetInfo clinic_preset() {
    return {"clinic",
            "a CQC-registered independent clinic: its own complaints policy, stage 1 in 14 working "
            "days",
            &clinic};
}

} // namespace complaints::presets
