// SPDX-License-Identifier: Apache-2.0
// complaints classify: the fields the annual return (KO41b) counts a
// complaint by, set or changed after open.
#include "commands.hpp"
#include "return_options.hpp"

#include "complaints/base/strings.hpp"
#include "complaints/workflow/workflow.hpp"

namespace complaints::cli {

namespace {

struct ClassifyOptions {
    std::string id;
    ReturnOptions returns;
};

std::string described(const Case& c) {
    const auto or_none = [](const std::string& text) { return text.empty() ? "-" : text; };
    return fmt::format("age band {}, complainant {}, subject areas {}, staff groups {}",
                       or_none(c.age_band), or_none(c.complainant_status),
                       or_none(util::join(c.subject_areas, ", ")),
                       or_none(util::join(c.staff_groups, ", ")));
}

void run_classify(const ClassifyOptions& o, const Writer& repo) {
    const ReturnFields fields = return_fields(o.returns);
    if (fields.empty())
        throw Error(ErrorKind::usage, "classify needs --age-band, --complainant-status, "
                                      "--subject-area or --staff-group");
    const auto& [context, store] = repo;
    const std::string id = store.resolve(o.id);
    std::string said;
    update_case(repo, id, [&](Case& c) {
        require_formal_complaint(c, "classify it for the annual return");
        set_return_fields(c, fields, store.config().policy);
        said = described(c);
    });
    fmt::print("{}: {}\n", id, said);
}

} // namespace

void setup_classify(CLI::App& app, Context& context) {
    auto o = std::make_shared<ClassifyOptions>();
    CLI::App* command = app.add_subcommand(
        "classify", "what the annual return (KO41b) counts a complaint by: the patient's age "
                    "band, who complained, its subject areas and staff groups");
    command->add_option("ID", o->id, "the case")->required();
    add_return_options(*command, o->returns);
    writes(*command, context, [o](const Writer& repo) { run_classify(*o, repo); });
}

} // namespace complaints::cli
