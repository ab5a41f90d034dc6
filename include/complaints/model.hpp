#pragma once
// The case as plain data. Facts only: deadlines and what is due are derived
// elsewhere from these facts, the policy and the calendar.
#include "complaints/enum_names.hpp"
#include "complaints/timestamp.hpp"

#include <array>
#include <optional>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

namespace complaints {

enum class Kind { complaint, concern, feedback };
enum class Channel { web_form, phone, in_person, email, letter };
enum class Consent { yes, no, pending };
enum class Category { clinical, non_clinical };
enum class Status { open, closed };

template <> struct EnumNames<Kind> {
    static constexpr std::string_view what = "kind";
    static constexpr std::array<std::pair<Kind, std::string_view>, 3> names{
        {{Kind::complaint, "complaint"}, {Kind::concern, "concern"}, {Kind::feedback, "feedback"}}};
};
template <> struct EnumNames<Channel> {
    static constexpr std::string_view what = "channel";
    static constexpr std::array<std::pair<Channel, std::string_view>, 5> names{
        {{Channel::web_form, "web-form"},
         {Channel::phone, "phone"},
         {Channel::in_person, "in-person"},
         {Channel::email, "email"},
         {Channel::letter, "letter"}}};
};
template <> struct EnumNames<Consent> {
    static constexpr std::string_view what = "consent";
    static constexpr std::array<std::pair<Consent, std::string_view>, 3> names{
        {{Consent::yes, "yes"}, {Consent::no, "no"}, {Consent::pending, "pending"}}};
};
template <> struct EnumNames<Category> {
    static constexpr std::string_view what = "category";
    static constexpr std::array<std::pair<Category, std::string_view>, 2> names{
        {{Category::clinical, "clinical"}, {Category::non_clinical, "non-clinical"}}};
};
template <> struct EnumNames<Status> {
    static constexpr std::string_view what = "status";
    static constexpr std::array<std::pair<Status, std::string_view>, 2> names{
        {{Status::open, "open"}, {Status::closed, "closed"}}};
};

// What people log: the types `log --type` accepts.
const std::vector<std::string>& loggable_event_types();
// Facts that only the workflow commands write (`opened` by open; the others
// mark a step of the process that a clock waits for).
const std::vector<std::string>& workflow_event_types();
bool is_known_event_type(std::string_view type);

// A key the tool does not know, kept as YAML text so a rewrite never drops it.
struct Extra {
    std::string key;
    std::string yaml;
};

struct Point {
    int number = 0;
    std::string text;
    std::vector<Extra> extras;
};

struct Event {
    Timestamp at;
    std::string type;
    std::string by;
    std::string text;
    std::optional<Timestamp> recorded; // when it was entered, if back-dated
    std::optional<date::year_month_day> due; // a new date, on delay-explained
    std::vector<Extra> extras;
};

struct Case {
    std::string id;
    Kind kind = Kind::complaint;
    Status status = Status::open;
    Timestamp received;
    Channel channel = Channel::email;
    std::string complainant;
    std::string on_behalf_of;
    std::optional<Consent> consent;
    std::string about;
    std::optional<Category> category;
    std::string type;
    std::string summary;
    std::vector<Point> points;
    std::vector<Event> events;
    std::vector<Extra> extras;
};

// Inserts the event after every event at or before its time, so the list
// stays in time order when an event is back-dated; nothing is ever removed.
void add_event(Case& c, Event event);

} // namespace complaints
