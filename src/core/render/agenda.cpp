// SPDX-License-Identifier: Apache-2.0
#include "complaints/render/agenda.hpp"

#include "complaints/base/strings.hpp"
#include "complaints/base/text.hpp"
#include "complaints/workflow/being_open.hpp"
#include "complaints/workflow/clinicians.hpp"
#include "complaints/workflow/feedback.hpp"
#include "complaints/workflow/workflow.hpp"

#include <fmt/format.h>

#include <algorithm>
#include <tuple>

namespace complaints {

namespace {

// Whoever carries the case: the support agent once one is assigned; nobody
// before (the cache keeps no event's author, so "who opened it" is not known
// without reading every file).
std::string case_owner(const Case& c) {
    return c.agent;
}

struct Today {
    date::sys_days day;
    date::sys_days horizon; // the last working day "soon" reaches
    date::sys_seconds now;
    const date::time_zone& zone;
};

AgendaWhen when_due(date::sys_days due, bool overdue, const Today& today) {
    if (overdue || due < today.day)
        return AgendaWhen::overdue;
    if (due == today.day)
        return AgendaWhen::today;
    return due <= today.horizon ? AgendaWhen::soon : AgendaWhen::later;
}

// A deadline by its instant: overdue once it has passed, today when it
// passes before today ends (midnight tonight is today's), and one on a day
// nobody works as though due at the end of the working day before.
AgendaWhen when_due(const Deadline& due, const std::optional<OffDayDeadline>& off_day,
                    const Today& today) {
    if (due.whole_day && !off_day)
        return when_due(date::sys_days{due.day}, today.now >= due.at, today);
    if (today.now >= due.at)
        return AgendaWhen::overdue;
    const auto ends = [&](date::sys_days day) {
        return end_of_local_day(date::year_month_day{day}, today.zone);
    };
    const date::sys_seconds by = off_day ? ends(date::sys_days{off_day->act_by}) : due.at;
    if (by <= ends(today.day))
        return AgendaWhen::today;
    return by <= ends(today.horizon) ? AgendaWhen::soon : AgendaWhen::later;
}

void add_clocks(std::vector<AgendaItem>& items, const Case& c, const ClockContext& context,
                const Today& today) {
    for (const Clock& clock : case_clocks(c, context)) {
        if (clock.state != ClockState::running && clock.state != ClockState::overdue)
            continue;
        AgendaItem item;
        item.case_id = c.id;
        item.rule = clock.rule;
        item.what = fmt::format("{} due", clock.rule);
        item.person = case_owner(c);
        item.off_day = off_day_deadline(clock, context.calendar, context.zone);
        item.when = when_due(clock.due, item.off_day, today);
        item.due = clock.due;
        item.working_days = clock.working_days_left;
        item.hours_left = clock.hours_left;
        items.push_back(std::move(item));
    }
}

// An action's target date is a day: the end of that local day is its deadline.
void add_actions(std::vector<AgendaItem>& items, const Case& c, const ClockContext& context,
                 const Today& today) {
    for (const Action& action : c.actions) {
        if (action.done)
            continue;
        const date::sys_days due{action.due};
        AgendaItem item;
        item.case_id = c.id;
        item.rule = fmt::format("action-{}", action.number);
        item.what = fmt::format("action {}: {}", action.number, action.text);
        item.person = action.lead;
        item.when = when_due(due, false, today);
        item.due = Deadline{action.due, end_of_local_day(action.due, context.zone), true};
        item.working_days = due >= today.day ? context.calendar.between(today.day, due)
                                             : -context.calendar.between(due, today.day);
        items.push_back(std::move(item));
    }
}

// The name an attention problem goes by on the agenda, and when it arose:
// Being Open runs from the incident (its follow-up from the conversation),
// a referral from when it was made (see referral_dates), everything else
// from receipt.
struct PendingName {
    std::string rule;
    std::optional<EventType> from;
};

PendingName pending_name(ProblemCode code) {
    switch (code) {
    case ProblemCode::record_not_agreed:
        return {"record-to-agree", std::nullopt};
    case ProblemCode::consent_outstanding:
        return {"consent-pending", std::nullopt};
    case ProblemCode::being_open_pending:
        return {"being-open-pending", EventType::safety_incident};
    case ProblemCode::follow_up_pending:
        return {"being-open-follow-up-pending", EventType::being_open};
    case ProblemCode::insurer_not_told:
        return {"insurer-to-tell", EventType::safety_incident};
    case ProblemCode::practitioner_not_named:
        return {"practitioner-to-name", std::nullopt};
    case ProblemCode::late_complaint:
        return {"late-complaint-to-decide", std::nullopt};
    case ProblemCode::point_unanswered:
        return {"point-to-answer", std::nullopt};
    case ProblemCode::referral_open:
        return {"referral-outcome-awaited", std::nullopt};
    default:
        return {"attention", std::nullopt};
    }
}

AgendaItem pending_item(const Case& c, std::string rule, std::string what,
                        date::year_month_day since, const ClockContext& context,
                        const Today& today) {
    AgendaItem item;
    item.case_id = c.id;
    item.rule = std::move(rule);
    item.what = std::move(what);
    item.person = case_owner(c);
    item.when = AgendaWhen::pending;
    item.since = since;
    item.working_days = context.calendar.between(date::sys_days{since}, today.day);
    return item;
}

// When each referral attention() names was made, in its order (that of
// open_referrals, less those that hold up closing).
std::vector<Timestamp> referral_dates(const Case& c, const Policy& policy) {
    std::vector<Timestamp> dates;
    for (const auto& key : open_referrals(c, policy)) {
        const ReviewBody* body = find_review_body(policy, key);
        const auto made =
            std::find_if(c.escalations.begin(), c.escalations.end(), [&](const Escalation& e) {
                return e.body == key && awaits_outcome(e, policy);
            });
        if (body && !body->blocks_close && made != c.escalations.end())
            dates.push_back(made->at);
    }
    return dates;
}

void add_attention(std::vector<AgendaItem>& items, const Case& c, const ClockContext& context,
                   const Today& today) {
    int repeats = 0;
    const std::vector<Timestamp> referrals = referral_dates(c, context.policy);
    std::size_t referral = 0;
    for (const Problem& problem : attention(c, context.policy)) {
        if (problem.code == ProblemCode::mediation_booked)
            continue; // on the agenda at its time, not as pending
        PendingName name = pending_name(problem.code);
        // Two problems of one kind (points to answer) stay two items.
        if (std::any_of(items.begin(), items.end(),
                        [&](const AgendaItem& item) { return item.rule == name.rule; }))
            name.rule += fmt::format("-{}", ++repeats + 1);
        const Event* from = name.from ? last_event(c, *name.from) : nullptr;
        auto arose = from ? from->at.utc : c.received.utc;
        if (problem.code == ProblemCode::referral_open && referral < referrals.size())
            arose = referrals[referral++].utc;
        const auto since = local_date(arose, context.zone);
        items.push_back(pending_item(c, name.rule, problem.message, since, context, today));
    }
}

// A mediation booked is due at its time; once that has passed it stays,
// overdue, until it is recorded as held or the booking is voided.
void add_mediation(std::vector<AgendaItem>& items, const Case& c, const ClockContext& context,
                   const Today& today) {
    const Event* booking = booked_mediation(c);
    if (!booking || c.status == Status::closed || c.exclusion)
        return;
    const Timestamp at = *booking->booked_for;
    const date::sys_days day{local_date(at.utc, context.zone)};
    AgendaItem item;
    item.case_id = c.id;
    item.rule = "mediation";
    item.what = fmt::format("mediation booked with {}", util::join(booking->attendees, ", "));
    item.person = case_owner(c);
    item.due = Deadline{date::year_month_day{day}, at.utc, false};
    item.when = when_due(*item.due, std::nullopt, today);
    item.meeting = true;
    item.hours_left = std::chrono::floor<std::chrono::hours>(at.utc - context.now).count();
    item.working_days = day >= today.day ? context.calendar.between(today.day, day)
                                         : -context.calendar.between(day, today.day);
    items.push_back(std::move(item));
}

// A suspension review the case triggered with no decision after it on any
// of the clinician's cases, or a temporary suspension recorded on it whose
// time is up.
void add_suspension_review(std::vector<AgendaItem>& items, const Case& c,
                           const ClockContext& context, const Today& today,
                           const DecisionRecord* decisions) {
    const date::year_month_day day{today.day};
    if (auto pending = decisions ? suspension_pending(c, decisions->of(c), day, context.zone)
                                 : suspension_pending(c, day, context.zone))
        items.push_back(pending_item(c, std::move(pending->rule), std::move(pending->what),
                                     pending->since, context, today));
}

// Work held by an agent who has left, from the day they left; feedback
// open past the policy's prompt, from receipt.
void add_stranded(std::vector<AgendaItem>& items, const Case& c, const ClockContext& context,
                  const Today& today, const std::vector<AgentLeft>& left) {
    const date::year_month_day day{today.day};
    if (const auto held = held_by_leaver(c, context.policy, left, day)) {
        const AgentLeft* gone = left_by(c.agent, left, day);
        items.push_back(pending_item(c, "agent-left", held->message, gone->on, context, today));
    }
    if (const auto prompt =
            feedback_prompt(c, context.policy, context.calendar, context.zone, context.now))
        items.push_back(pending_item(c, "feedback-to-acknowledge", prompt->message,
                                     local_date(c.received.utc, context.zone), context, today));
}

} // namespace

std::vector<AgendaItem> case_agenda(const Case& c, const ClockContext& context, int horizon_days,
                                    const DecisionRecord* decisions,
                                    const std::vector<AgentLeft>& left) {
    const date::sys_days day{local_date(context.now, context.zone)};
    const Today today{day, context.calendar.add(day, horizon_days), context.now, context.zone};
    std::vector<AgendaItem> items;
    add_clocks(items, c, context, today);
    add_actions(items, c, context, today);
    add_mediation(items, c, context, today);
    std::vector<AgendaItem> pending;
    add_attention(pending, c, context, today);
    add_suspension_review(pending, c, context, today, decisions);
    add_stranded(pending, c, context, today, left);
    items.insert(items.end(), pending.begin(), pending.end());
    for (AgendaItem& item : items) {
        item.complainant = c.complainant;
        item.summary = c.summary;
    }
    return items;
}

namespace {

// "Claire Dunn (Clinic Manager)" is Claire Dunn: a role in brackets after
// the name is not part of it.
std::string without_role(std::string_view name) {
    const auto open = name.rfind(" (");
    if (open != std::string_view::npos && name.ends_with(')'))
        name = name.substr(0, open);
    return folded(name);
}

} // namespace

bool agenda_for(const AgendaItem& item, std::string_view person) {
    const std::string wanted = without_role(person);
    if (wanted == "unassigned" || wanted == "(unassigned)")
        return item.person.empty();
    return !item.person.empty() && without_role(item.person) == wanted;
}

void sort_agenda(std::vector<AgendaItem>& items) {
    const auto key = [](const AgendaItem& item) {
        const auto at = item.due ? item.due->at : date::sys_seconds{};
        const date::sys_days since = item.since ? date::sys_days{*item.since} : date::sys_days{};
        return std::tuple<int, date::sys_seconds, date::sys_days, const std::string&,
                          const std::string&>(static_cast<int>(item.when), at, since, item.case_id,
                                              item.rule);
    };
    std::stable_sort(items.begin(), items.end(),
                     [&](const AgendaItem& a, const AgendaItem& b) { return key(a) < key(b); });
}

} // namespace complaints
