// SPDX-License-Identifier: Apache-2.0
#include "complaints/codec/holiday_import.hpp"

#include "complaints/base/error.hpp"
#include "complaints/base/text.hpp"
#include "complaints/time/timestamp.hpp"
#include "yaml_reader.hpp"

#include <fmt/format.h>

#include <algorithm>
#include <set>

namespace complaints {

namespace {

std::set<int> years_of(const std::vector<Holiday>& holidays) {
    std::set<int> years;
    for (const auto& h : holidays)
        years.insert(static_cast<int>(h.day.year()));
    return years;
}

bool has_day(const std::vector<Holiday>& holidays, date::year_month_day day) {
    return std::any_of(holidays.begin(), holidays.end(),
                       [&](const Holiday& h) { return h.day == day; });
}

std::vector<Holiday> read_events(MapReader& region, const std::string& file) {
    std::vector<Holiday> events;
    for (const auto& node : region.sequence(region.required("events"), "events")) {
        MapReader event(node, file, "an event");
        const YamlNode when = event.required("date");
        const auto day = event.date(when, "date");
        if (static_cast<int>(day.year()) < k_first_year ||
            static_cast<int>(day.year()) > k_last_year)
            throw Error(ErrorKind::bad_data, "the date is outside the years the calendar covers",
                        event.where(when));
        events.push_back({day, event.text(event.required("title"), "title")});
    }
    return events;
}

} // namespace

std::array<std::vector<Holiday>, 3> read_govuk_bank_holidays(std::string_view text,
                                                             const std::string& file) {
    if (const auto bad = first_invalid_byte(text)) {
        const auto at = line_column_at(text, *bad);
        throw Error(ErrorKind::bad_data, "contains bytes that are not UTF-8",
                    Location{file, at.line, at.column});
    }
    const YamlDocument document = parse_yaml(text, file);
    MapReader root(document.root(), file, "the bank holidays file");
    std::array<std::vector<Holiday>, 3> imported;
    bool any = false;
    for (const auto& entry : root.all()) {
        const auto region = enum_from<Region>(entry.key);
        if (!region)
            throw Error(ErrorKind::bad_data,
                        fmt::format("unknown region '{}'{}", entry.key,
                                    did_you_mean(entry.key, enum_names<Region>())),
                        root.where(entry.key_node));
        MapReader division(entry.value, file, "a region");
        imported[static_cast<std::size_t>(*region)] = read_events(division, file);
        any = true;
    }
    if (!any)
        throw Error(ErrorKind::bad_data,
                    "no regions in the file; expected GOV.UK's bank-holidays.json",
                    Location{file, 1, 1});
    return imported;
}

CalendarSettings settings_after_import(const CalendarSettings& current,
                                       const std::array<std::vector<Holiday>, 3>& imported) {
    CalendarSettings after = current;
    for (std::size_t r = 0; r < imported.size(); ++r) {
        const auto years = years_of(imported[r]);
        if (years.empty())
            continue;
        auto& changes = after.changes[r];
        const auto covered = [&](date::year_month_day day) {
            return years.count(static_cast<int>(day.year())) > 0;
        };
        std::erase_if(changes.added, [&](const Holiday& h) { return covered(h.day); });
        std::erase_if(changes.cancelled, covered);
        for (const int year : years) {
            const auto builtin = builtin_bank_holidays(static_cast<Region>(r), year);
            for (const auto& h : imported[r])
                if (static_cast<int>(h.day.year()) == year && !has_day(builtin, h.day))
                    changes.added.push_back(h);
            for (const auto& h : builtin)
                if (!has_day(imported[r], h.day))
                    changes.cancelled.push_back(h.day);
        }
        std::sort(changes.added.begin(), changes.added.end(),
                  [](const Holiday& a, const Holiday& b) { return a.day < b.day; });
        std::sort(changes.cancelled.begin(), changes.cancelled.end());
    }
    return after;
}

std::vector<HolidayChange> compare_calendars(const CalendarSettings& before,
                                             const CalendarSettings& after,
                                             const std::array<std::vector<Holiday>, 3>& imported) {
    std::vector<HolidayChange> changes;
    for (std::size_t r = 0; r < imported.size(); ++r) {
        const auto region = static_cast<Region>(r);
        const WorkingCalendar old_calendar(region, before), new_calendar(region, after);
        for (const int year : years_of(imported[r])) {
            const auto old_days = old_calendar.bank_holidays(year),
                       new_days = new_calendar.bank_holidays(year);
            for (const auto& h : new_days)
                if (!has_day(old_days, h.day))
                    changes.push_back({region, true, h});
            for (const auto& h : old_days)
                if (!has_day(new_days, h.day))
                    changes.push_back({region, false, h});
        }
    }
    return changes;
}

} // namespace complaints
