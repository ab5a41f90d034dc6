// SPDX-License-Identifier: Apache-2.0
#include "complaints/ops/respond.hpp"

#include "complaints/workflow/cautions.hpp"
#include "complaints/workflow/workflow.hpp"

#include <fmt/format.h>

namespace complaints {

namespace {

void check_channel(const std::string& via, std::string_view what, const std::string& id) {
    if (via != "email" && via != "letter")
        field_error(ProblemCode::value_invalid,
                    fmt::format("{{via}}: {} goes by email or letter, not '{}'", what, via), id);
}

bool blank(const std::string& text) {
    return text.find_first_not_of(" \t\r\n") == std::string::npos;
}

// The explanation's event and what it says about dates, before it is added.
DelayExplained delay_explained(const Case& c, const DelayExplanation& request,
                               const ClockContext& clocks) {
    DelayExplained delay;
    delay.event = request.event;
    delay.event.type = EventType::delay_explained;
    delay.event.text = request.reason;
    if (request.new_date) {
        if (date::sys_days{*request.new_date} <
            date::sys_days{local_date(delay.event.at.utc, clocks.zone)})
            field_error(ProblemCode::date_out_of_order,
                        "{new_date}: the new date is before the explanation was sent", c.id);
        delay.event.due = request.new_date;
        delay.cautions = delay_date_cautions(c, *request.new_date, clocks);
    }
    if (auto late = late_explanation_caution(c, delay.event.at, clocks))
        delay.cautions.push_back(std::move(*late));
    if (auto back_dated = back_dated_explanation_caution(c, delay.event, clocks))
        delay.cautions.push_back(std::move(*back_dated));
    return delay;
}

} // namespace

Event acknowledge_complaint(Case& c, const Acknowledgement& request, const date::time_zone& zone,
                            const KeepLetter& keep_letter) {
    if (!request.via.empty())
        check_channel(request.via, "an acknowledgement", c.id);
    require_formal_complaint(c, "acknowledge the complaint");
    require_unacknowledged(c, zone);
    Event event = request.event;
    event.type = EventType::acknowledged;
    event.text = "Acknowledgement sent" + (request.via.empty() ? "" : " by " + request.via);
    event.letter = keep_letter("acknowledgement");
    add_event(c, event);
    return event;
}

DelayExplained explain_response_delay(Case& c, const DelayExplanation& request,
                                      const ClockContext& clocks,
                                      const KeepDelayLetter& keep_letter) {
    if (blank(request.reason))
        field_error(ProblemCode::value_invalid,
                    "{reason}: give the reason for the delay, as the letter tells the "
                    "complainant",
                    c.id);
    check_delay_allowed(clocks.policy);
    require_formal_complaint(c, "explain a delay");
    check_delay(c);
    DelayExplained delay = delay_explained(c, request, clocks);
    if (const auto clock = clock_met_by(c, clocks, EventType::response_sent))
        delay.aimed = clock->due.day;
    Case with = c;
    add_event(with, delay.event);
    delay.promised = delay.event.due;
    // Without a new date the letter promises the fresh period's end, unless
    // a late explanation moved nothing: then no date already gone.
    if (const auto clock = clock_met_by(with, clocks, EventType::response_sent)) {
        delay.due = clock->due.day;
        if (!delay.promised && clock->due.day != delay.aimed)
            delay.promised = clock->due.day;
    }
    delay.event.letter = keep_letter(c, delay);
    add_event(c, delay.event);
    return delay;
}

Event send_written_response(Case& c, const ResponseRequest& request, const Policy& policy,
                            const KeepLetter& keep_letter) {
    check_response_allowed(policy, "send a written response");
    check_channel(request.via, "a written response", c.id);
    require_formal_complaint(c, "send the response");
    check_response(c, policy,
                   {.consent = !request.proceed_without_consent.empty(),
                    .practitioner = !request.without_practitioner.empty()});
    Event sent = request.event;
    sent.type = EventType::response_sent;
    const bool further = further_reopening(c) != nullptr;
    // Kept before this step adds events, exactly as the draft showed it.
    sent.letter = keep_letter(further ? "further-response" : "response");
    const auto waiver = [&](EventType type, const std::string& text) {
        Event event = request.event;
        event.type = type;
        event.text = text;
        add_event(c, event);
    };
    if (!request.proceed_without_consent.empty())
        waiver(EventType::consent_waived, request.proceed_without_consent);
    if (!request.without_practitioner.empty())
        waiver(EventType::practitioner_waived, request.without_practitioner);
    // The event states the fact; how it stood against the deadline is worked
    // out again whenever it is shown, so a later change of calendar or
    // policy leaves no stale date in the record.
    sent.text =
        (further ? "Further written response sent by " : "Written response sent by ") + request.via;
    add_event(c, sent);
    return sent;
}

} // namespace complaints
