// SPDX-License-Identifier: Apache-2.0
// Hostile and broken input: each gets a clear message, a documented exit
// code, and no file changes. docs/reliability.md lists them.
#include "run.hpp"

#include <doctest/doctest.h>

#include <sys/socket.h>
#include <sys/stat.h>
#include <sys/un.h>
#include <unistd.h>

namespace {

constexpr int k_bad_data = 4;
constexpr int k_not_found = 3;
constexpr int k_refused = 5;
constexpr int k_io = 6;

using test::has;

// A unix socket bound at `path`, then closed: the name stays.
void make_socket(const std::filesystem::path& path) {
    const int fd = ::socket(AF_UNIX, SOCK_STREAM, 0);
    REQUIRE(fd >= 0);
    sockaddr_un address{};
    address.sun_family = AF_UNIX;
    REQUIRE(path.native().size() < sizeof address.sun_path);
    std::copy(path.native().begin(), path.native().end(), address.sun_path);
    REQUIRE(::bind(fd, reinterpret_cast<sockaddr*>(&address), sizeof address) == 0);
    ::close(fd);
}

struct Hostile : test::Repo {
    std::string id = open_case();
    std::filesystem::path file() const { return root / "cases" / (id + ".yaml"); }
    // Runs a reading and a writing command on the case; both must fail with
    // `code` and a message containing `expected`, and nothing may change.
    void refused(int code, const std::string& expected) const {
        const auto before = snapshot();
        for (const std::vector<std::string>& args : std::vector<std::vector<std::string>>{
                 {"show", id}, {"log", id, "--text", "x"}, {"list"}}) {
            const auto result = (*this)(args);
            CHECK_MESSAGE(result.exit_code == code, args[0]);
            CHECK_MESSAGE(result.err.find(expected) != std::string::npos, result.err);
        }
        CHECK(snapshot() == before);
    }
    // Every reader and a writer refuse it with `code`, naming the case file
    // and saying `expected`; `check` reports it; nothing changes. A command
    // that hangs is killed by the timeout and fails the test.
    void refused_everywhere(int code, const std::string& expected) const {
        const std::string named = "cases/" + id + ".yaml: " + expected;
        const auto before = snapshot();
        for (const std::vector<std::string>& args :
             std::vector<std::vector<std::string>>{{"show", id},
                                                   {"log", id, "--text", "x"},
                                                   {"list"},
                                                   {"report", "--year", "2026"}}) {
            const auto result = (*this)(args);
            CHECK_MESSAGE(result.exit_code == code, args[0]);
            CHECK_MESSAGE(has(result.err, named), args[0] << ": " << result.err);
        }
        const auto checked = (*this)({"check"});
        CHECK(checked.exit_code == 1);
        CHECK_MESSAGE(has(checked.out, "cases/" + id + ".yaml: " + expected), checked.out);
        CHECK(snapshot() == before);
    }
};

} // namespace

TEST_SUITE("hostile input") {
    TEST_CASE("an alias bomb is refused before anything unfolds it") {
        Hostile repo;
        std::string bomb =
            test::read_text(repo.file()) + "a0: &a0 [x, x, x, x, x, x, x, x, x, x]\n";
        for (int i = 1; i < 30; ++i)
            bomb += "a" + std::to_string(i) + ": &a" + std::to_string(i) + " [" +
                    std::string(10, ' ') + "]\n";
        for (int i = 1; i < 30; ++i) {
            const std::string prev = "*a" + std::to_string(i - 1);
            std::string items;
            for (int k = 0; k < 10; ++k)
                items += (k ? ", " : "") + prev;
            const std::string key = "a" + std::to_string(i) + ": &a" + std::to_string(i) + " [";
            const auto at = bomb.find(key);
            bomb.replace(at, key.size() + 10 + 1, key + items + "]");
        }
        test::write_text(repo.file(), bomb);
        repo.refused(k_bad_data, "nodes (an alias bomb?)");
    }

    TEST_CASE("deeply nested YAML") {
        Hostile repo;
        test::write_text(repo.file(), test::read_text(repo.file()) + "deep: " +
                                          std::string(5000, '[') + std::string(5000, ']') + "\n");
        repo.refused(k_bad_data, "nested too deeply");
    }

    TEST_CASE("a 100 MB case file is refused without parsing it") {
        Hostile repo;
        test::write_text(repo.file(), test::read_text(repo.file()) + "padding: \"" +
                                          std::string(100 << 20, 'x') + "\"\n");
        repo.refused(k_bad_data, "is larger than 8 MB");
    }

    TEST_CASE("a case file that links outside the repository is neither read nor written") {
        Hostile repo;
        const auto outside = repo.dir / "outside.yaml";
        test::write_text(outside, test::read_text(repo.file()));
        std::filesystem::remove(repo.file());
        std::filesystem::create_symlink(outside, repo.file());
        const std::string before = test::read_text(outside);
        repo.refused(k_bad_data, "is a symbolic link");
        CHECK(test::read_text(outside) == before);
    }

    TEST_CASE("NUL bytes, invalid UTF-8, wrong types and a missing key") {
        Hostile repo;
        const std::string good = test::read_text(repo.file());
        test::write_text(repo.file(), good + std::string("x: \"\0\"\n", 7));
        repo.refused(k_bad_data, "contains a NUL byte");
        test::write_text(repo.file(), good + "x: \"\xC3\x28\"\n");
        repo.refused(k_bad_data, "contains bytes that are not UTF-8");
        test::write_text(repo.file(), good + "points: {a: 1}\n");
        repo.refused(k_bad_data, "duplicate key 'points'");
        std::string no_kind = good;
        no_kind.erase(no_kind.find("kind: complaint\n"), 16);
        test::write_text(repo.file(), no_kind);
        repo.refused(k_bad_data, "a case file has no 'kind' key");
    }

    TEST_CASE("one unreadable case is left out of list, report and clinician, with a warning") {
        Hostile repo;
        const std::string good = repo.open_case("2026-11-11 09:00");
        test::write_text(repo.file(), test::read_text(repo.file()) + "status: [\n");
        const std::string warning = "complaints: warning: cases/" + repo.id + ".yaml:";
        for (int run = 0; run < 2; ++run) { // the second from the cache: never cached as good
            const auto listed = repo({"list", "--format", "json"});
            CHECK(listed.exit_code == k_bad_data);
            CHECK_MESSAGE(listed.err.starts_with(warning), listed.err);
            CHECK(listed.err.ends_with("; this case is left out\n"));
            REQUIRE(listed.json()["cases"].size() == 1);
            CHECK(listed.json()["cases"][0]["id"] == good);
        }
        for (const std::vector<std::string>& args : std::vector<std::vector<std::string>>{
                 {"report", "--month", "2026-11", "--format", "json"},
                 {"report", "--month", "2026-11", "--cqc-summary"},
                 {"clinician", "--list"}}) {
            const auto result = repo(args);
            CHECK_MESSAGE(result.exit_code == k_bad_data, args[0]);
            CHECK_MESSAGE(result.err.starts_with(warning), result.err);
            CHECK(!result.out.empty());
        }
        CHECK(repo({"report", "--month", "2026-11", "--format", "json"})
                  .json()["received"]["total"] == 1);
        const auto checked = repo({"check"});
        CHECK(checked.exit_code == 1);
        CHECK(checked.out.find("cases/" + repo.id + ".yaml:") != std::string::npos);
        CHECK(repo({"show", good}).exit_code == 0);
    }

    TEST_CASE("IDs that try to leave cases/ or smuggle characters match nothing") {
        Hostile repo;
        const auto before = repo.snapshot();
        for (const std::string& id :
             {std::string("../complaints"), std::string("../../etc/passwd"), std::string("/etc"),
              std::string("$(rm -rf /)"), std::string("`id`;"),
              std::string("LUM-2026-\xCE\xA7"), // Greek capital chi for X
              std::string("LUM\xE2\x80\x91"
                          "2026")}) { // non-breaking hyphen
            const auto result = repo({"log", id, "--text", "x"});
            CHECK_MESSAGE(result.exit_code == k_not_found, id);
            CHECK(result.err.starts_with("complaints: no case matches"));
        }
        CHECK(repo.snapshot() == before);
    }

    TEST_CASE("impossible dates and absurd durations on the command line") {
        Hostile repo;
        const auto before = repo.snapshot();
        for (const char* when :
             {"2026-02-30", "0000-00-00", "99999-01-01", "2026-13-01", "2026-11-16T25:00"})
            CHECK_MESSAGE(repo({"log", repo.id, "--text", "x", "--at", when}).exit_code == 2, when);
        CHECK(repo({"list", "--due-within", "-5wd"}).exit_code == 2);
        CHECK(repo({"list", "--due-within", "99999999 days"}).exit_code == 2);
        CHECK(repo({"calendar", "add", "2026-01-01", "99999999"}).exit_code == 2);
        CHECK(repo.snapshot() == before);
    }

    TEST_CASE("a FIFO, socket or folder at a case's path is refused by name, never waited on") {
        Hostile repo;
        repo.timeout = std::chrono::seconds(30);
        std::filesystem::remove(repo.file());
        REQUIRE(::mkfifo(repo.file().c_str(), 0600) == 0);
        repo.refused_everywhere(k_bad_data, "is a FIFO (named pipe); case files must be plain "
                                            "files in the repository");
        std::filesystem::remove(repo.file());
        make_socket(repo.file());
        repo.refused_everywhere(k_bad_data, "is a socket");
        std::filesystem::remove(repo.file());
        std::filesystem::create_directory(repo.file());
        repo.refused_everywhere(k_bad_data, "is a folder");
    }

    TEST_CASE("a symbolic link loop at a case's path is bad data, not an internal error") {
        Hostile repo;
        std::filesystem::remove(repo.file());
        std::filesystem::create_symlink(repo.file().filename(), repo.file());
        repo.refused_everywhere(k_bad_data, "is a symbolic link");
    }

    TEST_CASE("a FIFO or folder at .complaints-cache is no cache: a warning, never a wait") {
        Hostile repo;
        repo.timeout = std::chrono::seconds(30);
        const auto cache = repo.root / ".complaints-cache";
        REQUIRE(::mkfifo(cache.c_str(), 0600) == 0);
        const auto listed = repo({"list"});
        CHECK(listed.exit_code == 0);
        CHECK(has(listed.out, repo.id));
        CHECK(listed.err == "complaints: warning: .complaints-cache is a FIFO (named pipe), not "
                            "a cache; read every case file instead\n");
        // The cache written in its place is a plain file again.
        CHECK(std::filesystem::is_regular_file(std::filesystem::symlink_status(cache)));
        CHECK(repo({"list"}).err.empty());
        std::filesystem::remove(cache);
        std::filesystem::create_directory(cache);
        const auto reported = repo({"report", "--year", "2026"});
        CHECK(reported.exit_code == 0);
        CHECK(has(reported.err, ".complaints-cache is a folder, not a cache"));
    }

    TEST_CASE("a lock file that is a symbolic link or a FIFO is refused, nothing written") {
        Hostile repo;
        repo.timeout = std::chrono::seconds(30);
        const auto lock = repo.root / ".complaints.lock";
        const auto target = repo.dir / "precious.txt";
        test::write_text(target, "precious\n");
        std::filesystem::remove(lock); // the opening's
        std::filesystem::create_symlink(target, lock);
        const auto before = repo.snapshot();
        const auto linked = repo({"log", repo.id, "--text", "x"});
        CHECK(linked.exit_code == k_io);
        CHECK(linked.err == "complaints: " + lock.string() +
                                " is a symbolic link, not a plain file; writers write into it, "
                                "so no command writes until it is removed\n");
        CHECK(repo.snapshot() == before);
        CHECK(test::read_text(target) == "precious\n");
        std::filesystem::remove(lock);
        REQUIRE(::mkfifo(lock.c_str(), 0600) == 0);
        const auto fifo = repo({"log", repo.id, "--text", "x"});
        CHECK(fifo.exit_code == k_io);
        CHECK(has(fifo.err, " is a FIFO (named pipe), not a plain file"));
        CHECK(repo.snapshot() == before);
        // Readers take no lock: they are not stopped by it.
        CHECK(repo({"show", repo.id}).exit_code == 0);
    }

    TEST_CASE("the lock file names the command, never its arguments") {
        test::Repo platform("platform", "LAN");
        const std::string id =
            platform.open_case("2026-11-16 09:00", {"--complainant", "Practice manager", "--about",
                                                    "Dr Sam Keane", "--gmc", "7123456"});
        // Refused for the NHS number, after the lock was taken.
        CHECK(has(platform.refused({"log", id, "--text", "NHS no. 943 476 5919"}, k_refused),
                  "contains an NHS number"));
        const std::string holder = test::read_text(platform.root / ".complaints.lock");
        CHECK(has(holder, "'log')"));
        // The number whole: its first digits may be part of the holder's PID.
        CHECK_MESSAGE(!has(holder, "943 476"), holder);
        CHECK_MESSAGE(!has(holder, "NHS"), holder);
    }
}
