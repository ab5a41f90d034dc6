// SPDX-License-Identifier: Apache-2.0
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
        // It names this process, which holds the lock (the kernel's table
        // is asked who does: a name of a process gone is not believed).
        const std::string holder = "process " + std::to_string(::getpid()) + " (tester)";
        REQUIRE(::write(fd, holder.data(), holder.size()) == static_cast<ssize_t>(holder.size()));
        REQUIRE(::flock(fd, LOCK_EX) == 0);
        const auto result = test::run(
            {{"log", id, "--text", "x"}, "", repo.root, {{"COMPLAINTS_LOCK_WAIT", "0.2"}}});
        ::close(fd);
        CHECK(result.exit_code == 6);
        CHECK(result.err.find("the repository is busy: " + holder + " holds") != std::string::npos);
        CHECK(repo.snapshot() == before);
        // Readers never wait for it.
        CHECK(repo({"show", id}).exit_code == 0);
    }
}

TEST_SUITE("cli errors: messages that say what to do") {
    TEST_CASE("a field the core names reaches the user as its flag, with or without a problem "
              "list") {
        // The core words "{to}" and "{on_behalf_of}" as fields; neither may
        // reach standard error as braces. A blank agent is a usage error
        // (once a plain message), the patient's behalf a plain refusal.
        test::Repo platform("platform", "LAN");
        const std::string id = platform.open_case(
            "2026-11-10 09:00", {"--complainant", "Practice", "--about", "Dr Sam Keane", "--gmc",
                                 "7123456", "--type", "late"});
        const std::string blank = platform.refused({"assign", id, "--to", " "}, 2);
        CHECK(blank == "complaints: --to: the agent's name is blank; name the support agent who "
                       "handles the complaint (the 48-hour clock is met only by a named agent)\n");
        const std::string behalf =
            platform.refused({"open", "--channel", "email", "--complainant", "Practice",
                              "--on-behalf-of", "Mrs Jones", "--consent", "yes"},
                             5);
        CHECK(behalf.find("not for patients (--on-behalf-of)") != std::string::npos);
        CHECK(behalf.find('{') == std::string::npos);
        // check reads the same words from the file, and says the flag too.
        const auto path = platform.root / "cases" / (id + ".yaml");
        test::write_text(path, test::read_text(path) + "on_behalf_of: Mrs Jones\n");
        const auto checked = platform({"check"});
        CHECK(checked.exit_code == 1);
        CHECK(checked.out.find("not for patients (--on-behalf-of)") != std::string::npos);
        CHECK(checked.out.find('{') == std::string::npos);
    }

    TEST_CASE("respond finding without --point names the case's points and how to name one") {
        test::Repo repo;
        const std::string id = repo.open_case(
            "2026-11-10 09:00", {"--point", "Burn after laser", "--point", "No patch test"});
        repo.ok({"respond", "finding", id, "--point", "1", "--finding", "upheld", "--conclusion",
                 "Too hot"});
        const std::string err = repo.refused(
            {"respond", "finding", id, "--finding", "not-upheld", "--conclusion", "Done"}, 2);
        CHECK(err == "complaints: --finding needs --point N, the point it answers: " + id +
                         " has 2 points (1 \"Burn after laser\" (upheld), 2 \"No patch test\"); "
                         "for example: complaints respond finding " +
                         id + " --point 1 --finding not-upheld --conclusion TEXT\n");
        const std::string none = repo.open_case("2026-11-10 09:00");
        CHECK(repo.refused({"respond", "finding", none, "--finding", "upheld"}, 2) ==
              "complaints: --finding answers a point raised, and " + none +
                  " has none yet: add one with 'complaints point " + none +
                  " add --text TEXT', then give --point 1\n");
    }

    TEST_CASE("a finding on a closed case points at reopen") {
        test::Repo repo;
        const std::string id = repo.open_case("2026-11-10 09:00", {"--point", "Kept waiting"});
        repo.ok({"close", id, "--outcome", "withdrawn", "--no-learning", "Withdrawn by phone"});
        const std::string err = repo.refused({"respond", "finding", id, "--point", "1", "--finding",
                                              "upheld", "--conclusion", "Late"},
                                             5);
        CHECK(err == "complaints: cannot record a finding: " + id +
                         " is closed; a closed case is reopened, never rewritten (complaints "
                         "reopen " +
                         id + " --reason TEXT)\n");
    }

    TEST_CASE("--due-within without a unit says working days and calendar days alike") {
        test::Repo repo;
        const auto bare = repo({"list", "--due-within", "3"});
        CHECK(bare.exit_code == 2);
        CHECK(bare.err == "complaints: --due-within: '3' has no unit: write '3 working days' "
                          "(3wd), or '3 days' (3d) for calendar days; weeks (w), hours (h) and "
                          "months (mo) also count\n");
        CHECK(repo({"list", "--due-within", "3wd"}).exit_code == 0);
    }

    TEST_CASE("a date written day first is read back in the form wanted") {
        test::Repo repo;
        const auto uk = repo({"list", "--from", "01/09/2026"});
        CHECK(uk.exit_code == 2);
        CHECK(uk.err == "complaints: --from: '01/09/2026' is not written YYYY-MM-DD: for 1 "
                        "September 2026, write 2026-09-01\n");
        CHECK(repo({"list", "--to", "yesterday"}).err ==
              "complaints: --to: 'yesterday' is not a date: write YYYY-MM-DD, such as "
              "2026-09-01\n");
        CHECK(repo({"list", "--from", "2026-02-30"}).err ==
              "complaints: --from: '2026-02-30' is not a date on the calendar (write "
              "YYYY-MM-DD)\n");
        CHECK(repo({"calendar", "add", "1.9.2026", "3"}).err ==
              "complaints: '1.9.2026' is not written YYYY-MM-DD: for 1 September 2026, write "
              "2026-09-01\n");
        // The flags of an instant too, the ones a manager back-fills with.
        CHECK(repo.refused({"open", "--channel", "phone", "--received", "05/10/2026 14:30"}, 2) ==
              "complaints: --received: '05/10/2026 14:30' is not written YYYY-MM-DD: for 5 "
              "October 2026, write '2026-10-05 14:30'\n");
        const std::string id = repo.open_case();
        CHECK(repo.refused({"log", id, "--type", "call", "--text", "x", "--at", "07/10/2026"}, 2) ==
              "complaints: --at: '07/10/2026' is not written YYYY-MM-DD: for 7 "
              "October 2026, write '2026-10-07'\n");
    }
}
