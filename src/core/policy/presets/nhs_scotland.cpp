// SPDX-License-Identifier: Apache-2.0
// The NHS Scotland Model Complaints Handling Procedure (the SPSO's, in force
// from 1 April 2017, for NHS boards, GP practices and other primary care
// providers), with the Patient Rights (Scotland) Act 2011 and the Patient
// Rights (Complaints Procedure and Consequential Provisions) (Scotland)
// Regulations 2012 (SSI 2012/36). docs/policy.md cites the text for each rule.
#include "presets.hpp"

namespace complaints::presets {

namespace {

// Stage 1, early resolution: "a decision within five working days", or,
// in exceptional circumstances, an extension "to no more than 10 working
// days" in total, its reason recorded and the complainant told. The
// stage's answer, or the complaint going on to stage 2, ends it.
ClockRule frontline() {
    ClockRule rule;
    rule.name = "frontline";
    rule.span = Duration{5, DurationUnit::working_days};
    rule.met_by = {EventType::response_sent, EventType::stage_two_started};
    rule.extended_by = EventType::time_extended;
    rule.extension_limit = Duration{10, DurationUnit::working_days};
    rule.answers_complainant = true;
    return rule;
}

// Stage 2, investigation: SSI 2012/36 regulation 6, acknowledged "within 3
// working days" and decided "within 20 working days", both counted from
// the complaint's receipt at stage 2 (its start there, or the request to
// escalate it). Where the 20 days cannot be met, the complainant is told
// why, given a revised date and kept updated (a `delay-explained`).
void stage_two(Policy& policy) {
    ClockRule& acknowledgement = clock(policy, "acknowledgement");
    acknowledgement.span = Duration{3, DurationUnit::working_days};
    acknowledgement.runs_from = EventType::stage_two_started;
    ClockRule& response = clock(policy, "response");
    response.span = Duration{20, DurationUnit::working_days};
    response.runs_from = EventType::stage_two_started;
}

// Stage 3: the Scottish Public Services Ombudsman, once the organisation's
// own procedure is complete; each stage 2 decision says how to go there and
// the time limit (Scottish Public Services Ombudsman Act 2002, section 10:
// normally within 12 months of learning of the matter).
ReviewBody spso() {
    return {"spso", "the Scottish Public Services Ombudsman (SPSO)",
            "Freepost SPSO; freephone 0800 377 7330; online at www.spso.org.uk/complain; "
            "normally within 12 months of when you first knew of the matter you complain about",
            true, false};
}

Policy nhs_scotland() {
    Policy policy = base();
    // Working days in Scotland: 2 January and St Andrew's Day are bank
    // holidays, Easter Monday is not (docs/policy.md, The calendar).
    policy.region = Region::scotland;
    policy.clocks.insert(policy.clocks.begin(), frontline());
    stage_two(policy);
    // "Complaints should normally be made within six months" of the event or
    // of finding out there was a reason to complain (no later than 12 months
    // after the event); the organisation may use its discretion where there
    // are good reasons, and records why (a `late-complaint-accepted`).
    policy.time_limit = Duration{6, DurationUnit::months};
    policy.review_bodies = {spso()};
    // Outside the procedure: a member of staff's about their employment, a
    // complaint for another body (passed on), one the SPSO is considering,
    // and one made out of time without good reason.
    policy.exclusions = {Exclusion::employment, Exclusion::another_service,
                         Exclusion::under_independent_review, Exclusion::out_of_time};
    policy.letter = {"Complaints Manager", {}};
    // The Patient Rights (Scotland) Act 2011, section 17: the Patient Advice
    // and Support Service, run by Citizens Advice Scotland.
    policy.letter.advocacy =
        "The Patient Advice and Support Service (PASS) gives free, confidential and independent "
        "advice and support to patients, their carers and families about NHS care in Scotland. "
        "Any Citizens Advice Bureau in Scotland can put you in touch (www.cas.org.uk).";
    return policy;
}

} // namespace

PresetInfo nhs_scotland_preset() {
    return {"nhs-scotland",
            "an NHS board or GP practice in Scotland: the model Complaints Handling Procedure "
            "(stage 1 in 5 working days, stage 2 in 20)",
            &nhs_scotland};
}

} // namespace complaints::presets
