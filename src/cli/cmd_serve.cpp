// SPDX-License-Identifier: Apache-2.0
// complaints serve: the repository as web pages, read-only, on this machine.
#include "commands.hpp"
#include "serve.hpp"

namespace complaints::cli {

void setup_serve(CLI::App& app, Context& context) {
    auto options = std::make_shared<ServeOptions>();
    auto* command = app.add_subcommand(
        "serve", "the repository as web pages for people who do not type commands, read-only");
    command->add_option("--port", options->port, "the port to listen on; 0 for any free one")
        ->check(CLI::Range(0, 65535))
        ->capture_default_str();
    command
        ->add_option("--listen", options->listen,
                     "the address to listen on (loopback unless given)")
        ->capture_default_str();
    command->add_flag("--include-names", options->include_names,
                      "show complainants' and patients' names, which are withheld otherwise");
    reads(*command, context, [options](const Reader& repo) { serve(*options, repo); });
}

} // namespace complaints::cli
