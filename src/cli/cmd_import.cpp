// SPDX-License-Identifier: Apache-2.0
// complaints import: a spreadsheet register's rows as cases, dated as they
// happened. The reading, the map and what a row becomes are the core's
// (codec/register_csv.hpp, codec/register_import.hpp); this reads the
// files, writes the cases and says what it did.
#include "choices.hpp"
#include "commands.hpp"
#include "json_output.hpp"
#include "output.hpp"

#include "complaints/base/strings.hpp"
#include "complaints/base/text.hpp"
#include "complaints/codec/register_import.hpp"
#include "complaints/store/atomic_file.hpp"

#include <map>

namespace complaints::cli {

namespace {

struct ImportOptions {
    std::string csv;
    std::string map;
    std::string write_map;
    std::string date_format;
    std::string encoding;
    bool dry_run = false;
    bool skip_bad = false;
    std::string by;
    Format format = Format::table;
};

// A row imported before: the case it made, and what the register now says
// otherwise (nothing when they agree).
struct Known {
    const PlannedCase* row;
    std::string id;
    std::vector<std::string> differences;
};

// The rows the plan makes into cases, set against the cases imported before.
struct Sorted {
    std::vector<const PlannedCase*> fresh;
    std::vector<Known> known;
};

// A case the run made (or, on a dry run, would make: no ID).
struct Created {
    const PlannedCase* row;
    std::string id;
};

std::string file_name(const std::string& path) {
    return std::filesystem::path(path).filename().string();
}

void write_map(const RegisterTable& table, const std::string& table_path, const std::string& path) {
    AtomicFile file(path);
    file.write(fmt::format("# A map for complaints import. Edit it, then check it with\n"
                           "# complaints import --csv {} --map {} --dry-run\n",
                           table_path, path) +
               register_map_template(table));
    if (!file.commit_new())
        throw Error(ErrorKind::usage, fmt::format("--write-map: {} exists already; give a new "
                                                  "name, or remove it first",
                                                  path));
    fmt::print("Wrote {}: {} columns, {} rows read ({}, '{}' separated). Edit it, then give it "
               "to --map.\n",
               path, table.header.size(), table.rows.size(), encoding_label(table),
               table.delimiter);
}

Sorted sort_rows(const ImportPlan& plan, const std::vector<Case>& cases,
                 const date::time_zone& zone) {
    std::map<std::string, const Case*> by_reference;
    for (const auto& c : cases)
        if (c.imported)
            by_reference.emplace(folded(c.imported->reference), &c);
    Sorted sorted;
    for (const auto& row : plan.cases) {
        const auto found = by_reference.find(folded(row.c.imported->reference));
        if (found == by_reference.end())
            sorted.fresh.push_back(&row);
        else
            sorted.known.push_back(
                {&row, found->second->id, import_differences(*found->second, row.c, zone)});
    }
    return sorted;
}

void print_bad(const std::vector<BadCell>& bad, const std::string& file, std::FILE* stream) {
    for (const auto& cell : bad)
        fmt::print(stream, "{}: row {}, column '{}', value '{}': {}\n", file, cell.row,
                   visible_controls(cell.column), visible_controls(cell.value), cell.why);
}

void print_changed(const Sorted& sorted, const std::string& file) {
    for (const auto& known : sorted.known)
        if (!known.differences.empty())
            fmt::print("{}: row {} ({}) was imported before and now differs, left as it is: {}\n",
                       file, known.row->row, visible_controls(known.row->c.imported->reference),
                       visible_controls(util::join(known.differences, "; ")));
}

std::size_t rows_with_bad_cells(const std::vector<BadCell>& bad) {
    std::size_t rows = 0;
    for (std::size_t i = 0; i < bad.size(); ++i)
        rows += i == 0 || bad[i].row != bad[i - 1].row;
    return rows;
}

// The run as one document (docs/json.md, docs/schemas/import.schema.json).
Json import_json(const ImportOptions& o, const RegisterTable& table, const ImportPlan& plan,
                 const std::vector<Created>& created, const std::vector<Known>& known) {
    Json made = Json::array(), skipped = Json::array(), problems = Json::array();
    for (const auto& c : created)
        made.push_back({{"row", c.row->row},
                        {"reference", c.row->c.imported->reference},
                        {"case", c.id.empty() ? Json() : Json(c.id)}});
    for (const auto& k : known)
        skipped.push_back({{"row", k.row->row},
                           {"reference", k.row->c.imported->reference},
                           {"case", k.id},
                           {"differences", k.differences}});
    for (const auto& cell : plan.bad)
        problems.push_back({{"row", cell.row},
                            {"column", cell.column},
                            {"value", cell.value},
                            {"message", cell.why}});
    return Json{{"schema_version", k_json_schema_version},
                {"file", o.csv},
                {"encoding", std::string(name_of(table.encoding))},
                {"byte_order_mark", table.byte_order_mark},
                {"separator", std::string(1, table.delimiter)},
                {"dry_run", o.dry_run},
                {"created", made},
                {"skipped", skipped},
                {"problems", problems}};
}

// A register with a bad cell, and no --skip-bad (or a dry run): every bad
// cell said, nothing written, exit 4.
[[noreturn]] void refuse(const ImportOptions& o, const RegisterTable& table,
                         const ImportPlan& plan) {
    if (o.format == Format::json)
        print_json(stdout, import_json(o, table, plan, {}, {}));
    else
        print_bad(plan.bad, o.csv, o.dry_run ? stdout : stderr);
    const std::size_t rows = rows_with_bad_cells(plan.bad);
    throw Error(ErrorKind::bad_data,
                fmt::format("{}: {} in {}; nothing imported{}", o.csv,
                            plural(static_cast<long long>(plan.bad.size()), "bad cell"),
                            plural(static_cast<long long>(rows), "row"),
                            o.dry_run ? "" : " (mend them, or give --skip-bad)"));
}

// "created 3 cases; 2 rows imported already; 1 bad row skipped".
std::string counts(std::string_view verb, std::size_t fresh, const Sorted& sorted,
                   const std::vector<BadCell>& bad) {
    const std::size_t bad_rows = rows_with_bad_cells(bad);
    return fmt::format(
        "{} {}; {} imported already{}", verb, plural(static_cast<long long>(fresh), "case"),
        plural(static_cast<long long>(sorted.known.size()), "row"),
        bad_rows ? "; " + plural(static_cast<long long>(bad_rows), "bad row") + " skipped" : "");
}

RegisterTable read_table(const ImportOptions& o) {
    return read_register(
        read_file(o.csv), o.csv,
        o.encoding.empty() ? std::nullopt
                           : std::optional(parse_enum<RegisterEncoding>(o.encoding, "--encoding")));
}

void run_import(const ImportOptions& o, const Writer& repo) {
    if (!o.write_map.empty() && o.format == Format::json)
        throw Error(ErrorKind::usage, "--write-map writes a map to edit: it has no JSON");
    const RegisterTable table = read_table(o);
    if (!o.write_map.empty())
        return write_map(table, o.csv, o.write_map);
    const RegisterMap map = o.map.empty()
                                ? recognised_map(table.header)
                                : read_register_map(read_file(o.map), o.map, table.header);
    const auto& [context, store] = repo;
    const ImportSettings settings{store.config().policy,
                                  store.zone(),
                                  context.now,
                                  context.author(o.by, store),
                                  file_name(o.csv),
                                  o.date_format.empty()
                                      ? DateOrder::day_first
                                      : parse_enum<DateOrder>(o.date_format, "--date-format")};
    const ImportPlan plan = plan_import(table, map, settings);
    if (!plan.bad.empty() && (o.dry_run || !o.skip_bad))
        refuse(o, table, plan);
    // Under the lock, so two imports of one register cannot both create a row.
    StoreWriter writer = repo.lock();
    const Sorted sorted = sort_rows(plan, context.slim_all(store, true), store.zone());
    const bool text = o.format != Format::json;
    if (text)
        print_changed(sorted, o.csv);
    std::vector<Created> created;
    // One case at a time, each file published whole: a failure or a crash
    // leaves the cases before it, which the next run finds and skips.
    for (const PlannedCase* row : sorted.fresh) {
        created.push_back({row, o.dry_run ? std::string() : writer.create(row->c, context.random)});
        if (o.dry_run)
            continue;
        context.recorded = created.back().id;
        if (text)
            fmt::print("{}\trow {}\t{}\n", created.back().id, row->row,
                       visible_controls(row->c.imported->reference));
    }
    if (!text)
        return print_json(stdout, import_json(o, table, plan, created, sorted.known));
    if (!o.dry_run)
        print_bad(plan.bad, o.csv, stderr);
    fmt::print("{}: {}\n", o.csv,
               counts(o.dry_run ? "would create" : "created", created.size(), sorted, plan.bad));
}

} // namespace

void setup_import(CLI::App& app, Context& context) {
    auto options = std::make_shared<ImportOptions>();
    CLI::App* command = app.add_subcommand(
        "import", "make cases of a complaints register kept in a spreadsheet (saved as CSV), "
                  "dated as it happened; a row imported before is never rewritten");
    command->add_option("--csv", options->csv, "the register, saved as CSV")
        ->option_text("FILE")
        ->required();
    command
        ->add_option("--map", options->map,
                     "which column is which fact, and the register's "
                     "words for the tool's (YAML)")
        ->option_text("MAP");
    command
        ->add_option("--write-map", options->write_map,
                     "write a map for the register's columns and values to edit, and stop")
        ->option_text("MAP");
    enum_choices<DateOrder>(command->add_option(
        "--date-format", options->date_format,
        "how a date such as 03/04/2026 reads: day-first (default, as in the UK) or month-first"));
    enum_choices<RegisterEncoding>(command->add_option(
        "--encoding", options->encoding,
        "the register's encoding, when it cannot be guessed: utf-8 or windows-1252"));
    command->add_flag("--dry-run", options->dry_run,
                      "list every bad cell and what would be created; write nothing");
    command->add_flag("--skip-bad", options->skip_bad,
                      "import the good rows and list the bad ones (else a bad row stops all)");
    command->add_option("--by", options->by, "who is importing (default: you)")
        ->option_text("NAME");
    add_format_option(*command, options->format, {Format::table, Format::json});
    writes_files(*command, context, [options](const Writer& repo) { run_import(*options, repo); });
}

} // namespace complaints::cli
