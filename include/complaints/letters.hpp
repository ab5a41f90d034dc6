#pragma once
// The written response, built from the case: what the clinic policy's
// "Written Response" section asks a response to contain, in Markdown.
#include "complaints/config.hpp"
#include "complaints/model.hpp"

#include <string>

namespace complaints {

// "24 September 2026".
std::string long_date(date::year_month_day day);

std::string response_letter(const Case& c, const Config& config, const date::time_zone& zone,
                            date::year_month_day today);

} // namespace complaints
