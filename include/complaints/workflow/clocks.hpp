// SPDX-License-Identifier: Apache-2.0
#pragma once
// A case's clocks, computed from its recorded facts, the policy, the calendar
// and "now"; never stored, so a change of policy or calendar leaves nothing
// stale behind.
#include "complaints/model/model.hpp"
#include "complaints/policy/policy.hpp"
#include "complaints/time/calendar.hpp"

#include <optional>
#include <string_view>
#include <vector>

namespace complaints {

enum class ClockState { running, overdue, met, met_late, stopped };
template <> struct EnumNames<ClockState> {
    static constexpr std::string_view what = "clock state";
    static constexpr std::array<std::pair<ClockState, std::string_view>, 5> names{
        {{ClockState::running, "running"},
         {ClockState::overdue, "overdue"},
         {ClockState::met, "met"},
         {ClockState::met_late, "met-late"},
         {ClockState::stopped, "stopped"}}};
};

struct Clock {
    std::string rule;        // the clock's name: "response", "assignment", "further-response"...
    std::string policy_rule; // the policy's rule it runs by: `rule`, or the answering one
    bool answers_complainant = false; // the policy's clock for answering the complainant
    Timestamp starts;                 // receipt, or the fact it runs from
    Deadline due;                     // when the step is due, moved by an explanation of delay
    Deadline policy_due;              // the policy's date, before anything moved it
    std::optional<Deadline> earliest; // when the step is expected at the soonest
    bool extended = false;            // an explanation of delay set a new date
    // A date agreed with the complainant (an event whose role is
    // `sets_answer_date`) stands for the policy's own: `policy_due` too.
    bool agreed = false;
    ClockState state = ClockState::running;
    std::optional<Timestamp> done; // when the step it waits for happened
    int working_days_left = 0;     // from today to the due date; negative when past
    long hours_left = 0;           // from now to the deadline; negative when past
};

// Everything the clocks need to know besides the case.
struct ClockContext {
    const Policy& policy;
    const WorkingCalendar& calendar;
    const date::time_zone& zone;
    date::sys_seconds now;
};

// The reopening after which the complainant is owed a further answer: the
// last (not void) that follows an answer of the current stage. None when the
// case was never reopened after its answer (a case reopened before any
// answer runs its first clock on).
const Event* further_reopening(const Case& c);
// The answer of the current round: the first since `further_reopening`
// when there is one, else the stage's first answer.
const Event* round_answer(const Case& c);

// The clocks that apply to the case: only formal complaints have them (a
// concern or feedback has none), each rule that is switched on, from the fact
// it runs from once that fact is recorded. A case reopened after its answer
// also has a `further-response` clock, from the reopening, for the answering
// rule's span: it answers the complainant from then on.
std::vector<Clock> case_clocks(const Case& c, const ClockContext& context);

// How an answer stood against its clock: the engine's verdict, which the
// command line words.
enum class AnswerTiming {
    on_time,          // by the policy's date, or the date agreed
    late_agreed,      // after the date agreed with the complainant
    late_unexplained, // after the policy's date, no explanation of delay sent in time
    late_no_new_date, // explained in time, but the explanation gave no later date
    by_new_date,      // after the policy's date but by the explanation's new date: met
    after_new_date,   // after the explanation's new date too
};
AnswerTiming answer_timing(const Case& c, const Clock& clock);

// The first clock of the policy that an event of this type meets, if it runs.
std::optional<Clock> clock_met_by(const Case& c, const ClockContext& context, EventType type);

// A step dated in time (`at`) but entered after its deadline (`recorded`):
// met on paper only. `working_days` after the due date (0 within its day).
struct LateEntry {
    date::year_month_day entered;
    int working_days = 0;
};
std::optional<LateEntry> entered_late(const Event& event, const Clock& clock,
                                      const WorkingCalendar& calendar, const date::time_zone& zone);
// An explanation of delay dated before the response was due under the
// policy but entered after it: in time on paper only, as above.
std::optional<LateEntry> explained_late_on_paper(const Event& event, const Clock& clock,
                                                 const WorkingCalendar& calendar,
                                                 const date::time_zone& zone);

// A deadline may fall on a day nobody is in: an hours deadline counts clock
// hours through weekends and bank holidays (a Friday afternoon's 48 hours
// end on Sunday), and a calendar-day one (three weeks from receipt) may
// land on Christmas Day. Then: that day, why nobody works it ("a Sunday", "Christmas
// Day"), and the last working day before it, by which to act so the
// deadline is not missed. When no working day comes between the clock's
// start and its deadline (received on Boxing Day, due on its substitute
// Monday), the day to act by is the day it started: only whoever is on call
// can meet it. None on a working day (a working-day deadline is always one).
struct OffDayDeadline {
    date::year_month_day day;
    std::string why;
    date::year_month_day act_by;
    bool no_working_day_before = false;
};
std::optional<OffDayDeadline> off_day_deadline(const Clock& clock, const WorkingCalendar& calendar,
                                               const date::time_zone& zone);

// The clock due soonest among those still running or overdue.
std::optional<Clock> next_clock(const std::vector<Clock>& clocks);

} // namespace complaints
