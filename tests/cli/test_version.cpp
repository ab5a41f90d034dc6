// SPDX-License-Identifier: Apache-2.0
// --version names the version and the git commit the binary was built from,
// so a bug report says exactly which code it is about.
#include "run.hpp"

#include <doctest/doctest.h>

#include <cstdio>
#include <sys/wait.h>

namespace {

// The short commit the source folder is at, as git says it; "unknown" when
// it is not a git checkout (a source tarball).
std::string source_commit() {
    const std::string command =
        std::string("git -C '") + test::source_path() + "' rev-parse --short=7 HEAD 2>/dev/null";
    std::FILE* pipe = ::popen(command.c_str(), "r");
    REQUIRE(pipe);
    std::string out;
    char buffer[256];
    for (std::size_t got; (got = std::fread(buffer, 1, sizeof buffer, pipe)) > 0;)
        out.append(buffer, got);
    const int status = ::pclose(pipe);
    if (!WIFEXITED(status) || WEXITSTATUS(status) != 0 || out.empty())
        return "unknown";
    return out.substr(0, out.find('\n'));
}

} // namespace

TEST_SUITE("cli version") {
    TEST_CASE("--version says the version and the commit it was built from") {
        test::Run how;
        how.args = {"--version"};
        const auto result = test::run(how);
        CHECK(result.exit_code == 0);
        CHECK(result.out == std::string("complaints ") + test::project_version() + " (git " +
                                source_commit() + ")\n");
        CHECK(result.err.empty());
    }
}
