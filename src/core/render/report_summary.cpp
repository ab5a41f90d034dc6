// SPDX-License-Identifier: Apache-2.0
// The report's status lines and narrative, from its figures.
#include "complaints/render/report_summary.hpp"

#include <fmt/format.h>

namespace complaints {

namespace {

std::string counted(long long n, std::string_view word) {
    return fmt::format("{} {}{}", n, word, n == 1 ? "" : "s");
}

// The clinic sends a response; the platform agrees a resolution.
std::string_view done_word(const std::string& rule) {
    return rule == "resolution" ? "agreed" : "sent";
}

SectionStatus responses_status(const ResponseFigures& r) {
    const int missed = r.late + r.late_after_new_date + r.still_open_overdue;
    const int explained = r.late_explained + r.still_open_explained;
    if (missed > 0)
        return {"responses", Rag::red,
                fmt::format("{} of the {} due missed the deadline of {}: late or overdue.", missed,
                            counted(r.due, r.rule), r.span)};
    if (explained > 0)
        return {"responses", Rag::amber,
                fmt::format("Every {} due met the policy, {} of them by the new date of a delay "
                            "explained in time.",
                            r.rule, explained)};
    if (r.due == 0)
        return {"responses", Rag::green, fmt::format("No {} fell due.", r.rule)};
    return {"responses", Rag::green,
            fmt::format("Every {} due was {} within {}, or is not yet due.", r.rule,
                        done_word(r.rule), r.span)};
}

SectionStatus acknowledgements_status(const AcknowledgementFigures& a) {
    const std::string within = format_duration(*a.span);
    if (a.late > 0)
        return {"acknowledgements", Rag::red,
                fmt::format("{} of {} due acknowledged after {}.", a.late,
                            counted(a.due, "acknowledgement"), within)};
    if (a.not_yet > 0)
        return {"acknowledgements", Rag::amber,
                fmt::format("{} not yet acknowledged at the end of the period.",
                            counted(a.not_yet, "complaint"))};
    return {"acknowledgements", Rag::green,
            fmt::format("Every complaint due an acknowledgement had it within {}.", within)};
}

SectionStatus steps_status(const std::vector<StepFigures>& steps) {
    int missed = 0, pending = 0;
    for (const auto& step : steps) {
        missed += step.late + step.not_yet - step.pending;
        pending += step.pending;
    }
    if (missed > 0)
        return {"steps", Rag::red,
                fmt::format("{} missed its deadline: late or overdue.", counted(missed, "step"))};
    if (pending > 0)
        return {"steps", Rag::amber,
                fmt::format("Every step due so far was in time; {} not yet due.",
                            counted(pending, "step"))};
    return {"steps", Rag::green, "Every step due was done in time."};
}

SectionStatus being_open_status(const BeingOpenFigures& b) {
    if (b.pending_at_end > 0)
        return {"being_open", Rag::red,
                fmt::format("{} with no Being Open conversation yet.",
                            counted(b.pending_at_end, "patient safety incident"))};
    if (b.follow_ups_owed > 0)
        return {"being_open", Rag::amber,
                fmt::format("{} still owed.", counted(b.follow_ups_owed, "written follow-up"))};
    if (b.insurer_owed > 0)
        return {"being_open", Rag::amber,
                fmt::format("The indemnity insurer is not yet told of {}.",
                            counted(b.insurer_owed, "patient safety incident"))};
    return {"being_open", Rag::green,
            "No patient safety incident is waiting for its Being Open conversation or follow-up."};
}

SectionStatus actions_status(const Report& report) {
    if (!report.actions_overdue.empty())
        return {
            "actions", Rag::red,
            fmt::format("{} past its target date.",
                        counted(static_cast<long long>(report.actions_overdue.size()), "action"))};
    return {"actions", Rag::green, "No action is past its target date."};
}

// The month before a month's report, from the trend; none for another period.
const TrendMonth* month_before(const Report& report) {
    const Period& p = report.period;
    const bool month = p.from.day() == date::day{1} && p.from.year() == p.to.year() &&
                       p.from.month() == p.to.month();
    if (!month || report.trend.size() < 2)
        return nullptr;
    return &report.trend[report.trend.size() - 2];
}

std::string received_clause(const Report& report) {
    int formal = 0;
    for (const auto& kind : report.by_kind)
        if (kind.name == "complaint")
            formal = kind.count;
    std::string clause =
        fmt::format("{} received ({})", report.received_total, counted(formal, "formal complaint"));
    if (const TrendMonth* before = month_before(report)) {
        const int change = report.received_total - before->received;
        const std::string month =
            fmt::format("{:04}-{:02}", int(before->month.year()), unsigned(before->month.month()));
        clause += change == 0  ? fmt::format(", as many as {}", month)
                  : change > 0 ? fmt::format(", {} more than {}", change, month)
                               : fmt::format(", {} fewer than {}", -change, month);
    }
    return clause;
}

} // namespace

std::string_view rag_name(Rag rag) {
    switch (rag) {
    case Rag::green:
        return "green";
    case Rag::amber:
        return "amber";
    case Rag::red:
        return "red";
    }
    return "red";
}

std::vector<SectionStatus> report_status(const Report& report) {
    std::vector<SectionStatus> lines;
    if (!report.responses.rule.empty())
        lines.push_back(responses_status(report.responses));
    if (report.acknowledgements.span)
        lines.push_back(acknowledgements_status(report.acknowledgements));
    if (!report.steps.empty())
        lines.push_back(steps_status(report.steps));
    if (report.being_open.applies)
        lines.push_back(being_open_status(report.being_open));
    lines.push_back(actions_status(report));
    return lines;
}

std::string report_narrative(const Report& report) {
    std::vector<std::string> clauses{received_clause(report)};
    const ResponseFigures& r = report.responses;
    if (!r.rule.empty()) {
        const int known = r.due - (r.still_open - r.still_open_late);
        clauses.push_back(known > 0   ? fmt::format("{} of {} due {} on time", r.on_time,
                                                    counted(known, r.rule), done_word(r.rule))
                          : r.due > 0 ? fmt::format("{} due, none yet late", counted(r.due, r.rule))
                                      : fmt::format("no {} due", r.rule));
        if (!report.completed.empty() && report.completed.front().late > 0)
            clauses.push_back(fmt::format("{} {} late in the period", report.completed.front().late,
                                          done_word(r.rule)));
        if (r.still_open_overdue > 0)
            clauses.push_back(fmt::format("{} overdue at its end", r.still_open_overdue));
    }
    if (!report.actions_overdue.empty())
        clauses.push_back(
            fmt::format("{} overdue",
                        counted(static_cast<long long>(report.actions_overdue.size()), "action")));
    clauses.push_back(fmt::format("{} open at the end", counted(report.open_at_end, "case")));
    if (const auto repeats = report.themes.repeats.size(); repeats > 0)
        clauses.push_back(fmt::format(
            "{} complained about more than once in twelve months",
            repeats == 1 ? "1 person or service" : fmt::format("{} people or services", repeats)));
    std::string text;
    for (const auto& clause : clauses)
        text += (text.empty() ? "" : "; ") + clause;
    return text + ".";
}

} // namespace complaints
