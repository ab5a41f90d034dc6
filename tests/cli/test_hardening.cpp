// SPDX-License-Identifier: Apache-2.0
// Issue #17's last promises: a write that happened is never denied, one ID
// never lives in two files, a full $TMPDIR does not stop a listing, a bad
// date in a file is named where it is, and a failed $EDITOR loses nothing.
#include "kept_letter.hpp"
#include "run.hpp"

#include <doctest/doctest.h>

#include <cstdio>
#include <cstdlib>
#include <sys/stat.h>
#include <sys/wait.h>
#include <unistd.h>

using test::has;

namespace {

// Runs `complaints ARGS` in the repository as a user other than root, when
// the tests run as root (root reads any folder, whatever its mode): the
// repository's files are given to `nobody` first.
test::Result as_a_user(const test::Repo& repo, std::vector<std::string> args) {
    std::vector<std::string> wrapper;
    if (::geteuid() == 0) {
        for (const auto& entry : std::filesystem::recursive_directory_iterator(repo.dir.path()))
            REQUIRE(::lchown(entry.path().c_str(), 65534, 65534) == 0);
        REQUIRE(::lchown(repo.dir.path().c_str(), 65534, 65534) == 0);
        wrapper = {"/usr/bin/setpriv", "--reuid=65534", "--regid=65534", "--clear-groups"};
    }
    return test::run({std::move(args),
                      "",
                      repo.root,
                      {{"COMPLAINTS_NOW", repo.now}, {"COMPLAINTS_USER", "Sam Manager"}},
                      repo.timeout,
                      wrapper});
}

} // namespace

TEST_SUITE("hardening") {
    TEST_CASE("a write whose folder cannot be synced is done: exit 0 and a warning, never a "
              "failure to retry") {
        // A folder its user may write and enter but not read: the letter is
        // linked in, then the folder cannot be opened to fsync it. Today's
        // code said exit 6 for a letter it had published, and a retry would
        // keep it twice.
        test::Repo repo;
        const std::string id = repo.open_case();
        test::write_text(repo.dir / "letter.md", "Dear Ms Smith,\n\nThank you.\n");
        const std::string letter = (repo.dir / "letter.md").string();
        repo.ok({"log", id, "--type", "letter", "--letter", letter, "--text", "first letter"});
        const auto folder = repo.root / "letters" / id;
        REQUIRE(::chmod(folder.c_str(), 0300) == 0);
        const test::Result second = as_a_user(
            repo, {"log", id, "--type", "letter", "--letter", letter, "--text", "second letter"});
        REQUIRE(::chmod(folder.c_str(), 0700) == 0);
        CHECK_MESSAGE(second.exit_code == 0, second.err);
        // The same text the same day: the first letter's name, then -2.
        const std::string first = test::kept_letter(repo.root, id, "2026-11-16-letter");
        const std::string stem = first.substr(0, first.size() - 3);
        CHECK(
            has(second.err, "complaints: warning: " + stem + "-2.md was written, but cannot make"));
        CHECK(has(second.err, "durable (open: Permission denied)"));
        CHECK(has(second.err, "do not run it again"));
        CHECK(has(second.out, "letter logged"));
        // The event and its letter are both there, once.
        const std::string text = repo.case_file(id);
        CHECK(has(text, "second letter"));
        CHECK(has(text, stem + "-2.md"));
        CHECK(std::filesystem::exists(repo.root / (stem + "-2.md")));
        CHECK(!std::filesystem::exists(repo.root / (stem + "-3.md")));
    }
}

namespace {

// Whether this machine lets a user mount a file system of its own (a user
// and mount namespace): the only way, without root, to have a full $TMPDIR.
bool can_mount_tmpfs() {
    return std::system("unshare -rm sh -c 'mount -t tmpfs -o size=4k tmpfs /mnt' "
                       ">/dev/null 2>&1") == 0;
}

} // namespace

TEST_SUITE("hardening") {
    TEST_CASE("one case ID in two folders is refused by name, never counted twice") {
        test::Repo repo;
        const std::string id = repo.open_case();
        const std::string other = repo.open_case("2026-11-11 09:00");
        std::filesystem::create_directories(repo.root / "cases" / "2026");
        std::filesystem::copy_file(repo.root / "cases" / (id + ".yaml"),
                                   repo.root / "cases" / "2026" / (id + ".yaml"));
        const std::string both =
            "case " + id + " has 2 files, cases/2026/" + id + ".yaml and cases/" + id + ".yaml";
        // Reading it, or writing to it, names both files and changes nothing.
        CHECK(has(repo.refused({"show", id}, 4), both));
        CHECK(has(repo.refused({"log", id, "--text", "a call"}, 4), both));
        // A listing leaves it out with that warning, once, and lists the rest.
        for (const std::vector<std::string> command :
             {std::vector<std::string>{"list"}, {"list", "--no-cache"}, {"report"}}) {
            const test::Result listed = repo(command);
            CHECK(listed.exit_code == 4);
            CHECK_MESSAGE(has(listed.err, "warning: " + both), listed.err);
            CHECK(has(listed.err, "this case is left out"));
            if (command.front() == "list") {
                CHECK(has(listed.out, other));
                CHECK(!has(listed.out, id));
            }
        }
        const test::Result checked = repo({"check"});
        CHECK(checked.exit_code == 1);
        CHECK(has(checked.out, "case " + id + " is also in"));
    }

    TEST_CASE("list answers from memory when $TMPDIR is full") {
        if (!can_mount_tmpfs()) {
            MESSAGE("skipped: this machine lets no user mount a small file system");
            return;
        }
        test::Repo repo;
        // Four cases of 30 kB: the matches (120 kB) overflow a 16 kB $TMPDIR
        // part-way through a write, the hardest place to fall back from.
        for (int n = 0; n < 4; ++n)
            repo.open_case("2026-11-1" + std::to_string(n) + " 09:00",
                           {"--summary", std::string(30000, static_cast<char>('a' + n))});
        const test::Result wanted = repo({"list", "--no-cache", "--format", "json"});
        REQUIRE(wanted.exit_code == 0);
        const test::TempDir full;
        const test::Result got = test::run(
            {{"list", "--no-cache", "--format", "json"},
             "",
             repo.root,
             {{"COMPLAINTS_NOW", repo.now}, {"TMPDIR", full.path().string()}},
             repo.timeout,
             {"/usr/bin/unshare", "-rm", "/bin/sh", "-c",
              "mount -t tmpfs -o size=16k tmpfs \"$0\" && exec \"$@\"", full.path().string()}});
        CHECK_MESSAGE(got.exit_code == 0, got.err);
        CHECK(got.err.empty());
        CHECK(got.out == wanted.out);
    }

    TEST_CASE("a case time past the calendar's years is bad data at its file and line") {
        test::Repo repo;
        const std::string id = repo.open_case();
        const std::string other = repo.open_case("2026-11-11 09:00");
        const auto file = repo.root / "cases" / (id + ".yaml");
        std::string text = test::read_text(file);
        text = test::replaced(text, "received: 2026-11-10", "received: 2999-12-20");
        text = test::replaced(text, "  - at: 2026-11-10", "  - at: 2999-12-20");
        test::write_text(file, text);
        // Its deadline would be in 3000, which no calendar covers: before,
        // exit 2 and "the calendar covers the years 1900 to 2999, not 3000",
        // for every listing, naming nothing.
        const std::string where = "cases/" + id + ".yaml:4:11: 'received' is in the year 2999";
        CHECK(has(repo.refused({"show", id}, 4), where));
        const test::Result listed = repo({"list"});
        CHECK(listed.exit_code == 4);
        CHECK_MESSAGE(has(listed.err, where), listed.err);
        CHECK(has(listed.out, other));
        const test::Result checked = repo({"check"});
        CHECK(has(checked.out, "cases/" + id + ".yaml:4: 'received' is in the year 2999"));
    }

    TEST_CASE("a failing $EDITOR keeps what was typed in a file, and says where") {
        test::Repo repo;
        const std::string id = repo.open_case();
        const auto before = repo.snapshot();
        // An editor that saves the text, then fails (a crash, :cq in vim).
        const test::Result failed = test::on_terminal(
            repo, {"log", id},
            "export EDITOR='f() { printf \"The caller was upset.\\n\" > \"$1\"; exit 3; }; f'");
        CHECK(failed.exit_code == 2);
        CHECK_MESSAGE(has(failed.out, "the editor failed (exit status 3); no event text was "
                                      "written; what you typed is kept in /"),
                      failed.out);
        CHECK(repo.snapshot() == before);
        const auto at = failed.out.find("kept in ") + 8;
        const auto end = failed.out.find_first_of("\r\n", at);
        const std::filesystem::path kept = failed.out.substr(at, end - at);
        CHECK(test::read_text(kept) == "The caller was upset.\n");
        std::filesystem::remove(kept);
        // An editor that fails having saved nothing leaves no file behind.
        const test::Result empty =
            test::on_terminal(repo, {"log", id}, "export EDITOR='f() { exit 3; }; f'");
        CHECK(empty.exit_code == 2);
        CHECK(has(empty.out, "the editor failed (exit status 3); no event text was written"));
        CHECK(!has(empty.out, "kept in"));
    }
}
