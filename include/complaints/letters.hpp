#pragma once
// The letters sent to the complainant, built from the case, in Markdown:
// the acknowledgement, the written response (what the clinic policy's
// "Written Response" section asks a response to contain), the explanation of
// a delay, and the resolution agreed.
#include "complaints/config.hpp"
#include "complaints/model.hpp"

#include <optional>
#include <string>
#include <string_view>

namespace complaints {

// "24 September 2026".
std::string long_date(date::year_month_day day);

std::string response_letter(const Case& c, const Config& config, const date::time_zone& zone,
                            date::year_month_day today);

// The letter that tells the complainant the resolution agreed (the
// platform's last step), with `resolution` as they will read it.
std::string resolution_letter(const Case& c, const Config& config, const date::time_zone& zone,
                              date::year_month_day today, std::string_view resolution);

// The explanation of delay the clinic policy allows in place of a full
// response in time: why it is taking longer (`reason`), and the date the
// full response is now promised for, when one is known.
std::string delay_letter(const Case& c, const Config& config, const date::time_zone& zone,
                         date::year_month_day today, std::string_view reason,
                         std::optional<date::year_month_day> promised);

// The acknowledgement that the complaint was received: the points as the
// organisation understands them, and when the response is due
// (`response_due`, when a deadline runs); where the policy lets the period
// be agreed, it offers to discuss it.
std::string acknowledgement_letter(const Case& c, const Config& config, const date::time_zone& zone,
                                   date::year_month_day today,
                                   std::optional<date::year_month_day> response_due);

} // namespace complaints
