// Errors every command shares: usage, discovery, broken files, a busy lock.
#include "run.hpp"

#include <doctest/doctest.h>

#include <fcntl.h>
#include <sys/file.h>
#include <unistd.h>

namespace {

using test::replaced;

} // namespace

TEST_SUITE("cli errors") {
    TEST_CASE("unknown commands and flags are usage errors with a suggestion") {
        test::Repo repo;
        const auto command = repo({"lsit"});
        CHECK(command.exit_code == 2);
        CHECK(command.err == "complaints: unknown command 'lsit' (did you mean 'list'?); see "
                             "'complaints --help'\n");
        const auto flag = repo({"list", "--frm", "2026-01-01"});
        CHECK(flag.exit_code == 2);
        CHECK(flag.err.find("--frm") != std::string::npos);
        CHECK(flag.err.find("see 'complaints list --help'") != std::string::npos);
        CHECK(repo({}).exit_code == 2);
    }

    TEST_CASE("a command's option given before the command says where it goes") {
        test::Repo repo;
        const auto early = repo({"--no-cache", "report"});
        CHECK(early.exit_code == 2);
        CHECK_MESSAGE(early.err.find("'--no-cache' goes after the command: complaints report "
                                     "--no-cache ...") != std::string::npos,
                      early.err);
        CHECK(early.err.find("did you mean") == std::string::npos);
    }

    TEST_CASE("a command's option with its value given before the command says where it goes") {
        test::Repo repo;
        repo.open_case();
        const auto before = repo.snapshot();
        // "open" is the value, not the command: nothing is opened.
        const auto early = repo({"--status", "open", "list"});
        CHECK(early.exit_code == 2);
        CHECK(early.err == "complaints: '--status' goes after the command: complaints list "
                           "--status open ...; see 'complaints list --help'\n");
        CHECK(early.out.empty());
        CHECK(repo.snapshot() == before);
        // After --repo, and with a value that is no command's name.
        const auto format = repo({"--repo", repo.root.string(), "--format", "json", "agenda"});
        CHECK(format.exit_code == 2);
        CHECK(format.err == "complaints: '--format' goes after the command: complaints agenda "
                            "--format json ...; see 'complaints agenda --help'\n");
        // Given after the command, it works.
        CHECK(repo({"list", "--status", "open"}).exit_code == 0);
    }

    TEST_CASE("a malformed case file is named with line and column, exit 4") {
        test::Repo repo;
        const std::string id = repo.open_case();
        const auto path = repo.root / "cases" / (id + ".yaml");
        test::write_text(path, replaced(test::read_text(path), "status: open", "status: opne"));
        const std::string problem =
            "cases/" + id + ".yaml:3:9: unknown status 'opne' (did you mean 'open'?)";
        for (const std::vector<std::string>& args :
             std::vector<std::vector<std::string>>{{"show", id}, {"log", id, "--text", "x"}}) {
            const auto result = repo(args);
            CHECK(result.exit_code == 4);
            CHECK(result.err == "complaints: " + problem + "\n");
        }
        // A listing leaves the case out, says so, and prints the rest.
        const auto listed = repo({"list"});
        CHECK(listed.exit_code == 4);
        CHECK(listed.err == "complaints: warning: " + problem + "; this case is left out\n");
    }

    TEST_CASE("the repository is found from a subfolder, by --repo and by COMPLAINTS_REPO") {
        test::Repo repo;
        const std::string id = repo.open_case();
        std::filesystem::create_directories(repo.root / "cases" / "notes");
        CHECK(test::run({{"show", id}, "", repo.root / "cases" / "notes", {}}).exit_code == 0);
        test::TempDir elsewhere;
        CHECK(test::run({{"--repo", repo.root.string(), "show", id}, "", elsewhere.path(), {}})
                  .exit_code == 0);
        CHECK(test::run({{"show", id, "--repo", repo.root.string()}, "", elsewhere.path(), {}})
                  .exit_code == 0);
        CHECK(test::run(
                  {{"show", id}, "", elsewhere.path(), {{"COMPLAINTS_REPO", repo.root.string()}}})
                  .exit_code == 0);
        const auto wrong = test::run({{"--repo", elsewhere.path().string(), "list"}, "", {}, {}});
        CHECK(wrong.exit_code == 3);
        CHECK(wrong.err.find("is not a complaints repository") != std::string::npos);
    }

    TEST_CASE("a broken complaints.yaml stops every command with its position") {
        test::Repo repo;
        test::write_text(repo.root / "complaints.yaml",
                         "organisation: X\npreset: clinic\nprefix: LUM\ntimezone: Mars/Olympus\n");
        const auto result = repo({"list"});
        CHECK(result.exit_code == 4);
        CHECK(result.err == "complaints: complaints.yaml:4:11: unknown time zone 'Mars/Olympus'\n");
    }

    TEST_CASE("a writer waits for the lock, then names who holds it, nothing is written") {
        test::Repo repo;
        const std::string id = repo.open_case();
        const auto before = repo.snapshot();
        // As a holder does: its own name replaces the last holder's.
        const int fd =
            ::open((repo.root / ".complaints.lock").c_str(), O_RDWR | O_CREAT | O_TRUNC, 0600);
        REQUIRE(fd >= 0);
        REQUIRE(::write(fd, "process 1 (tester)", 18) == 18);
        REQUIRE(::flock(fd, LOCK_EX) == 0);
        const auto result = test::run(
            {{"log", id, "--text", "x"}, "", repo.root, {{"COMPLAINTS_LOCK_WAIT", "0.2"}}});
        ::close(fd);
        CHECK(result.exit_code == 6);
        CHECK(result.err.find("the repository is busy: process 1 (tester) holds") !=
              std::string::npos);
        CHECK(repo.snapshot() == before);
        // Readers never wait for it.
        CHECK(repo({"show", id}).exit_code == 0);
    }
}
