// SPDX-License-Identifier: Apache-2.0
#pragma once
// `complaints serve`: the repository, read-only, as web pages on this
// machine, for the people around the manager who do not type commands.
#include "dispatch.hpp"

#include <string>

namespace complaints::cli {

struct ServeOptions {
    std::string listen = "127.0.0.1"; // loopback unless asked otherwise
    int port = 8265;                  // 0: any free port, said at start
    bool include_names = false;
};

// Serves until SIGINT or SIGTERM; prints the link, with its token, first.
void serve(const ServeOptions& options, const Reader& repo);

} // namespace complaints::cli
