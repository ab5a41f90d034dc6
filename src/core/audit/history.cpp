// SPDX-License-Identifier: Apache-2.0
// The rules `audit` holds each change of a case file to: pure, two
// versions in, what the tool would have refused out.
#include "complaints/audit/history.hpp"

#include "complaints/base/strings.hpp"
#include "complaints/workflow/corrections.hpp"

#include <fmt/format.h>

#include <algorithm>
#include <functional>
#include <map>

namespace complaints {

namespace {

std::string stamp(const std::optional<Timestamp>& at) {
    return at ? format_timestamp(*at) : std::string();
}

template <class E> std::string name(const std::optional<E>& value) {
    return value ? std::string(name_of(*value)) : std::string();
}

// Each field of an event as text, to name what an edit changed.
using EventField = std::pair<const char*, std::function<std::string(const Event&)>>;
const std::vector<EventField>& event_fields() {
    static const std::vector<EventField> fields{
        {"at", [](const Event& e) { return format_timestamp(e.at); }},
        {"type", [](const Event& e) { return std::string(name_of(e.type)); }},
        {"by", [](const Event& e) { return e.by; }},
        {"text", [](const Event& e) { return e.text; }},
        {"recorded", [](const Event& e) { return stamp(e.recorded); }},
        {"due", [](const Event& e) { return e.due ? format_date(*e.due) : std::string(); }},
        {"attendees", [](const Event& e) { return util::join(e.attendees, ", "); }},
        {"booked_for", [](const Event& e) { return stamp(e.booked_for); }},
        {"agent", [](const Event& e) { return e.agent; }},
        {"outcome", [](const Event& e) { return name(e.outcome); }},
        {"learning", [](const Event& e) { return e.learning; }},
        {"no_learning", [](const Event& e) { return e.no_learning; }},
        {"corrects", [](const Event& e) { return e.corrects; }},
        {"before", [](const Event& e) { return e.before; }},
        {"after", [](const Event& e) { return e.after; }},
        {"letter", [](const Event& e) { return e.letter; }},
        {"voids",
         [](const Event& e) {
             return e.voids ? fmt::format("{} at {}", name_of(e.voids->type),
                                          format_timestamp(e.voids->at))
                            : std::string();
         }},
        {"attachment",
         [](const Event& e) { return e.attachment ? e.attachment->file : std::string(); }},
        {"message_id", [](const Event& e) { return e.message_id; }},
        {"direction", [](const Event& e) { return name(e.direction); }},
        {"extras", [](const Event& e) { return e.extras.empty() ? "" : "(other keys)"; }},
    };
    return fields;
}

std::string describe(const Event& e) {
    return fmt::format("{} at {} by {}: {}", name_of(e.type), format_timestamp(e.at), e.by, e.text);
}

HistoryProblem edited(int number, const Event& was, const Event& now) {
    std::vector<std::string> names, before, after;
    for (const auto& [field, text] : event_fields())
        if (text(was) != text(now)) {
            names.emplace_back(field);
            before.push_back(fmt::format("{}: {}", field, text(was)));
            after.push_back(fmt::format("{}: {}", field, text(now)));
        }
    return history_problem(fmt::format("event {} ({} at {}) edited: {}", number, name_of(was.type),
                                       format_timestamp(was.at), util::join(names, ", ")),
                           util::join(before, "; "), util::join(after, "; "), number);
}

// `before`'s events as re-id would have left them under `id`.
std::vector<Event> events_under(const Case& before, const std::string& id) {
    std::vector<Event> events = before.events;
    if (id == before.id)
        return events;
    const std::string from = "letters/" + before.id + "/";
    for (auto& event : events)
        if (event.letter.starts_with(from))
            event.letter = "letters/" + id + "/" + event.letter.substr(from.size());
    return events;
}

// The events of `after` that `before` does not hold, as many times as it does not.
std::vector<const Event*> new_events(const Case& before, const Case& after, EventType type) {
    std::vector<bool> used(before.events.size());
    std::vector<const Event*> added;
    for (const auto& event : after.events) {
        bool found = false;
        for (std::size_t i = 0; i < before.events.size() && !found; ++i)
            if (!used[i] && before.events[i] == event)
                used[i] = found = true;
        if (!found && event.type == type)
            added.push_back(&event);
    }
    return added;
}

// What the answer sent holds, item by item, named as `corrected` events name them.
std::map<std::string, std::string> sent_items(const Case& c) {
    std::map<std::string, std::string> items;
    for (const auto& point : c.points) {
        const std::string p = fmt::format("point {} ", point.number);
        items[p + "finding"] = name(point.finding);
        items[p + "conclusion"] = point.conclusion;
        items[p + "remedial action"] = point.remedial_action;
        items[p + "staff"] = point.staff;
    }
    items["apology"] = c.apology;
    items["treatment"] = c.treatment;
    items["treatment date"] = c.treated_on ? format_date(*c.treated_on) : std::string();
    items["treating practitioner"] = c.treated_by;
    items["practitioners"] = util::join(c.practitioners, ", ");
    return items;
}

std::map<std::string, std::string> closed_items(const Case& c) {
    return {{"status", std::string(name_of(c.status))},
            {"outcome", name(c.outcome)},
            {"learning", c.learning},
            {"no learning", c.no_learning}};
}

void changed_items(const std::map<std::string, std::string>& was,
                   const std::map<std::string, std::string>& now,
                   const std::function<bool(const std::string&, const std::string&)>& accounted,
                   const std::string& since, std::vector<HistoryProblem>& problems) {
    for (const auto& [item, value] : was) {
        const auto found = now.find(item);
        const std::string after = found == now.end() ? "(gone)" : found->second;
        if (after == value || accounted(item, after))
            continue;
        problems.push_back(
            history_problem(fmt::format("{} changed after {}", item, since), value, after));
    }
}

} // namespace

HistoryProblem history_problem(std::string what, std::string before, std::string after, int event) {
    HistoryProblem p;
    p.event = event;
    p.what = std::move(what);
    p.before = std::move(before);
    p.after = std::move(after);
    return p;
}

std::vector<HistoryProblem> lost_events(const Case& before, const Case& after) {
    const std::vector<Event> events = events_under(before, after.id);
    std::vector<bool> used(after.events.size());
    std::vector<std::size_t> missing;
    for (std::size_t i = 0; i < events.size(); ++i) {
        bool found = false;
        for (std::size_t j = 0; j < after.events.size() && !found; ++j)
            if (!used[j] && after.events[j] == events[i])
                used[j] = found = true;
        if (!found)
            missing.push_back(i);
    }
    std::vector<HistoryProblem> problems;
    for (const std::size_t i : missing) {
        const Event& was = events[i];
        const int number = static_cast<int>(i) + 1;
        std::size_t j = 0;
        for (; j < after.events.size(); ++j) {
            const Event& now = after.events[j];
            if (!used[j] && now.type == was.type && (now.at == was.at || now.text == was.text))
                break;
        }
        if (j < after.events.size()) {
            used[j] = true;
            problems.push_back(edited(number, was, after.events[j]));
            continue;
        }
        problems.push_back(history_problem(fmt::format("event {} ({} at {}) removed", number,
                                                       name_of(was.type), format_timestamp(was.at)),
                                           describe(was), "", number));
    }
    return problems;
}

std::vector<HistoryProblem> frozen_field_problems(const Case& before, const Case& after) {
    std::vector<HistoryProblem> problems;
    if (const Event* sent = sent_event(before)) {
        const auto corrections = new_events(before, after, EventType::corrected);
        // A correction accounts for the value it says it set, no other.
        const auto accounted = [&](const std::string& item, const std::string& value) {
            return std::any_of(corrections.begin(), corrections.end(), [&](const Event* e) {
                return e->corrects == item && e->after == value;
            });
        };
        const std::string since =
            fmt::format("the answer was sent ({} at {}), with no corrected event for it",
                        name_of(sent->type), format_timestamp(sent->at));
        changed_items(sent_items(before), sent_items(after), accounted, since, problems);
    }
    if (before.status == Status::closed) {
        const bool reopened = !new_events(before, after, EventType::reopened).empty();
        changed_items(
            closed_items(before), closed_items(after),
            [&](const std::string&, const std::string&) { return reopened; },
            "the case was closed, with no reopened event", problems);
    }
    return problems;
}

std::vector<HistoryProblem> case_change_problems(const Case& before, const Case& after) {
    auto problems = lost_events(before, after);
    const auto frozen = frozen_field_problems(before, after);
    problems.insert(problems.end(), frozen.begin(), frozen.end());
    return problems;
}

std::vector<HistoryProblem> merge_problems(const std::vector<Case>& parents, const Case& merged,
                                           bool differs_from_every_parent) {
    std::vector<HistoryProblem> problems;
    const auto once = [&](const HistoryProblem& p) {
        if (std::none_of(problems.begin(), problems.end(), [&](const HistoryProblem& q) {
                return q.what == p.what && q.before == p.before;
            }))
            problems.push_back(p);
    };
    for (const auto& parent : parents)
        for (const auto& p : lost_events(parent, merged))
            once(p);
    if (!differs_from_every_parent || parents.empty())
        return problems;
    // A frozen item counts only when the merge changed it from every
    // parent's value: taking one side's correction is no change.
    std::vector<HistoryProblem> frozen = frozen_field_problems(parents.front(), merged);
    for (std::size_t i = 1; i < parents.size(); ++i) {
        const auto other = frozen_field_problems(parents[i], merged);
        std::erase_if(frozen, [&](const HistoryProblem& p) {
            const auto item = p.what.substr(0, p.what.find(" changed after"));
            return std::none_of(other.begin(), other.end(), [&](const HistoryProblem& q) {
                return q.what.starts_with(item + " changed after");
            });
        });
    }
    for (const auto& p : frozen)
        once(p);
    return problems;
}

bool is_re_id_of(const Case& gone, const Case& moved) {
    return !gone.events.empty() && lost_events(gone, moved).empty();
}

} // namespace complaints
