// SPDX-License-Identifier: Apache-2.0
// Long output through a pager on a terminal, as git does it: the reading
// commands only, never into a pipe, never with --no-pager or an empty
// COMPLAINTS_PAGER; COMPLAINTS_PAGER before PAGER, LESS=FRX for less. And
// the rows that need doing first stand out: overdue in red, due today in
// yellow.
#include "run.hpp"

#include <doctest/doctest.h>

#include <filesystem>
#include <fstream>
#include <sstream>

namespace {

std::string read_all(const std::filesystem::path& path) {
    std::ifstream in(path);
    std::ostringstream text;
    text << in.rdbuf();
    return text.str();
}

// `complaints ARGS` on a terminal with `settings` (sh assignments) before
// it; returns what the terminal showed.
test::Result paged(const test::Repo& repo, const std::string& settings, const std::string& args) {
    return test::run_on_terminal(repo, settings + " exec '" + std::string(test::binary_path()) +
                                           "' " + args);
}

const std::string k_red = "\x1b[31m";
const std::string k_yellow = "\x1b[33m";

} // namespace

TEST_SUITE("cli pager") {
    TEST_CASE("list on a terminal goes through COMPLAINTS_PAGER, but not with --no-pager or into a "
              "pipe") {
        test::Repo repo;
        const std::string id = repo.open_case();
        const auto file = repo.dir / "paged.txt";
        const std::string pager = "COMPLAINTS_PAGER='cat > ../paged.txt'";

        const auto shown = paged(repo, pager, "list");
        REQUIRE(shown.exit_code == 0);
        CHECK(test::has(read_all(file), id));
        CHECK_FALSE(test::has(shown.out, id));

        std::filesystem::remove(file);
        const auto plain = paged(repo, pager, "--no-pager list");
        CHECK(plain.exit_code == 0);
        CHECK(test::has(plain.out, id));
        CHECK_FALSE(std::filesystem::exists(file));

        test::Run how;
        how.args = {"list"};
        how.cwd = repo.root;
        how.env = {{"COMPLAINTS_NOW", repo.now}, {"COMPLAINTS_PAGER", "cat > ../paged.txt"}};
        const auto piped = test::run(how);
        CHECK(test::has(piped.out, id));
        CHECK_FALSE(std::filesystem::exists(file));
    }

    TEST_CASE(
        "PAGER when COMPLAINTS_PAGER is unset, with LESS=FRX, and an empty one pages nothing") {
        test::Repo repo;
        const std::string id = repo.open_case();
        const auto shown = paged(repo,
                                 "unset COMPLAINTS_PAGER LESS; PAGER='printenv LESS > ../less.txt; "
                                 "cat > ../paged.txt'",
                                 "show " + id);
        REQUIRE(shown.exit_code == 0);
        CHECK(read_all(repo.dir / "less.txt") == "FRX\n");
        CHECK(test::has(read_all(repo.dir / "paged.txt"), id));

        const auto off = paged(repo, "COMPLAINTS_PAGER= PAGER='cat > ../other.txt'", "show " + id);
        CHECK(test::has(off.out, id));
        CHECK_FALSE(std::filesystem::exists(repo.dir / "other.txt"));
    }

    TEST_CASE("a command that writes is never paged") {
        test::Repo repo;
        const auto opened = paged(repo, "COMPLAINTS_PAGER='cat > ../paged.txt'",
                                  "open --channel phone --complainant 'Mrs A Patel' --summary "
                                  "'Waited two hours'");
        CHECK(opened.exit_code == 0);
        CHECK_FALSE(std::filesystem::exists(repo.dir / "paged.txt"));
    }

    TEST_CASE("with colour, list shows an overdue case in red and one due today in yellow") {
        test::Repo repo;
        const std::string late = repo.open_case("2026-10-01 09:00");
        // The case whose acknowledgement falls due today, whatever the
        // policy's period: found from its own clock, not assumed.
        std::string today;
        for (const char* received : {"2026-11-16 08:00", "2026-11-13 09:00", "2026-11-12 09:00",
                                     "2026-11-11 09:00", "2026-11-10 09:00"}) {
            const std::string id = repo.open_case(received);
            const auto clock =
                test::clock_named(repo({"show", id, "--format", "json"}).json(), "acknowledgement");
            if (!clock.is_null() && clock["due_date"] == "2026-11-16") {
                today = id;
                break;
            }
        }
        REQUIRE_FALSE(today.empty());
        const auto listed = repo({"--color", "always", "list"});
        REQUIRE(listed.exit_code == 0);
        const auto line_of = [&](const std::string& id) {
            const auto at = listed.out.find(id);
            REQUIRE(at != std::string::npos);
            return listed.out.substr(listed.out.rfind('\n', at) + 1, 5);
        };
        CHECK(line_of(late) == k_red);
        CHECK(line_of(today) == k_yellow);

        const auto agenda = repo({"--color", "always", "agenda"});
        CHECK(test::has(agenda.out, k_red + late));
        CHECK(test::has(repo({"list"}).out, late));
        CHECK_FALSE(test::has(repo({"list"}).out, k_red));
    }
}
