// SPDX-License-Identifier: Apache-2.0
#pragma once
// respond's letters as operations: the acknowledgement, the explanation of
// delay and the written response, each recorded with its letter kept, or
// refused with every problem at once. A draft is the same operation on a
// copy of the case, its letter captured rather than kept.
#include "complaints/model/model.hpp"
#include "complaints/ops/log.hpp"
#include "complaints/policy/policy.hpp"
#include "complaints/workflow/clocks.hpp"

#include <functional>
#include <optional>
#include <string>
#include <vector>

namespace complaints {

struct Acknowledgement {
    // email or letter; empty when not said.
    std::string via;
    // The event's time, author and `recorded`; its type and text are the
    // operation's.
    Event event;
};

// Records the acknowledgement, its letter kept through `keep_letter` once
// every check has passed (the case as it stood before is what it answers).
Event acknowledge_complaint(Case& c, const Acknowledgement& request, const date::time_zone& zone,
                            const KeepLetter& keep_letter);

struct DelayExplanation {
    // The reason, as the letter tells the complainant.
    std::string reason;
    // The date the response is now promised for; else the policy's fresh
    // period decides.
    std::optional<date::year_month_day> new_date;
    Event event;
};

struct DelayExplained {
    Event event;
    // About the new date or the explanation's timing: said, not refused.
    std::vector<std::string> cautions;
    // The response's due date before the explanation, and after it.
    std::optional<date::year_month_day> aimed;
    std::optional<date::year_month_day> due;
    // The date the letter promises.
    std::optional<date::year_month_day> promised;
};

// The delay letter for what `explained` records, written before the event
// is added; returns the path the event records.
using KeepDelayLetter = std::function<std::string(const Case& before, const DelayExplained&)>;

// Records the explanation of delay, its letter kept through `keep_letter`
// once every check has passed.
DelayExplained explain_response_delay(Case& c, const DelayExplanation& request,
                                      const ClockContext& clocks,
                                      const KeepDelayLetter& keep_letter);

struct ResponseRequest {
    // email or letter.
    std::string via;
    // Why the response goes before the consent form, or without the
    // practitioner's account: each waiver becomes an event of its own.
    std::string proceed_without_consent;
    std::string without_practitioner;
    Event event;
};

// Records the written response as sent, its letter kept through
// `keep_letter` before the waivers are added (the letter is the one the
// draft showed).
Event send_written_response(Case& c, const ResponseRequest& request, const Policy& policy,
                            const KeepLetter& keep_letter);

} // namespace complaints
