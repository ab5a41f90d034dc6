// SPDX-License-Identifier: Apache-2.0
// complaints check: validate the whole repository; exit 1 when a file is at fault.
#include "commands.hpp"
#include "json_output.hpp"
#include "merge_driver.hpp"
#include "output.hpp"

#include "problem_text.hpp"

#include "complaints/audit/check.hpp"

#include <algorithm>
#include <set>

namespace complaints::cli {

namespace {

// A file's problem may name a field ("on behalf of"): as its flag here.
std::string message_of(const CheckProblem& p) {
    return p.process ? attention_text(*p.process) : render(p.message, flag_for);
}

// "4 problems in 2 files (5 case files checked)": the files the problems
// are in, counted once each, apart from how many case files were read; a
// problem may be in a file that is no case (a stray or a letter). Agenda
// items are counted apart: they are no fault in the files.
std::string summary(const std::vector<CheckProblem>& problems, std::size_t checked) {
    const std::string read = plural(static_cast<long long>(checked), "case file");
    std::set<std::string> files;
    long long faults = 0;
    for (const auto& p : problems)
        if (!p.agenda) {
            files.insert(p.file);
            ++faults;
        }
    const auto agenda = static_cast<long long>(problems.size()) - faults;
    const std::string also =
        agenda ? fmt::format("; {} for the agenda, not problems", plural(agenda, "item")) : "";
    if (faults == 0)
        return "0 problems in " + read + also;
    return fmt::format("{} in {} ({} checked){}", plural(faults, "problem"),
                       plural(static_cast<long long>(files.size()), "file"), read, also);
}

struct CheckOptions {
    Format format = Format::table;
};

void run_check(const CheckOptions& options, const Reader& repo) {
    const auto& [context, store] = repo;
    if (const std::string doubt = merge_driver_doubt(store.root()); !doubt.empty())
        fmt::print(stderr, "complaints: warning: {}\n", doubt);
    const auto problems = check_repository(store, context.now);
    if (options.format == Format::json) {
        Json json = Json::array();
        for (const auto& p : problems)
            json.push_back({{"file", p.file},
                            {"line", p.line},
                            {"message", message_of(p)},
                            {"agenda", p.agenda}});
        print_json(stdout, json_document("problems", std::move(json)));
    } else {
        for (const auto& p : problems)
            // Line 0 means the whole file: "FILE: message", as compilers say it.
            fmt::print("{}{}: {}{}\n", p.file, p.line ? fmt::format(":{}", p.line) : "",
                       p.agenda ? "agenda: " : "", message_of(p));
        fmt::print(stderr, "complaints: {}\n", summary(problems, store.case_files().size()));
    }
    if (std::any_of(problems.begin(), problems.end(),
                    [](const CheckProblem& p) { return !p.agenda; }))
        throw ProblemsFound{};
}

} // namespace

void setup_check(CLI::App& app, Context& context) {
    auto o = std::make_shared<CheckOptions>();
    CLI::App* command =
        app.add_subcommand("check", "validate every file of the repository; exit 1 when one is at "
                                    "fault (deadlines passed are the agenda's)");
    add_format_option(*command, o->format, {Format::table, Format::json});
    reads(*command, context, [o](const Reader& repo) { run_check(*o, repo); });
}

} // namespace complaints::cli
