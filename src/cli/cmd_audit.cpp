// SPDX-License-Identifier: Apache-2.0
// complaints audit: git's history against the tool's own rules; exit 1 when
// a commit made a change the tool would have refused.
#include "commands.hpp"
#include "json_output.hpp"
#include "output.hpp"

#include "complaints/audit/history.hpp"
#include "complaints/base/text.hpp"

#include <set>

namespace complaints::cli {

namespace {

struct AuditOptions {
    Format format = Format::table;
    std::string rev = "HEAD";
};

Json json_of(const HistoryProblem& p) {
    return {{"commit", p.commit}, {"author", p.author},
            {"date", p.date},     {"subject", p.subject},
            {"file", p.file},     {"event", p.event ? Json(p.event) : Json(nullptr)},
            {"what", p.what},     {"before", p.before},
            {"after", p.after}};
}

// Grouped by commit, as `git log` shows one: its hash, author, date and
// subject, then each file's problem with its values before and after.
void print_text(const std::vector<HistoryProblem>& problems) {
    const std::string* last = nullptr;
    for (const auto& p : problems) {
        if (!last || *last != p.commit) {
            fmt::print("{}commit {}\nAuthor: {}\nDate:   {}\n    {}\n\n", last ? "\n" : "",
                       p.commit, visible_controls(p.author), p.date, visible_controls(p.subject));
            last = &p.commit;
        }
        fmt::print("  {}: {}\n", visible_controls(p.file), visible_controls(p.what));
        if (!p.before.empty())
            fmt::print("    before: {}\n", visible_controls(p.before));
        if (!p.after.empty())
            fmt::print("    after:  {}\n", visible_controls(p.after));
    }
}

std::string summary(const HistoryAudit& audit) {
    std::set<std::string> commits;
    for (const auto& p : audit.problems)
        commits.insert(p.commit);
    const std::string read = plural(static_cast<long long>(audit.commits), "commit");
    if (audit.problems.empty())
        return fmt::format("0 problems in {} read: every change is one the tool could have made",
                           read);
    return fmt::format("{} in {} ({} read)",
                       plural(static_cast<long long>(audit.problems.size()), "problem"),
                       plural(static_cast<long long>(commits.size()), "commit"), read);
}

void run_audit(const AuditOptions& options, const Reader& repo) {
    const auto& [context, store] = repo;
    const HistoryAudit audit = audit_history(store, options.rev);
    if (options.format == Format::json) {
        Json json = Json::array();
        for (const auto& p : audit.problems)
            json.push_back(json_of(p));
        print_json(stdout, json_document("problems", std::move(json)));
    } else {
        print_text(audit.problems);
        fmt::print(stderr, "complaints: {}\n", summary(audit));
    }
    if (!audit.problems.empty())
        throw ProblemsFound{};
}

} // namespace

void setup_audit(CLI::App& app, Context& context) {
    auto o = std::make_shared<AuditOptions>();
    CLI::App* command = app.add_subcommand(
        "audit", "read git's history of the cases, letters and attachments; exit 1 naming each "
                 "commit that made a change the tool would have refused");
    add_format_option(*command, o->format, {Format::table, Format::json});
    command
        ->add_option("--rev", o->rev,
                     "the commit to audit the history of (default HEAD; in a pre-receive hook, "
                     "the one pushed)")
        ->option_text("REV");
    reads(*command, context, [o](const Reader& repo) { run_audit(*o, repo); });
}

} // namespace complaints::cli
