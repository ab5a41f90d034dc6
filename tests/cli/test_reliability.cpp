// SPDX-License-Identifier: Apache-2.0
// Never lose a record: writers killed at random moments, and many writers at once.
#include "rounds.hpp"
#include "run.hpp"

#include "parallel.hpp"

#include "complaints/codec/codec.hpp"

#include <doctest/doctest.h>

#include <chrono>
#include <csignal>
#include <random>
#include <set>
#include <sys/wait.h>
#include <thread>
#include <unistd.h>

namespace {

std::map<std::string, complaints::Case> every_case(const test::Repo& repo) {
    std::map<std::string, complaints::Case> cases;
    for (const auto& entry : std::filesystem::directory_iterator(repo.root / "cases")) {
        const std::string name = entry.path().filename().string();
        if (name.starts_with("."))
            continue; // a killed writer's temporary file: never a case
        const std::string id = entry.path().stem().string();
        cases.emplace(id, complaints::read_case(test::read_text(entry.path()), name));
    }
    return cases;
}

} // namespace

TEST_SUITE("reliability") {
    TEST_CASE("300 writers killed with SIGKILL at random moments: every file parses, no confirmed "
              "event is lost") {
        test::Repo repo;
        const std::string id = repo.open_case();
        // Kill within twice the time a write takes on this build (a sanitizer
        // build is many times slower), so about half finish and half die.
        const auto started = std::chrono::steady_clock::now();
        for (int i = 0; i < 3; ++i)
            repo.ok({"log", id, "--text", "timing " + std::to_string(i)});
        const auto one_write = std::chrono::duration_cast<std::chrono::microseconds>(
                                   std::chrono::steady_clock::now() - started) /
                               3;
        std::mt19937 random(300);
        std::uniform_int_distribution<long> delay_us(0, 2 * one_write.count());
        std::vector<std::string> confirmed;
        int killed = 0;
        for (int i = 0; i < test::rounds(300); ++i) {
            const std::string text = "event " + std::to_string(i);
            const std::vector<std::string> args =
                i % 5 == 0
                    ? std::vector<std::string>{"open", "--channel", "email", "--summary", text}
                    : std::vector<std::string>{"log", id, "--text", text};
            const int pid = test::spawn({args, "", repo.root, {{"COMPLAINTS_USER", "Crash Test"}}});
            std::this_thread::sleep_for(std::chrono::microseconds(delay_us(random)));
            ::kill(pid, SIGKILL);
            int status = 0;
            ::waitpid(pid, &status, 0);
            if (WIFEXITED(status) && WEXITSTATUS(status) == 0)
                confirmed.push_back(text);
            else
                ++killed;
        }
        MESSAGE(confirmed.size() << " writers finished, " << killed << " were killed mid-way");
        CHECK(killed > 0);
        CHECK(!confirmed.empty());
        std::set<std::string> present;
        for (const auto& [file_id, c] : every_case(repo)) {
            CHECK(c.id == file_id);
            present.insert(c.summary);
            for (const auto& event : c.events)
                present.insert(event.text);
        }
        for (const auto& text : confirmed)
            CHECK_MESSAGE(present.count(text) == 1, text);
        CHECK(repo({"check"}).exit_code != 4);
    }

    TEST_CASE(
        "4 processes logging 100 events each while 2 others open cases: nothing lost, IDs unique") {
        test::Repo repo;
        const std::string id = repo.open_case();
        const int logs = test::rounds(100);
        const int opens = test::rounds(25);
        CHECK(test::in_parallel(6, [&](int p) {
            for (int i = 0; i < (p < 4 ? logs : opens); ++i) {
                const std::string text =
                    "writer " + std::to_string(p) + " item " + std::to_string(i);
                const auto result = p < 4 ? repo({"log", id, "--text", text})
                                          : repo({"open", "--channel", "email", "--summary", text});
                if (result.exit_code != 0)
                    return false;
            }
            return true;
        }));
        const auto cases = every_case(repo);
        CHECK(cases.size() == static_cast<std::size_t>(2 * opens + 1));
        const auto& logged = cases.at(id);
        std::set<std::string> texts;
        for (const auto& event : logged.events)
            texts.insert(event.text);
        CHECK(logged.events.size() == static_cast<std::size_t>(4 * logs + 1));
        CHECK(texts.size() == static_cast<std::size_t>(4 * logs + 1));
    }

    TEST_CASE("4 processes logging 50 events each while another keeps deleting the lock file: "
              "nothing lost") {
        test::Repo repo;
        const std::string id = repo.open_case();
        const std::string lock = (repo.root / ".complaints.lock").string();
        // Forked before any thread exists; it does nothing but unlink.
        const pid_t remover = ::fork();
        if (remover == 0)
            for (;;) {
                ::unlink(lock.c_str());
                ::usleep(100);
            }
        const int each = test::rounds(50);
        const bool all_logged = test::in_parallel(4, [&](int p) {
            for (int i = 0; i < each; ++i) {
                const std::string text =
                    "writer " + std::to_string(p) + " item " + std::to_string(i);
                if (repo({"log", id, "--text", text}).exit_code != 0)
                    return false;
            }
            return true;
        });
        ::kill(remover, SIGKILL);
        ::waitpid(remover, nullptr, 0);
        CHECK(all_logged);
        const auto cases = every_case(repo);
        const auto& logged = cases.at(id);
        std::set<std::string> texts;
        for (const auto& event : logged.events)
            texts.insert(event.text);
        CHECK(logged.events.size() == static_cast<std::size_t>(4 * each + 1));
        CHECK(texts.size() == static_cast<std::size_t>(4 * each + 1));
    }
}
