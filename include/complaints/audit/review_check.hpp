// SPDX-License-Identifier: Apache-2.0
#pragma once
// `check`'s view of suspension reviews: one that no decision can settle
// (the case names no clinician, the policy holds no reviews, or every
// decision would be refused) stays on the agenda for ever, so check lists
// it as an agenda item. It needs every case of the clinician, so check
// hands it each case as it reads them and asks once all are read.
#include "complaints/audit/check.hpp"
#include "complaints/policy/policy.hpp"
#include "complaints/workflow/clinicians.hpp"

#include <string>
#include <vector>

namespace complaints {

class ReviewCheck {
  public:
    ReviewCheck(const Policy& policy, const date::time_zone& zone)
        : m_policy(policy), m_zone(zone) {}
    // `line`: where the case file's events begin.
    void see(const Case& c, const std::string& file, int line);
    void report(date::year_month_day day, std::vector<CheckProblem>& problems) const;

  private:
    struct Due {
        Case facts;
        std::string file;
        int line = 0;
    };
    const Policy& m_policy;
    const date::time_zone& m_zone;
    DecisionRecord m_decisions;
    std::vector<Case> m_facts; // every case naming someone, for clinicians()
    std::vector<Due> m_due;    // the cases a review fell due on
};

} // namespace complaints
