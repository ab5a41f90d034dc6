// complaints show: one case, readable by a person or a script.
#include "commands.hpp"
#include "output.hpp"

#include "complaints/codec.hpp"

namespace complaints::cli {

namespace {

struct ShowOptions {
    std::string id;
    Format format = Format::table;
};

// The text with every line indented; trailing line breaks dropped.
std::string indent(std::string text, std::string_view pad) {
    while (!text.empty() && (text.back() == '\n' || text.back() == '\r'))
        text.pop_back();
    std::string out(pad);
    for (const char c : text) {
        out += c;
        if (c == '\n')
            out += pad;
    }
    return out;
}

void print_readable(const Case& c, const Store& store, bool colour) {
    const auto heading = [&](std::string_view text) {
        return colour ? fmt::format("\x1b[1m{}\x1b[0m", text) : std::string(text);
    };
    const auto& zone = store.zone();
    fmt::print("{}  {} {} ({})\n", heading(c.id), name_of(c.status), name_of(c.kind),
               c.category ? name_of(*c.category) : "category not set");
    fmt::print("Received:    {} by {}\n", format_timestamp(c.received), name_of(c.channel));
    fmt::print("Complainant: {}\n", c.complainant.empty() ? "(not recorded)" : c.complainant);
    if (!c.on_behalf_of.empty() || c.consent)
        fmt::print("On behalf:   {} (consent: {})\n", c.on_behalf_of,
                   c.consent ? name_of(*c.consent) : "not recorded");
    fmt::print("About:       {}\n", c.about.empty() ? "(not recorded)" : c.about);
    if (!c.type.empty())
        fmt::print("Type:        {}\n", c.type);
    fmt::print("File:        {}\n", store.display_path(c.id));
    if (!c.summary.empty())
        fmt::print("\n{}\n{}\n", heading("Summary"), indent(c.summary, "  "));
    if (!c.points.empty()) {
        fmt::print("\n{}\n", heading("Points raised"));
        for (const auto& point : c.points)
            fmt::print("  {}. {}\n", point.number, indent(point.text, "     ").substr(5));
    }
    fmt::print("\n{}\n", heading("Timeline"));
    for (const auto& event : c.events) {
        const auto local = in_zone(event.at.utc, zone);
        fmt::print("  {}  {:<22} {}\n", format_timestamp(local).substr(0, 16), event.type, event.by);
        if (!event.text.empty())
            fmt::print("{}\n", indent(event.text, "      "));
    }
}

void run_show(const ShowOptions& options, const Context& context) {
    const Store store = context.open_store();
    const Case c = store.load(store.resolve(options.id));
    switch (options.format) {
    case Format::json: print_json(stdout, case_json(c, store.zone())); break;
    case Format::yaml: fmt::print("{}", write_case(c)); break;
    default: print_readable(c, store, context.colour(stdout)); break;
    }
}

} // namespace

void setup_show(CLI::App& app, Context& context) {
    auto options = std::make_shared<ShowOptions>();
    CLI::App* command = app.add_subcommand("show", "show one case: details, points and timeline");
    command->add_option("ID", options->id, "the case (any unambiguous part of its ID)")->required();
    add_format_option(*command, options->format, {Format::table, Format::json, Format::yaml});
    command->callback([options, &context] { run_show(*options, context); });
}

} // namespace complaints::cli
