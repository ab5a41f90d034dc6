// SPDX-License-Identifier: Apache-2.0
#include "agenda_ics.hpp"
#include "clock_text.hpp"

#include "complaints/base/error.hpp"

#include <libical/ical.h>

#include <fmt/format.h>

#include <chrono>
#include <ctime>
#include <memory>

namespace complaints::cli {

namespace {

struct ComponentFree {
    void operator()(icalcomponent* component) const { icalcomponent_free(component); }
};
using Component = std::unique_ptr<icalcomponent, ComponentFree>;

icaltimetype ical_date(date::year_month_day day) {
    icaltimetype time = icaltime_null_date();
    time.year = static_cast<int>(day.year());
    time.month = static_cast<int>(static_cast<unsigned>(day.month()));
    time.day = static_cast<int>(static_cast<unsigned>(day.day()));
    return time;
}

icaltimetype ical_utc(date::sys_seconds at) {
    return icaltime_from_timet_with_zone(static_cast<std::time_t>(at.time_since_epoch().count()), 0,
                                         icaltimezone_get_utc_timezone());
}

// What, whose, and for an hours deadline on a day nobody works, when to act:
// the event itself stays at the deadline's instant.
std::string description(const AgendaItem& item) {
    std::string text = fmt::format("{}\nCase: {}\nResponsible: {}", item.what, item.case_id,
                                   item.person.empty() ? "unassigned" : item.person);
    if (item.off_day)
        text += "\nDeadline " + off_day_text(*item.off_day);
    if (!item.complainant.empty())
        text += "\nComplainant: " + item.complainant;
    if (!item.summary.empty())
        text += "\nSummary: " + item.summary;
    return text;
}

// How long a booked meeting is shown for: the booking gives its start only.
constexpr std::chrono::hours k_meeting_length{1};

icalcomponent* event_of(const AgendaItem& item, date::sys_seconds now) {
    icalcomponent* event = icalcomponent_new(ICAL_VEVENT_COMPONENT);
    icalcomponent_add_property(event, icalproperty_new_uid(agenda_uid(item).c_str()));
    icalcomponent_add_property(event, icalproperty_new_dtstamp(ical_utc(now)));
    const std::string summary = fmt::format("{}: {}", item.case_id, item.what);
    icalcomponent_add_property(event, icalproperty_new_summary(summary.c_str()));
    icalcomponent_add_property(event, icalproperty_new_description(description(item).c_str()));
    if (item.due->whole_day) {
        const date::year_month_day next{date::sys_days{item.due->day} + date::days{1}};
        icalcomponent_add_property(event, icalproperty_new_dtstart(ical_date(item.due->day)));
        icalcomponent_add_property(event, icalproperty_new_dtend(ical_date(next)));
    } else {
        icalcomponent_add_property(event, icalproperty_new_dtstart(ical_utc(item.due->at)));
        if (item.meeting)
            icalcomponent_add_property(
                event, icalproperty_new_dtend(ical_utc(item.due->at + k_meeting_length)));
    }
    // A deadline is a reminder, free on the calendar; a meeting is busy.
    icalcomponent_add_property(
        event,
        icalproperty_new_transp(item.meeting ? ICAL_TRANSP_OPAQUE : ICAL_TRANSP_TRANSPARENT));
    return event;
}

} // namespace

std::string agenda_uid(const AgendaItem& item) {
    return fmt::format("{}.{}@complaints", item.case_id, item.rule);
}

std::string agenda_ics(const std::vector<AgendaItem>& items, date::sys_seconds now,
                       const std::string& name) {
    Component calendar{icalcomponent_new(ICAL_VCALENDAR_COMPONENT)};
    icalcomponent_add_property(calendar.get(), icalproperty_new_version("2.0"));
    icalcomponent_add_property(calendar.get(),
                               icalproperty_new_prodid("-//complaints//agenda//EN"));
    icalcomponent_add_property(calendar.get(), icalproperty_new_method(ICAL_METHOD_PUBLISH));
    // RFC 7986's NAME is not in libical 3.0; X-WR-CALNAME is what Google,
    // Apple and Thunderbird read.
    icalproperty* calendar_name = icalproperty_new_x(name.c_str());
    icalproperty_set_x_name(calendar_name, "X-WR-CALNAME");
    icalcomponent_add_property(calendar.get(), calendar_name);
    for (const AgendaItem& item : items)
        if (item.due)
            icalcomponent_add_component(calendar.get(), event_of(item, now));
    char* text = icalcomponent_as_ical_string_r(calendar.get());
    if (!text)
        throw Error(ErrorKind::io, "could not write the calendar");
    std::string out(text);
    icalmemory_free_buffer(text);
    return out;
}

} // namespace complaints::cli
