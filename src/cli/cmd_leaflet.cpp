// SPDX-License-Identifier: Apache-2.0
// complaints leaflet: the organisation's complaints information for
// patients ("Ensure that patients know how to complain"), from
// complaints.yaml and the policy, in Markdown or as an HTML page.
#include "choices.hpp"
#include "commands.hpp"
#include "letter_files.hpp"

#include "complaints/base/text.hpp"
#include "complaints/render/leaflet.hpp"

#include <fmt/format.h>

namespace complaints::cli {

namespace {

struct LeafletOptions {
    std::string format = "markdown";
    std::string out;
    bool force = false;
};

// Checked here rather than by CLI11, so that the message names the choices
// in plain words.
bool html_chosen(const std::string& format) {
    if (format == "markdown" || format == "html")
        return format == "html";
    throw Error(ErrorKind::usage,
                fmt::format("--format: unknown format '{}'; choose markdown or html", format));
}

void run_leaflet(const LeafletOptions& o, const Reader& repo) {
    const bool html = html_chosen(o.format);
    const auto& [context, store] = repo;
    const Leaflet leaflet = complaints_leaflet(store.config());
    std::string text = html ? leaflet_html(leaflet) : leaflet_markdown(leaflet);
    // complaints.yaml is text anyone may have typed into: printed, its
    // controls are shown, never obeyed (print_for_people).
    put_draft(text, o.out, o.force, "leaflet");
}

} // namespace

void setup_leaflet(CLI::App& app, Context& context) {
    auto options = std::make_shared<LeafletOptions>();
    CLI::App* command = app.add_subcommand(
        "leaflet", "the complaints information for patients: who can complain, how, what "
                   "happens and when, and where to go next");
    choices(command->add_option("--format", options->format, "markdown (the default) or html"),
            {"markdown", "html"})
        ->option_text("FORMAT");
    command->add_option("--out", options->out, "write it to this new file instead of printing it")
        ->option_text("FILE");
    command->add_flag("--force", options->force, "with --out, replace an existing file");
    reads(*command, context, [options](const Reader& repo) { run_leaflet(*options, repo); });
}

} // namespace complaints::cli
