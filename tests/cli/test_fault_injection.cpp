// SPDX-License-Identifier: Apache-2.0
// Fault injection at every call, as SQLite's tests do: each writing command
// runs once to count the calls of its own that change files (a shim,
// tests/support/fault_shim.cpp, preloaded into the binary and out of its
// children's environment), then once for each such call with that call
// failing (EIO, then ENOSPC). After every run the repository must be exactly
// as before or exactly as after, file by file and folder by folder, with no
// temporary left behind; a run that exits 0 must have made the whole change.
#include "run.hpp"

#include <doctest/doctest.h>

#include <cerrno>
#include <filesystem>
#include <map>
#include <string>

using test::has;

namespace fs = std::filesystem;

namespace {

// Every file (by content) and folder (as "/") under `root`; the lock and the
// cache, which are derived, aside; temporaries of every kind included.
std::map<std::string, std::string> state_of(const fs::path& root) {
    std::map<std::string, std::string> state;
    for (const auto& entry : fs::recursive_directory_iterator(root)) {
        const std::string name = entry.path().filename().string();
        if (name == ".complaints.lock" || name == ".complaints-cache")
            continue;
        const std::string path = entry.path().lexically_relative(root).string();
        state[path] = entry.is_directory() ? "/" : test::read_text(entry.path());
    }
    return state;
}

// The state with the ID of the one case a run opened written NEW, so that
// two runs drawing different IDs compare equal.
std::map<std::string, std::string> with_new_id(std::map<std::string, std::string> state,
                                               const std::map<std::string, std::string>& before) {
    std::string id;
    for (const auto& [path, content] : state)
        if (!before.count(path) && path.starts_with("cases/") && path.ends_with(".yaml") &&
            path.find("/.") == std::string::npos)
            id = fs::path(path).stem().string();
    if (id.empty())
        return state;
    std::map<std::string, std::string> renamed;
    for (const auto& [key, value] : state) {
        std::string path = key;
        std::string content = value;
        for (std::size_t at; (at = path.find(id)) != std::string::npos;)
            path.replace(at, id.size(), "NEW");
        for (std::size_t at; (at = content.find(id)) != std::string::npos;)
            content.replace(at, id.size(), "NEW");
        renamed[path] = content;
    }
    return renamed;
}

struct Tally {
    int runs = 0;
    int before = 0;
    int after = 0;
};

// Runs `args` in a fresh copy of `repo` with call `at` failing with `code`
// (0: none, and the calls are counted into `count`).
test::Result run_with_fault(const test::Repo& repo, const fs::path& copy,
                            const std::vector<std::string>& args, long at, int code,
                            const fs::path& count = {}) {
    fs::remove_all(copy);
    fs::copy(repo.root, copy, fs::copy_options::recursive);
    std::map<std::string, std::string> env{{"COMPLAINTS_NOW", repo.now},
                                           {"COMPLAINTS_USER", "Sam Manager"},
                                           {"LD_PRELOAD", test::fault_shim_path()},
                                           {"COMPLAINTS_FAULT_AT", std::to_string(at)},
                                           {"COMPLAINTS_FAULT_ERRNO", std::to_string(code)}};
    if (!count.empty())
        env["COMPLAINTS_FAULT_COUNT"] = count.string();
    return test::run({args, "", copy, env, repo.timeout});
}

// Fails each of `args`'s file-changing calls in turn, with EIO and ENOSPC.
void every_call_fails(const test::Repo& repo, const std::vector<std::string>& args, Tally& tally) {
    const fs::path copy = repo.dir / "run";
    const fs::path count = repo.dir / "count";
    const auto before = state_of(repo.root);
    const test::Result clean = run_with_fault(repo, copy, args, 0, 0, count);
    REQUIRE_MESSAGE(clean.exit_code == 0, clean.err);
    const auto after = with_new_id(state_of(copy), before);
    REQUIRE(after != before);
    const long calls = std::stol(test::read_text(count));
    REQUIRE(calls > 0);
    for (const int code : {EIO, ENOSPC})
        for (long at = 1; at <= calls; ++at) {
            const test::Result result = run_with_fault(repo, copy, args, at, code);
            const auto state = with_new_id(state_of(copy), before);
            ++tally.runs;
            const bool was_before = state == before;
            const bool was_after = state == after;
            tally.before += was_before;
            tally.after += was_after;
            INFO(args[0], " with call ", at, " of ", calls, " failing with errno ", code, ": exit ",
                 result.exit_code, "\n", result.err);
            CHECK((was_before || was_after));
            CHECK(result.exit_code != 134);
            if (result.exit_code == 0)
                CHECK(was_after);
            if (was_before)
                CHECK(result.exit_code != 0);
        }
}

} // namespace

TEST_SUITE("fault injection") {
    TEST_CASE("each file-changing call of a writing command failed in turn leaves the repository "
              "exactly as before or exactly as after") {
        if (!*test::fault_shim_path()) {
            MESSAGE("skipped: the sanitiser builds have no fault injector");
            return;
        }
        test::Repo repo;
        const std::string id = repo.open_case();
        test::write_text(repo.dir / "letter.md", "Dear Ms Smith,\n\nThank you.\n");
        const std::string letter = (repo.dir / "letter.md").string();
        Tally tally;
        every_call_fails(repo, {"log", id, "--text", "Rang her back."}, tally);
        // The first letter of a case: letters/<ID>/ is made, the letter and
        // the case written; a failure anywhere keeps neither, nor the folder.
        every_call_fails(
            repo, {"log", id, "--type", "letter", "--letter", letter, "--text", "the letter"},
            tally);
        every_call_fails(repo, {"open", "--channel", "phone", "--received", "2026-11-12 10:00"},
                         tally);
        // Attachments are staged as letters are: attachments/<ID>/ and its
        // files are taken back unless the case is written.
        test::write_text(repo.dir / "scan.pdf", "%PDF-1.4\nsigned record\n");
        test::write_text(repo.dir / "photo.txt", "a photograph\n");
        every_call_fails(
            repo,
            {"attach", id, (repo.dir / "scan.pdf").string(), (repo.dir / "photo.txt").string()},
            tally);
        const std::string email =
            (fs::path(test::test_data_path()) / "email" / "multipart-attachments.eml").string();
        every_call_fails(repo, {"open", "--from-email", email}, tally);
        MESSAGE(tally.runs << " runs with a call failing: " << tally.before
                           << " left the repository as before, " << tally.after << " as after");
        CHECK(tally.runs == tally.before + tally.after);
    }
}
