// The clinic's complaints policy (shared/policies/clinic-policy.txt) as data.
#include "presets.hpp"

namespace complaints::presets {

namespace {

// "Stage 2 - Independent Review": ISCAS and the Cosmetic Redress Scheme
// review what stage 1 concluded; Citizens Advice, the Patients Association
// and the CQC can be approached at any time.
std::vector<ReviewBody> bodies() {
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

} // namespace

Policy clinic() {
    Policy policy = base(Preset::clinic);
    // "a full written response ... within 14 working days", or an
    // explanation of the delay with a new date.
    clock(policy, "response").span = Duration{14, DurationUnit::working_days};
    policy.review_bodies = bodies();
    policy.verbal_record_agreed = true;
    policy.practitioners_named = true;
    policy.letter = {"Clinic Manager", {"Our complaints policy"}};
    return policy;
}

} // namespace complaints::presets
