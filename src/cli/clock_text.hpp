#pragma once
// How clocks read in tables, in `show` and in JSON.
#include "output.hpp"

#include "complaints/clocks.hpp"
#include "complaints/store.hpp"

namespace complaints::cli {

// The clocks of a case as the store's policy and calendar see them at `now`.
std::vector<Clock> clocks_of(const Case& c, const Store& store, date::sys_seconds now);
// The clock the complainant's answer is due by, if the policy runs one.
std::optional<Clock> answering_clock_of(const Case& c, const Store& store, date::sys_seconds now);

// "2026-12-04" for a day deadline, "2026-11-18 09:00" for an hours one.
std::string due_text(const Clock& clock, const date::time_zone& zone);
// "3 working days left", "due today", "overdue by 2 working days", "met", ...
std::string standing_text(const Clock& clock, const date::time_zone& zone);

// How the complainant's answer stood against the policy, in the words the
// report uses: on time; after the policy's date but by the new date an
// explanation of delay sent in time gave (the policy is met); or late.
// `clock` is the answering clock, met.
std::string timeliness(const Case& c, const Clock& clock);

// The last instant a deadline allows, as people read it.
Timestamp last_moment(const Clock& clock, const date::time_zone& zone);

} // namespace complaints::cli
