// complaints list: the cases that match, as a table, JSON or CSV.
#include "commands.hpp"
#include "output.hpp"

#include <algorithm>
#include <cctype>

namespace complaints::cli {

namespace {

struct ListOptions {
    std::string status;
    std::string kind;
    std::string category;
    std::string about;
    std::string from;
    std::string to;
    Format format = Format::table;
};

struct Filter {
    std::optional<Status> status;
    std::optional<Kind> kind;
    std::optional<Category> category;
    std::string about;
    std::optional<date::year_month_day> from;
    std::optional<date::year_month_day> to;
};

std::string lower(std::string text) {
    std::transform(text.begin(), text.end(), text.begin(),
                   [](unsigned char c) { return static_cast<char>(std::tolower(c)); });
    return text;
}

date::year_month_day date_option(const std::string& value, std::string_view flag) {
    if (const auto day = parse_date(value))
        return *day;
    throw Error(ErrorKind::usage,
                fmt::format("{}: '{}' is not a date on the calendar (write YYYY-MM-DD)", flag, value));
}

Filter make_filter(const ListOptions& options) {
    Filter filter;
    if (!options.status.empty())
        filter.status = parse_enum<Status>(options.status, "--status");
    if (!options.kind.empty())
        filter.kind = parse_enum<Kind>(options.kind, "--kind");
    if (!options.category.empty())
        filter.category = parse_enum<Category>(options.category, "--category");
    filter.about = lower(options.about);
    if (!options.from.empty())
        filter.from = date_option(options.from, "--from");
    if (!options.to.empty())
        filter.to = date_option(options.to, "--to");
    return filter;
}

bool matches(const Case& c, const Filter& filter, const date::time_zone& zone) {
    const auto received = local_date(c.received.utc, zone);
    return (!filter.status || c.status == *filter.status) && (!filter.kind || c.kind == *filter.kind) &&
           (!filter.category || c.category == filter.category) &&
           (filter.about.empty() || lower(c.about).find(filter.about) != std::string::npos) &&
           (!filter.from || received >= *filter.from) && (!filter.to || received <= *filter.to);
}

const Row k_header{"id",       "received", "kind",  "status",  "channel",
                   "category", "about",    "points", "events", "summary"};

Row row_of(const Case& c, const date::time_zone& zone, std::size_t summary_width) {
    return {c.id,
            format_date(local_date(c.received.utc, zone)),
            std::string(name_of(c.kind)),
            std::string(name_of(c.status)),
            std::string(name_of(c.channel)),
            c.category ? std::string(name_of(*c.category)) : "",
            c.about,
            std::to_string(c.points.size()),
            std::to_string(c.events.size()),
            summary_width ? headline(c.summary, summary_width) : c.summary};
}

Json list_json(const Case& c, const date::time_zone& zone) {
    Json json = case_json(c, zone);
    json.erase("points");
    json.erase("events");
    json["point_count"] = c.points.size();
    json["event_count"] = c.events.size();
    json["last_event_at"] = c.events.empty() ? Json(nullptr) : Json(format_timestamp(c.events.back().at));
    return json;
}

void run_list(const ListOptions& options, const Context& context) {
    const Filter filter = make_filter(options);
    const Store store = context.open_store();
    std::vector<Case> cases;
    for (auto& c : store.load_all())
        if (matches(c, filter, store.zone()))
            cases.push_back(std::move(c));
    std::stable_sort(cases.begin(), cases.end(),
                     [](const Case& a, const Case& b) { return a.received < b.received; });
    const auto& zone = store.zone();
    if (options.format == Format::json) {
        Json all = Json::array();
        for (const auto& c : cases)
            all.push_back(list_json(c, zone));
        print_json(stdout, all);
        return;
    }
    std::vector<Row> rows;
    for (const auto& c : cases)
        rows.push_back(row_of(c, zone, options.format == Format::csv ? 0 : 40));
    if (options.format == Format::csv)
        print_csv(stdout, k_header, rows);
    else
        print_table(stdout, k_header, rows, context.colour(stdout));
}

} // namespace

void setup_list(CLI::App& app, Context& context) {
    auto options = std::make_shared<ListOptions>();
    CLI::App* command = app.add_subcommand("list", "list cases, oldest first, with filters");
    command->add_option("--status", options->status, "open or closed");
    command->add_option("--kind", options->kind, "complaint, concern or feedback");
    command->add_option("--category", options->category, "clinical or non-clinical");
    command->add_option("--about", options->about, "cases whose subject contains this text")
        ->option_text("TEXT");
    command->add_option("--from", options->from, "received on or after this local date")
        ->option_text("DATE");
    command->add_option("--to", options->to, "received on or before this local date")
        ->option_text("DATE");
    add_format_option(*command, options->format, {Format::table, Format::json, Format::csv});
    command->callback([options, &context] { run_list(*options, context); });
}

} // namespace complaints::cli
