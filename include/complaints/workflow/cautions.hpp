// SPDX-License-Identifier: Apache-2.0
#pragma once
// What a step may do, but a manager should look at twice before it goes:
// said on the way, never refused, because the manager may know better
// (a date agreed with the complainant, a body that agreed to look again).
#include "complaints/model/model.hpp"
#include "complaints/policy/policy.hpp"
#include "complaints/workflow/clocks.hpp"

#include <date/tz.h>

#include <optional>
#include <string>
#include <vector>

namespace complaints {

// An explanation of delay for `c` (the case before it) that sets
// `new_date`: a date that is not after the one the response is due on now
// explains no delay, and a day nobody works is an odd promise.
std::vector<std::string> delay_date_cautions(const Case& c, date::year_month_day new_date,
                                             const ClockContext& clocks);

// An explanation of delay for `c` sent at `at`, once the response's date
// has passed: it is kept, but it cannot make the response in time.
std::optional<std::string> late_explanation_caution(const Case& c, const Timestamp& at,
                                                    const ClockContext& clocks);

// An explanation of delay dated (--at) before the response was due but
// entered after it: it counts, but the report and `show` say it was
// explained in time on paper only.
std::optional<std::string> back_dated_explanation_caution(const Case& c, const Event& explanation,
                                                          const ClockContext& clocks);

// A referral to `body` after it already gave its outcome on this
// complaint: its decision stands unless the body agrees to look again.
std::optional<std::string> repeat_referral_caution(const Case& c, const ReviewBody& body,
                                                   const date::time_zone& zone);

// A response that upholds a point (wholly or partly) and says no sorry:
// the clinic policy asks for "an apology where appropriate", so the
// manager is asked whether it is. None when the case records an apology.
std::optional<std::string> upheld_without_apology_caution(const Case& c);

} // namespace complaints
