// SPDX-License-Identifier: Apache-2.0
#include "complaints/render/report.hpp"

#include "agent_figures.hpp"
#include "financial_year.hpp"
#include "report_themes.hpp"

#include "complaints/base/error.hpp"
#include "complaints/workflow/clinicians.hpp"
#include "complaints/workflow/clocks.hpp"
#include "complaints/workflow/later_entries.hpp"
#include "complaints/workflow/workflow.hpp"

#include <fmt/format.h>

#include <algorithm>
#include <charconv>
#include <cmath>
#include <map>
#include <tuple>

namespace complaints {

namespace {

using date::sys_days;
using date::sys_seconds;

int parse_int(std::string_view text) {
    int value = 0;
    const auto [end, ec] = std::from_chars(text.data(), text.data() + text.size(), value);
    return ec == std::errc{} && end == text.data() + text.size() ? value : -1;
}

Error period_error(std::string_view flag, std::string_view text, std::string_view form) {
    return Error(ErrorKind::usage, fmt::format("{}: '{}' is not a {}", flag, text, form));
}

bool plausible_year(int year) {
    return year >= 1900 && year <= 9999;
}

// Where each fact of a case falls, as the report counts it.
struct Facts {
    const Case* c = nullptr;
    date::year_month_day received;
    std::optional<Clock> main_clock; // the response (or resolution) clock
    std::optional<Clock> acknowledgement;
    std::vector<Clock> steps;             // the policy's other clocks (assignment, investigation)
    std::optional<sys_seconds> explained; // when a delay was first explained
    bool explained_entered_late = false;  // that explanation typed in after the policy date
    bool entered_late = false;            // met on time by a step typed in after the deadline
    // How the case stood at the window's end, whatever was reopened since.
    std::optional<sys_seconds> closed;
    std::optional<sys_seconds> excluded; // outside the policy from then: not open, no outcome
    const std::optional<Ending>* ending = nullptr;
    sys_seconds end; // the window's end: what happened from then on does not count
};

// `ending` and `clocks`: the case as it stood at the window's end (the
// context's `now`: see ReportBuilder::State).
Facts facts_of(const Case& c, const std::optional<Ending>& ending, const std::vector<Clock>& clocks,
               const ReportContext& context) {
    Facts facts;
    facts.c = &c;
    facts.received = local_date(c.received.utc, context.zone);
    facts.end = context.now;
    facts.ending = &ending;
    if (ending)
        (ending->excluded ? facts.excluded : facts.closed) = ending->at.utc;
    // The complaint's first answer is what the report measures: a further
    // response after a reopening leaves the figures of the months before
    // as they were.
    for (const auto& clock : clocks)
        if (clock.answers_complainant) {
            if (!facts.main_clock)
                facts.main_clock = clock;
        } else if (clock.rule == "acknowledgement")
            facts.acknowledgement = clock;
        else
            facts.steps.push_back(clock);
    if (facts.main_clock)
        if (const Event* delay = first_event(c, EventType::delay_explained)) {
            facts.explained = delay->at.utc;
            facts.explained_entered_late =
                explained_late_on_paper(*delay, *facts.main_clock, context.calendar, context.zone)
                    .has_value();
        }
    if (facts.main_clock && facts.main_clock->done)
        for (const auto& event : c.events)
            if (!from_register(c, event) &&
                entered_late(event, *facts.main_clock, context.calendar, context.zone))
                facts.entered_late = true;
    return facts;
}

bool within(date::year_month_day day, const Period& period) {
    return day >= period.from && day <= period.to;
}

struct Window {
    Period period;
    sys_seconds start; // the first instant of the period
    sys_seconds end;   // the first instant after it, or now when sooner
    const date::time_zone* zone;
    bool holds(sys_seconds at) const { return at >= start && at < end; }
    bool holds(const Timestamp& at) const { return holds(at.utc); }
};

Window window_of(const Period& period, const ReportContext& context) {
    const date::year_month_day day_before{sys_days{period.from} - date::days{1}};
    return Window{period, end_of_local_day(day_before, context.zone),
                  std::min(end_of_local_day(period.to, context.zone), just_after(context.now)),
                  &context.zone};
}

template <class E> std::vector<Count> zeros() {
    std::vector<Count> counts;
    for (const auto& name : enum_names<E>())
        counts.push_back(Count{name, 0});
    return counts;
}

void most_first(std::vector<Count>& counts) {
    std::stable_sort(counts.begin(), counts.end(), [](const Count& a, const Count& b) {
        return a.count != b.count ? a.count > b.count : a.name < b.name;
    });
}

std::string kind_counted(const Facts& facts) {
    return facts.excluded ? "excluded" : std::string(name_of(facts.c->kind));
}

void count_received(Report& report, const Facts& facts) {
    const Case& c = *facts.c;
    ++report.received_total;
    count_one(report.by_kind, kind_counted(facts));
    count_one(report.by_channel, std::string(name_of(c.channel)));
    count_one(report.by_category, c.category ? std::string(name_of(*c.category)) : "unspecified");
    if (!c.type.empty())
        count_one(report.by_type, c.type);
    add_practitioners(report.by_practitioner, c);
}

// A case closed before its deadline without a response (withdrawn, or
// resolved another way) owed none; every other clock counts.
bool response_owed(const Facts& facts) {
    if (!facts.main_clock)
        return false;
    const Clock& clock = *facts.main_clock;
    // An explanation sent in time moved the date the response was owed by.
    const bool explained = facts.explained && *facts.explained < clock.policy_due.at;
    return (clock.done && clock.done->utc < facts.end) || !facts.closed ||
           *facts.closed >= (explained ? clock.due.at : clock.policy_due.at);
}

// An explanation of delay meets the policy only while the response keeps
// to the date the last explanation gave: sent by it, or, as of the
// window's end, not yet due and the case not closed unanswered.
bool kept_to_new_date(const Facts& facts, const Window& window) {
    const Clock& clock = *facts.main_clock;
    if (clock.done && clock.done->utc < window.end)
        return clock.done->utc < clock.due.at;
    return window.end < clock.due.at && !(facts.closed && *facts.closed < window.end);
}

// How a response whose policy date fell in the window went, as of its end.
void count_response(ResponseFigures& figures, const Facts& facts, const Window& window) {
    const Clock& clock = *facts.main_clock;
    const bool explained_in_time =
        facts.explained && *facts.explained < window.end && *facts.explained < clock.policy_due.at;
    ++figures.due;
    figures.explained_entered_late += explained_in_time && facts.explained_entered_late;
    const bool sent_on_time =
        clock.done && clock.done->utc < window.end && clock.done->utc < clock.policy_due.at;
    const bool explained_and_kept = explained_in_time && kept_to_new_date(facts, window);
    figures.policy_met += sent_on_time || explained_and_kept;
    if (clock.done && clock.done->utc < window.end) {
        if (sent_on_time) {
            ++figures.on_time;
            figures.on_time_entered_late += facts.entered_late;
        } else if (explained_and_kept)
            ++figures.late_explained;
        else if (explained_in_time)
            ++figures.late_after_new_date;
        else
            ++figures.late;
    } else if (facts.closed && *facts.closed < window.end) {
        ++figures.late; // closed past the deadline, never answered
    } else {
        ++figures.still_open;
        figures.still_open_late += window.end >= clock.policy_due.at;
        const auto due = explained_in_time ? clock.due.at : clock.policy_due.at;
        if (window.end >= due)
            ++figures.still_open_overdue;
        else if (explained_in_time)
            ++figures.still_open_explained;
    }
}

// An acknowledgement due in the period, unless the case closed before it
// fell due without one (withdrawn or excluded at once: nothing to acknowledge).
void count_acknowledgement(AcknowledgementFigures& figures, const Facts& facts,
                           const Window& window) {
    if (!facts.acknowledgement || !within(facts.acknowledgement->policy_due.day, window.period))
        return;
    const Clock& clock = *facts.acknowledgement;
    const bool acknowledged = clock.done && clock.done->utc < window.end;
    const auto ended = facts.excluded ? facts.excluded : facts.closed;
    if (!acknowledged && ended && *ended < clock.policy_due.at)
        return;
    ++figures.due;
    if (!acknowledged)
        ++figures.not_yet;
    else if (clock.done->utc < clock.policy_due.at)
        ++figures.in_time;
    else
        ++figures.late;
}

// A step (assignment, investigation) due in the period, as the
// acknowledgement is counted: a complaint that ended before its step fell
// due without it owed none.
void count_steps(std::vector<StepFigures>& figures, const Facts& facts, const Window& window) {
    for (const auto& clock : facts.steps) {
        const auto found = std::find_if(figures.begin(), figures.end(),
                                        [&](const StepFigures& f) { return f.rule == clock.rule; });
        if (found == figures.end() || !within(clock.policy_due.day, window.period))
            continue;
        const bool done = clock.done && clock.done->utc < window.end;
        const auto ended = facts.excluded ? facts.excluded : facts.closed;
        if (!done && ended && *ended < clock.policy_due.at)
            continue;
        ++found->due;
        if (!done) {
            ++found->not_yet;
            found->pending += window.end < clock.policy_due.at;
        } else if (clock.done->utc < clock.policy_due.at) {
            ++found->in_time;
        } else {
            ++found->late;
        }
    }
}

// Each step done in the period, whatever month it fell due in: a response
// sent late in December is December's late response, though November's
// figures counted it (as it stood then) as overdue.
void count_completed(std::vector<CompletedFigures>& figures, const Case& c,
                     const std::vector<Clock>& clocks, const Window& window) {
    for (const auto& clock : clocks) {
        const auto found =
            std::find_if(figures.begin(), figures.end(),
                         [&](const CompletedFigures& f) { return f.rule == clock.rule; });
        if (found == figures.end() || !clock.done || !window.holds(*clock.done))
            continue;
        ++found->done;
        if (clock.done->utc < clock.policy_due.at)
            continue;
        ++found->late;
        found->late_explained +=
            clock.answers_complainant && answer_timing(c, clock) == AnswerTiming::by_new_date;
    }
}

// The policy's clocks in the order the report lists them: the answer, the
// acknowledgement, then the other steps.
std::vector<CompletedFigures> completed_rows(const Policy& policy) {
    std::vector<CompletedFigures> rows;
    for (const auto& rule : policy.clocks)
        if (rule.span && rule.answers_complainant)
            rows.push_back(CompletedFigures{rule.name});
    for (const auto& rule : policy.clocks)
        if (rule.span && rule.name == "acknowledgement")
            rows.push_back(CompletedFigures{rule.name});
    for (const auto& rule : policy.clocks)
        if (rule.span && !rule.answers_complainant && rule.name != "acknowledgement")
            rows.push_back(CompletedFigures{rule.name});
    return rows;
}

// Mediation meetings booked and held in the period, and warnings rescinded
// on appeal in it: what the record says happened, voided entries aside.
void count_meetings_and_appeals(Report& report, const Case& c, const Window& window,
                                bool include_names) {
    for (const auto& event : c.events) {
        if (!window.holds(event.at) || is_void(c, event))
            continue;
        if (event.type == EventType::mediation_booked)
            ++report.mediations.booked;
        else if (event.type == EventType::mediation)
            ++report.mediations.held;
        else if (event.type == EventType::warning_rescinded)
            report.warnings_rescinded.push_back(
                WarningRescinded{c.id, c.about, c.gmc, local_date(event.at.utc, *window.zone),
                                 include_names ? rescind_reason(event.text)
                                               : without_names(c, rescind_reason(event.text))});
    }
}

// A warning issued in the period, with why (names withheld as in every
// free text the report quotes).
WarningIssued warning_issued(const Case& c, const ReportContext& context) {
    const Event* event = first_event(c, EventType::warning);
    const std::string reason = event ? warning_reason(event->text) : "";
    return {c.id, c.about, c.gmc, local_date(c.warning->utc, context.zone),
            context.include_names ? reason : without_names(c, reason)};
}

Spread spread_of(std::vector<int> days) {
    Spread spread;
    spread.count = static_cast<int>(days.size());
    if (days.empty())
        return spread;
    std::sort(days.begin(), days.end());
    const std::size_t n = days.size();
    spread.median = n % 2 ? days[n / 2] : (days[n / 2 - 1] + days[n / 2]) / 2.0;
    const auto rank = static_cast<std::size_t>(std::ceil(0.9 * static_cast<double>(n)));
    spread.p90 = days[std::max<std::size_t>(rank, 1) - 1];
    return spread;
}

int working_days(const WorkingCalendar& calendar, sys_seconds from, sys_seconds to,
                 const date::time_zone& zone) {
    return calendar.between(sys_days{local_date(from, zone)}, sys_days{local_date(to, zone)});
}

void count_actions(Report& report, const Case& c, const Window& window) {
    const date::year_month_day last_day =
        local_date(window.end - std::chrono::seconds(1), *window.zone);
    for (const auto& action : c.actions) {
        if (action.added && window.holds(action.added->utc))
            ++report.actions_opened;
        if (action.done && window.holds(*action.done))
            ++report.actions_completed;
        const bool done_by_end = action.done && action.done->utc < window.end;
        if (!done_by_end && action.due < last_day)
            report.actions_overdue.push_back(
                OverdueAction{c.id, action.number, action.text, action.lead, action.due});
    }
}

void count_escalations(Report& report, const Case& c, const Window& window, const Policy& policy,
                       bool include_names) {
    for (const auto& escalation : c.escalations) {
        auto found =
            std::find_if(report.escalations.begin(), report.escalations.end(),
                         [&](const EscalationFigures& f) { return f.body == escalation.body; });
        if (found == report.escalations.end())
            found = report.escalations.insert(report.escalations.end(),
                                              EscalationFigures{escalation.body});
        if (window.holds(escalation.at))
            ++found->referred;
        const bool outcome_by_end =
            escalation.outcome_at && escalation.outcome_at->utc < window.end;
        if (outcome_by_end && window.holds(*escalation.outcome_at)) {
            ++found->outcomes_recorded;
            report.escalation_outcomes.push_back(EscalationOutcome{
                c.id, escalation.body, local_date(escalation.outcome_at->utc, *window.zone),
                include_names ? escalation.outcome : without_names(c, escalation.outcome)});
        }
        if (escalation.at.utc < window.end && !outcome_by_end && gives_outcome(escalation, policy))
            ++found->pending_at_end;
    }
}

void count_closing(Report& report, const Facts& facts, const Window& window,
                   const ReportContext& context, std::vector<int>& to_closing) {
    const Case& c = *facts.c;
    // Feedback is no complaint: received, it is counted by kind; closed
    // (the platform closes it on acknowledgement) it has no outcome to count.
    if (!facts.closed || !window.holds(*facts.closed) || c.kind == Kind::feedback)
        return;
    to_closing.push_back(
        working_days(context.calendar, c.received.utc, *facts.closed, context.zone));
    const Ending& ending = **facts.ending;
    if (ending.outcome)
        count_one(report.outcomes, std::string(name_of(*ending.outcome)));
    if (c.kind == Kind::complaint && !ending.excluded)
        count_one(report.satisfaction, ending.satisfaction
                                           ? std::string(name_of(*ending.satisfaction))
                                           : std::string("not-recorded"));
    const std::string learning(ending.learning);
    if (!learning.empty())
        report.lessons.push_back(
            Lesson{c.id, local_date(*facts.closed, context.zone),
                   context.include_names ? learning : without_names(c, learning)});
    else if (!ending.no_learning.empty())
        ++report.closed_without_learning;
}

bool open_at(const Facts& facts, sys_seconds end) {
    const auto ended_before = [&](const std::optional<sys_seconds>& at) { return at && *at < end; };
    return facts.c->received.utc < end && !ended_before(facts.closed) &&
           !ended_before(facts.excluded);
}

struct OpenCandidate {
    Timestamp received;
    OpenCase shown;
};

// Keeps the `most` oldest of the candidates, in order.
void keep_oldest(std::vector<OpenCandidate>& open, std::size_t most) {
    const std::size_t kept = std::min(open.size(), most);
    std::partial_sort(open.begin(), open.begin() + static_cast<std::ptrdiff_t>(kept), open.end(),
                      [](const OpenCandidate& a, const OpenCandidate& b) {
                          return std::tie(a.received, a.shown.case_id) <
                                 std::tie(b.received, b.shown.case_id);
                      });
    open.resize(kept);
}

void count_under_review(Report& report, const std::vector<Case>& cases, const Window& window,
                        const ReportContext& context) {
    if (context.policy.warnings.review_at <= 0)
        return;
    const date::year_month_day last_day =
        local_date(window.end - std::chrono::seconds(1), context.zone);
    for (const auto& clinician : clinicians(cases, context.policy, context.zone)) {
        const Standing standing = standing_on(clinician, context.policy, last_day);
        ClinicianUnderReview shown{clinician.name, clinician.gmc,
                                   std::string(name_of(standing.status)),
                                   static_cast<int>(standing.active.size())};
        if (!standing.history.empty() && standing.history.back().status == standing.status)
            shown.since = standing.history.back().on;
        if (standing.status == ClinicianStatus::suspension_review ||
            is_suspended(standing.status) || standing.status == ClinicianStatus::suspension_ended)
            report.under_review.push_back(shown);
        else if (standing.status == ClinicianStatus::warned &&
                 shown.active_warnings == context.policy.warnings.review_at - 1)
            report.near_review.push_back(shown);
        for (const auto& due : clinician.reviews_due)
            if (due.on >= window.period.from && due.on <= last_day)
                ++report.reviews_due;
        for (const auto& d : clinician.decisions)
            if (window.holds(d.at))
                report.review_decisions.push_back(
                    ReviewDecision{d.case_id, clinician.name, clinician.gmc, d.on,
                                   std::string(name_of(d.kind)), d.until, d.by, d.reason});
    }
    std::stable_sort(report.review_decisions.begin(), report.review_decisions.end(),
                     [](const ReviewDecision& a, const ReviewDecision& b) { return a.on < b.on; });
}

std::vector<TrendMonth> empty_trend(const Period& period) {
    std::vector<TrendMonth> trend;
    const date::year_month last{period.to.year(), period.to.month()};
    for (int back = 11; back >= 0; --back)
        trend.push_back(TrendMonth{last - date::months{back}});
    return trend;
}

TrendMonth* month_of(std::vector<TrendMonth>& trend, date::year_month_day day) {
    const date::year_month month{day.year(), day.month()};
    if (trend.empty() || month < trend.front().month || month > trend.back().month)
        return nullptr;
    return &trend[static_cast<std::size_t>((month - trend.front().month).count())];
}

void add_to_trend(std::vector<TrendMonth>& trend, const Facts& facts, sys_seconds now,
                  const date::time_zone& zone) {
    if (TrendMonth* month = month_of(trend, facts.received))
        ++month->received;
    if (!response_owed(facts))
        return;
    const Clock& clock = *facts.main_clock;
    const bool sent = clock.done && clock.done->utc < now;
    // Late in the month it went, whichever month it fell due in.
    if (sent && clock.done->utc >= clock.policy_due.at)
        if (TrendMonth* went = month_of(trend, local_date(clock.done->utc, zone)))
            ++went->completed_late;
    TrendMonth* month = month_of(trend, clock.policy_due.day);
    if (!month)
        return;
    ++month->responses_due;
    const bool closed = facts.closed && *facts.closed < now;
    if (sent && clock.done->utc < clock.policy_due.at)
        ++month->on_time;
    if (!sent && !closed && now < clock.policy_due.at)
        ++month->pending;
}

// Bodies with nothing in or pending at the period are left out; the lists
// read in time order.
void in_order(Report& report) {
    std::erase_if(report.escalations, [](const EscalationFigures& f) {
        return f.referred == 0 && f.outcomes_recorded == 0 && f.pending_at_end == 0;
    });
    std::sort(
        report.escalations.begin(), report.escalations.end(),
        [](const EscalationFigures& a, const EscalationFigures& b) { return a.body < b.body; });
    const auto by = [](auto key) {
        return [key](const auto& a, const auto& b) { return key(a) < key(b); };
    };
    std::stable_sort(report.escalation_outcomes.begin(), report.escalation_outcomes.end(),
                     by([](const EscalationOutcome& o) { return std::tie(o.on, o.case_id); }));
    std::stable_sort(report.lessons.begin(), report.lessons.end(),
                     by([](const Lesson& l) { return std::tie(l.closed, l.case_id); }));
    std::stable_sort(
        report.actions_overdue.begin(), report.actions_overdue.end(),
        by([](const OverdueAction& a) { return std::tie(a.due, a.case_id, a.number); }));
    std::stable_sort(report.warnings.begin(), report.warnings.end(),
                     by([](const WarningIssued& w) { return std::tie(w.on, w.case_id); }));
    std::stable_sort(report.warnings_rescinded.begin(), report.warnings_rescinded.end(),
                     by([](const WarningRescinded& w) { return std::tie(w.on, w.case_id); }));
}

} // namespace

Period month_period(date::year_month month) {
    return Period{month / 1, date::year_month_day{month / date::last},
                  fmt::format("{:04}-{:02}", int(month.year()), unsigned(month.month()))};
}

Period quarter_period(date::year year, int quarter) {
    const date::month first{static_cast<unsigned>(3 * quarter - 2)};
    const date::month last{static_cast<unsigned>(3 * quarter)};
    return Period{year / first / 1, date::year_month_day{year / last / date::last},
                  fmt::format("{:04}Q{}", int(year), quarter)};
}

Period year_period(date::year year) {
    return Period{year / 1 / 1, year / 12 / 31, fmt::format("{:04}", int(year))};
}

Period last_complete_month(date::year_month_day today) {
    return month_period(date::year_month{today.year(), today.month()} - date::months{1});
}

Period parse_month(std::string_view text, std::string_view flag) {
    const int year = text.size() == 7 && text[4] == '-' ? parse_int(text.substr(0, 4)) : -1;
    const int month = year > 0 ? parse_int(text.substr(5)) : -1;
    if (!plausible_year(year) || month < 1 || month > 12)
        throw period_error(flag, text, "month (write YYYY-MM, such as 2026-10)");
    return month_period(date::year{year} / date::month{static_cast<unsigned>(month)});
}

Period parse_quarter(std::string_view text, std::string_view flag) {
    if (auto financial = financial_quarter(text))
        return *financial;
    const int year =
        text.size() == 6 && (text[4] == 'Q' || text[4] == 'q') ? parse_int(text.substr(0, 4)) : -1;
    const int quarter = year > 0 ? parse_int(text.substr(5)) : -1;
    if (!plausible_year(year) || quarter < 1 || quarter > 4)
        throw period_error(flag, text,
                           "quarter (write YYYYQn, such as 2026Q3, or a financial quarter "
                           "such as 2026-27-Q4)");
    return quarter_period(date::year{year}, quarter);
}

Period parse_year(std::string_view text, std::string_view flag) {
    if (auto financial = financial_year(text))
        return *financial;
    const int year = text.size() == 4 ? parse_int(text) : -1;
    if (!plausible_year(year))
        throw period_error(flag, text,
                           "year (write YYYY, such as 2026, or a financial year April to "
                           "March, such as 2026-27)");
    return year_period(date::year{year});
}

std::optional<double> on_time_rate(int on_time, int due, int pending) {
    const int known = due - pending;
    if (known <= 0)
        return std::nullopt;
    return 100.0 * on_time / known;
}

std::optional<double> on_time_rate(const ResponseFigures& figures) {
    return on_time_rate(figures.on_time, figures.due, figures.still_open - figures.still_open_late);
}

std::optional<double> in_time_rate(const StepFigures& figures) {
    return on_time_rate(figures.in_time, figures.due, figures.pending);
}

std::optional<double> policy_met_rate(const ResponseFigures& figures) {
    // A case still open with its delay explained in time has met the policy
    // already, so its outcome is known; only the open ones neither explained
    // nor overdue are still pending.
    return on_time_rate(figures.policy_met, figures.due,
                        figures.still_open - figures.still_open_overdue -
                            figures.still_open_explained);
}

// An event that had happened by the end of the window.
const Event* by_end(const Case& c, EventType type, const Window& window) {
    const Event* event = first_event(c, type);
    return event && event->at.utc < window.end ? event : nullptr;
}

void count_being_open(BeingOpenFigures& figures, const Case& c, const Window& window,
                      const ReportContext& context, std::vector<int>& days) {
    const Event* incident = by_end(c, EventType::safety_incident, window);
    if (!incident)
        return;
    figures.incidents += window.holds(incident->at.utc);
    if (context.policy.insurer_on_incident) {
        const Event* told = by_end(c, EventType::insurer_notified, window);
        figures.insurer_told += told && window.holds(told->at.utc);
        figures.insurer_owed += !told;
    }
    const Event* talk = by_end(c, EventType::being_open, window);
    if (!talk) {
        ++figures.pending_at_end;
        return;
    }
    if (window.holds(talk->at.utc)) {
        ++figures.conversations;
        days.push_back(
            working_days(context.calendar, incident->at.utc, talk->at.utc, context.zone));
    }
    figures.follow_ups_owed += !by_end(c, EventType::being_open_follow_up, window);
}

struct ReportBuilder::State {
    State(const Period& period, const ReportContext& context)
        : window(window_of(period, context)),
          // Clocks are read as they stood at the end of the period, so a
          // report run late gives the figures the period itself had.
          at_end{context.policy, context.calendar,     context.zone,
                 window.end,     context.organisation, context.include_names} {}
    Window window;
    ReportContext at_end;
    Report report;
    std::vector<int> to_answer;
    std::vector<int> to_closing;
    std::vector<int> to_conversation;
    std::vector<OpenCandidate> open;
    std::vector<Case> clinician_cases;
    KnownNames names; // every case's, the period's or not: the name on file
};

ReportBuilder::ReportBuilder(const Period& period, const ReportContext& context)
    : m_state(std::make_unique<State>(period, context)) {
    Report& report = m_state->report;
    report.period = period;
    report.as_of = in_zone(std::min(m_state->window.end, context.now), context.zone);
    report.organisation = context.organisation;
    report.preset = context.policy.preset;
    report.by_kind = {{"complaint", 0}, {"concern", 0}, {"feedback", 0}, {"excluded", 0}};
    report.by_channel = zeros<Channel>();
    report.by_category = zeros<Category>();
    report.by_category.push_back(Count{"unspecified", 0});
    report.outcomes = zeros<Outcome>();
    report.satisfaction = zeros<Satisfaction>();
    report.satisfaction.push_back(Count{"not-recorded", 0});
    const ClockRule* answering = answering_clock(context.policy);
    report.responses.rule = answering ? answering->name : "";
    report.responses.span = answering && answering->span ? format_duration(*answering->span) : "";
    report.responses.explains_delay = answering && answering->extended_by;
    if (const ClockRule* acknowledgement = find_clock(context.policy, "acknowledgement"))
        report.acknowledgements.span = acknowledgement->span;
    for (const auto& rule : context.policy.clocks)
        if (rule.span && !rule.answers_complainant && rule.name != "acknowledgement")
            report.steps.push_back(StepFigures{rule.name, *rule.span});
    report.completed = completed_rows(context.policy);
    report.trend = empty_trend(period);
    report.being_open.applies = context.policy.being_open;
    report.warns_clinicians = context.policy.warnings.kept.has_value();
    report.clinicians_by_gmc = context.policy.warnings.needs_gmc;
}

ReportBuilder::~ReportBuilder() = default;

void ReportBuilder::add(const Case& c) {
    State& s = *m_state;
    const ReportContext& context = s.at_end;
    const auto ending = ending_at(c, context.now);
    const auto clocks = clocks_as_at(
        c, ending, ClockContext{context.policy, context.calendar, context.zone, context.now});
    const Facts facts = facts_of(c, ending, clocks, context);
    Report& report = s.report;
    s.names.see(c);
    if (within(facts.received, report.period))
        count_received(report, facts);
    count_acknowledgement(report.acknowledgements, facts, s.window);
    count_steps(report.steps, facts, s.window);
    count_completed(report.completed, c, clocks, s.window);
    count_meetings_and_appeals(report, c, s.window, context.include_names);
    if (response_owed(facts) && within(facts.main_clock->policy_due.day, report.period))
        count_response(report.responses, facts, s.window);
    if (facts.main_clock && facts.main_clock->done && s.window.holds(*facts.main_clock->done))
        s.to_answer.push_back(working_days(context.calendar, facts.main_clock->starts.utc,
                                           facts.main_clock->done->utc, context.zone));
    count_closing(report, facts, s.window, context, s.to_closing);
    count_actions(report, c, s.window);
    count_escalations(report, c, s.window, context.policy, context.include_names);
    count_being_open(report.being_open, c, s.window, context, s.to_conversation);
    count_agent(report.agents, c, {ending, clocks}, context, s.window.start, s.window.end);
    if (c.warning && s.window.holds(*c.warning))
        report.warnings.push_back(warning_issued(c, context));
    if (context.policy.warnings.review_at > 0 && (!c.gmc.empty() || !c.about.empty()))
        s.clinician_cases.push_back(clinician_facts(c));
    add_to_trend(report.trend, facts, context.now, context.zone);
    add_to_themes(report.themes, c, facts.excluded.has_value(), facts.received,
                  report.trend.front().month / 1, report.period.to);
    if (open_at(facts, s.window.end)) {
        ++report.open_at_end;
        s.open.push_back(
            OpenCandidate{c.received, OpenCase{c.id, facts.received, c.kind, c.about, 0,
                                               context.include_names ? c.complainant : ""}});
        if (s.open.size() > 256)
            keep_oldest(s.open, 5);
    }
}

Report ReportBuilder::finish() {
    State& s = *m_state;
    Report& report = s.report;
    most_first(report.by_type);
    name_practitioners(report.by_practitioner, s.names);
    finish_themes(report.themes, s.names);
    most_first(report.by_practitioner);
    report.to_answer = spread_of(std::move(s.to_answer));
    report.to_closing = spread_of(std::move(s.to_closing));
    report.being_open.to_conversation = spread_of(std::move(s.to_conversation));
    count_under_review(report, s.clinician_cases, s.window, s.at_end);
    keep_oldest(s.open, 5);
    for (auto& candidate : s.open) {
        candidate.shown.working_days_open =
            working_days(s.at_end.calendar, candidate.received.utc,
                         s.window.end - std::chrono::seconds(1), s.at_end.zone);
        report.oldest_open.push_back(std::move(candidate.shown));
    }
    in_order(report);
    return std::move(report);
}

Report build_report(const std::vector<Case>& cases, const Period& period,
                    const ReportContext& context) {
    ReportBuilder builder(period, context);
    for (const auto& c : cases)
        builder.add(c);
    return builder.finish();
}

} // namespace complaints
