// SPDX-License-Identifier: Apache-2.0
// .complaints-cache never serves stale data: every way a case file can
// change, by hand or by command, is seen by the next list and report.
// COMPLAINTS_CACHE_SETTLE=0 lets the cache serve files changed a moment
// ago (as it does for files older than two seconds), and the trace line says
// exactly what came from the cache and what was read.
#include "rounds.hpp"
#include "run.hpp"

#include <doctest/doctest.h>

#include <chrono>
#include <fstream>
#include <thread>

namespace {

struct Cached : test::Repo {
    std::vector<std::string> ids;
    Cached() {
        for (const char* day : {"2026-10-05 10:00", "2026-10-06 10:00", "2026-10-07 10:00"})
            ids.push_back(open_case(day, {"--summary", "Booking failed", "--point", "It failed"}));
    }
    test::Result traced(std::vector<std::string> args) const {
        test::Run how{{"--repo", root.string()}, "", {}, {}};
        how.args.insert(how.args.end(), args.begin(), args.end());
        how.env = {{"COMPLAINTS_NOW", now},
                   {"COMPLAINTS_USER", "Test"},
                   {"COMPLAINTS_CACHE_SETTLE", "0"},
                   {"COMPLAINTS_TRACE_CACHE", "1"}};
        const auto result = test::run(how);
        REQUIRE_MESSAGE(result.exit_code == 0, result.err);
        return result;
    }
    nlohmann::json report(const std::string& expect_trace) const {
        const auto result = traced({"report", "--month", "2026-10", "--format", "json"});
        CHECK(result.err == "complaints: cache: " + expect_trace + "\n");
        return result.json();
    }
    nlohmann::json list(const std::string& expect_trace) const {
        const auto result = traced({"list", "--format", "json"});
        CHECK(result.err == "complaints: cache: " + expect_trace + "\n");
        return result.json()["cases"];
    }
    // A change with the same size, after the clock has ticked: only the
    // inode's change time and modification time tell.
    void edit_in_place(const std::string& id, const std::string& from,
                       const std::string& to) const {
        REQUIRE(from.size() == to.size());
        std::this_thread::sleep_for(std::chrono::milliseconds(50));
        const auto path = root / "cases" / (id + ".yaml");
        const auto written = std::filesystem::last_write_time(path);
        test::write_text(path, test::replaced(test::read_text(path), from, to));
        std::filesystem::last_write_time(path, written); // as an editor keeping times would
    }
};

} // namespace

TEST_SUITE("cache") {
    TEST_CASE("built on first use, then served for unchanged files") {
        const Cached repo;
        CHECK(repo.report("0 unchanged, 3 read, 0 gone, rewritten")["received"]["total"] == 3);
        CHECK(std::filesystem::exists(repo.root / ".complaints-cache"));
        CHECK(repo.report("3 unchanged, 0 read, 0 gone")["received"]["total"] == 3);
        CHECK(repo.list("3 unchanged, 0 read, 0 gone").size() == 3u);
    }

    TEST_CASE("a hand edit that keeps the size and the modification time is seen") {
        const Cached repo;
        repo.report("0 unchanged, 3 read, 0 gone, rewritten");
        repo.edit_in_place(repo.ids[1], "channel: phone", "channel: email");
        const auto r = repo.report("2 unchanged, 1 read, 0 gone, rewritten");
        CHECK(r["received"]["by_channel"]["email"] == 1);
        CHECK(r["received"]["by_channel"]["phone"] == 2);
        CHECK(repo.list("3 unchanged, 0 read, 0 gone")[1]["channel"] == "email");
    }

    TEST_CASE("a case added by command, one added by hand and one deleted by hand are each seen") {
        const Cached repo;
        repo.list("0 unchanged, 3 read, 0 gone, rewritten");
        const std::string opened =
            repo.open_case("2026-10-20 10:00", {"--summary", "Late", "--point", "Late"});
        CHECK(repo.report("3 unchanged, 1 read, 0 gone, rewritten")["received"]["total"] == 4);

        const std::string copy_id = "LUM-2026-222222";
        test::write_text(repo.root / "cases" / (copy_id + ".yaml"),
                         test::replaced(repo.case_file(repo.ids[0]), repo.ids[0], copy_id));
        std::filesystem::remove(repo.root / "cases" / (repo.ids[2] + ".yaml"));
        const auto listed = repo.list("3 unchanged, 1 read, 1 gone, rewritten");
        std::vector<std::string> ids;
        for (const auto& c : listed)
            ids.push_back(c["id"]);
        CHECK(std::find(ids.begin(), ids.end(), copy_id) != ids.end());
        CHECK(std::find(ids.begin(), ids.end(), repo.ids[2]) == ids.end());
        CHECK(std::find(ids.begin(), ids.end(), opened) != ids.end());
        CHECK(ids.size() == 4u);
    }

    TEST_CASE("a change by command is seen: respond, close, log") {
        const Cached repo;
        repo.report("0 unchanged, 3 read, 0 gone, rewritten");
        repo.ok({"respond", "finding", repo.ids[0], "--point", "1", "--finding", "upheld",
                 "--conclusion", "Yes", "--at", "2026-10-08 10:00"});
        repo.ok({"log", repo.ids[0], "--type", "record-agreed", "--text", "Agreed", "--at",
                 "2026-10-08 10:00"});
        repo.ok({"respond", "send", repo.ids[0], "--via", "email", "--at", "2026-10-09 10:00"});
        repo.ok({"close", repo.ids[1], "--outcome", "withdrawn", "--no-learning", "Withdrawn",
                 "--at", "2026-10-10 10:00"});
        const auto r = repo.report("1 unchanged, 2 read, 0 gone, rewritten");
        CHECK(r["responses"]["on_time"] == 1);
        CHECK(r["outcomes"]["withdrawn"] == 1);
    }

    TEST_CASE("a hand edit that breaks a file is an error naming it, not the cached case") {
        const Cached repo;
        repo.report("0 unchanged, 3 read, 0 gone, rewritten");
        repo.edit_in_place(repo.ids[0], "kind: complaint", "kind: complainX");
        const auto result = repo({"report", "--month", "2026-10"});
        CHECK(result.exit_code == 4);
        CHECK(result.err.find("cases/" + repo.ids[0] + ".yaml:") != std::string::npos);
    }

    TEST_CASE("a damaged or foreign cache file is ignored and rebuilt") {
        const Cached repo;
        repo.report("0 unchanged, 3 read, 0 gone, rewritten");
        const auto cache = repo.root / ".complaints-cache";
        std::string bytes = test::read_text(cache);
        for (const std::string& damaged :
             {bytes.substr(0, bytes.size() / 2), std::string("not a cache"),
              bytes.substr(0, 40) + std::string(bytes.size() - 40, '\xff')}) {
            test::write_text(cache, damaged);
            CHECK(repo.report("0 unchanged, 3 read, 0 gone, rewritten")["received"]["total"] == 3);
        }
        CHECK(repo.report("3 unchanged, 0 read, 0 gone")["received"]["total"] == 3);
    }

    TEST_CASE("--no-cache reads every file and leaves the cache alone, the results agree") {
        const Cached repo;
        const auto no_cache =
            repo.traced({"report", "--month", "2026-10", "--format", "json", "--no-cache"});
        CHECK(no_cache.err == "complaints: cache: 0 unchanged, 3 read, 0 gone, not used\n");
        CHECK(!std::filesystem::exists(repo.root / ".complaints-cache"));
        CHECK(repo.report("0 unchanged, 3 read, 0 gone, rewritten") == no_cache.json());
        CHECK(repo.report("3 unchanged, 0 read, 0 gone") == no_cache.json());
        CHECK(repo.traced({"list", "--format", "json", "--no-cache"}).json("cases") ==
              repo.list("3 unchanged, 0 read, 0 gone"));
    }

    TEST_CASE("COMPLAINTS_NO_CACHE bypasses the cache for open --gmc, which has no --no-cache") {
        const Cached repo;
        const auto opened = [&](const std::string& no_cache) {
            test::Run how{{"--repo", repo.root.string(), "open", "--channel", "email", "--received",
                           "2026-10-08 10:00", "--point", "Rude", "--about", "Dr Lena Marsh",
                           "--gmc", "7123456", "--summary", "Rude"},
                          "",
                          {},
                          {}};
            how.env = {{"COMPLAINTS_NOW", repo.now},
                       {"COMPLAINTS_USER", "Test"},
                       {"COMPLAINTS_CACHE_SETTLE", "0"},
                       {"COMPLAINTS_TRACE_CACHE", "1"}};
            if (!no_cache.empty())
                how.env["COMPLAINTS_NO_CACHE"] = no_cache;
            const auto result = test::run(how);
            REQUIRE_MESSAGE(result.exit_code == 0, result.err);
            return result.err;
        };
        CHECK(opened("1") == "complaints: cache: 0 unchanged, 3 read, 0 gone, not used\n");
        CHECK(!std::filesystem::exists(repo.root / ".complaints-cache"));
        CHECK(opened("") == "complaints: cache: 0 unchanged, 4 read, 0 gone, rewritten\n");
    }

    TEST_CASE("a file changed within the settle time is read again until it settles") {
        const Cached repo;
        auto how =
            test::Run{{"--repo", repo.root.string(), "report", "--format", "json"}, "", {}, {}};
        how.env = {{"COMPLAINTS_NOW", repo.now},
                   {"COMPLAINTS_TRACE_CACHE", "1"},
                   {"COMPLAINTS_CACHE_SETTLE", "3600"}};
        CHECK(test::run(how).err == "complaints: cache: 0 unchanged, 3 read, 0 gone, rewritten\n");
        CHECK(test::run(how).err == "complaints: cache: 0 unchanged, 3 read, 0 gone, rewritten\n");
    }

    TEST_CASE(
        "an entry that matches its file but does not decode is read around once, then rebuilt") {
        const Cached repo;
        repo.report("0 unchanged, 3 read, 0 gone, rewritten");
        {
            const auto magic_line = test::read_text(repo.root / ".complaints-cache").find('\n');
            std::fstream cache(repo.root / ".complaints-cache",
                               std::ios::in | std::ios::out | std::ios::binary);
            // The first payload's first length, just after the magic line.
            cache.seekp(static_cast<std::streamoff>(magic_line + 1));
            cache.write("\xff\xff\xff\xff\xff\xff\xff\xff\xff\xff", 10);
        }
        repo.report("2 unchanged, 1 read, 0 gone");
        repo.report("0 unchanged, 3 read, 0 gone, rewritten");
        repo.report("3 unchanged, 0 read, 0 gone");
    }

    TEST_CASE("the cache is as private as the case files, whatever the umask") {
        for (const mode_t mask : {mode_t(0), mode_t(022)}) {
            CAPTURE(mask);
            test::Umask umask(mask);
            test::Repo repo;
            const std::string id = repo.open_case();
            repo.ok({"list"});
            const mode_t cache = test::mode_of(repo.root / ".complaints-cache");
            CHECK((cache & 0007) == 0);
            CHECK(cache == test::mode_of(repo.root / "cases" / (id + ".yaml")));
            // Its temporary file, made by mkstemp, is gone.
            int files = 0;
            for (const auto& entry : std::filesystem::directory_iterator(repo.root))
                files += entry.path().filename().string().starts_with(".complaints-cache");
            CHECK(files == 1);
        }
    }

    TEST_CASE("an entry whose text bytes are damaged but still decode is read around") {
        const Cached repo;
        repo.report("0 unchanged, 3 read, 0 gone, rewritten");
        const auto cache = repo.root / ".complaints-cache";
        const std::string bytes = test::read_text(cache);
        const auto at = bytes.find("Booking failed");
        REQUIRE(at != std::string::npos);
        std::string damaged = bytes;
        damaged[at + 9] = '\xff'; // "Booking f\xffiled": same length, not UTF-8
        test::write_text(cache, damaged);
        const auto listed = repo.list("2 unchanged, 1 read, 0 gone");
        CHECK(listed.size() == 3);
        for (const auto& c : listed)
            CHECK(c.dump().find("Booking failed") != std::string::npos);
        test::write_text(cache, damaged);
        repo.report("2 unchanged, 1 read, 0 gone");
    }

    TEST_CASE("a bit flipped anywhere in the cache never changes what list or report say") {
        const Cached repo;
        const auto truth = repo.report("0 unchanged, 3 read, 0 gone, rewritten");
        const auto listed = repo.list("3 unchanged, 0 read, 0 gone");
        const auto cache = repo.root / ".complaints-cache";
        const std::string bytes = test::read_text(cache);
        // Every 5th byte (every 20th when the rounds are divided by 4), each
        // time the next bit: payloads, the index and its offset. Each damaged
        // entry is read from its file instead.
        const auto step = static_cast<std::size_t>(5 * (100 / test::rounds(100)));
        int bit = 0;
        for (std::size_t at = 0; at < bytes.size(); at += step) {
            CAPTURE(at);
            std::string damaged = bytes;
            damaged[at] = static_cast<char>(damaged[at] ^ (1 << (bit++ % 8)));
            test::write_text(cache, damaged);
            const auto result = repo.traced({"list", "--format", "json"});
            CHECK(result.json("cases") == listed);
            test::write_text(cache, damaged);
            CHECK(repo.traced({"report", "--month", "2026-10", "--format", "json"}).json() ==
                  truth);
        }
    }
}
