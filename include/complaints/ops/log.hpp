// SPDX-License-Identifier: Apache-2.0
#pragma once
// `log` as one operation: an event added to a case's timeline, with every
// refusal of it.
#include "complaints/model/model.hpp"
#include "complaints/policy/policy.hpp"

#include <functional>
#include <string>
#include <string_view>

namespace complaints {

struct LogRequest {
    // The event, whole: type, text, time, author, attendees, dates.
    Event event;
    // A copy of the correspondence sent is to be kept with it.
    bool keeps_letter = false;
    // Why the policy's order of steps is skipped, when it is.
    std::string skip_step;
};

// Where a kept letter goes, given the name it is kept under; returns the
// path the event records. Called only once every check has passed.
using KeepLetter = std::function<std::string(std::string_view name)>;

// Adds the request's event to `c` and returns it as added (with its kept
// letter), or throws, changing nothing: a usage Error for a letter kept with
// an event that sends nothing, else the workflow's refusals (check_logged,
// the order of steps).
Event log_event(Case& c, const LogRequest& request, const Policy& policy,
                const date::time_zone& zone, const KeepLetter& keep_letter);

// What a copy of the correspondence an event of `type` records is called in
// letters/<ID>/; a usage error naming the field for a type that sends
// nothing in writing.
std::string_view letter_name(EventType type);

// The text a logged event of `type` gets when none is given, for the types
// that say one thing (a form's link sent, the record signed, the insurer
// told); empty for the rest, which need their text.
std::string default_log_text(EventType type, const std::string& website);

} // namespace complaints
