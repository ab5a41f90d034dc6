// SPDX-License-Identifier: Apache-2.0
#include "run.hpp"
#include "two_sites.hpp"

#include <doctest/doctest.h>

using test::Run;
using test::run;
using test::sites::git;

namespace {

test::Result init_in(const std::filesystem::path& folder, std::vector<std::string> more = {}) {
    std::vector<std::string> args{"init",           folder.string(), "--preset", "clinic",
                                  "--organisation", "Lumiere",       "--prefix", "LUM"};
    args.insert(args.end(), more.begin(), more.end());
    return run(Run{args, "", {}, {}});
}

} // namespace

TEST_SUITE("cli init") {
    TEST_CASE("init starts a git repository that merges case files, and says what to type next") {
        test::TempDir dir;
        const auto made = init_in(dir / "lumiere");
        REQUIRE_MESSAGE(made.exit_code == 0, made.err);
        CHECK(std::filesystem::is_directory(dir / "lumiere" / ".git"));
        const auto driver = git(dir / "lumiere", "config --get merge.complaints.driver");
        CHECK(driver.status == 0);
        CHECK(test::has(driver.said, "merge-file %O %A %B --path %P --marker-size %L"));
        CHECK(test::has(made.out, "Started a git repository in " + (dir / "lumiere").string()));
        CHECK(test::has(made.out, "Next: cd " + (dir / "lumiere").string() +
                                      ", then complaints open --help for the first case"));
        // What git would commit: the repository, never the lock or the cache.
        const auto status = git(dir / "lumiere", "status --porcelain --untracked-files=all");
        CHECK(test::has(status.said, "?? complaints.yaml\n"));
        CHECK(test::has(status.said, "?? .gitattributes\n"));
        CHECK_FALSE(test::has(status.said, "lock"));
    }

    TEST_CASE("init inside a git clone registers the driver and starts no second repository") {
        test::TempDir dir;
        test::sites::must(git(dir.path(), "init -q"));
        const auto made = init_in(dir / "complaints");
        REQUIRE_MESSAGE(made.exit_code == 0, made.err);
        CHECK_FALSE(std::filesystem::exists(dir / "complaints" / ".git"));
        CHECK(git(dir.path(), "config --get merge.complaints.driver").status == 0);
        CHECK(test::has(made.out, "The git repository " + (dir / "complaints").string() +
                                      " is in now merges case files"));
    }

    TEST_CASE("init --no-git leaves git alone") {
        test::TempDir dir;
        const auto made = init_in(dir / "lumiere", {"--no-git"});
        REQUIRE_MESSAGE(made.exit_code == 0, made.err);
        CHECK_FALSE(std::filesystem::exists(dir / "lumiere" / ".git"));
        CHECK_FALSE(test::has(made.out, "git repository"));
        CHECK(test::has(made.out, "complaints today for what is due\n"));
    }

    TEST_CASE("init writes complaints.yaml and cases/") {
        test::TempDir dir;
        const auto made =
            run(Run{{"init", (dir / "r").string(), "--preset", "platform", "--organisation",
                     "Lantum", "--prefix", "LAN", "--region", "scotland"},
                    "",
                    {},
                    {}});
        CHECK(made.exit_code == 0);
        CHECK(std::filesystem::is_directory(dir / "r" / "cases"));
        const std::string config = test::read_text(dir / "r" / "complaints.yaml");
        CHECK(config.find("preset: platform\n") != std::string::npos);
        CHECK(config.find("prefix: LAN\n") != std::string::npos);
        CHECK(config.find("region: scotland\n") != std::string::npos);
        CHECK(test::read_text(dir / "r" / ".gitignore") ==
              ".complaints.lock\n.complaints-cache*\n");
    }

    TEST_CASE("init refuses an existing repository and changes nothing") {
        test::Repo repo;
        const auto before = repo.snapshot();
        const auto again = run(Run{{"init", repo.root.string(), "--preset", "platform",
                                    "--organisation", "Other", "--prefix", "OTH"},
                                   "",
                                   {},
                                   {}});
        CHECK(again.exit_code == 5);
        CHECK(again.err.find("is already a complaints repository") != std::string::npos);
        CHECK(repo.snapshot() == before);
    }

    TEST_CASE("bad preset, prefix or region are usage errors and write nothing") {
        test::TempDir dir;
        const auto target = (dir / "r").string();
        const auto preset = run(
            Run{{"init", target, "--preset", "clinik", "--organisation", "X", "--prefix", "LUM"},
                "",
                {},
                {}});
        CHECK(preset.exit_code == 2);
        // Every preset is listed, in order: whichever there are.
        CHECK(preset.err.starts_with("complaints: --preset: unknown preset 'clinik' (did you mean "
                                     "'clinic'?); choose one of: clinic, nhs-england, "));
        const auto prefix = run(
            Run{{"init", target, "--preset", "clinic", "--organisation", "X", "--prefix", "l/m"},
                "",
                {},
                {}});
        CHECK(prefix.exit_code == 2);
        CHECK(prefix.err.find("prefix 'l/m' must be 2 to 6 capital letters") != std::string::npos);
        const auto region = run(Run{{"init", target, "--preset", "clinic", "--organisation", "X",
                                     "--prefix", "LUM", "--region", "wales"},
                                    "",
                                    {},
                                    {}});
        CHECK(region.exit_code == 2);
        CHECK_FALSE(std::filesystem::exists(dir / "r"));
    }

    TEST_CASE("every command has --help") {
        for (const char* command : {"init", "open", "log", "show", "list"}) {
            const auto help = run(Run{{command, "--help"}, "", {}, {}});
            CHECK_MESSAGE(help.exit_code == 0, command);
            CHECK(help.out.find("Usage:") != std::string::npos);
        }
        const auto top = run(Run{{"--help"}, "", {}, {}});
        CHECK(top.exit_code == 0);
        CHECK(top.out.find("Exit codes:") != std::string::npos);
    }

    TEST_CASE("init at umask 000 makes folders for owner and group, never others") {
        test::TempDir dir;
        test::Umask umask(0);
        const auto root = dir / "new" / "r";
        const auto made = run(Run{
            {"init", root.string(), "--preset", "clinic", "--organisation", "X", "--prefix", "LUM"},
            "",
            {},
            {}});
        REQUIRE_MESSAGE(made.exit_code == 0, made.err);
        for (const auto& folder : {dir / "new", root, root / "cases"})
            CHECK_MESSAGE(test::mode_of(folder) == 0770, folder);
        for (const char* file : {"complaints.yaml", ".gitignore", ".gitattributes"})
            CHECK_MESSAGE(test::mode_of(root / file) == 0660, file);
        // The folder init was given, already there, keeps its mode.
        test::TempDir other;
        std::filesystem::permissions(other.path(), std::filesystem::perms(0755));
        CHECK(run(Run{{"init", other.path().string(), "--preset", "clinic", "--organisation", "X",
                       "--prefix", "LUM"},
                      "",
                      {},
                      {}})
                  .exit_code == 0);
        CHECK(test::mode_of(other.path()) == 0755);
        CHECK(test::mode_of(other / "cases") == 0770);
    }

    TEST_CASE("init at umask 022 makes folders the group may read, others never") {
        test::TempDir dir;
        test::Umask umask(022);
        const auto root = dir / "r";
        CHECK(run(Run{{"init", root.string(), "--preset", "clinic", "--organisation", "X",
                       "--prefix", "LUM"},
                      "",
                      {},
                      {}})
                  .exit_code == 0);
        CHECK(test::mode_of(root) == 0750);
        CHECK(test::mode_of(root / "cases") == 0750);
    }
}
