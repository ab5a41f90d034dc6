// SPDX-License-Identifier: Apache-2.0
// complaints list: the cases that match, as a table, JSON or CSV.
#include "case_json.hpp"
#include "choices.hpp"
#include "clock_text.hpp"
#include "commands.hpp"
#include "decision_scan.hpp"
#include "json_output.hpp"
#include "list_sheet.hpp"
#include "name_hint.hpp"
#include "output.hpp"
#include "spill_file.hpp"
#include "xlsx_output.hpp"

#include "complaints/base/error.hpp"
#include "complaints/base/parallel.hpp"
#include "complaints/base/strings.hpp"
#include "complaints/base/text.hpp"
#include "complaints/store/case_cache.hpp"
#include "complaints/workflow/clinicians.hpp"
#include "complaints/workflow/feedback.hpp"
#include "complaints/workflow/workflow.hpp"

#include <algorithm>
#include <cctype>
#include <functional>

namespace complaints::cli {

namespace {

struct ListOptions {
    std::string status;
    std::string kind;
    std::string category;
    std::string about;
    std::string from;
    std::string to;
    bool overdue = false;
    std::string due_within;
    bool actions_overdue = false;
    bool unassigned = false;
    std::string agent;
    bool attention = false;
    bool no_cache = false;
    Format format = Format::table;
    std::string out;
};

struct Filter {
    std::optional<Status> status;
    std::optional<Kind> kind;
    std::optional<Category> category;
    std::string about;
    std::optional<date::year_month_day> from;
    std::optional<date::year_month_day> to;
    bool overdue = false;
    std::optional<Duration> due_within;
    bool actions_overdue = false;
    bool unassigned = false;
    std::string agent; // folded; empty: any
    bool attention = false;
};

// A case with its clocks, computed once for filtering and printing.
struct Listed {
    Case c;
    std::vector<Clock> clocks;
};

std::string lower(std::string text) {
    std::transform(text.begin(), text.end(), text.begin(),
                   [](unsigned char c) { return static_cast<char>(std::tolower(c)); });
    return text;
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
        filter.from = date_flag(options.from, "--from");
    if (!options.to.empty())
        filter.to = date_flag(options.to, "--to");
    filter.overdue = options.overdue;
    filter.actions_overdue = options.actions_overdue;
    filter.unassigned = options.unassigned;
    filter.agent = folded(options.agent);
    if (!options.agent.empty() && filter.agent.empty())
        throw Error(ErrorKind::usage, "--agent: the name is blank");
    filter.attention = options.attention;
    if (filter.from && filter.to && *filter.to < *filter.from)
        throw Error(ErrorKind::usage,
                    fmt::format("--to {} is before --from {}", options.to, options.from));
    if (!options.due_within.empty()) {
        try {
            filter.due_within = parse_duration(options.due_within);
        } catch (const Error& e) {
            throw Error(ErrorKind::usage, fmt::format("--due-within: {}", e.what()));
        }
    }
    return filter;
}

// Overdue as the agenda says it: a clock past its deadline, or an action
// past its target date and not done.
bool overdue(const Case& c, const std::vector<Clock>& clocks, date::year_month_day today) {
    return std::any_of(clocks.begin(), clocks.end(),
                       [](const Clock& clock) { return clock.state == ClockState::overdue; }) ||
           !overdue_actions(c, today).empty();
}

bool clock_matches(const Case& c, const std::vector<Clock>& clocks, const Filter& filter,
                   const Store& store, date::sys_seconds now) {
    if (filter.overdue && !overdue(c, clocks, local_date(now, store.zone())))
        return false;
    if (!filter.due_within)
        return true;
    const auto next = next_clock(clocks);
    const Deadline horizon = deadline_after(in_zone(now, store.zone()), *filter.due_within,
                                            store.calendar(), store.zone());
    return next && next->due.at <= horizon.at;
}

bool matches(const Case& c, const Filter& filter, const date::time_zone& zone) {
    const auto received = local_date(c.received.utc, zone);
    return (!filter.status || c.status == *filter.status) &&
           (!filter.kind || c.kind == *filter.kind) &&
           (!filter.category || c.category == filter.category) &&
           (filter.about.empty() || lower(c.about).find(filter.about) != std::string::npos) &&
           (filter.agent.empty() || folded(c.agent) == filter.agent) &&
           (!filter.from || received >= *filter.from) && (!filter.to || received <= *filter.to);
}

bool actions_match(const Case& c, const Filter& filter, date::year_month_day today) {
    if (filter.unassigned && (c.kind != Kind::complaint || c.status == Status::closed ||
                              c.exclusion || first_event(c, EventType::assigned)))
        return false;
    return !filter.actions_overdue || !overdue_actions(c, today).empty();
}

const Row k_list_header{"id",    "received", "kind",   "status",   "channel", "category",
                        "about", "points",   "events", "next_due", "summary"};
constexpr std::size_t k_agent_column = 7; // after "about", where a policy assigns agents

// Whether the policy names a handler for each complaint (the platform's
// support agent), so that the listing shows who it is.
bool lists_agents(const Policy& policy) {
    return clock_met_by(policy, EventType::assigned) != nullptr;
}

Row header_for(const Policy& policy) {
    Row header = k_list_header;
    if (lists_agents(policy))
        header.insert(header.begin() + k_agent_column, "agent");
    return header;
}

std::string next_due_cell(const std::vector<Clock>& clocks, const date::time_zone& zone) {
    const auto next = next_clock(clocks);
    if (!next)
        return "";
    return fmt::format("{} {}{}", due_text(*next, zone), next->rule,
                       next->state == ClockState::overdue ? " (overdue)" : "");
}

Row row_of(const Listed& listed, const date::time_zone& zone, std::size_t summary_width,
           bool with_agent) {
    const Case& c = listed.c;
    Row row{c.id,
            format_date(local_date(c.received.utc, zone)),
            std::string(name_of(c.kind)),
            std::string(name_of(c.status)),
            std::string(name_of(c.channel)),
            c.category ? std::string(name_of(*c.category)) : "",
            c.about,
            std::to_string(c.points.size()),
            std::to_string(c.events.size()),
            next_due_cell(listed.clocks, zone),
            summary_width ? headline(c.summary, summary_width) : c.summary};
    if (with_agent)
        row.insert(row.begin() + k_agent_column, c.agent);
    return row;
}

Row sheet_header(bool with_agent) {
    Row header;
    for (const auto& column : sheet_columns(with_agent))
        header.push_back(column.name);
    return header;
}

Row sheet_texts(const std::vector<SheetCell>& cells) {
    Row row;
    for (const auto& cell : cells)
        row.push_back(cell.text);
    return row;
}

// A matching case, kept in the cache's compact form in a spill file until it
// is printed: 100,000 cases as Case objects or JSON trees would not fit in
// memory, and even compact they would take a quarter of a gigabyte.
struct Match {
    Timestamp received;
    SpillFile::Place encoded;
};

// Formats items [0, count) with `format(i, out)` on two threads, a slice
// each per round, and writes the slices in order: formatting is most of a
// long listing's time, and a round at a time keeps memory flat.
void write_in_parallel(std::size_t count,
                       const std::function<void(std::size_t, std::string&)>& format) {
    constexpr std::size_t k_slice = 1024;
    std::string first, second;
    const auto slice = [&](std::size_t from, std::string& out) {
        out.clear();
        for (std::size_t i = from; i < std::min(count, from + k_slice); ++i)
            format(i, out);
    };
    for (std::size_t from = 0; from < count; from += 2 * k_slice) {
        util::parallel_for(
            2, [&](std::size_t half) { slice(from + half * k_slice, half ? second : first); });
        std::fwrite(first.data(), 1, first.size(), stdout);
        std::fwrite(second.data(), 1, second.size(), stdout);
    }
}

// A name the roster does not list is most likely misspelt: say which agent
// was meant. It still lists (nothing, or the cases of an agent who has left
// the roster).
void warn_off_roster(const std::string& agent, const std::vector<std::string>& roster) {
    if (agent.empty() || roster.empty() || known_name(agent, roster))
        return;
    warn_unknown_name("--agent", agent, "is not on the agents roster in complaints.yaml", roster);
}

// What the agenda holds pending on the case: attention's notes, a
// suspension review, work held by an agent who left, feedback to acknowledge.
bool needs_attention(const Case& c, const DecisionRecord& decisions, date::year_month_day today,
                     const Reader& repo) {
    const auto& [context, store] = repo;
    const Policy& policy = store.config().policy;
    return !attention(c, policy).empty() ||
           suspension_pending(c, decisions.of(c), today, store.zone()) ||
           held_by_leaver(c, policy, store.config().agents_left, today) ||
           feedback_prompt(c, policy, store.calendar(), store.zone(), context.now);
}

// The cases that match, in the order received, each kept on disk until it
// is printed: memory holds one at a time, not the repository.
struct Found {
    std::vector<Match> matches;
    SpillFile spill;

    Listed at(std::size_t i, const Reader& repo) const {
        Case c = decode_case(spill.read(matches[i].encoded));
        auto clocks = clocks_of(c, repo.store, repo.context.now);
        return Listed{std::move(c), std::move(clocks)};
    }
};

void gather(Found& found, const ListOptions& options, const Reader& repo) {
    const Filter filter = make_filter(options);
    const auto& [context, store] = repo;
    warn_off_roster(options.agent, store.config().agents);
    const auto& zone = store.zone();
    const auto today = local_date(context.now, zone);
    const DecisionRecord decisions =
        filter.attention ? every_decision(store, options.no_cache) : DecisionRecord{};
    context.scan(store, options.no_cache, [&](Case& c) {
        if (matches(c, filter, zone) && actions_match(c, filter, today) &&
            (!filter.attention || needs_attention(c, decisions, today, repo)) &&
            clock_matches(c, clocks_of(c, store, context.now), filter, store, context.now))
            found.matches.push_back(Match{c.received, found.spill.add(encode_case(c))});
    });
    std::stable_sort(found.matches.begin(), found.matches.end(),
                     [](const Match& a, const Match& b) { return a.received < b.received; });
    found.spill.seal();
}

// Laid out as print_json would, a case at a time: the document says its
// version once, then the cases (docs/json.md).
void print_json_list(const Found& found, const Reader& repo) {
    const auto& matches = found.matches;
    std::fputs(fmt::format("{{\n  \"schema_version\": {},\n  \"cases\": {}", k_json_schema_version,
                           matches.empty() ? "[]\n}\n" : "[\n    ")
                   .c_str(),
               stdout);
    write_in_parallel(matches.size(), [&](std::size_t i, std::string& out) {
        const Listed one = found.at(i, repo);
        write_case_json(out, 2, one.c, one.clocks, repo.store.zone(), repo.store.config().policy,
                        CaseDetail::listing);
        out += i + 1 < matches.size() ? ",\n    " : "\n  ]\n}\n";
    });
}

void write_xlsx_list(const Found& found, const std::string& out, const Reader& repo) {
    const bool with_agent = lists_agents(repo.store.config().policy);
    std::vector<std::vector<SheetCell>> rows;
    rows.reserve(found.matches.size());
    for (std::size_t i = 0; i < found.matches.size(); ++i) {
        const Listed one = found.at(i, repo);
        rows.push_back(sheet_row(one.c, one.clocks, repo.store.zone(), with_agent));
    }
    write_list_xlsx(out, sheet_columns(with_agent), rows);
}

void print_csv_list(const Found& found, const Reader& repo) {
    const bool with_agent = lists_agents(repo.store.config().policy);
    std::fputs(csv_line(sheet_header(with_agent)).c_str(), stdout);
    write_in_parallel(found.matches.size(), [&](std::size_t i, std::string& out) {
        const Listed one = found.at(i, repo);
        out += csv_line(sheet_texts(sheet_row(one.c, one.clocks, repo.store.zone(), with_agent)));
    });
}

// Red when a clock is overdue, yellow when one is due today.
Shade shade_of(const std::vector<Clock>& clocks, date::year_month_day today) {
    Shade shade = Shade::none;
    for (const auto& clock : clocks) {
        if (clock.state == ClockState::overdue)
            return Shade::overdue;
        if (clock.state == ClockState::running && clock.due.day == today)
            shade = Shade::today;
    }
    return shade;
}

// A table needs every row for its column widths; its summaries are cut to
// the width (40 characters into a pipe), so the rows stay small.
void print_table_list(const Found& found, const Reader& repo) {
    const auto& [context, store] = repo;
    const bool with_agent = lists_agents(store.config().policy);
    const auto width = terminal_width(stdout);
    const auto today = local_date(context.now, store.zone());
    std::vector<Row> rows;
    std::vector<Shade> shades;
    rows.reserve(found.matches.size());
    for (std::size_t i = 0; i < found.matches.size(); ++i) {
        const Listed listed = found.at(i, repo);
        rows.push_back(row_of(listed, store.zone(), width ? *width : 40, with_agent));
        shades.push_back(shade_of(listed.clocks, today));
    }
    make_visible(rows);
    Row header = header_for(store.config().policy);
    // Least needed first: the ID, the next deadline and the summary stay.
    if (width)
        fit_to_width(header, rows, *width,
                     {"events", "points", "channel", "category", "kind", "received", "agent",
                      "about", "status"});
    print_table(stdout, header, rows, context.colour(stdout), shades);
}

void run_list(const ListOptions& options, const Reader& repo) {
    if ((options.format == Format::xlsx) != !options.out.empty())
        throw Error(ErrorKind::usage, "--format xlsx and --out FILE go together: a workbook is "
                                      "written to a file");
    Found found;
    gather(found, options, repo);
    if (options.format == Format::json)
        print_json_list(found, repo);
    else if (options.format == Format::xlsx)
        write_xlsx_list(found, options.out, repo);
    else if (options.format == Format::csv)
        print_csv_list(found, repo);
    else
        print_table_list(found, repo);
}

} // namespace

void setup_list(CLI::App& app, Context& context) {
    auto options = std::make_shared<ListOptions>();
    CLI::App* command = app.add_subcommand("list", "list cases, oldest first, with filters");
    enum_choices<Status>(command->add_option("--status", options->status, "open or closed"));
    enum_choices<Kind>(
        command->add_option("--kind", options->kind, "complaint, concern or feedback"));
    enum_choices<Category>(
        command->add_option("--category", options->category, "clinical or non-clinical"));
    command->add_option("--about", options->about, "cases whose subject contains this text")
        ->option_text("TEXT");
    command->add_option("--from", options->from, "received on or after this local date")
        ->option_text("DATE");
    command->add_option("--to", options->to, "received on or before this local date")
        ->option_text("DATE");
    command->add_flag("--overdue", options->overdue,
                      "only cases with a deadline passed and not met: a clock, or an action's "
                      "target date");
    command->add_flag("--attention", options->attention,
                      "only cases with something to see to: a record to agree, consent, a Being "
                      "Open conversation owed, ...");
    command->add_flag("--unassigned", options->unassigned,
                      "only open complaints with no support agent assigned");
    command
        ->add_option("--agent", options->agent,
                     "only complaints assigned to this support agent (case and spacing aside)")
        ->option_text("NAME");
    command->add_flag("--actions-overdue", options->actions_overdue,
                      "only cases with an action-plan action past its target date and not done");
    command
        ->add_option("--due-within", options->due_within,
                     "only cases whose next deadline falls within this span from now "
                     "(5wd, '5 working days', 48h, 2w)")
        ->option_text("SPAN");
    command->add_flag("--no-cache", options->no_cache,
                      "read every case file, neither using nor updating .complaints-cache");
    add_format_option(*command, options->format,
                      {Format::table, Format::json, Format::csv, Format::xlsx});
    command->add_option("--out", options->out, "with --format xlsx: the workbook to write")
        ->option_text("FILE");
    reads(*command, context, [options](const Reader& repo) { run_list(*options, repo); });
}

} // namespace complaints::cli
