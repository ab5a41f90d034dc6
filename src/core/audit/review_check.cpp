// SPDX-License-Identifier: Apache-2.0
#include "complaints/audit/review_check.hpp"

#include "complaints/workflow/workflow.hpp"

#include <algorithm>

namespace complaints {

void ReviewCheck::see(const Case& c, const std::string& file, int line) {
    m_decisions.see(c, m_zone);
    const bool names = !c.about.empty() || !c.gmc.empty();
    if (names && m_policy.warnings.kept)
        m_facts.push_back(clinician_facts(c));
    if (last_event(c, EventType::suspension_review_due))
        m_due.push_back({clinician_facts(c), file, line});
}

void ReviewCheck::report(date::year_month_day day, std::vector<CheckProblem>& problems) const {
    if (m_due.empty())
        return;
    const std::vector<Clinician> all = clinicians(m_facts, m_policy, m_zone);
    for (const auto& due : m_due) {
        const auto pending = suspension_pending(due.facts, m_decisions.of(due.facts), day, m_zone);
        if (!pending || pending->rule != "suspension-review")
            continue;
        const auto theirs = std::find_if(all.begin(), all.end(), [&](const Clinician& one) {
            return std::find(one.case_ids.begin(), one.case_ids.end(), due.facts.id) !=
                   one.case_ids.end();
        });
        if (const auto why = unsettled_review(due.facts, theirs == all.end() ? nullptr : &*theirs,
                                              m_policy, day))
            problems.push_back({due.file, due.line, *why, std::nullopt, true});
    }
}

} // namespace complaints
