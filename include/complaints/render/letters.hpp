// SPDX-License-Identifier: Apache-2.0
#pragma once
// The letters sent to the complainant, built from the case, in Markdown:
// the acknowledgement, the written response (what the clinic policy's
// "Written Response" section asks a response to contain), the explanation of
// a delay, and the resolution agreed.
#include "complaints/codec/config.hpp"
#include "complaints/model/model.hpp"

#include <optional>
#include <string>
#include <string_view>

namespace complaints {

// When a letter's step was due: the policy's date, or the new date an
// explanation of delay gave (`explained`). A letter sent after it says
// sorry for the delay.
struct DueDate {
    date::year_month_day day;
    bool explained = false;
};

// "24 September 2026".
std::string long_date(date::year_month_day day);

// The written response; `due` is when it was due, when a clock runs.
std::string response_letter(const Case& c, const Config& config, const date::time_zone& zone,
                            date::year_month_day today, std::optional<DueDate> due = std::nullopt);

// The letter that tells the complainant the resolution agreed (the
// platform's last step), with `resolution` as they will read it.
std::string resolution_letter(const Case& c, const Config& config, const date::time_zone& zone,
                              date::year_month_day today, std::string_view resolution);

// What a letter prints where the signatory's name goes while
// complaints.yaml sets none: the response's, where the responsible person
// signs it (regulation 14(2)), names that key.
inline constexpr std::string_view k_unsigned = "[Your name: set `signatory:` in complaints.yaml]";
inline constexpr std::string_view k_unsigned_response =
    "[The responsible person's name: set `responsible_person:` in complaints.yaml]";
// The placeholder a letter (the response, or another) would be signed
// with; empty when complaints.yaml names who signs it.
std::string_view unsigned_placeholder(const Config& config, bool response);
// Why a response signed by the signatory falls short, when the policy has
// the responsible person sign it and none is named (regulation 14(2)).
std::string responsible_person_caution(const Config& config, bool response);

// The explanation of delay the clinic policy allows in place of a full
// response in time: why it is taking longer (`reason`), and the date the
// full response is now promised for, when one is known. It says sorry for a
// delay only when that date is after the one it was due by (`aimed`).
std::string delay_letter(const Case& c, const Config& config, const date::time_zone& zone,
                         date::year_month_day today, std::string_view reason,
                         std::optional<date::year_month_day> promised,
                         std::optional<date::year_month_day> aimed);

// The acknowledgement that the complaint was received: the points as the
// organisation understands them, and when the response is due
// (`response_due`, when a deadline runs; never promised once passed);
// where the policy lets the period be agreed, it offers to discuss it. Sent
// after `acknowledgement_due` it says sorry for the delay; a complaint made
// by phone or in person encloses its written record to agree.
std::string acknowledgement_letter(const Case& c, const Config& config, const date::time_zone& zone,
                                   date::year_month_day today, std::optional<DueDate> response_due,
                                   std::optional<date::year_month_day> acknowledgement_due);

// A letter's Markdown (as the functions above write it) as a self-contained
// HTML page to print or save as PDF, titled `title`; all text escaped.
std::string letter_html(std::string_view markdown, std::string_view title);

} // namespace complaints
