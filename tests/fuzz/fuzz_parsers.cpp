// SPDX-License-Identifier: Apache-2.0
// Any text through the date, time, duration and patient-data parsers: an
// answer or a clear Error, and what parses prints back the same.
#include "complaints/base/error.hpp"
#include "complaints/policy/patient_data.hpp"
#include "complaints/policy/policy.hpp"
#include "complaints/time/timestamp.hpp"

#include <cstdint>
#include <cstdlib>

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
    const std::string text(reinterpret_cast<const char*>(data), size);
    if (const auto day = complaints::parse_date(text); day && complaints::format_date(*day) != text)
        std::abort();
    if (const auto at = complaints::parse_stored_timestamp(text))
        if (!complaints::parse_stored_timestamp(complaints::format_timestamp(*at)))
            std::abort();
    try {
        complaints::parse_user_time(text, complaints::find_zone("Europe/London"), "--at");
    } catch (const complaints::Error&) {
    }
    try {
        const auto span = complaints::parse_duration(text);
        if (!(complaints::parse_duration(complaints::format_duration(span)) == span))
            std::abort();
    } catch (const complaints::Error&) {
    }
    static const complaints::Policy platform = complaints::preset_policy("platform");
    if (size < 4096)
        complaints::find_patient_data(text, platform);
    return 0;
}
