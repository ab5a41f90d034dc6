// SPDX-License-Identifier: Apache-2.0
#include "complaints/ops/convert.hpp"

#include "complaints/workflow/later_entries.hpp"
#include "complaints/workflow/workflow.hpp"

#include <fmt/format.h>

namespace complaints {

namespace {

std::vector<Problem> request_problems(const ConvertRequest& request, const date::time_zone& zone) {
    std::vector<Problem> problems;
    if (!request.to_complaint && !request.clock_from)
        problems.emplace_back(ProblemCode::field_missing,
                              "give {to} complaint to convert the case, or {clock_from} with "
                              "{reason} to correct a converted complaint's clock start");
    if (request.clock_from && request.reason.empty())
        problems.emplace_back(ProblemCode::field_missing,
                              "{clock_from} needs {reason}: the policy runs the clock from "
                              "receipt");
    // A clock that starts on a day still to come would hide a late complaint.
    if (request.clock_from && *request.clock_from > local_date(request.now, zone))
        problems.emplace_back(
            ProblemCode::date_out_of_order,
            fmt::format("{{clock_from}}: '{}' is in the future", format_date(*request.clock_from)));
    return problems;
}

Converted correct_start(Case& c, const ConvertRequest& request, const date::time_zone& zone) {
    const auto was = correct_clock_start(c, *request.clock_from, zone);
    Event event = request.event;
    event.type = EventType::clock_start_corrected;
    event.text = fmt::format("Clock start corrected from {} to {}. Reason: {}",
                             clock_start_text(was, c, zone),
                             clock_start_text(c.clock_from, c, zone), request.reason);
    add_event(c, event);
    return {was};
}

void convert(Case& c, const ConvertRequest& request, const date::time_zone& zone) {
    check_convert(c);
    const auto received = local_date(c.received.utc, zone);
    if (request.clock_from && *request.clock_from < received)
        field_error(ProblemCode::date_out_of_order,
                    "{clock_from}: the clock cannot start before the case was received");
    const Kind was = c.kind;
    c.kind = Kind::complaint;
    c.clock_from = request.clock_from;
    Event event = request.event;
    event.type = EventType::converted;
    event.text =
        fmt::format("Converted from {} to complaint; the clock runs from {}{}", name_of(was),
                    request.clock_from ? format_date(*request.clock_from)
                                       : "the original receipt " + format_date(received),
                    request.reason.empty() ? "" : ". Reason: " + request.reason);
    add_event(c, event);
}

} // namespace

Converted convert_case(Case& c, const ConvertRequest& request, const date::time_zone& zone) {
    if (auto problems = request_problems(request, zone); !problems.empty())
        throw Error(ErrorKind::usage, fmt::format("cannot convert {}", c.id), std::move(problems));
    if (!request.to_complaint)
        return correct_start(c, request, zone);
    convert(c, request, zone);
    return {};
}

std::string clock_start_text(const std::optional<date::year_month_day>& from, const Case& c,
                             const date::time_zone& zone) {
    return from ? format_date(*from)
                : "the receipt, " + format_date(local_date(c.received.utc, zone));
}

} // namespace complaints
