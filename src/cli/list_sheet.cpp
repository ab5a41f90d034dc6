// SPDX-License-Identifier: Apache-2.0
#include "list_sheet.hpp"

#include "complaints/base/strings.hpp"

#include <algorithm>

namespace complaints::cli {

namespace {

SheetCell text(std::string value) {
    return {CellKind::text, std::move(value), std::nullopt, 0};
}

SheetCell day(std::optional<date::year_month_day> value) {
    return {CellKind::date, value ? format_date(*value) : std::string(), value, 0};
}

SheetCell count(std::size_t value) {
    return {CellKind::number, std::to_string(value), std::nullopt, static_cast<long>(value)};
}

template <class E> SheetCell name(const std::optional<E>& value) {
    return text(value ? std::string(name_of(*value)) : std::string());
}

std::optional<date::year_month_day> day_of(const Event* event, const date::time_zone& zone) {
    return event ? std::optional(local_date(event->at.utc, zone)) : std::nullopt;
}

// The day the case was closed or excluded, while it stands so.
std::optional<date::year_month_day> ended(const Case& c, const date::time_zone& zone) {
    if (c.exclusion)
        return day_of(last_event(c, EventType::excluded), zone);
    return c.status == Status::closed ? day_of(last_event(c, EventType::closed), zone)
                                      : std::nullopt;
}

std::string bodies(const Case& c) {
    std::vector<std::string> names;
    for (const auto& escalation : c.escalations)
        names.push_back(escalation.body);
    return util::join(names, "; ");
}

// The clock answering the complainant now: a further response's, after a
// reopening, comes last.
const Clock* answering(const std::vector<Clock>& clocks) {
    const auto found = std::find_if(clocks.rbegin(), clocks.rend(),
                                    [](const Clock& clock) { return clock.answers_complainant; });
    return found == clocks.rend() ? nullptr : &*found;
}

} // namespace

std::vector<SheetColumn> sheet_columns(bool with_agent) {
    std::vector<SheetColumn> columns{{"id", CellKind::text},
                                     {"reference", CellKind::text},
                                     {"received", CellKind::date},
                                     {"kind", CellKind::text},
                                     {"status", CellKind::text},
                                     {"channel", CellKind::text},
                                     {"complainant", CellKind::text},
                                     {"category", CellKind::text},
                                     {"type", CellKind::text},
                                     {"about", CellKind::text},
                                     {"practitioners", CellKind::text},
                                     {"acknowledged", CellKind::date},
                                     {"responded", CellKind::date},
                                     {"response_due", CellKind::date},
                                     {"response_state", CellKind::text},
                                     {"next_due", CellKind::date},
                                     {"next_clock", CellKind::text},
                                     {"next_state", CellKind::text},
                                     {"outcome", CellKind::text},
                                     {"closed", CellKind::date},
                                     {"escalations", CellKind::number},
                                     {"escalated_to", CellKind::text},
                                     {"points", CellKind::number},
                                     {"events", CellKind::number},
                                     {"summary", CellKind::text}};
    if (with_agent)
        columns.insert(columns.begin() + 10, {"agent", CellKind::text});
    return columns;
}

std::vector<SheetCell> sheet_row(const Case& c, const std::vector<Clock>& clocks,
                                 const date::time_zone& zone, bool with_agent) {
    const Clock* answer = answering(clocks);
    const auto next = next_clock(clocks);
    std::vector<SheetCell> row{text(c.id),
                               text(c.imported ? c.imported->reference : std::string()),
                               day(local_date(c.received.utc, zone)),
                               text(std::string(name_of(c.kind))),
                               text(std::string(name_of(c.status))),
                               text(std::string(name_of(c.channel))),
                               text(c.complainant),
                               name(c.category),
                               text(c.type),
                               text(c.about),
                               text(util::join(c.practitioners, "; ")),
                               day(day_of(first_event(c, EventType::acknowledged), zone)),
                               day(day_of(first_answer(c), zone)),
                               day(answer ? std::optional(answer->due.day) : std::nullopt),
                               text(answer ? std::string(name_of(answer->state)) : std::string()),
                               day(next ? std::optional(next->due.day) : std::nullopt),
                               text(next ? next->rule : std::string()),
                               text(next ? std::string(name_of(next->state)) : std::string()),
                               name(c.outcome),
                               day(ended(c, zone)),
                               count(c.escalations.size()),
                               text(bodies(c)),
                               count(c.points.size()),
                               count(c.events.size()),
                               text(c.summary)};
    if (with_agent)
        row.insert(row.begin() + 10, text(c.agent));
    return row;
}

} // namespace complaints::cli
