// SPDX-License-Identifier: Apache-2.0
// complaints init: create a case repository.
#include "choices.hpp"
#include "commands.hpp"
#include "merge_driver.hpp"
#include "output.hpp"

#include "complaints/base/text.hpp"

namespace complaints::cli {

namespace {

struct InitOptions {
    std::string folder = ".";
    std::string preset;
    std::string organisation;
    std::string prefix;
    std::string region; // none: the preset's
    std::string timezone = "Europe/London";
    std::string signatory;
    bool no_git = false;
};

// Git carries the record between sites and keeps its history; the driver
// merges case files field by field, where git alone would merge them as
// text and could lose a site's work.
void start_git(const std::string& folder) {
    if (!git_installed()) {
        fmt::print("git is not installed: once it is, run 'git init' and 'complaints git-setup' "
                   "in {} to keep the history and share it between sites\n",
                   folder);
        return;
    }
    const bool started = !in_git_clone(folder);
    if (started)
        run_git(folder, {"init", "--quiet"});
    register_merge_driver(folder);
    if (started)
        fmt::print("Started a git repository in {}, which merges case files with complaints "
                   "(as git-setup does)\n",
                   folder);
    else
        fmt::print("The git repository {} is in now merges case files with complaints (as "
                   "git-setup does)\n",
                   folder);
    const DriverProgram program = driver_program();
    if (!program.note.empty())
        fmt::print("note: {}\n", program.note);
}

void run_init(const InitOptions& options) {
    Config config;
    require_clean_text(options.organisation, "--organisation");
    if (options.organisation.empty())
        throw Error(ErrorKind::usage, "--organisation: give the organisation's name");
    config.organisation = options.organisation;
    if (!find_preset(options.preset))
        throw Error(ErrorKind::usage,
                    fmt::format("--preset: unknown preset '{}'{}; choose one of: {}",
                                options.preset, did_you_mean(options.preset, preset_names()),
                                util::join(preset_names(), ", ")));
    config.preset = options.preset;
    check_prefix(options.prefix);
    config.prefix = options.prefix;
    config.region = options.region.empty() ? preset_policy(config.preset).region
                                           : parse_enum<Region>(options.region, "--region");
    find_zone(options.timezone);
    config.timezone = options.timezone;
    require_clean_text(options.signatory, "--signatory");
    config.signatory = options.signatory;
    init_repository(options.folder, config);
    fmt::print("Created a complaints repository ({} preset) in {}\n", options.preset,
               options.folder);
    if (!options.no_git)
        start_git(options.folder);
    fmt::print("Next: {}complaints open --help for the first case, complaints today for what "
               "is due{}\n",
               options.folder == "." ? "" : "cd " + options.folder + ", then ",
               options.no_git ? "" : "; commit with git as you go");
}

} // namespace

void setup_init(CLI::App& app, Context& context) {
    auto options = std::make_shared<InitOptions>();
    CLI::App* command =
        app.add_subcommand("init", "create a case repository in DIR (default: here)");
    command->add_option("DIR", options->folder, "folder to create it in");
    CLI::Option* preset = command->add_option("--preset", options->preset,
                                              "policy preset: " + util::join(preset_names(), ", "));
    name_value(preset, "preset");
    choices(preset, preset_names())->required();
    command->add_option("--organisation", options->organisation, "the organisation's name")
        ->required();
    command->add_option("--prefix", options->prefix, "case ID prefix, 2-6 capitals (e.g. LUM)")
        ->required();
    enum_choices<Region>(
        command->add_option("--region", options->region,
                            "bank holidays: england-and-wales, scotland or northern-ireland "
                            "(default: the preset's region)"));
    command->add_option("--timezone", options->timezone, "the organisation's time zone")
        ->capture_default_str();
    command
        ->add_option("--signatory", options->signatory,
                     "who signs the letters, as printed under them (e.g. \"Claire Dunn, Clinic "
                     "Manager\"); without it complaints.yaml has a commented line to fill in")
        ->option_text("NAME");
    command->add_flag("--no-git", options->no_git,
                      "do not start a git repository here or register the merge driver");
    runs(*command, context, [options] { run_init(*options); });
}

} // namespace complaints::cli
