// complaints check: validate the whole repository; exit 1 when problems are found.
#include "commands.hpp"
#include "merge_driver.hpp"
#include "output.hpp"

#include "problem_text.hpp"

#include "complaints/audit/check.hpp"

#include <set>

namespace complaints::cli {

namespace {

std::string message_of(const CheckProblem& p) {
    return p.process ? attention_text(*p.process) : p.message;
}

// "4 problems in 2 files (5 case files checked)": the files the problems
// are in, counted once each, apart from how many case files were read; a
// problem may be in a file that is no case (a stray or a letter).
std::string summary(const std::vector<CheckProblem>& problems, std::size_t checked) {
    const std::string read = plural(static_cast<long long>(checked), "case file");
    if (problems.empty())
        return "0 problems in " + read;
    std::set<std::string> files;
    for (const auto& p : problems)
        files.insert(p.file);
    return fmt::format("{} in {} ({} checked)",
                       plural(static_cast<long long>(problems.size()), "problem"),
                       plural(static_cast<long long>(files.size()), "file"), read);
}

struct CheckOptions {
    Format format = Format::table;
};

void run_check(const CheckOptions& options, const Context& context) {
    const Store store = context.open_store();
    if (const std::string doubt = merge_driver_doubt(store.root()); !doubt.empty())
        fmt::print(stderr, "complaints: warning: {}\n", doubt);
    const auto problems = check_repository(store, context.now);
    if (options.format == Format::json) {
        Json json = Json::array();
        for (const auto& p : problems)
            json.push_back({{"file", p.file}, {"line", p.line}, {"message", message_of(p)}});
        print_json(stdout, json);
    } else {
        for (const auto& p : problems)
            // Line 0 means the whole file: "FILE: message", as compilers say it.
            fmt::print("{}{}: {}\n", p.file, p.line ? fmt::format(":{}", p.line) : "",
                       message_of(p));
        fmt::print(stderr, "complaints: {}\n", summary(problems, store.case_files().size()));
    }
    if (!problems.empty())
        throw ProblemsFound{};
}

} // namespace

void setup_check(CLI::App& app, Context& context) {
    auto o = std::make_shared<CheckOptions>();
    CLI::App* command =
        app.add_subcommand("check", "validate every case file and the process; exit 1 on problems");
    add_format_option(*command, o->format, {Format::table, Format::json});
    command->callback([o, &context] { run_check(*o, context); });
}

} // namespace complaints::cli
