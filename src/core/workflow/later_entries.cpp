// SPDX-License-Identifier: Apache-2.0
#include "complaints/workflow/later_entries.hpp"

#include <fmt/format.h>

#include <algorithm>
#include <array>

namespace complaints {

namespace {

[[noreturn]] void refuse(const Case& c, std::string heading, ProblemCode code,
                         std::string message) {
    throw Error(ErrorKind::refused, std::move(heading), {{code, std::move(message), c.id}});
}

[[noreturn]] void refuse_closed(const Case& c, std::string_view doing) {
    refuse(c, fmt::format("cannot {}", doing), ProblemCode::case_closed,
           fmt::format("{} is {}; a closed case is reopened, never rewritten", c.id,
                       c.exclusion ? "excluded" : "closed"));
}

// The events whose effect the case keeps in its own fields: voiding one
// would leave the fields saying otherwise, so each has its own correction.
constexpr std::array<std::pair<EventType, std::string_view>, 16> k_not_voidable{{
    {EventType::opened, "the case's opening is never voided"},
    {EventType::voided, "a void is never voided itself"},
    {EventType::reopened, "a reopening is undone by closing the case again"},
    {EventType::closed, "a closing is undone by reopening the case"},
    {EventType::excluded, "an exclusion is undone by reopening the case"},
    {EventType::converted, "a conversion to a complaint is kept; its clock start can be corrected"},
    {EventType::clock_start_corrected, "a clock start is corrected by correcting it again"},
    {EventType::point_added, "a point raised stays among the case's points"},
    {EventType::finding, "a finding is corrected by recording the point's finding again"},
    {EventType::action, "the action plan keeps its actions: record progress, or mark one done"},
    {EventType::escalated, "a stage 2 referral stays on the case: record its outcome"},
    {EventType::review_outcome, "a review's outcome stays on the case"},
    {EventType::consent, "consent is corrected by recording it again"},
    {EventType::warning, "a warning stays on the clinician's record"},
    {EventType::assigned, "a handler is corrected by assigning the case again"},
    {EventType::warning_rescinded, "a rescinded warning stays rescinded, with its reason"},
}};

// Steps the process rules read besides the clocks: the agreed record,
// consent or the practitioner's account waived, a late complaint accepted,
// the response or the choice of none, the resolution.
constexpr std::array k_rule_steps{EventType::record_agreed,
                                  EventType::consent_waived,
                                  EventType::practitioner_waived,
                                  EventType::late_complaint_accepted,
                                  EventType::response_sent,
                                  EventType::no_written_response,
                                  EventType::resolved};

// True when a clock of the policy that is switched on, or a process rule,
// reads events of this type.
bool read_by_process(const Policy& policy, EventType type) {
    if (std::find(k_rule_steps.begin(), k_rule_steps.end(), type) != k_rule_steps.end())
        return true;
    return std::any_of(policy.clocks.begin(), policy.clocks.end(), [&](const ClockRule& rule) {
        return rule.span &&
               (rule.runs_from == type || extends(rule, type) ||
                std::find(rule.met_by.begin(), rule.met_by.end(), type) != rule.met_by.end());
    });
}

std::size_t index_of(const Case& c, const Event& event) {
    return static_cast<std::size_t>(&event - c.events.data());
}

std::string described(const EventRef& ref) {
    return fmt::format("{} of {}{}", name_of(ref.type), format_timestamp(ref.at),
                       ref.occurrence ? fmt::format(" (the {}. at that time)", *ref.occurrence)
                                      : "");
}

// When a closed or excluded case was last closed, if it is.
std::optional<Timestamp> closed_since(const Case& c) {
    if (c.status != Status::closed && !c.exclusion)
        return std::nullopt;
    std::optional<Timestamp> since;
    for (const EventType type : {EventType::closed, EventType::excluded})
        if (const Event* event = last_event(c, type); event && (!since || *since < event->at))
            since = event->at;
    return since;
}

// N of a field of a numbered item, `points[n: N].finding` with `prefix`
// "points[n: ".
std::optional<int> number_in(const std::string& field, std::string_view prefix) {
    if (!field.starts_with(prefix))
        return std::nullopt;
    const auto end = field.find(']');
    try {
        return std::stoi(field.substr(prefix.size(), end - prefix.size()));
    } catch (const std::exception&) {
        return std::nullopt;
    }
}

// A void made as a merge conflict was settled (`conflict --keep`, which
// leaves a conflict-resolved event at the same instant naming the same
// field): it may void what `void` never does, a finding the side set aside
// stood on. Voids written before they named the field are the settlement's
// when its author settled, at that instant, a field the voided event records.
bool settles_conflict(const Case& c, const Event& voiding, const Event& target) {
    return std::any_of(c.events.begin(), c.events.end(), [&](const Event& e) {
        if (e.type != EventType::conflict_resolved || e.at != voiding.at)
            return false;
        return voiding.corrects.empty() ? e.by == voiding.by && records_field(target, e.corrects)
                                        : e.corrects == voiding.corrects;
    });
}

} // namespace

// Whether `event` recorded a value of `field`: a point's finding event
// ("Point N: ...", what respond writes) records its finding and conclusion,
// and nothing else of the point (its text, staff or remedial action); an
// action's "Action N done" event records when it was done.
bool records_field(const Event& event, const std::string& field) {
    if (const auto point = number_in(field, "points[n: ")) {
        const bool found = field.ends_with(".finding") || field.ends_with(".conclusion");
        return found && event.type == EventType::finding &&
               event.text.starts_with(fmt::format("Point {}:", *point));
    }
    if (const auto action = number_in(field, "actions[n: ")) {
        const std::string done = fmt::format("Action {} done", *action);
        return field.ends_with(".done") && event.type == EventType::action &&
               (event.text == done || event.text.starts_with(done + ":"));
    }
    return false;
}

void check_reopen(const Case& c) {
    if (c.status == Status::open && !c.exclusion)
        refuse(c, fmt::format("cannot reopen {}", c.id), ProblemCode::step_not_applicable,
               fmt::format("{} is open; only a closed or excluded case is reopened", c.id));
}

ClosedState reopen(Case& c) {
    check_reopen(c);
    const ClosedState was{c.outcome, c.learning, c.no_learning, c.exclusion, closed_since(c)};
    c.status = Status::open;
    c.outcome.reset();
    c.satisfaction.reset(); // the closing's event keeps it
    c.learning.clear();
    c.no_learning.clear();
    c.exclusion.reset();
    return was;
}

std::optional<Ending> ending_at(const Case& c, date::sys_seconds at) {
    const Event* ending = nullptr;    // the last closing or exclusion before `at`
    const Event* reopened = nullptr;  // the last reopening before `at`
    const Event* reopening = nullptr; // the first reopening from `at` on
    const auto later = [](const Event* e, const Event& than) { return !e || e->at <= than.at; };
    for (const auto& event : c.events) {
        const bool ends = event.type == EventType::closed || event.type == EventType::excluded;
        if (event.at.utc < at && ends && later(ending, event))
            ending = &event;
        else if (event.type == EventType::reopened && event.at.utc < at && later(reopened, event))
            reopened = &event;
        else if (event.type == EventType::reopened && event.at.utc >= at &&
                 (!reopening || event.at < reopening->at))
            reopening = &event;
    }
    if (!ending || (reopened && ending->at <= reopened->at))
        return std::nullopt;
    Ending was{ending->at, ending->type == EventType::excluded, {}, {}, {}, ending->satisfaction};
    if (reopening) {
        was.outcome = reopening->outcome;
        was.learning = reopening->learning;
        was.no_learning = reopening->no_learning;
    } else if (c.status == Status::closed || c.exclusion) {
        was.outcome = c.outcome;
        was.learning = c.learning;
        was.no_learning = c.no_learning;
    } else {
        return std::nullopt; // the file says open whatever its events say
    }
    return was;
}

std::vector<Clock> clocks_as_at(const Case& c, const std::optional<Ending>& then,
                                const ClockContext& context) {
    const bool excluded_then = then && then->excluded;
    if (bool(c.exclusion) == excluded_then)
        return case_clocks(c, context);
    if (excluded_then)
        return {};
    Case as_then = c;
    as_then.exclusion.reset();
    return case_clocks(as_then, context);
}

namespace {

// A response that answered the points as they now stand: one sent since the
// case was last reopened. A point raised after a reopening is new, not a
// correction of a letter that never had it to answer.
bool answered_since_reopening(const Case& c) {
    const Event* sent = last_answer(c);
    const Event* reopened = last_event(c, EventType::reopened);
    return sent && !(reopened && sent->at < reopened->at);
}

} // namespace

void check_add_point(const Case& c, bool correction) {
    if (c.status == Status::closed || c.exclusion)
        refuse_closed(c, fmt::format("add a point to {}", c.id));
    if (!correction && answered_since_reopening(c))
        refuse(c, fmt::format("cannot add a point to {}", c.id), ProblemCode::point_after_response,
               "the stage 1 response has been sent, so a point added now corrects the record "
               "and says why");
}

const Point& add_point(Case& c, std::string text, const Timestamp& at, std::string correction) {
    check_add_point(c, !correction.empty());
    if (text.empty())
        field_error(ProblemCode::field_missing, "{text}: a point needs its text", c.id);
    if (!correction.empty() && !answered_since_reopening(c))
        field_error(ProblemCode::field_not_applicable,
                    "{correction}: no response has been sent since the case was opened or last "
                    "reopened, so the point needs no correction",
                    c.id);
    Point point;
    point.number = static_cast<int>(c.points.size()) + 1;
    point.text = std::move(text);
    point.added = at;
    point.correction = std::move(correction);
    c.points.push_back(std::move(point));
    return c.points.back();
}

std::optional<std::string> why_not_voidable(EventType type) {
    for (const auto& [not_voidable, why] : k_not_voidable)
        if (not_voidable == type)
            return std::string(why);
    return std::nullopt;
}

const Event& event_numbered(const Case& c, int number) {
    if (number < 1 || static_cast<std::size_t>(number) > c.events.size())
        field_error(ProblemCode::no_such_item,
                    fmt::format("{} has no event {} (its timeline numbers 1 to {})", c.id, number,
                                c.events.size()),
                    c.id);
    return c.events[static_cast<std::size_t>(number) - 1];
}

void check_void(const Case& c, const Event& target, const Policy& policy) {
    const std::string heading =
        fmt::format("cannot void event {} of {}", index_of(c, target) + 1, c.id);
    if (const auto why = why_not_voidable(target.type))
        refuse(c, heading, ProblemCode::not_voidable, *why);
    if (const Event* earlier = voided_by(c, target))
        refuse(c, heading, ProblemCode::already_done,
               fmt::format("it is already void (voided {})", format_timestamp(earlier->at)));
    if ((c.status == Status::closed || c.exclusion) && read_by_process(policy, target.type))
        refuse(c, heading, ProblemCode::case_closed,
               fmt::format("{} is {} and a deadline or a rule of the process reads this {}; a "
                           "closed case is reopened, never rewritten",
                           c.id, c.exclusion ? "excluded" : "closed", name_of(target.type)));
}

void void_event(Case& c, int number, Event voiding, const Policy& policy) {
    const Event& target = event_numbered(c, number);
    check_void(c, target, policy);
    if (voiding.at < target.at)
        field_error(ProblemCode::date_out_of_order,
                    fmt::format("{{at}}: the void is dated before the {} it voids ({})",
                                name_of(target.type), format_timestamp(target.at)),
                    c.id);
    voiding.type = EventType::voided;
    voiding.voids = reference_to(c, target);
    add_event(c, std::move(voiding));
}

void check_clock_correction(const Case& c, date::year_month_day from, const date::time_zone& zone) {
    const std::string doing = fmt::format("correct the clock start of {}", c.id);
    if (c.status == Status::closed || c.exclusion)
        refuse_closed(c, doing);
    if (c.kind != Kind::complaint || !first_event(c, EventType::converted))
        refuse(c, "cannot " + doing, ProblemCode::step_not_applicable,
               fmt::format("{} was not converted from a concern or feedback: its clock runs from "
                           "receipt, as the policy says",
                           c.id));
    const auto received = local_date(c.received.utc, zone);
    if (from < received)
        field_error(ProblemCode::date_out_of_order,
                    "{clock_from}: the clock cannot start before the case was received", c.id);
    const std::optional<date::year_month_day> start =
        from == received ? std::nullopt : std::optional(from);
    if (start == c.clock_from)
        refuse(c, "cannot " + doing, ProblemCode::already_done,
               fmt::format("its clock already runs from {}",
                           start ? format_date(from) : "the receipt, " + format_date(received)));
}

std::optional<date::year_month_day> correct_clock_start(Case& c, date::year_month_day from,
                                                        const date::time_zone& zone) {
    check_clock_correction(c, from, zone);
    const auto was = c.clock_from;
    if (from == local_date(c.received.utc, zone))
        c.clock_from.reset();
    else
        c.clock_from = from;
    return was;
}

std::vector<std::pair<std::size_t, std::string>> void_problems(const Case& c,
                                                               const Policy& policy) {
    std::vector<std::pair<std::size_t, std::string>> found;
    const auto closed = closed_since(c);
    for (std::size_t i = 0; i < c.events.size(); ++i) {
        const Event& event = c.events[i];
        const auto say = [&](std::string message) {
            found.emplace_back(i, fmt::format("event {} ({}): {}", i + 1, name_of(event.type),
                                              std::move(message)));
        };
        if (event.type != EventType::voided) {
            if (event.voids)
                say("names an event to void, but only a voided event voids one");
            continue;
        }
        if (!event.voids) {
            say("a void that names no event (voids: at and type)");
            continue;
        }
        const Event* target = find_event(c, *event.voids);
        if (!target)
            say(fmt::format("voids the {}, which the case does not have", described(*event.voids)));
        else if (const auto why = why_not_voidable(target->type);
                 why && !settles_conflict(c, event, *target))
            say(fmt::format("voids the {}, which the tool never voids ({})",
                            described(*event.voids), *why));
        else if (event.at < target->at)
            say(fmt::format("is dated before the {} it voids", described(*event.voids)));
        else if (closed && *closed < event.at && read_by_process(policy, target->type))
            say(fmt::format("voids the {} after the case was closed, and a deadline or a rule of "
                            "the process reads it: a closed case is reopened, never rewritten",
                            described(*event.voids)));
    }
    return found;
}

} // namespace complaints
