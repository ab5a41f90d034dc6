// SPDX-License-Identifier: Apache-2.0
// complaints import: a spreadsheet register's rows as cases, dated as they
// happened. The reading, the map and what a row becomes are the core's
// (codec/register_csv.hpp, codec/register_import.hpp); this reads the
// files, writes the cases and says what it did.
#include "choices.hpp"
#include "commands.hpp"
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
    bool dry_run = false;
    bool skip_bad = false;
    std::string by;
};

// The rows the plan makes into cases, set against the cases imported before.
struct Sorted {
    std::vector<const PlannedCase*> fresh;
    int already = 0; // imported before, and the register agrees
    std::vector<std::pair<const PlannedCase*, std::string>> changed; // row, its differences
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
               path, table.header.size(), table.rows.size(), table.encoding, table.delimiter);
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
        if (found == by_reference.end()) {
            sorted.fresh.push_back(&row);
            continue;
        }
        const auto differences = import_differences(*found->second, row.c, zone);
        if (differences.empty())
            ++sorted.already;
        else
            sorted.changed.emplace_back(&row, util::join(differences, "; "));
    }
    return sorted;
}

void print_bad(const std::vector<BadCell>& bad, const std::string& file, std::FILE* stream) {
    for (const auto& cell : bad)
        fmt::print(stream, "{}: row {}, column '{}', value '{}': {}\n", file, cell.row,
                   visible_controls(cell.column), visible_controls(cell.value), cell.why);
}

void print_changed(const Sorted& sorted, const std::string& file) {
    for (const auto& [row, differences] : sorted.changed)
        fmt::print("{}: row {} ({}) was imported before and now differs, left as it is: {}\n", file,
                   row->row, visible_controls(row->c.imported->reference),
                   visible_controls(differences));
}

std::size_t rows_with_bad_cells(const std::vector<BadCell>& bad) {
    std::size_t rows = 0;
    for (std::size_t i = 0; i < bad.size(); ++i)
        rows += i == 0 || bad[i].row != bad[i - 1].row;
    return rows;
}

void run_import(const ImportOptions& o, const Writer& repo) {
    const RegisterTable table = read_register(read_file(o.csv), o.csv);
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
    const std::size_t bad_rows = rows_with_bad_cells(plan.bad);
    if (!plan.bad.empty() && (o.dry_run || !o.skip_bad)) {
        print_bad(plan.bad, o.csv, o.dry_run ? stdout : stderr);
        throw Error(ErrorKind::bad_data,
                    fmt::format("{}: {} bad cell{} in {} row{}; nothing imported{}", o.csv,
                                plan.bad.size(), plan.bad.size() == 1 ? "" : "s", bad_rows,
                                bad_rows == 1 ? "" : "s",
                                o.dry_run ? "" : " (mend them, or give --skip-bad)"));
    }
    // Under the lock, so two imports of one register cannot both create a row.
    StoreWriter writer = repo.lock();
    const Sorted sorted = sort_rows(plan, context.slim_all(store, true), store.zone());
    print_changed(sorted, o.csv);
    if (o.dry_run) {
        fmt::print("{}: would create {} case{}; {} row{} imported already\n", o.csv,
                   sorted.fresh.size(), sorted.fresh.size() == 1 ? "" : "s",
                   sorted.already + sorted.changed.size(),
                   sorted.already + sorted.changed.size() == 1 ? "" : "s");
        return;
    }
    // One case at a time, each file published whole: a failure or a crash
    // leaves the cases before it, which the next run finds and skips.
    for (const PlannedCase* row : sorted.fresh) {
        const std::string id = writer.create(row->c, context.random);
        context.recorded = id;
        fmt::print("{}\trow {}\t{}\n", id, row->row, visible_controls(row->c.imported->reference));
    }
    print_bad(plan.bad, o.csv, stderr);
    fmt::print("{}: created {} case{}; {} row{} imported already{}\n", o.csv, sorted.fresh.size(),
               sorted.fresh.size() == 1 ? "" : "s", sorted.already + sorted.changed.size(),
               sorted.already + sorted.changed.size() == 1 ? "" : "s",
               plan.bad.empty()
                   ? ""
                   : fmt::format("; {} bad row{} skipped", bad_rows, bad_rows == 1 ? "" : "s"));
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
    command->add_flag("--dry-run", options->dry_run,
                      "list every bad cell and what would be created; write nothing");
    command->add_flag("--skip-bad", options->skip_bad,
                      "import the good rows and list the bad ones (else a bad row stops all)");
    command->add_option("--by", options->by, "who is importing (default: you)")
        ->option_text("NAME");
    writes_files(*command, context, [options](const Writer& repo) { run_import(*options, repo); });
}

} // namespace complaints::cli
