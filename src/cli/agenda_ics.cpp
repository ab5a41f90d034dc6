#include "agenda_ics.hpp"
#include "clock_text.hpp"

#include "complaints/error.hpp"

#include <libical/ical.h>

#include <fmt/format.h>

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
    return fmt::format("{}\nCase: {}\nResponsible: {}{}", item.what, item.case_id,
                       item.person.empty() ? "unassigned" : item.person,
                       item.off_day ? "\nDeadline " + off_day_text(*item.off_day) : "");
}

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
    }
    // Free on a calendar: a deadline is a reminder, not a meeting.
    icalcomponent_add_property(event, icalproperty_new_transp(ICAL_TRANSP_TRANSPARENT));
    return event;
}

} // namespace

std::string agenda_uid(const AgendaItem& item) {
    return fmt::format("{}.{}@complaints", item.case_id, item.rule);
}

std::string agenda_ics(const std::vector<AgendaItem>& items, date::sys_seconds now) {
    Component calendar{icalcomponent_new(ICAL_VCALENDAR_COMPONENT)};
    icalcomponent_add_property(calendar.get(), icalproperty_new_version("2.0"));
    icalcomponent_add_property(calendar.get(),
                               icalproperty_new_prodid("-//complaints//agenda//EN"));
    icalcomponent_add_property(calendar.get(), icalproperty_new_method(ICAL_METHOD_PUBLISH));
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
