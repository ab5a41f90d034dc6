// SPDX-License-Identifier: Apache-2.0
// The CQC Regulation 16(3) summary: each complaint received in the period,
// what it said, and every response and letter on it, in time order, with
// the file that keeps each letter sent.
#include "report_output.hpp"

#include "complaints/base/text.hpp"

#include <algorithm>

namespace complaints::cli {

namespace {

std::string named(const Case& c, const std::string& text, bool include_names) {
    return include_names ? text : without_names(c, text);
}

Section case_section(const Case& c, const date::time_zone& zone, bool include_names) {
    Section section;
    // Times as the people CQC asks read them ("Mon 2 Nov 2026 10:00"), not RFC 3339.
    section.title = fmt::format("{}: received {}", c.id, uk_time(in_zone(c.received.utc, zone)));
    std::string facts =
        fmt::format("{} by {}; status {}", c.exclusion ? "Excluded complaint" : "Complaint",
                    name_of(c.channel), name_of(c.status));
    if (c.category)
        facts += fmt::format("; {}", name_of(*c.category));
    if (!c.type.empty())
        facts += fmt::format("; type {}", c.type);
    if (c.outcome)
        facts += fmt::format("; outcome {}", name_of(*c.outcome));
    section.notes.push_back(facts + ".");
    if (include_names)
        section.notes.push_back(
            fmt::format("Complainant: {}{}.", c.complainant,
                        c.on_behalf_of.empty() ? "" : ", on behalf of " + c.on_behalf_of));
    if (!c.about.empty())
        section.notes.push_back(fmt::format("About: {}.", c.about));
    section.notes.push_back("Complaint: " + named(c, c.summary, include_names));
    for (const auto& point : c.points)
        section.notes.push_back(
            fmt::format("Point {}: {}{}", point.number, named(c, point.text, include_names),
                        point.finding ? fmt::format(" ({})", name_of(*point.finding)) : ""));
    Table record{{"when", "what", "by", "detail"}, {}};
    // A response made is the letter kept: the row says where to read it.
    for (const auto& event : c.events)
        record.rows.push_back(
            {uk_time(in_zone(event.at.utc, zone)),
             std::string(name_of(event.type)) + (is_void(c, event) ? " (void)" : ""), event.by,
             named(c, event.text, include_names) +
                 (event.letter.empty() ? "" : fmt::format(" (letter sent: {})", event.letter))});
    section.tables.push_back(record);
    return section;
}

} // namespace

Document cqc_summary(const std::vector<Case>& cases, const Period& period,
                     const date::time_zone& zone, const std::string& organisation,
                     bool include_names) {
    std::vector<const Case*> received;
    for (const auto& c : cases) {
        const auto day = local_date(c.received.utc, zone);
        if (c.kind == Kind::complaint && day >= period.from && day <= period.to)
            received.push_back(&c);
    }
    std::sort(received.begin(), received.end(),
              [](const Case* a, const Case* b) { return a->received < b->received; });
    Document document;
    document.title = fmt::format("Complaints received {}: {}", period.label, organisation);
    document.subtitle = fmt::format(
        "For the Care Quality Commission under Regulation 16(3): {} "
        "received {} to {}, each with its "
        "responses and correspondence in time order.{}",
        plural(received.size(), "complaint"), format_date(period.from), format_date(period.to),
        include_names ? ""
                      : " Complainants' and patients' names are withheld where the case records "
                        "them; free text may still hold other names (staff, relatives, a "
                        "misspelt name): read it before it leaves the organisation.");
    for (const Case* c : received)
        document.sections.push_back(case_section(*c, zone, include_names));
    return document;
}

} // namespace complaints::cli
