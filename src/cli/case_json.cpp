// SPDX-License-Identifier: Apache-2.0
// One JSON schema for a case, written from fields::describe: `show` and
// `open` print it whole, `list` prints each case less its points and
// events (with their counts instead), `log` prints the event it added.
#include "case_json.hpp"

#include "clock_text.hpp"
#include "json_output.hpp"
#include "json_writer.hpp"
#include "problem_text.hpp"

#include "complaints/model/case_fields.hpp"
#include "complaints/workflow/workflow.hpp"

namespace complaints::cli {

namespace {

// The stored fields as JSON: texts as strings (empty when unset), absent
// optional values as null, records as objects, lists as arrays. Unknown
// keys stay in the file: scripts see the fields the tool knows.
class FieldJson {
  public:
    FieldJson(JsonWriter& json, CaseDetail detail) : m_json(json), m_detail(detail) {}

    void field(const fields::Key& key, const std::string& value) {
        m_json.key(key.name).text(value);
    }
    void field(const fields::Key& key, int value) { m_json.key(key.name).number(value); }
    template <class E>
    requires std::is_enum_v<E>
    void field(const fields::Key& key, E value) { m_json.key(key.name).text(name_of(value)); }
    void field(const fields::Key& key, const Timestamp& at) {
        m_json.key(key.name).text(format_timestamp(at));
    }
    void field(const fields::Key& key, const date::year_month_day& day) {
        m_json.key(key.name).text(format_date(day));
    }
    template <class T> void field(const fields::Key& key, const std::optional<T>& value) {
        if (value)
            field(key, *value);
        else
            m_json.key(key.name).null();
    }
    template <fields::Record R> void field(const fields::Key& key, const R& record) {
        m_json.key(key.name);
        object(record);
    }
    template <class T> void field(const fields::Key& key, const std::vector<T>& items) {
        if (m_detail == CaseDetail::listing && (key.name == "points" || key.name == "events"))
            return;
        m_json.key(key.name).begin_array();
        for (const auto& item : items)
            value(item);
        m_json.end_array();
    }
    void extras(const std::vector<Extra>&) {}
    void no_extras() {}

    template <fields::Record R> void object(const R& record) {
        m_json.begin_object();
        fields::describe(*this, record);
        m_json.end_object();
    }

  private:
    void value(const std::string& text) { m_json.text(text); }
    template <fields::Record R> void value(const R& record) { object(record); }

    JsonWriter& m_json;
    CaseDetail m_detail;
};

void optional_time(JsonWriter& json, const std::optional<Timestamp>& at) {
    if (at)
        json.text(format_timestamp(*at));
    else
        json.null();
}

// A clock in the vocabulary of docs/json.md: days as `*_date`, instants
// as `*_at`, `due_at` the last instant on time (as the agenda's), and the
// clock hours left only for an hours deadline, whose time of day counts.
void write_clock(JsonWriter& json, const Clock& clock, const date::time_zone& zone) {
    json.begin_object().key("rule").text(clock.rule);
    json.key("starts_at").text(format_timestamp(in_zone(clock.starts.utc, zone)));
    json.key("due_date").text(format_date(clock.due.day));
    json.key("due_at").text(format_timestamp(last_moment(clock.due, zone)));
    json.key("all_day").boolean(clock.due.whole_day);
    json.key("state").text(name_of(clock.state)).key("extended").boolean(clock.extended);
    json.key("agreed").boolean(clock.agreed);
    json.key("earliest_date")
        .text_or_null(clock.earliest.has_value(),
                      clock.earliest ? format_date(clock.earliest->day) : "");
    json.key("done_at");
    optional_time(json, clock.done);
    json.key("working_days_left").number(clock.working_days_left).key("hours_left");
    if (clock.due.whole_day)
        json.null();
    else
        json.number(clock.hours_left);
    json.end_object();
}

void texts(JsonWriter& json, const std::vector<std::string>& items) {
    json.begin_array();
    for (const auto& item : items)
        json.text(item);
    json.end_array();
}

// What the tool derives from the fields, the policy and the clocks.
void derived(JsonWriter& json, const Case& c, const std::vector<Clock>& clocks,
             const date::time_zone& zone, const Policy& policy, CaseDetail detail) {
    json.key("received_date").text(format_date(local_date(c.received.utc, zone)));
    // null where the policy has no stages (the platform's referrals run
    // beside the complaint, not after it).
    json.key("stage");
    if (has_second_stage(policy))
        json.number(stage(c, policy));
    else
        json.null();
    json.key("attention");
    texts(json, attention_texts(attention(c, policy)));
    if (detail == CaseDetail::listing) {
        json.key("point_count").number(static_cast<long long>(c.points.size()));
        json.key("event_count").number(static_cast<long long>(c.events.size()));
        json.key("last_event_at")
            .text_or_null(!c.events.empty(),
                          c.events.empty() ? "" : format_timestamp(c.events.back().at));
    }
    json.key("next_due");
    if (const auto next = next_clock(clocks))
        write_clock(json, *next, zone);
    else
        json.null();
    if (detail == CaseDetail::full) {
        // The events a void voids, by their number in `events` counting from 1.
        json.key("void_events").begin_array();
        for (std::size_t i = 0; i < c.events.size(); ++i)
            if (is_void(c, c.events[i]))
                json.number(static_cast<long long>(i + 1));
        json.end_array();
        json.key("clocks").begin_array();
        for (const auto& clock : clocks)
            write_clock(json, clock, zone);
        json.end_array();
    }
}

} // namespace

void write_case_json(std::string& out, int depth, const Case& c, const std::vector<Clock>& clocks,
                     const date::time_zone& zone, const Policy& policy, CaseDetail detail) {
    JsonWriter json(out, depth);
    FieldJson fields(json, detail);
    json.begin_object();
    // A whole case is a document of its own; a listed one is an element of
    // the list's, which says the version once.
    if (detail == CaseDetail::full)
        json.key("schema_version").number(k_json_schema_version);
    fields::describe(fields, c);
    derived(json, c, clocks, zone, policy, detail);
    json.end_object();
}

std::string event_json(const Event& event) {
    std::string out;
    JsonWriter json(out, 0);
    FieldJson fields(json, CaseDetail::full);
    json.begin_object().key("schema_version").number(k_json_schema_version);
    fields::describe(fields, event);
    json.end_object();
    return out;
}

} // namespace complaints::cli
