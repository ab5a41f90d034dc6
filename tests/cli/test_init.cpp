#include "run.hpp"

#include <doctest/doctest.h>

using test::Run;
using test::run;

TEST_SUITE("cli init") {
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
        CHECK(preset.err == "complaints: --preset: unknown preset 'clinik' (did you mean "
                            "'clinic'?); choose one of: clinic, platform, nhs-england\n");
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
