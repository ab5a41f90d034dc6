// SPDX-License-Identifier: Apache-2.0
#include "complaints/time/duration.hpp"
#include "complaints/base/error.hpp"
#include "complaints/base/text.hpp"

#include <fmt/format.h>

#include <algorithm>
#include <cctype>
#include <charconv>

namespace complaints {

namespace {

struct UnitSpelling {
    std::string_view word;
    DurationUnit unit;
};

constexpr UnitSpelling k_spellings[] = {
    {"working days", DurationUnit::working_days},
    {"working day", DurationUnit::working_days},
    {"wd", DurationUnit::working_days},
    {"days", DurationUnit::days},
    {"day", DurationUnit::days},
    {"d", DurationUnit::days},
    {"weeks", DurationUnit::weeks},
    {"week", DurationUnit::weeks},
    {"w", DurationUnit::weeks},
    {"hours", DurationUnit::hours},
    {"hour", DurationUnit::hours},
    {"h", DurationUnit::hours},
    {"months", DurationUnit::months},
    {"month", DurationUnit::months},
    {"mo", DurationUnit::months},
};

// The longest spans any complaints rule could want: ten years.
int longest(DurationUnit unit) {
    switch (unit) {
    case DurationUnit::working_days:
        return 2610;
    case DurationUnit::days:
        return 3660;
    case DurationUnit::weeks:
        return 522;
    case DurationUnit::hours:
        return 87840;
    case DurationUnit::months:
        return 120;
    }
    return 0;
}

} // namespace

Duration parse_duration(std::string_view text) {
    const std::string plain = folded(text);
    const auto invalid = [&](std::string_view why) {
        return Error(ErrorKind::usage,
                     fmt::format("'{}' {}; write a span such as '14 working days', '48 hours', "
                                 "'3 weeks', '6 months' or '10 days'",
                                 text, why));
    };
    if (!plain.empty() && plain[0] == '-')
        throw invalid("is negative");
    int amount = 0;
    const auto [end, ec] = std::from_chars(plain.data(), plain.data() + plain.size(), amount);
    if (ec == std::errc::result_out_of_range)
        throw invalid("is far too long");
    if (ec != std::errc{} || end == plain.data())
        throw invalid("does not start with a whole number");
    std::string_view unit_text(end, static_cast<std::size_t>(plain.data() + plain.size() - end));
    if (unit_text.starts_with(' '))
        unit_text.remove_prefix(1);
    // A bare number: working days are what a complaints process counts in,
    // but calendar days are a unit too, so neither is guessed.
    if (unit_text.empty())
        throw Error(ErrorKind::usage,
                    fmt::format("'{}' has no unit: write '{} working days' ({}wd), or '{} days' "
                                "({}d) for calendar days; weeks (w), hours (h) and months (mo) "
                                "also count",
                                text, amount, amount, amount, amount));
    const auto* spelling = std::find_if(std::begin(k_spellings), std::end(k_spellings),
                                        [&](const UnitSpelling& s) { return s.word == unit_text; });
    if (spelling == std::end(k_spellings)) {
        std::vector<std::string> words;
        for (const auto& s : k_spellings)
            words.emplace_back(s.word);
        throw invalid(
            fmt::format("has an unknown unit '{}'{}", unit_text, did_you_mean(unit_text, words)));
    }
    if (amount > longest(spelling->unit))
        throw invalid("is far too long");
    return Duration{amount, spelling->unit};
}

std::string format_duration(const Duration& duration) {
    const bool one = duration.amount == 1;
    std::string_view unit;
    switch (duration.unit) {
    case DurationUnit::working_days:
        unit = one ? "working day" : "working days";
        break;
    case DurationUnit::days:
        unit = one ? "day" : "days";
        break;
    case DurationUnit::weeks:
        unit = one ? "week" : "weeks";
        break;
    case DurationUnit::hours:
        unit = one ? "hour" : "hours";
        break;
    case DurationUnit::months:
        unit = one ? "month" : "months";
        break;
    }
    return fmt::format("{} {}", duration.amount, unit);
}

date::year_month_day add_months(date::year_month_day day, int months) {
    const date::year_month_day moved = day + date::months{months};
    if (moved.ok())
        return moved;
    return moved.year() / moved.month() / date::last;
}

Deadline deadline_after(const Timestamp& from, const Duration& span,
                        const WorkingCalendar& calendar, const date::time_zone& zone) {
    if (span.unit == DurationUnit::hours) {
        const auto at = from.utc + std::chrono::hours(span.amount);
        return Deadline{local_date(at, zone), at, false};
    }
    const date::year_month_day start = local_date(from.utc, zone);
    date::year_month_day day;
    switch (span.unit) {
    case DurationUnit::working_days:
        day = calendar.add(date::sys_days{start}, span.amount);
        break;
    case DurationUnit::days:
        day = date::sys_days{start} + date::days{span.amount};
        break;
    case DurationUnit::weeks:
        day = date::sys_days{start} + date::days{7 * span.amount};
        break;
    case DurationUnit::months:
        day = add_months(start, span.amount);
        break;
    case DurationUnit::hours:
        break;
    }
    return Deadline{day, end_of_local_day(day, zone), true};
}

date::year_month_day calendar_day_after(date::year_month_day day, const Duration& span) {
    const date::sys_days start{day};
    switch (span.unit) {
    case DurationUnit::days:
        return start + date::days{span.amount};
    case DurationUnit::weeks:
        return start + date::days{7 * span.amount};
    case DurationUnit::months:
        return add_months(day, span.amount);
    case DurationUnit::hours:
        return start + date::days{(span.amount + 23) / 24};
    case DurationUnit::working_days:
        break;
    }
    throw Error(ErrorKind::usage, fmt::format("'{}' is calendar time: give days, weeks or months",
                                              format_duration(span)));
}

} // namespace complaints
