// SPDX-License-Identifier: Apache-2.0
#include "complaints/workflow/steps.hpp"

#include "complaints/base/error.hpp"
#include "complaints/base/strings.hpp"
#include "complaints/workflow/workflow.hpp"

#include <fmt/format.h>

#include <algorithm>

namespace complaints {

namespace {

bool in_order(const Case& c, const Policy& policy) {
    return !policy.steps.empty() && c.kind == Kind::complaint && !c.exclusion;
}

// Recorded, and not void, at or before `at`.
bool recorded_by(const Case& c, EventType type, const Timestamp& at) {
    const Event* first = first_event(c, type);
    return first && !(at < first->at);
}

std::string names_of(const std::vector<EventType>& types) {
    std::vector<std::string> names;
    for (const EventType type : types)
        names.emplace_back(name_of(type));
    return joined(names);
}

std::string step_name(std::optional<EventType> step) {
    return step ? std::string(name_of(*step)) : "closed";
}

const ProcessStep* find_step(const Policy& policy, EventType type) {
    const auto found = std::find_if(policy.steps.begin(), policy.steps.end(),
                                    [&](const ProcessStep& s) { return s.type == type; });
    return found == policy.steps.end() ? nullptr : &*found;
}

// A `step-skipped` event, not void, at exactly `at`.
bool skip_recorded(const Case& c, const Timestamp& at) {
    return std::any_of(c.events.begin(), c.events.end(), [&](const Event& e) {
        return e.type == EventType::step_skipped && e.at == at && !is_void(c, e);
    });
}

} // namespace

std::vector<EventType> steps_missing(const Case& c, const Policy& policy,
                                     std::optional<EventType> step, const Timestamp& at) {
    std::vector<EventType> missing;
    if (!in_order(c, policy))
        return missing;
    for (const auto& earlier : policy.steps) {
        if (step && earlier.type == *step)
            break;
        if (!recorded_by(c, earlier.type, at))
            missing.push_back(earlier.type);
    }
    return missing;
}

void check_step(Case& c, const Policy& policy, std::optional<EventType> step, const Event& doing,
                const std::string& skip_reason) {
    if (step && !find_step(policy, *step)) {
        if (!skip_reason.empty())
            field_error(ProblemCode::field_not_applicable,
                        fmt::format("{{skip_step}}: {} is not a step of the policy's order",
                                    name_of(*step)),
                        c.id);
        return;
    }
    if (const Event* before = step ? first_event(c, *step) : nullptr;
        before && in_order(c, policy)) {
        if (find_step(policy, *step)->once)
            throw Error(ErrorKind::refused, "",
                        {{ProblemCode::already_done,
                          fmt::format("{} already records {} on {}; it is recorded once", c.id,
                                      name_of(*step), format_timestamp(before->at)),
                          c.id}});
        // A step recorded again (a reassignment, a corrected resolution)
        // took its place in the order the first time.
        if (!skip_reason.empty())
            field_error(ProblemCode::field_not_applicable,
                        fmt::format("{{skip_step}}: {} already records {}", c.id, name_of(*step)),
                        c.id);
        return;
    }
    const auto missing = steps_missing(c, policy, step, doing.at);
    if (missing.empty()) {
        if (!skip_reason.empty())
            field_error(ProblemCode::field_not_applicable,
                        fmt::format("{{skip_step}}: {} skips no step; every step before {} is "
                                    "recorded",
                                    c.id, step_name(step)),
                        c.id);
        return;
    }
    // The CLI says how a manager who must go ahead skips them.
    if (skip_reason.empty())
        throw Error(ErrorKind::refused,
                    fmt::format("cannot record {} on {}", step_name(step), c.id),
                    {{ProblemCode::earlier_steps_owed,
                      fmt::format("the policy's order needs {} first", names_of(missing)), c.id}});
    Event skipped = doing;
    skipped.type = EventType::step_skipped;
    skipped.letter.clear();
    skipped.attendees.clear();
    skipped.due.reset();
    skipped.text =
        fmt::format("{} recorded without {}: {}", step_name(step), names_of(missing), skip_reason);
    add_event(c, skipped);
}

void check_close_after_resolution(const Case& c, const Timestamp& at) {
    if (const Event* resolved = last_event(c, EventType::resolved); resolved && at < resolved->at)
        field_error(ProblemCode::date_out_of_order,
                    fmt::format("{{at}}: {} is before {}'s resolution ({}); a case closes after it",
                                format_timestamp(at), c.id, format_timestamp(resolved->at)),
                    c.id);
}

std::vector<std::pair<std::size_t, std::string>> order_problems(const Case& c,
                                                                const Policy& policy) {
    std::vector<std::pair<std::size_t, std::string>> found;
    if (!in_order(c, policy))
        return found;
    std::vector<EventType> seen;
    for (std::size_t i = 0; i < c.events.size(); ++i) {
        const Event& event = c.events[i];
        if (is_void(c, event))
            continue;
        const bool closing = event.type == EventType::closed && c.outcome != Outcome::withdrawn;
        const ProcessStep* step = find_step(policy, event.type);
        if (!closing && !step)
            continue;
        const auto which = fmt::format("event {} ({})", i + 1, name_of(event.type));
        if (step && std::find(seen.begin(), seen.end(), event.type) != seen.end()) {
            if (step->once)
                found.emplace_back(
                    i, fmt::format("{} records {} a second time", which, name_of(event.type)));
            continue;
        }
        if (step)
            seen.push_back(event.type);
        const auto missing =
            steps_missing(c, policy, closing ? std::nullopt : std::optional(event.type), event.at);
        if (!missing.empty() && !skip_recorded(c, event.at))
            found.emplace_back(i, fmt::format("{} comes before {}, which the policy's order puts "
                                              "first, and no step-skipped event says why",
                                              which, names_of(missing)));
    }
    return found;
}

namespace {

// The steps that send the complainant a letter, which the commands record once.
constexpr std::pair<EventType, std::string_view> k_sent_steps[] = {
    {EventType::acknowledged, "acknowledgement"}, {EventType::response_sent, "response"}};

} // namespace

namespace {

// Whether the case was reopened (not void) after `before` and by `after`.
bool reopened_between(const Case& c, const Event& before, const Event& after) {
    return std::any_of(c.events.begin(), c.events.end(), [&](const Event& e) {
        return e.type == EventType::reopened && !is_void(c, e) && before.at.utc <= e.at.utc &&
               e.at.utc <= after.at.utc;
    });
}

} // namespace

std::vector<std::pair<std::size_t, std::string>> sent_twice(const Case& c) {
    std::vector<std::pair<std::size_t, std::string>> found;
    const auto sent = [](const Event& e) {
        return fmt::format("{} by {}", format_timestamp(e.at),
                           e.by.empty() ? "(no one named)" : e.by);
    };
    for (const auto& [type, what] : k_sent_steps) {
        const Event* first = first_event(c, type);
        for (std::size_t i = 0; first && i < c.events.size(); ++i) {
            const Event& event = c.events[i];
            if (event.type != type || &event == first || is_void(c, event))
                continue;
            // A response after a reopening is the further response it owes.
            if (type == EventType::response_sent && reopened_between(c, *first, event)) {
                first = &event;
                continue;
            }
            found.emplace_back(
                i, fmt::format("{} sent twice: {} and {} (event {}); void the one that should "
                               "not stand, with the reason",
                               what, sent(*first), sent(event), i + 1));
        }
    }
    return found;
}

std::vector<std::pair<std::size_t, std::string>> every_copy_void(const Case& c) {
    std::vector<std::pair<std::size_t, std::string>> found;
    for (const auto& [type, what] : k_sent_steps) {
        std::vector<std::size_t> copies;
        for (std::size_t i = 0; i < c.events.size(); ++i)
            if (c.events[i].type == type)
                copies.push_back(i);
        if (copies.size() < 2 || first_event(c, type))
            continue;
        std::vector<std::string> said;
        for (const std::size_t i : copies) {
            const Event* voiding = voided_by(c, c.events[i]);
            said.push_back(fmt::format("event {} (void: {})", i + 1,
                                       voiding && !voiding->by.empty() ? voiding->by : "?"));
        }
        found.emplace_back(
            copies.back(),
            fmt::format("every {} sent is void ({}), so the case counts none as sent: if one "
                        "went, record it again, dated the time it went",
                        what, util::join(said, ", ")));
    }
    return found;
}

} // namespace complaints
