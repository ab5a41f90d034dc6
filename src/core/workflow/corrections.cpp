// SPDX-License-Identifier: Apache-2.0
#include "complaints/workflow/corrections.hpp"

#include "complaints/base/error.hpp"
#include "complaints/base/strings.hpp"

#include <fmt/format.h>

#include <algorithm>

namespace complaints {

const Event* sent_event(const Case& c) {
    const Event* response = first_answer(c);
    const Event* resolution = first_event(c, EventType::resolved);
    if (!response || !resolution)
        return response ? response : resolution;
    return resolution->at < response->at ? resolution : response;
}

void record_amendments(Case& c, const std::vector<Amendment>& changes,
                       const std::optional<Event>& correction) {
    std::vector<const Amendment*> changed;
    for (const auto& change : changes)
        if (change.before != change.after)
            changed.push_back(&change);
    const Event* sent = sent_event(c);
    // A correction says why something sent was changed: one with nothing
    // sent, or changing nothing, would be a record of what never happened.
    if (correction && !sent)
        field_error(ProblemCode::field_not_applicable,
                    "{correction}: nothing has been sent yet, so there is nothing to correct; "
                    "record it without {correction}",
                    c.id);
    if (correction && changed.empty())
        field_error(ProblemCode::field_not_applicable,
                    "{correction}: this changes nothing that was sent", c.id);
    if (sent && !correction && !changed.empty()) {
        std::vector<Problem> problems;
        for (const auto* change : changed)
            problems.push_back(
                {ProblemCode::already_sent,
                 fmt::format("the {} went to the complainant in {} on {}", change->item,
                             sent->type == EventType::response_sent ? "the response"
                                                                    : "the agreed resolution",
                             format_date(written_date(sent->at))),
                 c.id});
        throw Error(ErrorKind::refused, fmt::format("cannot change what {} was sent", c.id),
                    problems);
    }
    if (!correction)
        return;
    for (const auto* change : changed) {
        Event event = *correction;
        event.type = EventType::corrected;
        event.corrects = change->item;
        event.before = change->before;
        event.after = change->after;
        add_event(c, event);
    }
}

void set_apology(Case& c, const std::string& apology, const std::optional<Event>& correction) {
    record_amendments(c, {{"apology", c.apology, apology}}, correction);
    c.apology = apology;
}

Point& point_numbered(Case& c, int number) {
    const auto found = std::find_if(c.points.begin(), c.points.end(),
                                    [&](const Point& p) { return p.number == number; });
    if (found == c.points.end())
        field_error(
            ProblemCode::no_such_item,
            fmt::format("{{point}}: {} has no point {} (it has {})", c.id, number, c.points.size()),
            c.id);
    return *found;
}

void set_point_wording(Case& c, int point, const std::string& wording,
                       const std::optional<Event>& correction) {
    Point& found = point_numbered(c, point);
    if (util::trim(wording).empty())
        field_error(ProblemCode::field_missing,
                    "{for_complainant}: give the point's words to the complainant", c.id);
    record_amendments(c, {{fmt::format("point {} wording", point), found.for_complainant, wording}},
                      correction);
    // record_amendments adds events, never points: `found` still stands.
    found.for_complainant = wording;
}

void set_treatment(Case& c, const Treatment& treatment, const std::optional<Event>& correction) {
    const auto day = [](const std::optional<date::year_month_day>& on) {
        return on ? format_date(*on) : std::string();
    };
    const std::string what = treatment.what.value_or(c.treatment);
    const std::string by = treatment.by.value_or(c.treated_by);
    const auto on = treatment.on ? treatment.on : c.treated_on;
    record_amendments(c,
                      {{"treatment", c.treatment, what},
                       {"treatment date", day(c.treated_on), day(on)},
                       {"treating practitioner", c.treated_by, by}},
                      correction);
    c.treatment = what;
    c.treated_on = on;
    c.treated_by = by;
}

void set_practitioners(Case& c, const std::vector<std::string>& practitioners,
                       const std::optional<Event>& correction) {
    record_amendments(
        c, {{"practitioners", util::join(c.practitioners, ", "), util::join(practitioners, ", ")}},
        correction);
    c.practitioners = practitioners;
}

std::vector<std::pair<std::string, Timestamp>> corrected_items(const Case& c) {
    std::vector<std::pair<std::string, Timestamp>> items; // in the order first corrected
    for (const auto& event : c.events) {
        if (event.type != EventType::corrected)
            continue;
        const auto seen = std::find_if(items.begin(), items.end(), [&](const auto& item) {
            return item.first == event.corrects;
        });
        if (seen == items.end())
            items.emplace_back(event.corrects, event.at);
        else
            seen->second = event.at;
    }
    return items;
}

} // namespace complaints
