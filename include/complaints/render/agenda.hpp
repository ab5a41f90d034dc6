// SPDX-License-Identifier: Apache-2.0
#pragma once
// The agenda: everything that needs doing across the cases, gathered from
// what the clocks, the action plans and the process rules already decide.
// It decides nothing itself: a deadline is the clock's, an overdue action
// is the plan's, a record to agree is `attention`'s.
#include "complaints/model/model.hpp"
#include "complaints/workflow/agents.hpp"
#include "complaints/workflow/clinicians.hpp"
#include "complaints/workflow/clocks.hpp"

#include <optional>
#include <string>
#include <vector>

namespace complaints {

// Where an item stands against today: past its deadline, due today, due in
// the next working days (the horizon), due later, or pending with no
// deadline (a record to agree, a consent, a suspension review).
enum class AgendaWhen { overdue, today, soon, later, pending };
template <> struct EnumNames<AgendaWhen> {
    static constexpr std::string_view what = "agenda standing";
    static constexpr std::array<std::pair<AgendaWhen, std::string_view>, 5> names{
        {{AgendaWhen::overdue, "overdue"},
         {AgendaWhen::today, "today"},
         {AgendaWhen::soon, "soon"},
         {AgendaWhen::later, "later"},
         {AgendaWhen::pending, "pending"}}};
};

struct AgendaItem {
    std::string case_id;
    // What the item is, as a name that stays the same while it is open:
    // the clock's rule ("response"), "action-2", or what is pending
    // ("record-to-agree"). With the case ID it names the item for good, so
    // a calendar's event for it is replaced, never duplicated.
    std::string rule;
    std::string what;   // what is due, in words
    std::string person; // who is responsible: the agent, the action's lead, or who opened it
    AgendaWhen when = AgendaWhen::pending;
    std::optional<Deadline> due;               // none for pending items
    std::optional<date::year_month_day> since; // when a pending item arose
    int working_days = 0; // left (negative when overdue), or a pending item's age
    long hours_left = 0;  // an hours deadline's clock hours left (negative when past)
    // An hours deadline on a day nobody works: the working day before it,
    // which the item is classified by (due "today" on the Friday).
    std::optional<OffDayDeadline> off_day;
    // Which case it is, as a manager knows it: by who complained and what about.
    std::string complainant;
    std::string summary;
    bool meeting = false; // a meeting booked for its time, not a deadline to meet
};

// The agenda's view of a case at `context.now`: its running and overdue
// clocks, its open actions, and what `attention` and the clinician rules
// leave pending. `horizon_days` working days after today bound "soon".
// `decisions`, every case's seen, lets a decision on another of the
// clinician's cases settle a review due on this one; without it only the
// case's own decisions do. `left`, the agents the roster marks as left,
// flags the work one of them still holds.
std::vector<AgendaItem> case_agenda(const Case& c, const ClockContext& context,
                                    int horizon_days = 5, const DecisionRecord* decisions = nullptr,
                                    const std::vector<AgentLeft>& left = {});

// The person an item is for, compared as names are (folded): "Sam  Keane"
// is "sam keane", and a role in brackets after either name does not count.
// "unassigned" asks for the items nobody is responsible for yet.
bool agenda_for(const AgendaItem& item, std::string_view person);

// Overdue first, then today, soon, later and pending; by deadline, then
// case and rule, so two runs list the same items in the same order.
void sort_agenda(std::vector<AgendaItem>& items);

} // namespace complaints
