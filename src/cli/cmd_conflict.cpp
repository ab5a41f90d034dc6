// SPDX-License-Identifier: Apache-2.0
// complaints conflict: shows the merge conflicts left in a case file, both
// sides of each under the names its markers give them, and keeps one side
// per field, so resolving a pull is not editing markers by hand.
#include "commands.hpp"
#include "json_output.hpp"
#include "merge_driver.hpp"
#include "output.hpp"
#include "problem_text.hpp"

#include "complaints/base/text.hpp"
#include "complaints/merge/conflict_pick.hpp"

#include <fmt/format.h>

namespace complaints::cli {

namespace {

struct ConflictOptions {
    std::string id;
    std::string field;
    std::string keep;
    WhenWho who;
    Format format = Format::table;
};

// A side's lines, indented under its name; text from the case made
// harmless for a terminal.
void print_side(const std::string& label, const char* place, const std::string& lines) {
    fmt::print("  {} [{}]:\n", label.empty() ? place : label, place);
    if (lines.empty())
        fmt::print("    (nothing: this side has no such item)\n");
    std::string_view rest = lines;
    while (!rest.empty()) {
        const auto end = std::min(rest.find('\n'), rest.size());
        const auto line = rest.substr(0, end);
        fmt::print("    {}\n", visible_controls(line));
        rest.remove_prefix(std::min(end + 1, rest.size()));
    }
}

std::string side_choices(const ConflictMark& mark) {
    if (mark.upper_label.empty() || mark.lower_label.empty())
        return "upper or lower";
    return fmt::format("{} or {}", side_word(mark.upper_label), side_word(mark.lower_label));
}

void list_conflicts(const CaseConflicts& found, const std::string& id, const std::string& field) {
    if (found.marks.empty()) {
        fmt::print("{}: no merge conflict\n", found.file);
        return;
    }
    fmt::print("{}: {} unresolved merge conflict{}\n", found.file, found.marks.size(),
               found.marks.size() == 1 ? "" : "s");
    for (const auto& mark : found.marks) {
        if (!field.empty() && mark.field != field)
            continue;
        fmt::print("{} (line {}):\n", mark.field, mark.line);
        print_side(mark.upper_label, "upper", mark.upper);
        print_side(mark.lower_label, "lower", mark.lower);
        fmt::print("  keep one: complaints conflict {} --field '{}' --keep {}\n", id, mark.field,
                   side_choices(mark));
    }
}

// The side of `mark` the word names ("this-site"), or null.
Json side_named(const ConflictMark& mark, std::string_view word) {
    if (!mark.upper_label.empty() && side_word(mark.upper_label) == word)
        return mark.upper;
    if (!mark.lower_label.empty() && side_word(mark.lower_label) == word)
        return mark.lower;
    return nullptr;
}

// For scripts: each conflict with both sides, by site where the markers say
// which is which, and by place in the file.
void print_conflicts_json(const CaseConflicts& found, const std::string& id,
                          const std::string& field) {
    Json conflicts = Json::array();
    for (const auto& mark : found.marks)
        if (field.empty() || mark.field == field)
            conflicts.push_back({{"field", mark.field},
                                 {"line", mark.line},
                                 {"this_site", side_named(mark, "this-site")},
                                 {"other_site", side_named(mark, "other-site")},
                                 {"upper_label", mark.upper_label},
                                 {"lower_label", mark.lower_label},
                                 {"upper", mark.upper},
                                 {"lower", mark.lower}});
    print_json(stdout, Json{{"schema_version", k_json_schema_version},
                            {"id", id},
                            {"file", found.file},
                            {"conflicts", conflicts}});
}

void next_step(const ConflictPick& pick, const std::string& id) {
    for (const auto& kept : pick.kept)
        fmt::print("kept {}\n", kept);
    for (const auto& voided : pick.voided)
        fmt::print("voided {}: the side set aside stood on it\n", voided);
    if (!pick.doubt.empty())
        fmt::print(stderr, "complaints: warning: {}\n", pick.doubt);
    if (!pick.left.empty()) {
        fmt::print("{}: {} conflict{} left: {} (complaints conflict {} shows them)\n", pick.file,
                   pick.left.size(), pick.left.size() == 1 ? "" : "s", conflict_fields(pick.left),
                   id);
        return;
    }
    fmt::print("{}: no conflict left; next: git add {}, then git commit (a merge) or git rebase "
               "--continue (a rebase)\n",
               pick.file, pick.file);
}

void run_conflict(const ConflictOptions& o, const Writer& repo) {
    const auto& [context, store] = repo;
    const std::string id = store.resolve(o.id);
    if (o.keep.empty()) {
        const auto found = read_conflicts(store, id);
        if (const auto told = two_cases_told(merge_sides(store.root(), found.file), found.file))
            fmt::print(stderr, "complaints: {}\n", refusal_text(*told));
        if (!o.field.empty())
            (void)conflicts_in(found, o.field); // refuses a field with no conflict
        if (o.format == Format::json)
            print_conflicts_json(found, id, o.field);
        else
            list_conflicts(found, id, o.field);
        return;
    }
    if (o.format != Format::table)
        throw Error(ErrorKind::usage, "--format: --keep prints what it did, as text");
    // Made before the lock, as every writing command does: who settles, now.
    const Event settling = make_event(EventType::conflict_resolved, "", o.who, context, store);
    StoreWriter writer = repo.lock();
    const auto pick = pick_conflict_side(writer, id, o.field, o.keep, settling,
                                         merge_sides(store.root(), store.display_path(id)));
    context.recorded = pick.file;
    next_step(pick, id);
}

} // namespace

void setup_conflict(CLI::App& app, Context& context) {
    auto o = std::make_shared<ConflictOptions>();
    CLI::App* command = app.add_subcommand(
        "conflict", "show a case's merge conflicts, both sides of each, and keep one side");
    command->add_option("ID", o->id, "the case")->required();
    command
        ->add_option("--field", o->field,
                     "the conflicting field, as listed (\"points[n: 1].finding\"); default: every "
                     "conflict")
        ->option_text("FIELD");
    command
        ->add_option("--keep", o->keep,
                     "the side to keep: this-site or other-site (as the markers name them), or "
                     "upper or lower")
        ->option_text("SIDE");
    command
        ->add_option("--by", o->who.by,
                     "who settles it, for the record; default $COMPLAINTS_USER, the "
                     "repository's author, git user.name, or your login")
        ->option_text("NAME");
    add_format_option(*command, o->format, {Format::table, Format::json});
    writes(*command, context, [o](const Writer& repo) { run_conflict(*o, repo); });
}

} // namespace complaints::cli
