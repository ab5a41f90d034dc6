// SPDX-License-Identifier: Apache-2.0
// complaints calendar: working-day arithmetic and bank holidays, with or
// without a repository (inside one, its region, closures and changes apply).
#include "choices.hpp"
#include "commands.hpp"
#include "output.hpp"

#include "complaints/codec/holiday_import.hpp"
#include "complaints/store/atomic_file.hpp"

#include <charconv>
#include <iostream>
#include <sstream>

namespace complaints::cli {

namespace {

struct QueryOptions {
    std::string region;
    std::vector<std::string> args;
};

struct ImportOptions {
    std::string file;
    bool dry_run = false;
};

using Words = std::vector<std::string>;
using Answer = std::string (*)(const WorkingCalendar&, const Words&);

date::sys_days date_word(const std::string& word) {
    if (const auto day = parse_date(word))
        return date::sys_days{*day};
    throw Error(ErrorKind::usage, date_problem(word));
}

int number_word(const std::string& word, std::string_view what, int low, int high) {
    int value = 0;
    const auto [end, ec] = std::from_chars(word.data(), word.data() + word.size(), value);
    if (ec != std::errc{} || end != word.data() + word.size() || value < low || value > high)
        throw Error(ErrorKind::usage,
                    fmt::format("'{}' is not {} from {} to {}", word, what, low, high));
    return value;
}

void expect(const Words& words, std::size_t count, std::string_view shape) {
    if (words.size() != count)
        throw Error(ErrorKind::usage, fmt::format("expected {}, got {} word{}", shape, words.size(),
                                                  words.size() == 1 ? "" : "s"));
}

std::string answer_add(const WorkingCalendar& calendar, const Words& words) {
    expect(words, 2, "START N");
    const auto start = date_word(words[0]);
    const int n = number_word(words[1], "a number of working days", 0, 100000);
    return format_date(calendar.add(start, n));
}

std::string answer_between(const WorkingCalendar& calendar, const Words& words) {
    expect(words, 2, "FROM TO");
    const auto from = date_word(words[0]);
    const auto to = date_word(words[1]);
    if (to < from)
        throw Error(ErrorKind::usage, fmt::format("between: TO {} is before FROM {}; give the "
                                                  "earlier date first",
                                                  words[1], words[0]));
    return std::to_string(calendar.between(from, to));
}

std::string answer_next(const WorkingCalendar& calendar, const Words& words) {
    expect(words, 1, "DATE");
    return format_date(calendar.next_working_day(date_word(words[0])));
}

std::string answer_previous(const WorkingCalendar& calendar, const Words& words) {
    expect(words, 1, "DATE");
    return format_date(calendar.previous_working_day(date_word(words[0])));
}

std::string answer_holidays(const WorkingCalendar& calendar, const Words& words) {
    expect(words, 1, "YEAR");
    const int year = number_word(words[0], "a year", k_first_year, k_last_year);
    auto days = calendar.bank_holidays(year);
    const auto closed = calendar.closures(year);
    days.insert(days.end(), closed.begin(), closed.end());
    std::stable_sort(days.begin(), days.end(),
                     [](const Holiday& a, const Holiday& b) { return a.day < b.day; });
    std::vector<std::string> lines;
    for (const auto& h : days)
        lines.push_back(format_date(h.day) + "\t" + h.name);
    return util::join(lines, "\n");
}

WorkingCalendar calendar_for(const QueryOptions& options, const Reader* repo) {
    const Store* store = repo ? &repo->store : nullptr;
    const Region region = !options.region.empty() ? parse_enum<Region>(options.region, "--region")
                          : store                 ? store->config().region
                                                  : Region::england_and_wales;
    return WorkingCalendar(region, store ? store->config().calendar : CalendarSettings{});
}

Words split(const std::string& line) {
    std::istringstream in(line);
    Words words;
    for (std::string word; in >> word;)
        words.push_back(word);
    return words;
}

// One answer per line of standard input, in its place: a line that cannot
// be answered gets "error" there, and its number and why on stderr, so a
// script pairs each answer with its query.
int answer_stream(const WorkingCalendar& calendar, Answer answer) {
    std::ios::sync_with_stdio(false);
    std::string line, out;
    int line_number = 0;
    bool failed = false;
    while (std::getline(std::cin, line)) {
        ++line_number;
        try {
            out += answer(calendar, split(line));
            out += '\n';
        } catch (const Error& e) {
            out += "error\n";
            std::fwrite(out.data(), 1, out.size(), stdout);
            out.clear();
            std::fflush(stdout);
            fmt::print(stderr, "complaints: <stdin>:{}: {}\n", line_number, e.what());
            failed = true;
        }
        if (out.size() > 1 << 16) {
            std::fwrite(out.data(), 1, out.size(), stdout);
            out.clear();
        }
    }
    std::fwrite(out.data(), 1, out.size(), stdout);
    return failed ? static_cast<int>(ErrorKind::bad_data) : 0;
}

void run_query(const QueryOptions& options, const Reader* repo, Answer answer) {
    const WorkingCalendar calendar = calendar_for(options, repo);
    if (options.args.size() == 1 && options.args[0] == "-") {
        if (const int status = answer_stream(calendar, answer); status != 0)
            throw Error(ErrorKind::bad_data, "some lines of standard input could not be answered");
        return;
    }
    fmt::print("{}\n", answer(calendar, options.args));
}

void run_import(const ImportOptions& options, const Writer& repo) {
    const auto& [context, store] = repo;
    const auto imported = read_govuk_bank_holidays(read_file(options.file), options.file);
    StoreWriter writer = repo.lock();
    Config config = Store(store.root()).config();
    const CalendarSettings after = settings_after_import(config.calendar, imported);
    const auto changes = compare_calendars(config.calendar, after, imported);
    for (const auto& change : changes)
        fmt::print("{} {}\t{}\t{}\n", change.added ? '+' : '-', format_date(change.holiday.day),
                   name_of(change.region), change.holiday.name);
    if (changes.empty())
        fmt::print("The calendar already agrees with {}; nothing to change.\n", options.file);
    if (options.dry_run || changes.empty())
        return;
    config.calendar = after;
    writer.save_config(config);
    context.recorded = "complaints.yaml";
    fmt::print("Recorded {} change{} in complaints.yaml.\n", changes.size(),
               changes.size() == 1 ? "" : "s");
}

void add_query(CLI::App& calendar, Context& context, const char* name, const char* help,
               const char* shape, Answer answer) {
    auto options = std::make_shared<QueryOptions>();
    CLI::App* command = calendar.add_subcommand(name, help);
    command
        ->add_option("ARGS", options->args,
                     std::string(shape) + ", or - to read one query per line from standard input")
        ->required();
    enum_choices<Region>(
        command->add_option("--region", options->region,
                            "england-and-wales, scotland or northern-ireland (default: the "
                            "repository's, else england-and-wales)"));
    reads_if_any(*command, context,
                 [options, answer](const Reader* repo) { run_query(*options, repo, answer); });
}

} // namespace

void setup_calendar(CLI::App& app, Context& context) {
    CLI::App* calendar = app.add_subcommand("calendar", "working days and bank holidays");
    calendar->require_subcommand(1);
    add_query(*calendar, context, "add", "print the date N working days after START", "START N",
              answer_add);
    add_query(*calendar, context, "between", "count the working days D with FROM < D <= TO",
              "FROM TO", answer_between);
    add_query(*calendar, context, "holidays",
              "print DATE<TAB>NAME for each non-working day of YEAR", "YEAR", answer_holidays);
    add_query(*calendar, context, "next", "print the first working day after DATE", "DATE",
              answer_next);
    add_query(*calendar, context, "previous", "print the last working day before DATE", "DATE",
              answer_previous);
    auto options = std::make_shared<ImportOptions>();
    CLI::App* import = calendar->add_subcommand(
        "import", "record in complaints.yaml where GOV.UK's bank-holidays.json differs from the "
                  "built-in calendar");
    import->add_option("FILE", options->file, "GOV.UK's bank-holidays.json")->required();
    import->add_flag("--dry-run", options->dry_run, "show the changes, write nothing");
    writes_files(*import, context, [options](const Writer& repo) { run_import(*options, repo); });
} // namespace complaints::cli

} // namespace complaints::cli
