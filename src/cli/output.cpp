#include "output.hpp"

#include "complaints/text.hpp"
#include "complaints/util/utf8.hpp"
#include "complaints/workflow.hpp"
#include "problem_text.hpp"


namespace complaints::cli {

namespace {

std::string_view format_name(Format format) {
    switch (format) {
    case Format::table: return "table";
    case Format::json: return "json";
    case Format::csv: return "csv";
    case Format::yaml: return "yaml";
    case Format::text: return "text";
    case Format::markdown: return "markdown";
    case Format::html: return "html";
    }
    return "table";
}

std::string csv_field(const std::string& field) {
    if (field.find_first_of(",\"\r\n") == std::string::npos)
        return field;
    std::string quoted = "\"";
    for (const char c : field) {
        if (c == '"')
            quoted += '"';
        quoted += c;
    }
    return quoted + '"';
}

} // namespace

void add_format_option(CLI::App& app, Format& format, const std::vector<Format>& allowed) {
    std::map<std::string, Format> choices;
    std::vector<std::string> names;
    for (const Format f : allowed) {
        choices.emplace(std::string(format_name(f)), f);
        names.emplace_back(format_name(f));
    }
    format = allowed.front();
    app.add_option("--format", format, "output format: " + util::join(names, "|"))
        ->transform(CLI::CheckedTransformer(choices))
        ->option_text("FORMAT");
}

date::year_month_day date_flag(const std::string& value, std::string_view flag) {
    if (const auto day = parse_date(value))
        return *day;
    throw Error(ErrorKind::usage,
                fmt::format("{}: '{}' is not a date on the calendar (write YYYY-MM-DD)", flag, value));
}

// Line by line: a long listing is printed without a second copy in memory.
void print_table(std::FILE* out, const Row& header, const std::vector<Row>& rows, bool colour) {
    const TextTable table(header, rows);
    const auto put = [out](const std::string& line) { std::fwrite(line.data(), 1, line.size(), out); };
    put(table.line(header, colour));
    for (const auto& row : rows)
        put(table.line(row));
}

std::string csv_line(const Row& row) {
    std::string text;
    for (std::size_t c = 0; c < row.size(); ++c)
        text += (c ? "," : "") + csv_field(row[c]);
    return text + "\r\n";
}

void print_csv(std::FILE* out, const Row& header, const std::vector<Row>& rows) {
    std::fputs(csv_line(header).c_str(), out);
    for (const auto& row : rows)
        std::fputs(csv_line(row).c_str(), out);
}

void print_json(std::FILE* out, const Json& value) { fmt::print(out, "{}\n", value.dump(2)); }

Json event_json(const Event& event) {
    Json json{{"at", format_timestamp(event.at)},
              {"type", name_of(event.type)},
              {"by", event.by},
              {"text", event.text},
              {"attendees", event.attendees}};
    json["recorded"] = event.recorded ? Json(format_timestamp(*event.recorded)) : Json(nullptr);
    return json;
}

namespace {

Json actions_json(const Case& c) {
    Json actions = Json::array();
    for (const auto& action : c.actions) {
        Json progress = Json::array();
        for (const auto& step : action.progress)
            progress.push_back({{"at", format_timestamp(step.at)}, {"text", step.text}});
        actions.push_back({{"n", action.number},
                           {"text", action.text},
                           {"lead", action.lead},
                           {"due", format_date(action.due)},
                           {"added", action.added ? Json(format_timestamp(*action.added)) : Json(nullptr)},
                           {"progress", progress},
                           {"done", action.done ? Json(format_timestamp(*action.done)) : Json(nullptr)}});
    }
    return actions;
}

Json escalations_json(const Case& c) {
    Json escalations = Json::array();
    for (const auto& e : c.escalations)
        escalations.push_back({{"body", e.body},
                               {"at", format_timestamp(e.at)},
                               {"reference", e.reference},
                               {"outcome", e.outcome},
                               {"outcome_at", e.outcome_at ? Json(format_timestamp(*e.outcome_at)) : Json(nullptr)}});
    return escalations;
}

} // namespace

Json case_json(const Case& c, const date::time_zone& zone, const Policy& policy, bool with_history) {
    const auto optional_name = [](const auto& value) {
        return value ? Json(std::string(name_of(*value))) : Json(nullptr);
    };
    Json json{{"id", c.id},
                {"kind", name_of(c.kind)},
                {"status", name_of(c.status)},
                {"received", format_timestamp(c.received)},
                {"received_date", format_date(local_date(c.received.utc, zone))},
                {"channel", name_of(c.channel)},
                {"complainant", c.complainant},
                {"on_behalf_of", c.on_behalf_of},
                {"consent", optional_name(c.consent)},
                {"about", c.about},
                {"gmc", c.gmc},
                {"agent", c.agent},
                {"notice_days", c.notice_days ? Json(*c.notice_days) : Json(nullptr)},
                {"warning", c.warning ? Json(format_timestamp(*c.warning)) : Json(nullptr)},
                {"category", optional_name(c.category)},
                {"type", c.type},
                {"summary", c.summary},
                {"practitioners", c.practitioners},
                {"exclusion", c.exclusion ? Json{{"reason", name_of(*c.exclusion)}, {"text", c.exclusion_text}}
                                          : Json(nullptr)},
                {"clock_from", c.clock_from ? Json(format_date(*c.clock_from)) : Json(nullptr)},
                {"happened", c.happened ? Json(format_date(*c.happened)) : Json(nullptr)},
                {"stage", stage(c)},
                {"attention", attention_texts(attention(c, policy))},
                {"points", nullptr},
                {"apology", c.apology},
                {"outcome", optional_name(c.outcome)},
                {"learning", c.learning},
                {"no_learning", c.no_learning},
                {"actions", actions_json(c)},
                {"escalations", escalations_json(c)},
                {"events", nullptr}};
    if (!with_history) {
        json.erase("points");
        json.erase("events");
        return json;
    }
    Json& points = json["points"] = Json::array();
    for (const auto& point : c.points)
        points.push_back({{"n", point.number},
                          {"text", point.text},
                          {"finding", optional_name(point.finding)},
                          {"conclusion", point.conclusion},
                          {"remedial_action", point.remedial_action},
                          {"staff", point.staff}});
    Json& events = json["events"] = Json::array();
    for (const auto& event : c.events)
        events.push_back(event_json(event));
    return json;
}

std::string plural(long long n, std::string_view word) {
    return fmt::format("{} {}{}", n, word, n == 1 ? "" : "s");
}

std::string headline(const std::string& text, std::size_t width) {
    std::string first = text.substr(0, text.find_first_of("\r\n"));
    if (display_width(first) <= width)
        return first;
    return first.substr(0, util::utf8_prefix(first, width - 1)) + "…";
}

} // namespace complaints::cli
