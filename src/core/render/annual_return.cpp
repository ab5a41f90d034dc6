// SPDX-License-Identifier: Apache-2.0
#include "complaints/render/annual_return.hpp"

#include "complaints/base/strings.hpp"
#include "complaints/workflow/later_entries.hpp"
#include "complaints/workflow/return_fields.hpp"

#include <fmt/format.h>

#include <algorithm>
#include <tuple>

namespace complaints {

namespace {

using date::sys_seconds;

// The year as instants: from the first moment of its first day to the end of
// its last, or now when that is sooner; the cases as they stood then.
struct Year {
    Period period;
    sys_seconds start;
    sys_seconds end;
    const ReportContext& context;

    bool received_in(const Case& c) const {
        const auto day = local_date(c.received.utc, context.zone);
        return day >= period.from && day <= period.to;
    }
    bool holds(sys_seconds at) const { return at >= start && at < end; }
    // How the case ended in the year, if it did (not excluded).
    std::optional<Ending> decided_in(const Case& c) const {
        auto ending = ending_at(c, end);
        if (!ending || ending->excluded || !holds(ending->at.utc))
            return std::nullopt;
        return ending;
    }
};

Year year_of(const Period& period, const ReportContext& context) {
    const date::year_month_day day_before{date::sys_days{period.from} - date::days{1}};
    return Year{period, end_of_local_day(day_before, context.zone),
                std::min(end_of_local_day(period.to, context.zone), just_after(context.now)),
                context};
}

// A complaint the year received that was not set outside the process by its end.
bool new_in(const Case& c, const Year& year) {
    if (c.kind != Kind::complaint || !year.received_in(c))
        return false;
    const auto ending = ending_at(c, year.end);
    return !(ending && ending->excluded);
}

bool brought_forward(const Case& c, const Year& year) {
    return c.kind == Kind::complaint && c.received.utc < year.start && !ending_at(c, year.start);
}

std::vector<Count> rows(const std::vector<std::string>& codes) {
    std::vector<Count> counts;
    for (const auto& code : codes)
        counts.push_back(Count{code, 0});
    return counts;
}

// A code the list no longer has (complaints.yaml changed it) keeps a row of
// its own, so the sections still add up.
void tally(std::vector<Count>& counts, const std::string& code) {
    for (auto& count : counts)
        if (count.name == code) {
            ++count.count;
            return;
        }
    counts.push_back(Count{code, 1});
}

int total(const std::vector<Count>& counts) {
    int sum = 0;
    for (const auto& count : counts)
        sum += count.count;
    return sum;
}

struct Lacking {
    std::vector<std::string> age_band, complainant_status, subject_area, staff_group;
};

void count_new(Ko41bReturn& figures, Lacking& lacking, const Case& c) {
    ++figures.new_complaints;
    const auto one = [&](std::vector<Count>& counts, const std::string& code,
                         std::vector<std::string>& ids) {
        if (code.empty())
            ids.push_back(c.id);
        else
            tally(counts, code);
    };
    one(figures.age_bands, c.age_band, lacking.age_band);
    one(figures.complainant_statuses, c.complainant_status, lacking.complainant_status);
    for (const auto& area : c.subject_areas)
        tally(figures.subject_areas, area);
    for (const auto& group : c.staff_groups)
        tally(figures.staff_groups, group);
    if (c.subject_areas.empty())
        lacking.subject_area.push_back(c.id);
    if (c.staff_groups.empty())
        lacking.staff_group.push_back(c.id);
}

void count_resolved(Ko41bReturn& figures, const Case& c, const Year& year) {
    const auto ending = year.decided_in(c);
    if (!ending || !ending->outcome)
        return;
    if (*ending->outcome == Outcome::upheld)
        ++figures.upheld;
    else if (*ending->outcome == Outcome::partly_upheld)
        ++figures.partly_upheld;
    else if (*ending->outcome == Outcome::not_upheld)
        ++figures.not_upheld;
}

std::string listed(const std::vector<std::string>& ids) {
    return ids.empty() ? std::string() : fmt::format(" (lacking: {})", util::join(ids, ", "));
}

// The return's validations, as its guidance gives them.
void validate(Ko41bReturn& figures, const Lacking& lacking) {
    auto& problems = figures.problems;
    const int fresh = figures.new_complaints;
    if (figures.carried_forward() < 0)
        problems.emplace_back(ProblemCode::return_invalid,
                              fmt::format("total carried forward is {}: it must not be negative",
                                          figures.carried_forward()));
    if (figures.resolved() > figures.brought_forward + fresh)
        problems.emplace_back(
            ProblemCode::return_invalid,
            fmt::format("total resolved ({}) is more than brought forward ({}) plus new ({})",
                        figures.resolved(), figures.brought_forward, fresh));
    const auto equal = [&](const std::vector<Count>& counts, std::string_view field,
                           std::string_view section, const std::vector<std::string>& ids) {
        if (total(counts) != fresh)
            problems.emplace_back(ProblemCode::return_invalid,
                                  fmt::format("{{{}}}: {} adds up to {}, not the {} new "
                                              "complaints{}",
                                              field, section, total(counts), fresh, listed(ids)));
    };
    equal(figures.age_bands, "age_band", "age of patient", lacking.age_band);
    equal(figures.complainant_statuses, "complainant_status", "status of complainant",
          lacking.complainant_status);
    const auto at_least = [&](const std::vector<Count>& counts, std::string_view field,
                              std::string_view section, const std::vector<std::string>& ids) {
        if (total(counts) < fresh)
            problems.emplace_back(ProblemCode::return_invalid,
                                  fmt::format("{{{}}}: {} totals {}, fewer than the {} new "
                                              "complaints{}",
                                              field, section, total(counts), fresh, listed(ids)));
    };
    at_least(figures.subject_areas, "subject_area", "subject area", lacking.subject_area);
    at_least(figures.staff_groups, "staff_group", "staff group", lacking.staff_group);
}

} // namespace

Ko41bReturn ko41b_return(const std::vector<Case>& cases, const Period& period,
                         const ReportContext& context) {
    const Year year = year_of(period, context);
    const ReturnCodes& codes = context.policy.returns;
    Ko41bReturn figures{period,
                        context.organisation,
                        0,
                        0,
                        0,
                        0,
                        0,
                        rows(codes.age_bands),
                        rows(codes.complainant_statuses),
                        rows(codes.subject_areas),
                        rows(codes.staff_groups),
                        {}};
    Lacking lacking;
    for (const auto& c : cases) {
        const bool earlier = brought_forward(c, year);
        const bool fresh = new_in(c, year);
        if (earlier)
            ++figures.brought_forward;
        if (fresh)
            count_new(figures, lacking, c);
        if (earlier || fresh)
            count_resolved(figures, c, year);
    }
    validate(figures, lacking);
    return figures;
}

namespace {

bool second_stage(const Escalation& escalation, const Policy& policy) {
    const ReviewBody* body = find_review_body(policy, escalation.body);
    return !body || (body->stage_two && !body->advice);
}

bool referred_in(const Case& c, const Year& year) {
    return std::any_of(c.escalations.begin(), c.escalations.end(), [&](const Escalation& e) {
        return year.holds(e.at.utc) && second_stage(e, year.context.policy);
    });
}

void count_subjects(AnnualReport& report, const Case& c, const Policy& policy) {
    std::vector<std::string> subjects = c.subject_areas;
    if (policy.returns.subject_areas.empty() && !c.type.empty())
        subjects = {c.type};
    if (subjects.empty())
        ++report.subjects_unrecorded;
    for (const auto& subject : subjects)
        tally(report.subjects, subject);
}

void count_decided(AnnualReport& report, const Case& c, const Year& year) {
    const auto ending = year.decided_in(c);
    if (!ending)
        return;
    const auto outcome = ending->outcome;
    if (outcome == Outcome::upheld || outcome == Outcome::partly_upheld ||
        outcome == Outcome::not_upheld)
        ++report.decided;
    if (outcome == Outcome::upheld || outcome == Outcome::partly_upheld)
        ++report.well_founded;
    if (!ending->learning.empty()) {
        const std::string learning(ending->learning);
        report.learning.push_back(
            Lesson{c.id, local_date(ending->at.utc, year.context.zone),
                   year.context.include_names ? learning : without_names(c, learning)});
    }
}

void count_actions(AnnualReport& report, const Case& c, const Year& year) {
    for (const auto& action : c.actions) {
        if (!action.added || !year.holds(action.added->utc))
            continue;
        ActionTaken taken{c.id,
                          year.context.include_names ? action.text : without_names(c, action.text),
                          local_date(action.added->utc, year.context.zone), std::nullopt};
        if (action.done && action.done->utc < year.end)
            taken.done = local_date(action.done->utc, year.context.zone);
        report.actions.push_back(std::move(taken));
    }
}

} // namespace

AnnualReport annual_report(const std::vector<Case>& cases, const Period& period,
                           const ReportContext& context) {
    const Year year = year_of(period, context);
    AnnualReport report;
    report.period = period;
    report.organisation = context.organisation;
    for (const auto& c : cases) {
        if (c.kind != Kind::complaint)
            continue;
        if (new_in(c, year)) {
            ++report.received;
            count_subjects(report, c, context.policy);
        }
        count_decided(report, c, year);
        if (referred_in(c, year))
            ++report.referred;
        count_actions(report, c, year);
    }
    std::stable_sort(report.subjects.begin(), report.subjects.end(),
                     [](const Count& a, const Count& b) { return a.count > b.count; });
    std::sort(report.learning.begin(), report.learning.end(), [](const Lesson& a, const Lesson& b) {
        return std::tie(a.closed, a.case_id) < std::tie(b.closed, b.case_id);
    });
    std::sort(report.actions.begin(), report.actions.end(),
              [](const ActionTaken& a, const ActionTaken& b) {
                  return std::tie(a.added, a.case_id) < std::tie(b.added, b.case_id);
              });
    return report;
}

} // namespace complaints
