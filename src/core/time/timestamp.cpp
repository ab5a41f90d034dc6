// SPDX-License-Identifier: Apache-2.0
#include "complaints/time/timestamp.hpp"

#include "complaints/base/error.hpp"

#include <fmt/format.h>

namespace complaints {

namespace {

// Reads exactly `width` digits at text[pos]; nothing when they are not digits.
std::optional<int> digits(std::string_view text, std::size_t pos, std::size_t width) {
    if (pos + width > text.size())
        return std::nullopt;
    int value = 0;
    for (std::size_t i = pos; i < pos + width; ++i) {
        if (text[i] < '0' || text[i] > '9')
            return std::nullopt;
        value = value * 10 + (text[i] - '0');
    }
    return value;
}

struct ClockTime {
    int hour = 0, minute = 0, second = 0;
};

// "HH:MM" or "HH:MM:SS" at text[pos]; advances pos.
std::optional<ClockTime> parse_clock(std::string_view text, std::size_t& pos, bool need_seconds) {
    const auto hour = digits(text, pos, 2);
    if (!hour || pos + 2 >= text.size() || text[pos + 2] != ':')
        return std::nullopt;
    const auto minute = digits(text, pos + 3, 2);
    if (!minute)
        return std::nullopt;
    pos += 5;
    int second = 0;
    if (pos < text.size() && text[pos] == ':') {
        const auto s = digits(text, pos + 1, 2);
        if (!s)
            return std::nullopt;
        second = *s;
        pos += 3;
    } else if (need_seconds) {
        return std::nullopt;
    }
    if (*hour > 23 || *minute > 59 || second > 59)
        return std::nullopt;
    return ClockTime{*hour, *minute, second};
}

// "Z", "+HH:MM" or "-HH:MM" filling the rest of the text.
std::optional<int> parse_offset(std::string_view rest) {
    if (rest == "Z")
        return 0;
    if (rest.size() != 6 || (rest[0] != '+' && rest[0] != '-') || rest[3] != ':')
        return std::nullopt;
    const auto hours = digits(rest, 1, 2);
    const auto minutes = digits(rest, 4, 2);
    if (!hours || !minutes || *hours > 14 || *minutes > 59)
        return std::nullopt;
    const int total = *hours * 60 + *minutes;
    return rest[0] == '-' ? -total : total;
}

std::chrono::seconds since_midnight(const ClockTime& t) {
    return std::chrono::hours(t.hour) + std::chrono::minutes(t.minute) +
           std::chrono::seconds(t.second);
}

} // namespace

date::year_month_day written_date(const Timestamp& at) {
    return date::year_month_day{
        date::floor<date::days>(at.utc + std::chrono::minutes(at.offset_minutes))};
}

std::string format_timestamp(const Timestamp& at) {
    const auto local = at.utc + std::chrono::minutes(at.offset_minutes);
    const auto day = date::floor<date::days>(local);
    const date::hh_mm_ss clock{local - day};
    const int offset = at.offset_minutes < 0 ? -at.offset_minutes : at.offset_minutes;
    return fmt::format("{}T{:02}:{:02}:{:02}{}{:02}:{:02}", format_date(date::year_month_day{day}),
                       clock.hours().count(), clock.minutes().count(), clock.seconds().count(),
                       at.offset_minutes < 0 ? '-' : '+', offset / 60, offset % 60);
}

std::string format_minute(const Timestamp& at) {
    const std::string stamp = format_timestamp(at);
    return stamp.substr(0, 10) + " " + stamp.substr(11, 5);
}

std::optional<date::year_month_day> parse_date(std::string_view text) {
    if (text.size() != 10 || text[4] != '-' || text[7] != '-')
        return std::nullopt;
    const auto y = digits(text, 0, 4);
    const auto m = digits(text, 5, 2);
    const auto d = digits(text, 8, 2);
    if (!y || !m || !d || *y < 1900 || *y > 2999)
        return std::nullopt;
    const date::year_month_day day{date::year{*y}, date::month(static_cast<unsigned>(*m)),
                                   date::day(static_cast<unsigned>(*d))};
    if (!day.ok())
        return std::nullopt;
    return day;
}

std::string format_date(date::year_month_day day) {
    return fmt::format("{:04}-{:02}-{:02}", static_cast<int>(day.year()),
                       static_cast<unsigned>(day.month()), static_cast<unsigned>(day.day()));
}

std::optional<Timestamp> parse_stored_timestamp(std::string_view text) {
    const auto day = parse_date(text.substr(0, 10));
    if (!day || text.size() < 11 || text[10] != 'T')
        return std::nullopt;
    std::size_t pos = 11;
    const auto clock = parse_clock(text, pos, true);
    if (!clock)
        return std::nullopt;
    const auto offset = parse_offset(text.substr(pos));
    if (!offset)
        return std::nullopt;
    const auto local = date::sys_days{*day} + since_midnight(*clock);
    return Timestamp{local - std::chrono::minutes(*offset), *offset};
}

Timestamp in_zone(date::sys_seconds utc, const date::time_zone& zone) {
    const auto info = zone.get_info(utc);
    return Timestamp{utc, static_cast<int>(date::floor<std::chrono::minutes>(info.offset).count())};
}

Timestamp parse_user_time(std::string_view text, const date::time_zone& zone,
                          std::string_view flag) {
    const auto invalid = [&](std::string_view why) {
        return Error(ErrorKind::usage,
                     fmt::format("{}: '{}' {}; write YYYY-MM-DD, 'YYYY-MM-DD HH:MM' or "
                                 "YYYY-MM-DDTHH:MM:SS+01:00",
                                 flag, text, why));
    };
    const auto head = text.substr(0, std::min<std::size_t>(text.size(), 10));
    const auto day = parse_date(head);
    if (!day) {
        const bool date_shaped = head.size() == 10 && head[4] == '-' && head[7] == '-';
        throw invalid(date_shaped ? "is not a date on the calendar" : "is not a date or time");
    }
    if (text.size() > 10 && text[10] != 'T' && text[10] != ' ')
        throw invalid("is not a date or time");
    ClockTime clock;
    std::optional<int> offset;
    if (text.size() > 10) {
        std::size_t pos = 11;
        const auto parsed = parse_clock(text, pos, false);
        if (!parsed)
            throw invalid("has no valid time after the date");
        clock = *parsed;
        if (pos < text.size() && !(offset = parse_offset(text.substr(pos))))
            throw invalid("has an unreadable UTC offset");
    }
    const auto wall = date::sys_days{*day} + since_midnight(clock);
    if (offset)
        return Timestamp{wall - std::chrono::minutes(*offset), *offset};
    const date::local_seconds local{wall.time_since_epoch()};
    const auto info = zone.get_info(local);
    if (info.result == date::local_info::nonexistent)
        throw invalid(fmt::format("does not exist in {}: the clocks skip it", zone.name()));
    // In the repeated hour of autumn the earlier reading is taken, as people
    // write the first 01:30 unless they say otherwise with an offset.
    return in_zone(date::sys_seconds{(local - info.first.offset).time_since_epoch()}, zone);
}

date::year_month_day local_date(date::sys_seconds utc, const date::time_zone& zone) {
    const auto offset = zone.get_info(utc).offset;
    return date::year_month_day{date::floor<date::days>(utc + offset)};
}

date::sys_seconds end_of_local_day(date::year_month_day day, const date::time_zone& zone) {
    const date::local_days next{date::sys_days{day}.time_since_epoch() + date::days{1}};
    return date::floor<std::chrono::seconds>(
        zone.to_sys(date::local_seconds{next}, date::choose::earliest));
}

const date::time_zone& find_zone(const std::string& name) {
    try {
        return *date::locate_zone(name);
    } catch (const std::exception&) {
        throw Error(ErrorKind::usage, fmt::format("unknown time zone '{}'", name));
    }
}

} // namespace complaints
