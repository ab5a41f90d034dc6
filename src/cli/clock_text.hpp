// SPDX-License-Identifier: Apache-2.0
#pragma once
// How clocks read in tables, in `show` and in JSON.
#include "output.hpp"

#include "complaints/store/store.hpp"
#include "complaints/workflow/clocks.hpp"

namespace complaints::cli {

// The clocks of a case as the store's policy and calendar see them at `now`.
std::vector<Clock> clocks_of(const Case& c, const Store& store, date::sys_seconds now);
// The clock the complainant's answer is due by, if the policy runs one.
std::optional<Clock> answering_clock_of(const Case& c, const Store& store, date::sys_seconds now);

// "2026-12-04" for a day deadline, "2026-11-18 09:00" for an hours one.
std::string due_text(const Clock& clock, const date::time_zone& zone);
// "3 working days left", "due today", "overdue by 2 working days", "met", ...
std::string standing_text(const Clock& clock, const date::time_zone& zone);

// The one wording of the time left before a deadline, for `show`, `list`
// and the agenda: an hours deadline in clock hours ("25 hours left",
// "overdue by 3 hours"), a day one in working days ("3 working days left",
// "due today", "overdue by 2 working days").
std::string time_left_text(const Deadline& due, bool overdue, int working_days_left,
                           long hours_left);

// "falls on a Sunday: nobody may be in; act by Fri 2026-11-27".
std::string off_day_text(const OffDayDeadline& off_day);

// What an hours clock counts, for a reader who would assume working hours:
// "48 clock hours after receipt, weekends and bank holidays included";
// empty for a day clock.
std::string clock_hours_text(const Clock& clock, const Policy& policy);

// How the complainant's answer stood against the policy, in the words the
// report uses: on time; after the policy's date but by the new date an
// explanation of delay sent in time gave (the policy is met); or late.
// `clock` is the answering clock, met.
std::string timeliness(const Case& c, const Clock& clock);

// A deadline as one instant in the local zone: an hours deadline's own
// instant (48 hours after receipt), a day deadline's last second,
// 23:59:59 on its date (its `at` is the midnight after, on the next
// date). Text and JSON's `due_at` in every command (docs/json.md).
Timestamp last_moment(const Deadline& due, const date::time_zone& zone);

} // namespace complaints::cli
