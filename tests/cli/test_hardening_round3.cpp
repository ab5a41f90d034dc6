// SPDX-License-Identifier: Apache-2.0
// Issue #35's promises: no link below the root is followed, a failed command
// writes nothing, one size bound, a lock only writers can take, an
// unwritable stderr, dates far ahead, and what killed commands leave.
#include "kept_letter.hpp"
#include "run.hpp"

#include <doctest/doctest.h>

#include <fcntl.h>
#include <filesystem>
#include <map>
#include <sys/file.h>
#include <sys/stat.h>
#include <unistd.h>

using test::has;

namespace fs = std::filesystem;

namespace {

// Every file under `folder`, by relative path, with its content.
std::map<std::string, std::string> files_under(const fs::path& folder) {
    std::map<std::string, std::string> files;
    for (const auto& entry : fs::recursive_directory_iterator(folder))
        if (entry.is_regular_file())
            files[entry.path().lexically_relative(folder).string()] = test::read_text(entry.path());
    return files;
}

} // namespace

TEST_SUITE("hardening") {
    TEST_CASE("a letters folder that is a symbolic link is never followed, and check names it") {
        // git carries links: a hostile commit can make letters/<ID> point
        // anywhere. Before, a letter was kept outside the repository, `show
        // --letter` printed an outside file, re-id moved it in and deleted
        // the original, and check said nothing.
        test::Repo repo;
        const std::string id = repo.open_case();
        test::write_text(repo.dir / "letter.md", "Dear Ms Smith,\n\nThank you.\n");
        const std::string letter = (repo.dir / "letter.md").string();
        repo.ok({"log", id, "--type", "letter", "--letter", letter, "--text", "first letter"});
        const fs::path outside = repo.dir / "outside";
        fs::rename(repo.root / "letters" / id, outside);
        fs::create_directory_symlink(outside, repo.root / "letters" / id);
        const auto outside_before = files_under(outside);
        REQUIRE(outside_before.size() == 1);

        const std::string named = "letters/" + id + ": is a symbolic link";
        const auto logged =
            repo({"log", id, "--type", "letter", "--letter", letter, "--text", "second letter"});
        CHECK(logged.exit_code == 4);
        CHECK_MESSAGE(has(logged.err, named), logged.err);
        const auto shown = repo({"show", id, "--letter"});
        CHECK(shown.exit_code == 4);
        CHECK_MESSAGE(has(shown.err, named), shown.err);
        CHECK(!has(shown.out, "Dear Ms Smith"));
        const auto moved = repo({"re-id", id, "--reason", "two sites drew it"});
        CHECK(moved.exit_code == 4);
        CHECK_MESSAGE(has(moved.err, named), moved.err);
        CHECK(files_under(outside) == outside_before);
        CHECK(!has(repo.case_file(id), "second letter"));

        const auto checked = repo({"check"});
        CHECK(checked.exit_code == 1);
        CHECK_MESSAGE(has(checked.out, named), checked.out);
        CHECK_MESSAGE(has(checked.out, "git rm the link"), checked.out);
        // Its problem code, link-in-repository, is the unit test's
        // (test_refusals.cpp): check's JSON carries no codes.
    }

    TEST_CASE("a case folder that is a symbolic link is never read or written through") {
        test::Repo repo;
        const std::string id = repo.open_case();
        const fs::path outside = repo.dir / "elsewhere";
        fs::create_directory(outside);
        fs::rename(repo.root / "cases" / (id + ".yaml"), outside / (id + ".yaml"));
        fs::create_directory(repo.root / "cases" / "2026");
        fs::remove(repo.root / "cases" / "2026");
        fs::create_directory_symlink(outside, repo.root / "cases" / "2026");
        const auto before = files_under(outside);
        // The walk of cases/ does not enter the link, so the case is not
        // there; asked for by its whole ID it is refused, not read.
        const auto logged = repo({"log", id, "--text", "through the link"});
        CHECK(logged.exit_code != 0);
        CHECK(files_under(outside) == before);
        const auto checked = repo({"check"});
        CHECK(checked.exit_code == 1);
        CHECK_MESSAGE(has(checked.out, "cases/2026: is a symbolic link"), checked.out);

        // cases/ itself a link: every command refuses, naming it.
        fs::remove(repo.root / "cases" / "2026");
        fs::rename(repo.root / "cases", repo.dir / "cases-moved");
        fs::rename(outside / (id + ".yaml"), repo.dir / "cases-moved" / (id + ".yaml"));
        fs::create_directory_symlink(repo.dir / "cases-moved", repo.root / "cases");
        for (const std::vector<std::string>& args : std::vector<std::vector<std::string>>{
                 {"list"}, {"show", id}, {"log", id, "--text", "x"}}) {
            const auto result = repo(args);
            CHECK_MESSAGE(result.exit_code == 4, args[0]);
            CHECK_MESSAGE(has(result.err, "cases: is a symbolic link"), args[0] << result.err);
        }
        CHECK(!has(test::read_text(repo.dir / "cases-moved" / (id + ".yaml")), "text: x"));
    }
}

namespace {

// Runs `complaints ARGS` in the repository with standard error on /dev/full.
test::Result stderr_full(const test::Repo& repo, const std::vector<std::string>& args) {
    return test::run({args,
                      "",
                      repo.root,
                      {{"COMPLAINTS_NOW", repo.now}, {"COMPLAINTS_USER", "Sam Manager"}},
                      repo.timeout,
                      {"/bin/sh", "-c", "exec \"$0\" \"$@\" 2>/dev/full"}});
}

std::size_t count_of(const std::string& text, const std::string& part) {
    std::size_t count = 0;
    for (auto at = text.find(part); at != std::string::npos; at = text.find(part, at + 1))
        ++count;
    return count;
}

} // namespace

TEST_SUITE("hardening") {
    TEST_CASE("an unwritable standard error never aborts, and a write it follows is made once") {
        // Before: SIGABRT (exit 134) after the write, so a cron job retried
        // and recorded the event twice.
        test::Repo repo;
        const std::string id = repo.open_case();
        test::write_text(repo.dir / "letter.md", "Dear Ms Smith,\n\nThank you.\n");
        const std::string letter = (repo.dir / "letter.md").string();
        const auto logged = stderr_full(
            repo, {"log", id, "--type", "letter", "--letter", letter, "--text", "kept once"});
        CHECK(logged.exit_code == 0);
        CHECK(count_of(repo.case_file(id), "kept once") == 1);
        const auto missing = stderr_full(repo, {"show", "NOSUCH"});
        CHECK(missing.exit_code == 3);
        const auto usage = stderr_full(repo, {"log", id, "--type", "no-such-type"});
        CHECK(usage.exit_code == 2);
    }

    TEST_CASE("a clock, a lock wait or a case date far ahead is refused clearly, never an "
              "internal error") {
        test::Repo repo;
        const std::string id = repo.open_case();
        const auto before = repo.snapshot();
        const auto far = test::run(
            {{"log", id, "--text", "x"},
             "",
             repo.root,
             {{"COMPLAINTS_NOW", "2999-12-31T23:59:59+00:00"}, {"COMPLAINTS_USER", "Sam Manager"}},
             repo.timeout});
        CHECK(far.exit_code == 2);
        CHECK_MESSAGE(has(far.err, "COMPLAINTS_NOW"), far.err);
        const auto nan = test::run({{"log", id, "--text", "x"},
                                    "",
                                    repo.root,
                                    {{"COMPLAINTS_NOW", repo.now},
                                     {"COMPLAINTS_USER", "Sam Manager"},
                                     {"COMPLAINTS_LOCK_WAIT", "nan"}},
                                    repo.timeout});
        CHECK(nan.exit_code == 2);
        CHECK_MESSAGE(has(nan.err, "COMPLAINTS_LOCK_WAIT 'nan' must be a number of seconds"),
                      nan.err);
        CHECK(repo.snapshot() == before);

        // A case received in 2988: in the calendar's years, but long after
        // now. Before, check passed it and log blamed an --at never given.
        const std::string file = "cases/" + id + ".yaml";
        test::write_text(
            repo.root / file,
            test::replaced(repo.case_file(id), "received: 2026-11-10", "received: 2988-11-10"));
        const auto after = repo.snapshot();
        const auto logged = repo({"log", id, "--text", "x"});
        CHECK(logged.exit_code == 4);
        CHECK_MESSAGE(has(logged.err, file), logged.err);
        CHECK_MESSAGE(has(logged.err, "'received' is 2988-11-10"), logged.err);
        CHECK(!has(logged.err, "--at"));
        CHECK(repo.snapshot() == after);
        const auto checked = repo({"check"});
        CHECK(checked.exit_code == 1);
        CHECK_MESSAGE(has(checked.out, file + ":4: 'received' is 2988-11-10"), checked.out);
    }
}

TEST_SUITE("hardening") {
    TEST_CASE("a cache temporary left by a killed listing is reported by check") {
        // It holds names and summaries; before, check never said so.
        test::Repo repo;
        repo.open_case();
        test::write_text(repo.root / ".complaints-cache.Ab12Cd", "names and summaries");
        const auto checked = repo({"check"});
        CHECK(checked.exit_code == 1);
        CHECK_MESSAGE(has(checked.out, ".complaints-cache.Ab12Cd: a temporary copy of the cache"),
                      checked.out);
    }

    TEST_CASE("--out FILE --force replaces only a plain file: never a FIFO, device or link") {
        test::Repo repo;
        const fs::path fifo = repo.dir / "fifo";
        REQUIRE(::mkfifo(fifo.c_str(), 0600) == 0);
        const auto to_fifo = repo({"leaflet", "--out", fifo.string(), "--force"});
        CHECK(to_fifo.exit_code == 6);
        CHECK_MESSAGE(has(to_fifo.err, fifo.string() + " is a FIFO (named pipe); only a plain "
                                                       "file is ever replaced"),
                      to_fifo.err);
        CHECK(fs::is_fifo(fs::symlink_status(fifo)));
        // (A device is refused by the same test; none is made here, since
        // a failure as root would replace one the machine needs.)
        const fs::path target = repo.dir / "target.txt";
        test::write_text(target, "kept");
        const fs::path link = repo.dir / "link.md";
        fs::create_symlink(target, link);
        const auto to_link = repo({"leaflet", "--out", link.string(), "--force"});
        CHECK(to_link.exit_code == 6);
        CHECK(fs::is_symlink(fs::symlink_status(link)));
        CHECK(test::read_text(target) == "kept");
        // No temporary is left beside them.
        for (const auto& entry : fs::directory_iterator(repo.dir.path()))
            CHECK_MESSAGE(!entry.path().filename().string().starts_with("."),
                          entry.path().string());
    }
}

TEST_SUITE("hardening") {
    TEST_CASE("the busy message names the process that holds the lock now") {
        // The lock file names the last process to write it; before, a writer
        // was told of that one, long gone, not of the one holding the lock.
        test::Repo repo;
        const std::string id = repo.open_case();
        const int fd = ::open((repo.root / ".complaints.lock").c_str(), O_RDWR | O_CREAT, 0600);
        REQUIRE(fd >= 0);
        REQUIRE(::ftruncate(fd, 0) == 0);
        const std::string stale = "process 999999 (claire on reception-pc, 'log')";
        REQUIRE(::write(fd, stale.data(), stale.size()) == static_cast<ssize_t>(stale.size()));
        REQUIRE(::flock(fd, LOCK_EX) == 0);
        const auto result =
            test::run({{"log", id, "--text", "x"},
                       "",
                       repo.root,
                       {{"COMPLAINTS_LOCK_WAIT", "0.2"}, {"COMPLAINTS_USER", "Sam"}},
                       repo.timeout});
        ::close(fd);
        CHECK(result.exit_code == 6);
        CHECK_MESSAGE(
            has(result.err, "the repository is busy: process " + std::to_string(::getpid()) + " ("),
            result.err);
        CHECK(!has(result.err, "999999"));
    }
}

TEST_SUITE("hardening") {
    TEST_CASE("a form feed in a letter is a page break: kept, and check passes it") {
        // Before, a letter with a form feed could be kept through a path
        // that allowed it, and check then failed on it for ever.
        test::Repo repo;
        const std::string id = repo.open_case();
        test::write_text(repo.dir / "letter.md", "Dear Ms Smith,\n\fPage two.\n");
        repo.ok({"log", id, "--type", "letter", "--letter", (repo.dir / "letter.md").string(),
                 "--text", "two pages"});
        const std::string kept = test::kept_letter(repo.root, id, "2026-11-16-letter");
        CHECK(test::read_text(repo.root / kept) == "Dear Ms Smith,\n\fPage two.\n");
        const auto checked = repo({"check"});
        CHECK_MESSAGE(!has(checked.out, kept), checked.out);
    }
}

TEST_SUITE("hardening") {
    TEST_CASE("the Markdown leaflet passes no raw HTML from complaints.yaml") {
        test::Repo repo;
        test::write_text(repo.root / "complaints.yaml",
                         "organisation: \"Lumiere <img src=x onerror=alert(1)>\"\npreset: clinic\n"
                         "prefix: LUM\n");
        const auto result = repo({"leaflet"});
        REQUIRE_MESSAGE(result.exit_code == 0, result.err);
        CHECK(has(result.out, "Lumiere &lt;img src=x onerror=alert(1)&gt;"));
        CHECK(!has(result.out, "<img"));
    }
}

TEST_SUITE("hardening") {
    TEST_CASE("one size bound: a case of 11,107 events is written, not refused as an alias bomb") {
        // The reader counted 100,000 YAML nodes at most: such a case (0.9 MB)
        // read, but could never be written again (exit 70). The size, 8 MB,
        // is now the only bound a file the tool writes can meet.
        test::Repo repo;
        const std::string id = repo.open_case();
        std::string text = repo.case_file(id);
        std::string events;
        for (int i = 0; i < 11107; ++i)
            events += "  - at: 2026-11-11T09:00:00+00:00\n    type: note\n    by: \"Sam\"\n"
                      "    text: \"note " +
                      std::to_string(i) + "\"\n";
        test::write_text(repo.root / "cases" / (id + ".yaml"), text + events);
        const auto logged = repo({"log", id, "--text", "one more"});
        CHECK_MESSAGE(logged.exit_code == 0, logged.err);
        CHECK(has(repo.case_file(id), "one more"));
        CHECK(repo({"show", id}).exit_code == 0);
    }
}

TEST_SUITE("hardening") {
    TEST_CASE("a control character in an old case's text refuses a drafted letter, naming the "
              "case, before anything is written") {
        // Before, the command failed naming letters/<ID>/...md, a file that
        // was never written.
        test::Repo repo;
        const std::string id =
            repo.open_case("2026-11-10 09:00", {"--complainant", "Planted Name"});
        const std::string file = "cases/" + id + ".yaml";
        test::write_text(repo.root / file,
                         test::replaced(repo.case_file(id), "Planted Name", "Jo\\e]0;pwned\\a"));
        const auto before = repo.snapshot();
        const auto acknowledged = repo({"respond", "acknowledge", id, "--via", "email"});
        CHECK(acknowledged.exit_code == 4);
        CHECK_MESSAGE(has(acknowledged.err, file + ": the acknowledgement letter for " + id +
                                                " would hold a control character"),
                      acknowledged.err);
        CHECK(!has(acknowledged.err, "letters/"));
        CHECK(repo.snapshot() == before);
        CHECK(!fs::exists(repo.root / "letters" / id));
    }
}
