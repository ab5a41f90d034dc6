// SPDX-License-Identifier: Apache-2.0
#pragma once
// What the NHS Complaints Regulations 2009 ask to be reported for a year:
// regulation 18's annual report, and the return of written complaints
// (KO41b) NHS England collects for the financial year. Plain data from the
// cases' recorded facts; the CLI prints them. docs/report.md defines each
// figure.
#include "complaints/base/error.hpp"
#include "complaints/render/report.hpp"

#include <optional>
#include <string>
#include <vector>

namespace complaints {

// The KO41b's figures, in the return's own sections.
struct Ko41bReturn {
    Period period;
    std::string organisation;
    // Summary information: complaints open at the year's start, those
    // received in it, and those resolved in it (upheld, partially upheld or
    // not upheld), of both.
    int brought_forward = 0;
    int new_complaints = 0;
    int upheld = 0;
    int partly_upheld = 0;
    int not_upheld = 0;
    int resolved() const { return upheld + partly_upheld + not_upheld; }
    // The return's own arithmetic: brought forward plus new, less resolved.
    int carried_forward() const { return brought_forward + new_complaints - resolved(); }
    // Of the new complaints: every code of the policy's list, in its order.
    std::vector<Count> age_bands;
    std::vector<Count> complainant_statuses;
    std::vector<Count> subject_areas; // a complaint counts under each of its areas
    std::vector<Count> staff_groups;  // and each of its staff groups
    // The return's validations that fail, each with the cases behind it.
    std::vector<Problem> problems;
};

// A step a complaint led to: an action on its plan, added in the year.
struct ActionTaken {
    std::string case_id;
    std::string text;
    date::year_month_day added;
    std::optional<date::year_month_day> done; // by the year's end
};

// Regulation 18(1): the annual report's figures for the year.
struct AnnualReport {
    Period period;
    std::string organisation;
    int received = 0;     // (a) complaints received in the year
    int decided = 0;      // complaints closed in the year with a finding
    int well_founded = 0; // (b) of those, upheld or partly upheld
    int referred = 0;     // (c) complaints referred to a second stage (the Ombudsman) in the year
    // (d) the subject matter of the complaints received: by the return's
    // subject areas where the policy keeps them, else by type, most first.
    std::vector<Count> subjects;
    int subjects_unrecorded = 0;      // complaints received with none recorded
    std::vector<Lesson> learning;     // (d) matters of general importance: lessons of the year
    std::vector<ActionTaken> actions; // (d) the action taken to improve services
};

Ko41bReturn ko41b_return(const std::vector<Case>& cases, const Period& period,
                         const ReportContext& context);
AnnualReport annual_report(const std::vector<Case>& cases, const Period& period,
                           const ReportContext& context);

} // namespace complaints
