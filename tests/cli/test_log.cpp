// SPDX-License-Identifier: Apache-2.0
#include "rounds.hpp"
#include "run.hpp"

#include "complaints/codec/codec.hpp"

#include <doctest/doctest.h>

#include "parallel.hpp"

#include <set>

namespace {

complaints::Case load(const test::Repo& repo, const std::string& id) {
    return complaints::read_case(repo.case_file(id), id);
}

} // namespace

TEST_SUITE("cli log") {
    TEST_CASE("log appends an event with its type, author and text") {
        test::Repo repo;
        const std::string id = repo.open_case();
        const auto logged = repo({"log", id, "--type", "call", "--text",
                                  "Called Mrs Patel: she wants a refund.", "--by", "Jo Nurse"});
        REQUIRE_MESSAGE(logged.exit_code == 0, logged.err);
        CHECK(logged.out == id + ": call logged at Mon 16 Nov 2026 10:00\n");
        const auto c = load(repo, id);
        REQUIRE(c.events.size() == 2);
        CHECK(c.events[1].type == complaints::EventType::call);
        CHECK(c.events[1].by == "Jo Nurse");
        CHECK(c.events[1].text == "Called Mrs Patel: she wants a refund.");
        CHECK_FALSE(c.events[1].recorded);
    }

    TEST_CASE("a back-dated event takes its place in time and keeps when it was entered") {
        test::Repo repo;
        const std::string id = repo.open_case();
        REQUIRE(repo({"log", id, "--type", "email", "--text", "second", "--at", "2026-11-12 10:00"})
                    .exit_code == 0);
        REQUIRE(repo({"log", id, "--type", "letter", "--text", "first", "--at", "2026-11-11 10:00"})
                    .exit_code == 0);
        const auto c = load(repo, id);
        REQUIRE(c.events.size() == 3);
        CHECK(c.events[1].text == "first");
        CHECK(c.events[2].text == "second");
        REQUIRE(c.events[1].recorded);
        CHECK(complaints::format_timestamp(*c.events[1].recorded) == repo.now);
    }

    TEST_CASE("any unambiguous abbreviation of the ID is accepted") {
        test::Repo repo;
        const std::string id = repo.open_case();
        const std::string tail = id.substr(9);
        for (const std::string& abbreviation : std::vector<std::string>{
                 tail.substr(0, 3), "2026-" + tail.substr(0, 2), id, "lum-2026-" + tail})
            CHECK_MESSAGE(repo({"log", abbreviation, "--text", "x"}).exit_code == 0, abbreviation);
        CHECK(load(repo, id).events.size() == 5);
    }

    TEST_CASE("an ambiguous or unknown ID is not found, and nothing is written") {
        test::Repo repo;
        repo.open_case();
        repo.open_case();
        const auto before = repo.snapshot();
        const auto ambiguous = repo({"log", "LUM-2026", "--text", "x"});
        CHECK(ambiguous.exit_code == 3);
        CHECK(ambiguous.err.find("'LUM-2026' is ambiguous: it matches 2 cases") !=
              std::string::npos);
        const auto unknown = repo({"log", "ZZZZ", "--text", "x"});
        CHECK(unknown.exit_code == 3);
        CHECK(unknown.err == "complaints: no case matches 'ZZZZ'\n");
        CHECK(repo.snapshot() == before);
    }

    TEST_CASE("text from standard input, byte for byte") {
        test::Repo repo;
        const std::string id = repo.open_case();
        const std::string text = "---\n...\n# heading\r\n  indented: yes\n\n";
        REQUIRE(repo({"log", id, "--type", "statement", "--text", "-"}, text).exit_code == 0);
        CHECK(load(repo, id).events.back().text == text);
    }

    TEST_CASE("refusals: no text, unknown type, before receipt, in the future") {
        test::Repo repo;
        const std::string id = repo.open_case();
        const auto before = repo.snapshot();
        const auto no_text = repo({"log", id});
        CHECK(no_text.exit_code == 2);
        CHECK(no_text.err.find("give the event's text with --text TEXT") != std::string::npos);
        const auto type = repo({"log", id, "--type", "phonecall", "--text", "x"});
        CHECK(type.exit_code == 2);
        const auto early = repo({"log", id, "--text", "x", "--at", "2026-11-01"});
        CHECK(early.exit_code == 2);
        CHECK(early.err.find("is before the case was received") != std::string::npos);
        const auto future = repo({"log", id, "--text", "x", "--at", "2027-01-01"});
        CHECK(future.exit_code == 2);
        CHECK(repo.snapshot() == before);
    }

    TEST_CASE("four processes logging 100 events each to one case lose none") {
        test::Repo repo;
        const std::string id = repo.open_case();
        const int each = test::rounds(100);
        CHECK(test::in_parallel(4, [&](int p) {
            for (int i = 0; i < each; ++i) {
                const auto text = "writer " + std::to_string(p) + " event " + std::to_string(i);
                if (repo({"log", id, "--text", text}).exit_code != 0)
                    return false;
            }
            return true;
        }));
        const auto c = load(repo, id);
        const auto expected = static_cast<std::size_t>(4 * each + 1);
        CHECK(c.events.size() == expected);
        std::set<std::string> texts;
        for (const auto& event : c.events)
            texts.insert(event.text);
        CHECK(texts.size() == expected);
    }
}
