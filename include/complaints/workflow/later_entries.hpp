// SPDX-License-Identifier: Apache-2.0
#pragma once
// Correcting the record by a later entry: nothing is erased. A closed or
// excluded case is reopened, a point raised is added, a mistaken event is
// voided, a converted complaint's clock start is corrected. Each decision
// throws a structured refusal, or changes the case and says what it
// replaced, so the command can record it in the event it adds.
#include "complaints/base/error.hpp"
#include "complaints/model/model.hpp"
#include "complaints/policy/policy.hpp"
#include "complaints/workflow/clocks.hpp"

#include <optional>
#include <string>
#include <string_view>

namespace complaints {

// What a closed or excluded case held before it was reopened.
struct ClosedState {
    std::optional<Outcome> outcome;
    std::string learning;
    std::string no_learning;
    std::optional<Excluded> exclusion;
    std::optional<Timestamp> closed_at; // the last closing (or exclusion) event
};

// Throws `refused` unless the case is closed or excluded.
void check_reopen(const Case& c);
// Opens a closed or excluded case again: its status, outcome, lessons and
// exclusion leave the current state and are returned, for the `reopened`
// event to keep. Clocks are derived, so a clock met stays met and one not
// met runs again from its original start. A warning issued on closing stands.
ClosedState reopen(Case& c);

// How a case stood at an instant when it was closed or excluded then: the
// last closing or exclusion before it, with the outcome and lessons
// recorded. The case's fields hold the latest state; a reopening after the
// instant kept what it replaced, so a report of an old period reads what
// stood at its end, whatever was reopened or decided since.
struct Ending {
    Timestamp at;
    bool excluded = false;
    std::optional<Outcome> outcome;
    std::string_view learning; // the case's, or its reopening's: it lives as long
    std::string_view no_learning;
    std::optional<Satisfaction> satisfaction; // as the closing recorded it
};
// Nothing when the case was open at `at`.
std::optional<Ending> ending_at(const Case& c, date::sys_seconds at);
// The case's clocks as it stood at `context.now`, given `ending_at` then:
// an exclusion since takes no deadline back, a reopening since adds none.
std::vector<Clock> clocks_as_at(const Case& c, const std::optional<Ending>& then,
                                const ClockContext& context);

// Throws `refused` when a point cannot be added: the case is closed, or the
// stage 1 response has been sent and this is not a correction.
void check_add_point(const Case& c, bool correction);
// Adds point N+1, raised at `at`, and returns it. After the response it is a
// correction and keeps its reason; before it, a usage error to give one.
const Point& add_point(Case& c, std::string text, const Timestamp& at, std::string correction);

// Why an event of this type is never voided (its effect lives in the case's
// fields and has its own correction), or nothing when it can be.
std::optional<std::string> why_not_voidable(EventType type);

// The event `number` (1-based, in file order, as `show` numbers the
// timeline); a usage error when the case has none.
const Event& event_numbered(const Case& c, int number);

// Whether `event` recorded a value of `field` (a merge conflict's field,
// "points[n: 1].finding"): a point's finding event its finding and
// conclusion, an action's "Action N done" event its done.
bool records_field(const Event& event, const std::string& field);

// Throws `refused` when `target` (one of c.events) cannot be voided: the
// opening, a void, an event already void, an event whose effect lives in the
// case's fields, or, on a closed case, an event a clock or a process rule
// reads (reopen the case first).
void check_void(const Case& c, const Event& target, const Policy& policy);
// Voids event `number` by `voiding`, a `voided` event whose text is the
// reason: it gains the reference to the event and joins the timeline.
// A usage error when it is dated before the event it voids.
void void_event(Case& c, int number, Event voiding, const Policy& policy);

// Throws unless the clock start of a converted complaint can move to `from`:
// `refused` for a case that is not an open complaint converted from a concern
// or feedback, or when the clock already starts then; a usage error for a
// date before receipt.
void check_clock_correction(const Case& c, date::year_month_day from, const date::time_zone& zone);
// Moves it, and returns the start it replaces (nothing: the receipt). The
// receipt's own date puts the clock back to the receipt.
std::optional<date::year_month_day> correct_clock_start(Case& c, date::year_month_day from,
                                                        const date::time_zone& zone);

// What is wrong with the case's voids, each as a message: a void naming no
// event, or one the case does not have, or one the tool never voids; a void
// dated before what it voids; a void reference on another type of event.
// On a closed case, a void made after the closing of a step a deadline or a
// rule of `policy` reads (a hand edit: `void` refuses it). Each comes with
// the index of the event at fault.
std::vector<std::pair<std::size_t, std::string>> void_problems(const Case& c, const Policy& policy);

} // namespace complaints
