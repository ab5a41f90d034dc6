// SPDX-License-Identifier: Apache-2.0
#pragma once
// The governance report: every figure for a period, computed from the cases'
// recorded facts, the policy and the calendar. Plain data; the CLI renders
// it as text, Markdown, CSV, JSON or HTML. docs/report.md defines each figure.
#include "complaints/model/model.hpp"
#include "complaints/policy/policy.hpp"
#include "complaints/time/calendar.hpp"

#include <memory>
#include <optional>
#include <string>
#include <vector>

namespace complaints {

// A span of local dates, both ends included.
struct Period {
    date::year_month_day from;
    date::year_month_day to;
    std::string label; // "2026-10", "2026Q3", "2026", or "FROM to TO"
};

Period month_period(date::year_month month);
Period quarter_period(date::year year, int quarter);
Period year_period(date::year year);
// The last month that ended before `today`.
Period last_complete_month(date::year_month_day today);
// Reads "2026-10", "2026Q3" and "2026"; a usage error naming `flag` otherwise.
Period parse_month(std::string_view text, std::string_view flag);
Period parse_quarter(std::string_view text, std::string_view flag);
Period parse_year(std::string_view text, std::string_view flag);

struct Count {
    std::string name;
    int count = 0;
    // by_practitioner: the GMC number the row groups by (the name is the one
    // on file for it); empty for a practitioner known by name alone.
    std::string gmc = {};
};

struct ResponseFigures {
    std::string rule;             // the clock the figures follow: "response" or "resolution"
    std::string span;             // its period as the policy says it: "14 working days"
    bool explains_delay = false;  // the policy lets an explanation of delay set a new date
    int due = 0;                  // whose policy date falls in the period
    int on_time = 0;              // sent before the policy date
    int on_time_entered_late = 0; // of those, typed in after the deadline with an earlier --at
    int late_explained = 0;       // sent after it, a delay explained before it, by the new date
    int late_after_new_date = 0;  // a delay explained in time, but sent after its new date
    // Of the delays explained in time, those typed in after the policy date
    // with an earlier --at: explained in time on paper only.
    int explained_entered_late = 0;
    int late = 0;                 // sent after it without an explanation in time
    int still_open = 0;           // not sent by the end of the period
    int still_open_overdue = 0;   // of those, past the due date then (the new one, if explained)
    int still_open_explained = 0; // of those, a delay explained in time, its new date not passed
    int still_open_late = 0;      // of those, past the policy date: not on time, whatever comes
    // The policy's own test: "a full written response within 14 working
    // days, or, where this is not possible, an explanation as to the cause
    // of the delay": sent on time, or a delay explained in time and the
    // response then by the date the explanation gave (or not yet due).
    int policy_met = 0;
};

// The acknowledgement clock (off unless the policy runs one): the
// complaints whose acknowledgement fell due in the period, as they stood
// at its end.
struct AcknowledgementFigures {
    std::optional<Duration> span; // the policy's period; none: no such clock
    int due = 0;                  // whose acknowledgement date falls in the period
    int in_time = 0;              // acknowledged by that date
    int late = 0;                 // acknowledged after it
    int not_yet = 0;              // not acknowledged by the end of the period
};

// Working days from the clock's start to the step, over the cases whose step
// fell in the period. Median as usual (mean of the middle two), 90th
// percentile by nearest rank.
struct Spread {
    int count = 0;
    std::optional<double> median;
    std::optional<int> p90;
};

struct EscalationFigures {
    std::string body;
    int referred = 0;          // referrals made in the period
    int outcomes_recorded = 0; // outcomes recorded in the period
    int pending_at_end = 0;    // referred by the end, no outcome by then
};

struct EscalationOutcome {
    std::string case_id;
    std::string body;
    date::year_month_day on;
    std::string outcome;
};

// A step the policy puts its own deadline on, besides acknowledging and
// answering: the platform's assignment ("within 48 hours") and investigation
// ("5-10 working days"). The complaints whose step fell due in the period,
// as they stood at its end.
struct StepFigures {
    std::string rule; // the clock's name: "assignment", "investigation"
    Duration span;    // the policy's period
    int due = 0;      // whose step fell due in the period
    int in_time = 0;  // done by that deadline
    int late = 0;     // done after it
    int not_yet = 0;  // not done by the end of the period
    int pending = 0;  // of those, not yet due then (the period ends today)
};
// The share done in time, of those whose fate is known.
std::optional<double> in_time_rate(const StepFigures& figures);

// Mediation meetings ("a mediation meeting may be booked between
// complainant, complainee and Lantum"): booked and held in the period.
struct MediationFigures {
    int booked = 0;
    int held = 0;
};

struct WarningRescinded {
    std::string case_id;
    std::string clinician;
    std::string gmc;
    date::year_month_day on;
    std::string reason; // the appeal's outcome
};

struct WarningIssued {
    std::string case_id;
    std::string clinician;
    std::string gmc;
    date::year_month_day on;
    std::string reason; // which part of the code of conduct
};

struct ClinicianUnderReview {
    std::string clinician;
    std::string gmc;
    // "suspension-review", "suspended", "permanently-suspended" or
    // "suspension-ended"; "warned" in near_review (one warning short of a
    // review)
    std::string status;
    int active_warnings = 0;
    std::optional<date::year_month_day> since = std::nullopt; // the day the status began
};

// A suspension review's decision, or a reinstatement, made in the period.
struct ReviewDecision {
    std::string case_id;
    std::string clinician;
    std::string gmc;
    date::year_month_day on;
    std::string decision; // no-action, final-warning, ..., reinstated
    std::optional<date::year_month_day> until;
    std::string by;
    std::string reason;
};

struct OverdueAction {
    std::string case_id;
    int number = 0;
    std::string text;
    std::string lead;
    date::year_month_day due;
};

struct Lesson {
    std::string case_id;
    date::year_month_day closed;
    std::string learning;
};

struct OpenCase {
    std::string case_id;
    date::year_month_day received;
    Kind kind = Kind::complaint;
    std::string about;
    int working_days_open = 0;
    std::string complainant; // left empty unless names are asked for
};

struct TrendMonth {
    date::year_month month;
    int received = 0;
    int responses_due = 0;
    int on_time = 0;
    int pending = 0;        // not sent and not yet due at the report's end
    int completed_late = 0; // sent in the month after its policy date, whenever it fell due
};

// One clock's steps done in the period, whenever they fell due, so that a
// response sent late is counted late in the month it finally went (the
// figures above count it in the month it fell due, as it stood then).
struct CompletedFigures {
    std::string rule;       // "response", "resolution", "acknowledgement", "assignment", ...
    int done = 0;           // done in the period
    int late = 0;           // of those, after the policy's date (or the date agreed)
    int late_explained = 0; // of the late, by the new date of a delay explained in time
};

// Patient safety incidents and the Being Open conversations they owe.
struct BeingOpenFigures {
    bool applies = false;    // the policy asks for Being Open
    int incidents = 0;       // cases marked a patient safety incident in the period
    int conversations = 0;   // Being Open conversations held in the period
    int pending_at_end = 0;  // incidents with no conversation at the end of the period
    int follow_ups_owed = 0; // conversations with no written follow-up then
    int insurer_told = 0;    // insurer notifications of incidents, in the period
    int insurer_owed = 0;    // incidents the insurer was not told of by the end
    Spread to_conversation;  // working days from the marking to the conversation
};

// One support agent's complaints (where the policy assigns one), counted to
// the agent each case has now: "Lantum then assigns the complaint to a support
// agent within 48 hours"; "we aim to resolve all complaints within 3 weeks".
struct AgentFigures {
    std::string agent;        // empty: the complaints with no agent at the end of the period
    int assigned = 0;         // first assigned in the period
    int assigned_in_time = 0; // of those, within the assignment clock (48 hours)
    int resolved = 0;         // resolutions agreed in the period
    int resolved_in_time = 0; // of those, within the resolution clock (3 weeks)
    int open_at_end = 0;      // assigned, and open at the end of the period
};

// What complaints were about over the twelve months to the period's end
// (the trend's months): complaints and concerns, not feedback nor those
// excluded from the procedure.
struct Themes {
    int received = 0;
    std::vector<Count> types;         // the most common, most first, up to five
    std::vector<Count> categories;    // clinical and non-clinical, most first
    std::vector<Count> practitioners; // practitioners and clinicians, most first, up to five
    // Each person or service (a practitioner, a clinician by GMC number,
    // whom or what `about` names) more than one was about: repeats.
    std::vector<Count> repeats;
};

struct Report {
    Period period;
    Timestamp as_of; // the end of the period, or now when that is sooner
    std::string organisation;
    std::string preset;
    // What the preset holds: warnings to clinicians and their reviews
    // (platform), and clinicians known by GMC number; the clinic has neither.
    bool warns_clinicians = false;
    bool clinicians_by_gmc = false;

    int received_total = 0;
    std::vector<Count> by_kind;     // complaint, concern, feedback, excluded: always all four
    std::vector<Count> by_channel;  // every channel
    std::vector<Count> by_category; // clinical, non-clinical, unspecified
    std::vector<Count> by_type;     // the types seen, most first
    std::vector<Count> by_practitioner;

    AcknowledgementFigures acknowledgements;
    ResponseFigures responses;
    Spread to_answer;            // working days from the main clock's start to its step
    Spread to_closing;           // working days from receipt to closing
    std::vector<Count> outcomes; // of the cases closed in the period: every outcome
    // Of the complaints closed in the period: whether the complainant was
    // satisfied, as recorded on closing, and how many have it not recorded.
    std::vector<Count> satisfaction;

    std::vector<EscalationFigures> escalations;
    std::vector<EscalationOutcome> escalation_outcomes;

    BeingOpenFigures being_open;

    std::vector<StepFigures> steps; // each further clock the policy runs, in its order
    // Each clock's steps done in the period: the answering clock first, then
    // the acknowledgement, then the others in the policy's order.
    std::vector<CompletedFigures> completed;
    MediationFigures mediations;

    std::vector<WarningIssued> warnings;
    std::vector<WarningRescinded> warnings_rescinded; // on appeal, in the period
    std::vector<ClinicianUnderReview> under_review;   // at the end of the period
    std::vector<ClinicianUnderReview> near_review;    // one warning short, at the end
    int reviews_due = 0;                              // suspension reviews made due in the period
    std::vector<ReviewDecision> review_decisions;     // made in the period, in time order

    int actions_opened = 0;
    int actions_completed = 0;
    std::vector<OverdueAction> actions_overdue; // at the end of the period

    std::vector<Lesson> lessons;
    int closed_without_learning = 0;

    int open_at_end = 0;
    std::vector<OpenCase> oldest_open; // up to five, oldest first

    std::vector<TrendMonth> trend; // twelve months, ending with the period's last
    Themes themes;                 // over the same twelve months
    // By name, then the complaints nobody was assigned (agent empty); empty
    // where the policy assigns no agent.
    std::vector<AgentFigures> agents;
};

// The first instant after `now`, where a period that has not ended stops:
// what was recorded in the very second a report runs (a closing, then the
// report, from one script) has happened, and counts.
inline date::sys_seconds just_after(date::sys_seconds now) {
    return now + std::chrono::seconds(1);
}

struct ReportContext {
    const Policy& policy;
    const WorkingCalendar& calendar;
    const date::time_zone& zone;
    date::sys_seconds now;
    std::string organisation;
    bool include_names = false;
};

// The report, one case at a time: memory holds the figures, not the cases.
class ReportBuilder {
  public:
    ReportBuilder(const Period& period, const ReportContext& context);
    ~ReportBuilder();
    ReportBuilder(const ReportBuilder&) = delete;
    ReportBuilder& operator=(const ReportBuilder&) = delete;
    void add(const Case& c);
    Report finish();

  private:
    struct State;
    std::unique_ptr<State> m_state;
};

Report build_report(const std::vector<Case>& cases, const Period& period,
                    const ReportContext& context);

// The share sent on time, as a percentage, of the responses whose fate is
// known: sent, or unsent past the deadline. Nothing when none is known yet.
std::optional<double> on_time_rate(int on_time, int due, int pending);
std::optional<double> on_time_rate(const ResponseFigures& figures);
// The share that met the policy, of those whose outcome is known.
std::optional<double> policy_met_rate(const ResponseFigures& figures);

// Replaces the complainant's and patient's names in `text` with a neutral
// word, for reports that go to a board.
std::string without_names(const Case& c, std::string text);

} // namespace complaints
