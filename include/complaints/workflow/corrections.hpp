// SPDX-License-Identifier: Apache-2.0
#pragma once
// What was sent is frozen. Once the complainant has the organisation's
// answer (the response, or the platform's agreed resolution), an item of it
// changes only by a correction: a reason, and a `corrected` event that keeps
// the value before and after, who and when. Nothing is overwritten unseen.
#include "complaints/model/model.hpp"

#include <optional>
#include <string>
#include <vector>

namespace complaints {

// The step that sent the answer: the first response-sent or resolved event.
const Event* sent_event(const Case& c);

// One item of the answer about to change: "point 2 conclusion", "apology".
struct Amendment {
    std::string item;
    std::string before;
    std::string after;
};

// Once the answer is sent, refuses (already_sent, one problem per item that
// really changes) unless `correction` is given. With it, adds a `corrected`
// event per changed item: `correction`'s time, author and text (the
// reason), with the item and both values; a correction with nothing sent
// yet, or that changes nothing, is a usage error. The caller makes the
// change itself.
void record_amendments(Case& c, const std::vector<Amendment>& changes,
                       const std::optional<Event>& correction);

// The apology the response gives, changed through record_amendments.
void set_apology(Case& c, const std::string& apology, const std::optional<Event>& correction);

// The treatment a treatment-related complaint is about, as the response
// summarises it: what, the day and by whom. Only the parts given change,
// through record_amendments.
struct Treatment {
    std::optional<std::string> what;
    std::optional<date::year_month_day> on;
    std::optional<std::string> by;
};
void set_treatment(Case& c, const Treatment& treatment, const std::optional<Event>& correction);

// The practitioners a treatment-related complaint involves, named at open
// or later: the whole list, replaced through record_amendments (the
// response names them, so after it a change is a correction).
void set_practitioners(Case& c, const std::vector<std::string>& practitioners,
                       const std::optional<Event>& correction);

// The case's point numbered `number`, or a usage error (no_such_item)
// saying how many it has.
Point& point_numbered(Case& c, int number);

// A point's words to the complainant (the letter's), set or changed
// through record_amendments: after the answer went, only as a correction.
// A point the case lacks, or blank words, is a usage error.
void set_point_wording(Case& c, int point, const std::string& wording,
                       const std::optional<Event>& correction);

// The items of the answer that a `corrected` event changed, with the last
// correction's time: for `show` to mark them.
std::vector<std::pair<std::string, Timestamp>> corrected_items(const Case& c);

} // namespace complaints
