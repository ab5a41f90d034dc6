// SPDX-License-Identifier: Apache-2.0
#include "complaints/workflow/received.hpp"

#include "complaints/time/timestamp.hpp"

#include <fmt/format.h>

namespace complaints {

std::optional<std::string> received_ahead(const Case& c, date::sys_seconds now) {
    if (c.received.utc <= now + std::chrono::minutes(5))
        return std::nullopt;
    return fmt::format("'received' is {}, after now ({}): a case is received before anything "
                       "is recorded on it; correct the date in the file by hand",
                       format_date(written_date(c.received)),
                       format_date(date::year_month_day{date::floor<date::days>(now)}));
}

} // namespace complaints
