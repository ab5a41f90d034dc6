// SPDX-License-Identifier: Apache-2.0
// The Local Authority Social Services and National Health Service Complaints
// (England) Regulations 2009 (SI 2009/309), as a GP practice or a clinic
// doing NHS work runs them. docs/policy.md cites the regulation for each rule.
#include "presets.hpp"

namespace complaints::presets {

namespace {

ReviewBody ombudsman() {
    // Regulation 14(2)(d) and the Health Service Commissioners Act 1993: the
    // response says the complainant may go to the Ombudsman.
    // The Ombudsman's investigation follows the practice's response and is
    // its own (Regulation 8(1) excludes a complaint under it): the case
    // closes with the response's outcome and the referral stays in view.
    ReviewBody phso{
        "phso", "the Parliamentary and Health Service Ombudsman",
        "0345 015 4033, www.ombudsman.org.uk, Millbank Tower, 30 Millbank, London SW1P 4QP", true,
        false};
    // Regulation 18(1)(c) counts the complaints referred to the Ombudsman,
    // whenever the complainant went: before the practice's own response
    // (the Ombudsman may take one early, or the complainant went anyway)
    // the referral is recorded with why, not refused.
    phso.earlier_with_reason = true;
    phso.earlier_when = "why the Ombudsman is involved before the practice's own response";
    return phso;
}

Policy nhs_england() {
    Policy policy = base();
    // Regulation 13(1)-(2): acknowledge not later than three working days after
    // the day the complaint is received, offering to discuss its handling.
    clock(policy, "acknowledgement").span = Duration{3, DurationUnit::working_days};
    // Regulation 13(7), 14(4): the response is due by the period agreed with
    // the complainant (which may be changed), six months when none is agreed.
    ClockRule& response = clock(policy, "response");
    response.span = Duration{6, DurationUnit::months};
    response.extended_by = EventType::response_period_agreed;
    // Regulation 14(4): "within the period of six months commencing on the
    // day on which the complaint was received": received 4 January, due by
    // 3 July.
    response.counts_start_day = true;
    // Regulation 14(4): no response within six months (or the longer period
    // agreed) owes the complainant a written explanation of why.
    policy.clocks.push_back({"explanation",
                             Duration{6, DurationUnit::months},
                             {},
                             {EventType::response_sent, EventType::delay_explained},
                             EventType::response_period_agreed,
                             true,
                             {},
                             false,
                             {},
                             true,
                             {}});
    // Regulation 12(1)-(2): a complaint is made within 12 months of what it
    // is about, or of learning of it; a later one proceeds with good reason.
    policy.time_limit = Duration{12, DurationUnit::months};
    policy.review_bodies = {ombudsman()};
    // Regulation 8(1): an employee's complaint about their employment, one
    // resolved to the complainant's satisfaction by the next working day, one
    // already investigated or under the Ombudsman's review; and one for
    // another body (regulation 6(5)-(6)), which passes it on.
    // Regulation 12(1)-(2): a complaint made after the time limit without
    // good reason, or that can no longer be investigated fairly, is refused
    // as out of time, saying why.
    policy.exclusions = {Exclusion::employment, Exclusion::another_service,
                         Exclusion::already_resolved, Exclusion::under_independent_review,
                         Exclusion::out_of_time};
    // A GP practice or clinic doing NHS work is registered with CQC.
    policy.cqc_summary = true;
    policy.letter = {"Complaints Manager", {}};
    // Regulations 4 and 14(2): the response is signed by the responsible
    // person; the complaints manager handles the complaint.
    policy.letter.responsible_person_signs = true;
    // Regulation 3(2)(d): assistance to understand the procedure, or where
    // to get it. The Health and Social Care Act 2012 has each local council
    // commission NHS Complaints Advocacy; complaints.yaml's `advocacy:`
    // names the local service.
    policy.letter.advocacy =
        "NHS Complaints Advocacy gives free, independent help to make a complaint about an NHS "
        "service. Your local council can tell you who provides it where you live, as can your "
        "local Healthwatch (www.healthwatch.co.uk).";
    // Regulation 18 and the KO41b return (docs/policy.md, "The KO41b
    // return"): each new complaint counted by these lists. The guidance
    // confirms the sections and an "age unknown" box; the lists themselves
    // are the best-known ones, which complaints.yaml's `returns:` replaces.
    policy.returns = {{"0-17", "18-64", "65-74", "75-84", "85-and-over", "unknown"},
                      {"patient", "relative-or-carer", "other"},
                      {"access-to-treatment-or-drugs", "appointments", "clinical-treatment",
                       "commissioning", "communications", "end-of-life-care", "facilities",
                       "integrated-care", "patient-care", "prescribing",
                       "privacy-dignity-and-wellbeing", "staff-numbers", "values-and-behaviours",
                       "waiting-times", "other"},
                      {"gp", "nursing", "allied-health-professional", "pharmacy",
                       "practice-management", "administration-and-reception", "other"},
                      true};
    return policy;
}

} // namespace

PresetInfo nhs_england_preset() {
    return {"nhs-england",
            "a GP practice or NHS clinic in England: the NHS Complaints Regulations 2009",
            &nhs_england};
}

} // namespace complaints::presets
