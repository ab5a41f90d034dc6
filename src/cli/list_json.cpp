// A case as `list --format json` prints it, written without a JSON tree:
// show's JSON less points, events and clocks, plus counts and next_due.
// tests/cli/test_list.cpp holds the two to each other for every example case.
#include "clock_text.hpp"
#include "json_writer.hpp"
#include "output.hpp"

#include "complaints/workflow.hpp"
#include "problem_text.hpp"

namespace complaints::cli {

namespace {

template <class E> void optional_name(JsonWriter& json, const std::optional<E>& value) {
    json.text_or_null(value.has_value(), value ? name_of(*value) : std::string_view{});
}

void optional_time(JsonWriter& json, const std::optional<Timestamp>& at) {
    if (at)
        json.text(format_timestamp(*at));
    else
        json.null();
}

void texts(JsonWriter& json, const std::vector<std::string>& items) {
    json.begin_array();
    for (const auto& item : items)
        json.text(item);
    json.end_array();
}

void actions(JsonWriter& json, const Case& c) {
    json.begin_array();
    for (const auto& action : c.actions) {
        json.begin_object().key("n").number(action.number).key("text").text(action.text);
        json.key("lead").text(action.lead).key("due").text(format_date(action.due));
        json.key("added");
        optional_time(json, action.added);
        json.key("progress").begin_array();
        for (const auto& step : action.progress)
            json.begin_object()
                .key("at")
                .text(format_timestamp(step.at))
                .key("text")
                .text(step.text)
                .end_object();
        json.end_array().key("done");
        optional_time(json, action.done);
        json.end_object();
    }
    json.end_array();
}

void escalations(JsonWriter& json, const Case& c) {
    json.begin_array();
    for (const auto& e : c.escalations) {
        json.begin_object().key("body").text(e.body).key("at").text(format_timestamp(e.at));
        json.key("reference").text(e.reference).key("outcome").text(e.outcome).key("outcome_at");
        optional_time(json, e.outcome_at);
        json.end_object();
    }
    json.end_array();
}

void next_due(JsonWriter& json, const std::vector<Clock>& clocks, const date::time_zone& zone) {
    const auto next = next_clock(clocks);
    if (!next) {
        json.null();
        return;
    }
    json.begin_object().key("rule").text(next->rule);
    json.key("starts").text(format_timestamp(in_zone(next->starts.utc, zone)));
    json.key("due_date").text(format_date(next->due.day));
    json.key("due_at").text(format_timestamp(last_moment(*next, zone)));
    json.key("state").text(name_of(next->state)).key("extended").boolean(next->extended);
    json.key("earliest_date")
        .text_or_null(next->earliest.has_value(),
                      next->earliest ? format_date(next->earliest->day) : "");
    json.key("done");
    optional_time(json, next->done);
    json.key("working_days_left")
        .number(next->working_days_left)
        .key("hours_left")
        .number(next->hours_left);
    json.end_object();
}

} // namespace

void write_list_element(std::string& out, const Case& c, const std::vector<Clock>& clocks,
                        const date::time_zone& zone, const Policy& policy) {
    JsonWriter json(out, 1);
    json.begin_object();
    json.key("id")
        .text(c.id)
        .key("kind")
        .text(name_of(c.kind))
        .key("status")
        .text(name_of(c.status));
    json.key("received").text(format_timestamp(c.received));
    json.key("received_date").text(format_date(local_date(c.received.utc, zone)));
    json.key("channel").text(name_of(c.channel)).key("complainant").text(c.complainant);
    json.key("on_behalf_of").text(c.on_behalf_of).key("consent");
    optional_name(json, c.consent);
    json.key("about").text(c.about).key("gmc").text(c.gmc).key("agent").text(c.agent).key(
        "notice_days");
    if (c.notice_days)
        json.number(*c.notice_days);
    else
        json.null();
    json.key("warning");
    optional_time(json, c.warning);
    json.key("category");
    optional_name(json, c.category);
    json.key("type").text(c.type).key("summary").text(c.summary).key("practitioners");
    texts(json, c.practitioners);
    json.key("exclusion");
    if (c.exclusion)
        json.begin_object()
            .key("reason")
            .text(name_of(*c.exclusion))
            .key("text")
            .text(c.exclusion_text)
            .end_object();
    else
        json.null();
    json.key("clock_from")
        .text_or_null(c.clock_from.has_value(), c.clock_from ? format_date(*c.clock_from) : "");
    json.key("happened").text_or_null(c.happened.has_value(), c.happened ? format_date(*c.happened) : "");
    json.key("stage").number(stage(c)).key("attention");
    texts(json, attention_texts(attention(c, policy)));
    json.key("apology").text(c.apology).key("outcome");
    optional_name(json, c.outcome);
    json.key("learning").text(c.learning).key("no_learning").text(c.no_learning).key("actions");
    actions(json, c);
    json.key("escalations");
    escalations(json, c);
    json.key("point_count").number(static_cast<long long>(c.points.size()));
    json.key("event_count").number(static_cast<long long>(c.events.size()));
    json.key("last_event_at")
        .text_or_null(!c.events.empty(),
                      c.events.empty() ? "" : format_timestamp(c.events.back().at));
    json.key("next_due");
    next_due(json, clocks, zone);
    json.end_object();
}

} // namespace complaints::cli
