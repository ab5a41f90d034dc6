// SPDX-License-Identifier: Apache-2.0
// complaints agenda (alias today): what needs doing, across every case, in
// one screen; or as JSON, CSV, or an iCalendar feed to subscribe to.
#include "agenda_email.hpp"
#include "agenda_ics.hpp"
#include "agenda_text.hpp"
#include "clock_text.hpp"
#include "commands.hpp"
#include "decision_scan.hpp"
#include "json_output.hpp"
#include "name_hint.hpp"
#include "output.hpp"

#include "complaints/base/text.hpp"
#include "complaints/render/agenda.hpp"
#include "complaints/render/report.hpp"

#include <algorithm>
#include <set>

namespace complaints::cli {

// "2026-12-04" for a day deadline, "2026-11-18 09:00" for an hours one (its
// last moment, local), as `show` writes a clock's.
std::string agenda_due_cell(const AgendaItem& item, const date::time_zone& zone) {
    if (!item.due)
        return "";
    if (item.due->whole_day)
        return format_date(item.due->day);
    const std::string stamp = format_timestamp(in_zone(item.due->at, zone));
    return stamp.substr(0, 10) + " " + stamp.substr(11, 5);
}

// How the item stands, in the words `show` uses for a clock: "overdue by
// 2 working days", "25 hours left"; a pending one's age, "4 working days
// old"; an hours deadline on a day nobody works says when to act.
std::string agenda_standing_cell(const AgendaItem& item) {
    if (item.when == AgendaWhen::pending)
        return fmt::format("since {} ({} old)", format_date(*item.since),
                           plural(item.working_days, "working day"));
    // A meeting is not a deadline to beat: it is on a day, then to record.
    if (item.meeting)
        return item.when == AgendaWhen::overdue ? "held? log it as held, or void the booking"
               : item.working_days == 0         ? "today"
                                                : "in " + plural(item.working_days, "working day");
    const std::string left = time_left_text(*item.due, item.when == AgendaWhen::overdue,
                                            item.working_days, item.hours_left);
    return item.off_day && item.when != AgendaWhen::overdue
               ? left + "; " + off_day_text(*item.off_day)
               : left;
}

namespace {

// "Due in the next 5 working days", as the brief of the agenda says.
constexpr int k_horizon_days = 5;

struct AgendaOptions {
    bool mine = false;
    std::string person;
    bool for_given = false;
    std::string to;   // --format email: the digest's recipient
    std::string from; // and its sender, else the recipient
    bool no_cache = false;
    bool include_names = false; // --format ics: the complainants' and patients' names
    Format format = Format::text;
};

// A feed is published for a calendar to fetch, beyond the manager's screen:
// like a report, it names nobody who complained unless asked to. The
// summary is left out whole: typed freely, it may hold a first name, an
// email address or a phone number that no list of names can find. Staff
// who hold the items stay named; the feed is for them.
void withhold_names(AgendaItem& item, const Case& c) {
    item.complainant.clear();
    item.what = without_names(c, item.what);
    item.summary.clear();
}

// "Complaints: Harbour Dental": which repository's agenda a subscribed
// calendar shows.
std::string calendar_name(const Store& store) {
    const std::string& organisation = store.config().organisation;
    return organisation.empty() ? "Complaints" : "Complaints: " + organisation;
}

// What the core says of work an agent who left still holds, and the command
// that hands it over.
std::string handover_hint(const std::string& agent) {
    return fmt::format(": hand it over with assign --from '{}' --to NAME", agent);
}

std::string person_cell(const AgendaItem& item) {
    return item.person.empty() ? "(unassigned)" : item.person;
}

// A --for name nobody holds anything under, nor on the agents roster, is
// most likely misspelt: say whom it was meant for, among the people the
// agenda holds items for and the roster.
void warn_nobody(const std::string& person, const std::set<std::string>& holders,
                 const std::vector<std::string>& roster) {
    // "unassigned" asks for what nobody holds: there may be none of it.
    if (known_name(person, roster) || known_name(person, {"unassigned", "(unassigned)"}))
        return;
    std::vector<std::string> names = roster;
    names.insert(names.end(), holders.begin(), holders.end());
    warn_unknown_name("--for", person, "holds nothing in any case", names);
}

// Every case's items through the cache, for the person asked about; "later"
// items only for the calendar, which lists every deadline.
std::vector<AgendaItem> gather(const AgendaOptions& options, const Context& context,
                               const Store& store) {
    const std::string person = options.mine ? context.author("", store) : options.person;
    const ClockContext clocks{store.config().policy, store.calendar(), store.zone(), context.now};
    const bool keep_later = options.format == Format::ics;
    const bool withhold = options.format == Format::ics && !options.include_names;
    std::vector<AgendaItem> items;
    std::set<std::string> holders; // whom any item is for, to suggest from
    bool held = false;             // whether --for names one of them
    const DecisionRecord decisions = every_decision(store, options.no_cache);
    context.scan(store, options.no_cache, [&](Case& c) {
        for (auto& item :
             case_agenda(c, clocks, k_horizon_days, &decisions, store.config().agents_left)) {
            if (item.rule == "agent-left")
                item.what += handover_hint(item.person);
            const bool theirs = !person.empty() && agenda_for(item, person);
            held = held || theirs;
            if (options.for_given && !item.person.empty())
                holders.insert(item.person);
            // Yours, and what nobody holds yet: someone has to pick it up.
            if (!(keep_later || item.when != AgendaWhen::later) ||
                !(person.empty() || theirs || (options.mine && item.person.empty())))
                continue;
            if (withhold)
                withhold_names(item, c);
            items.push_back(std::move(item));
        }
    });
    if (options.for_given && !held)
        warn_nobody(person, holders, store.config().agents);
    sort_agenda(items);
    return items;
}

// The columns in the JSON's words (docs/json.md), in the order they were.
const Row k_agenda_header{"case",       "when",   "due_date",          "rule",
                          "what",       "person", "working_days_left", "working_days_since",
                          "since_date", "due_at", "act_by_date",       "complainant",
                          "summary"};

// The deadline's instant, RFC 3339 with the local offset, for scripts: as
// `show` gives a clock's, the last second of a day deadline's date.
std::string due_at_cell(const AgendaItem& item, const date::time_zone& zone) {
    return item.due ? format_timestamp(last_moment(*item.due, zone)) : "";
}

std::string act_by_cell(const AgendaItem& item) {
    return item.off_day ? format_date(item.off_day->act_by) : "";
}

// A pending item counts the working days since it arose; one with a
// deadline (or a meeting) those left before it: two facts, two names.
std::optional<int> working_days_left(const AgendaItem& item) {
    return item.due ? std::optional<int>(item.working_days) : std::nullopt;
}
std::optional<int> working_days_since(const AgendaItem& item) {
    return item.due ? std::nullopt : std::optional<int>(item.working_days);
}

std::string number_cell(std::optional<int> n) {
    return n ? std::to_string(*n) : "";
}
Json number_json(std::optional<int> n) {
    return n ? Json(*n) : Json(nullptr);
}

Row row_of(const AgendaItem& item, const date::time_zone& zone) {
    return {item.case_id,
            std::string(name_of(item.when)),
            item.due ? format_date(item.due->day) : "",
            item.rule,
            item.what,
            item.person, // empty: nobody holds it (JSON says null)
            number_cell(working_days_left(item)),
            number_cell(working_days_since(item)),
            item.since ? format_date(*item.since) : "",
            due_at_cell(item, zone),
            act_by_cell(item),
            item.complainant,
            item.summary};
}

Json json_of(const AgendaItem& item, const date::time_zone& zone) {
    Json out{{"case", item.case_id},
             {"when", std::string(name_of(item.when))},
             {"rule", item.rule},
             {"what", item.what},
             // Nobody holds it yet (or the policy names no one): null, not a name.
             {"person", item.person.empty() ? Json(nullptr) : Json(item.person)}};
    // One format a field: the date in `due_date`, the instant in `due_at`,
    // and whether the time of day counts in `all_day`.
    if (item.due) {
        out["due_date"] = format_date(item.due->day);
        out["due_at"] = due_at_cell(item, zone);
        out["all_day"] = item.due->whole_day;
    } else {
        out["due_date"] = nullptr;
        out["due_at"] = nullptr;
        out["all_day"] = nullptr;
    }
    out["act_by_date"] = item.off_day ? Json(act_by_cell(item)) : Json(nullptr);
    out["since_date"] = item.since ? Json(format_date(*item.since)) : Json(nullptr);
    out["working_days_left"] = number_json(working_days_left(item));
    out["working_days_since"] = number_json(working_days_since(item));
    out["hours_left"] = item.due && !item.due->whole_day ? Json(item.hours_left) : Json(nullptr);
    out["complainant"] = item.complainant;
    out["summary"] = item.summary;
    return out;
}

// What is due reads well enough in this many characters ("action 1: Replace
// the lift…"); narrower, a column is left out for it.
constexpr std::size_t k_what_enough = 20;

struct Section {
    AgendaWhen when;
    const char* heading;
};

// The sections as a person reads them, on `out`: control characters made
// visible when `visible` (a terminal, or a mail reader), bold headers when
// `colour`; each row fits `width` columns (npos: no limit), what is due cut
// to what the line leaves once the complainant, the person, and at the
// narrowest the standing (the section heading says overdue) are left out.
void print_text(std::FILE* out, const std::vector<AgendaItem>& items, const Store& store,
                const Context& context, bool visible, bool colour, std::size_t width) {
    const auto& zone = store.zone();
    const date::sys_days today{local_date(context.now, zone)};
    const auto horizon = store.calendar().add(today, k_horizon_days);
    fmt::print(out, "Agenda for {} (soon: the next {} working days, to {})\n",
               format_date(date::year_month_day{today}), k_horizon_days,
               format_date(date::year_month_day{horizon}));
    if (items.empty()) {
        fmt::print(out, "\nNothing to do.\n");
        return;
    }
    const Section sections[] = {{AgendaWhen::overdue, "Overdue"},
                                {AgendaWhen::today, "Due today"},
                                {AgendaWhen::soon, "Due soon"},
                                {AgendaWhen::pending, "Pending"}};
    const std::size_t name_width = width == std::string::npos ? width : 24;
    for (const auto& section : sections) {
        Row header{"case", "due", "what", "standing", "person", "complainant"};
        std::vector<Row> rows;
        for (const auto& item : items)
            if (item.when == section.when)
                rows.push_back({item.case_id, agenda_due_cell(item, zone), item.what,
                                agenda_standing_cell(item), person_cell(item),
                                headline(item.complainant, name_width)});
        if (rows.empty())
            continue;
        if (visible)
            make_visible(rows);
        if (width != std::string::npos)
            fit_to_width(header, rows, width, {"complainant", "person", "standing"}, "what",
                         k_what_enough);
        const Shade shade = section.when == AgendaWhen::overdue ? Shade::overdue
                            : section.when == AgendaWhen::today ? Shade::today
                                                                : Shade::none;
        fmt::print(out, "\n{} ({})\n", section.heading, rows.size());
        print_table(out, header, rows, colour, std::vector<Shade>(rows.size(), shade));
    }
}

// "2 overdue, 1 due today, 3 due soon, 4 pending": the digest's subject.
std::string counts(const std::vector<AgendaItem>& items) {
    std::string out;
    for (const auto& [kind, words] :
         {std::pair{AgendaWhen::overdue, "overdue"}, std::pair{AgendaWhen::today, "due today"},
          std::pair{AgendaWhen::soon, "due soon"}, std::pair{AgendaWhen::pending, "pending"}}) {
        // A structured binding cannot be captured before C++20 in clang 14.
        const AgendaWhen when = kind;
        const auto n = std::count_if(items.begin(), items.end(),
                                     [when](const AgendaItem& item) { return item.when == when; });
        out += fmt::format("{}{} {}", out.empty() ? "" : ", ", n, words);
    }
    return out;
}

// The text view as a mail message on stdout, for cron to pipe to sendmail.
void print_email(const AgendaOptions& options, const std::vector<AgendaItem>& items,
                 const Store& store, const Context& context) {
    std::string body;
    {
        MemoryStream stream(body);
        print_text(stream.file(), items, store, context, true, false, std::string::npos);
    }
    Mail mail;
    mail.to = options.to;
    mail.from = options.from.empty() ? options.to : options.from;
    mail.subject = fmt::format("Complaints agenda {}: {}",
                               format_date(local_date(context.now, store.zone())), counts(items));
    fmt::print("{}", mail_message(mail, context.now, store.zone(), body));
}

void run_agenda(const AgendaOptions& options, const Reader& repo) {
    // An empty name would match every unassigned item, not "everyone".
    if (options.for_given && folded(options.person).empty())
        throw Error(ErrorKind::usage, "--for needs a name");
    if ((options.format == Format::email) != !options.to.empty())
        throw Error(ErrorKind::usage, options.to.empty() ? "--format email needs --to ADDRESS"
                                                         : "--to is for --format email");
    if (!options.from.empty() && options.to.empty())
        throw Error(ErrorKind::usage, "--from is for --format email");
    if (options.include_names && options.format != Format::ics)
        throw Error(ErrorKind::usage,
                    "--include-names is for --format ics (the other formats name them)");
    const auto& [context, store] = repo;
    const auto items = gather(options, context, store);
    const auto& zone = store.zone();
    switch (options.format) {
    case Format::json: {
        Json all = Json::array();
        for (const auto& item : items)
            all.push_back(json_of(item, zone));
        print_json(stdout, json_document("items", std::move(all)));
        return;
    }
    case Format::csv: {
        std::vector<Row> rows;
        for (const auto& item : items)
            rows.push_back(row_of(item, zone));
        print_csv(stdout, k_agenda_header, rows);
        return;
    }
    case Format::ics:
        fmt::print("{}", agenda_ics(items, context.now, calendar_name(store)));
        return;
    case Format::email:
        print_email(options, items, store, context);
        return;
    default:
        // Fit to a terminal's line (or $COLUMNS); a pipe or a file gets the whole text.
        print_text(stdout, items, store, context, true, context.colour(stdout),
                   terminal_width(stdout).value_or(std::string::npos));
    }
}

} // namespace

void setup_agenda(CLI::App& app, Context& context) {
    auto options = std::make_shared<AgendaOptions>();
    CLI::App* command = app.add_subcommand(
        "agenda", "what needs doing: overdue, due today, due in the next 5 working days, pending");
    command->alias("today");
    auto* mine = command->add_flag("--mine", options->mine,
                                   "what you are responsible for (you as --by would name you: "
                                   "$COMPLAINTS_USER, complaints.yaml's author, git), and what "
                                   "nobody holds yet");
    command
        ->add_option("--for", options->person,
                     "only what this person is responsible for (agent, action lead); "
                     "'unassigned' for what nobody holds yet")
        ->option_text("NAME")
        ->excludes(mine);
    command->add_flag("--no-cache", options->no_cache,
                      "read every case file, neither using nor updating .complaints-cache");
    add_format_option(*command, options->format,
                      {Format::text, Format::json, Format::csv, Format::ics, Format::email});
    command->add_flag("--include-names", options->include_names,
                      "with --format ics: name complainants and patients (withheld by default: "
                      "a feed is published)");
    command
        ->add_option("--to", options->to, "with --format email: who the digest is for (an address)")
        ->option_text("ADDRESS");
    command
        ->add_option("--from", options->from, "with --format email: who it is from (default: --to)")
        ->option_text("ADDRESS");
    reads(*command, context, [options, command](const Reader& repo) {
        options->for_given = command->count("--for") > 0;
        run_agenda(*options, repo);
    });
}

} // namespace complaints::cli
