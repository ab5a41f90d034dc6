// SPDX-License-Identifier: Apache-2.0
// complaints merge-file: git's merge driver for case files; complaints
// git-setup: registers it in this clone (git keeps drivers out of history).
#include "commands.hpp"
#include "merge_driver.hpp"

#include "complaints/base/error.hpp"
#include "complaints/merge/case_merge.hpp"
#include "complaints/store/atomic_file.hpp"
#include "complaints/store/store.hpp"

#include <fmt/format.h>

#include <filesystem>

namespace complaints::cli {

namespace {

struct MergeOptions {
    std::string base;
    std::string ours;
    std::string theirs;
    std::string path;
    int marker_size = 7;
};

// Writes the merge into OURS (git's %A) either way: clean, or with markers
// around the clashing fields, so git reports the conflict, `git diff` shows
// it and every command refuses the case until someone resolves it.
void run_merge_file(const MergeOptions& options) {
    const std::string name = options.path.empty() ? options.ours : options.path;
    const auto merge =
        merge_case_files(read_file(options.base), read_file(options.ours),
                         read_file(options.theirs), name, options.marker_size, merge_side_labels());
    AtomicFile out(options.ours);
    out.write(merge.text);
    out.commit();
    // The merge is done: git must not be told otherwise, only warned.
    if (!out.doubt().empty())
        fmt::print(stderr, "complaints: warning: {}\n", out.doubt());
    if (merge.two_cases)
        fmt::print(stderr,
                   "complaints: {}: two different cases got the same ID (each site opened one): "
                   "abort this pull (git merge --abort, or git rebase --abort), give this "
                   "site's case a new ID with 'complaints re-id ID', commit, and pull again with "
                   "--no-rebase (a rebase would replay the clash); both cases are kept whole\n",
                   name);
    if (merge.conflicts.empty() && !merge.two_cases)
        return;
    if (merge.conflicts.empty())
        throw ProblemsFound{};
    std::string fields;
    for (const auto& field : merge.conflicts)
        fields += (fields.empty() ? "" : ", ") + field;
    const std::string id = std::filesystem::path(name).stem().string();
    fmt::print(stderr,
               "complaints: {}: both sides changed {} differently; the file shows both between "
               "conflict markers: see both with 'complaints conflict {}', keep one with "
               "'complaints conflict {} --keep this-site' (or other-site), or edit the file; "
               "then git add it\n",
               name, fields, id, id);
    throw ProblemsFound{};
}

void run_git_setup(const Reader& repo) {
    const auto& [context, store] = repo;
    const DriverProgram program = driver_program();
    const std::string driver = register_merge_driver(store.root());
    fmt::print("git merges case files in {} with: {}\n", store.root().string(), driver);
    if (!program.note.empty())
        fmt::print("note: {}\n", program.note);
    // Without the attribute git never calls the driver: say so, and fix it.
    if (route_cases_to_merge_driver(store.root()))
        fmt::print("added 'cases/**/*.yaml merge=complaints' to .gitattributes, which lacked "
                   "it: commit it, so every clone merges case files with the driver\n");
}

} // namespace

void setup_merge_file(CLI::App& app, Context& context) {
    auto options = std::make_shared<MergeOptions>();
    CLI::App* command = app.add_subcommand(
        "merge-file",
        "git's merge driver for case files: a three-way merge, field by field and item by item");
    command->add_option("BASE", options->base, "the common ancestor (git's %O)")->required();
    command->add_option("OURS", options->ours, "our version, replaced by the merge (git's %A)")
        ->required();
    command->add_option("THEIRS", options->theirs, "their version (git's %B)")->required();
    command->add_option("--path", options->path, "the case file's path, for messages (git's %P)");
    command
        ->add_option("--marker-size", options->marker_size,
                     "how many characters make a conflict marker (git's %L)")
        ->check(CLI::Range(7, 100));
    runs(*command, context, [options] { run_merge_file(*options); });
}

void setup_git_setup(CLI::App& app, Context& context) {
    CLI::App* command = app.add_subcommand(
        "git-setup", "register the case merge driver in this clone (once per clone)");
    reads(*command, context, [](const Reader& repo) { run_git_setup(repo); });
}

} // namespace complaints::cli
