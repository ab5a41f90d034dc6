// SPDX-License-Identifier: Apache-2.0
#include "rounds.hpp"
#include "run.hpp"

#include "complaints/codec/codec.hpp"
#include "complaints/store/case_id.hpp"

#include <doctest/doctest.h>

#include "parallel.hpp"

#include <set>

TEST_SUITE("cli open") {
    TEST_CASE("open prints the new ID alone, and the file holds what was typed") {
        test::Repo repo;
        const auto opened =
            repo({"open", "--channel", "phone", "--received", "2026-11-13 16:45", "--complainant",
                  "Mrs A: Patel", "--about", "Dr J Smith", "--category", "clinical", "--type",
                  "treatment outcome", "--summary", "Bruising after filler.\nNot warned.\n",
                  "--point", "Bruising was not explained", "--point", "No follow-up call #2"});
        REQUIRE_MESSAGE(opened.exit_code == 0, opened.err);
        const std::string id = opened.out.substr(0, opened.out.size() - 1);
        CHECK(opened.out.back() == '\n');
        CHECK(complaints::is_case_id(id));
        CHECK(id.starts_with("LUM-2026-"));
        const auto c = complaints::read_case(repo.case_file(id), id);
        CHECK(c.complainant == "Mrs A: Patel");
        CHECK(c.summary == "Bruising after filler.\nNot warned.\n");
        CHECK(c.points.size() == 2);
        CHECK(c.points[1].text == "No follow-up call #2");
        CHECK(complaints::format_timestamp(c.received) == "2026-11-13T16:45:00+00:00");
        REQUIRE(c.events.size() == 1);
        CHECK(c.events[0].type == complaints::EventType::opened);
        CHECK(c.events[0].by == "Sam Manager");
        // Back-filled: dated when received, stamped with when it was entered.
        CHECK(complaints::format_timestamp(c.events[0].at) == "2026-11-13T16:45:00+00:00");
        REQUIRE(c.events[0].recorded);
        CHECK(complaints::format_timestamp(*c.events[0].recorded) == repo.now);
    }

    TEST_CASE("open --format json prints the case") {
        test::Repo repo;
        const auto opened = repo({"open", "--kind", "concern", "--channel", "in-person",
                                  "--complainant", "B", "--on-behalf-of", "C", "--format", "json"});
        REQUIRE_MESSAGE(opened.exit_code == 0, opened.err);
        const auto json = opened.json();
        CHECK(json["kind"] == "concern");
        CHECK(json["channel"] == "in-person");
        CHECK(json["consent"] == "pending");
        CHECK(json["received"] == "2026-11-16T10:00:00+00:00");
        CHECK(json["events"].size() == 1);
        CHECK(std::filesystem::exists(repo.root / "cases" /
                                      (json["id"].get<std::string>() + ".yaml")));
    }

    TEST_CASE("the summary can come from standard input, without a terminal nothing waits") {
        test::Repo repo;
        const std::string text = "From stdin: \"quoted\"\r\n\ttabbed \xF0\x9F\x98\x80\n";
        const auto piped = repo({"open", "--channel", "email", "--summary", "-"}, text);
        REQUIRE_MESSAGE(piped.exit_code == 0, piped.err);
        const std::string id = piped.out.substr(0, piped.out.size() - 1);
        CHECK(complaints::read_case(repo.case_file(id), id).summary == text);
        // No summary, no terminal, EDITOR set: no editor is started.
        auto quiet = test::run({{"open", "--channel", "letter"},
                                "",
                                repo.root,
                                {{"EDITOR", "false"}, {"COMPLAINTS_NOW", repo.now}}});
        CHECK(quiet.exit_code == 0);
    }

    TEST_CASE("refusals are usage errors and write nothing") {
        test::Repo repo;
        const auto before = repo.snapshot();
        struct Bad {
            std::vector<std::string> args;
            std::string message;
        };
        const std::vector<Bad> bad{
            {{"open", "--channel", "fax"},
             "complaints: --channel: unknown channel 'fax'; choose one of: web-form, phone, "
             "in-person, email, letter\n"},
            {{"open", "--channel", "phone", "--kind", "complant"},
             "complaints: --kind: unknown kind 'complant' (did you mean 'complaint'?); choose one "
             "of: complaint, concern, feedback\n"},
            {{"open", "--channel", "phone", "--received", "2026-02-30"},
             "complaints: --received: '2026-02-30' is not a date on the calendar; write "
             "YYYY-MM-DD, 'YYYY-MM-DD HH:MM' or YYYY-MM-DDTHH:MM:SS+01:00\n"},
            {{"open", "--channel", "phone", "--received", "2026-12-25"},
             "complaints: cannot open the case: --received: '2026-12-25T00:00:00+00:00' is in the "
             "future\n"},
            {{"open", "--channel", "phone", "--consent", "yes"},
             "complaints: cannot open the case: --consent is about a complaint made on someone's "
             "behalf; give --on-behalf-of\n"},
            {{"open", "--channel", "phone", "--complainant", "bad\xFF"},
             "complaints: --complainant contains bytes that are not UTF-8 at byte 3\n"},
            {{"open"}, ""},
        };
        for (const auto& b : bad) {
            const auto result = repo(b.args);
            CHECK_MESSAGE(result.exit_code == 2, b.args.back());
            if (!b.message.empty())
                CHECK(result.err == b.message);
            CHECK(result.out.empty());
        }
        CHECK(repo.snapshot() == before);
    }

    TEST_CASE("DST: local receipt times take the offset of the day, and the local date counts") {
        test::Repo repo;
        const auto spring = repo(
            {"open", "--channel", "phone", "--received", "2026-03-29 00:30", "--format", "json"});
        REQUIRE_MESSAGE(spring.exit_code == 0, spring.err);
        CHECK(spring.json()["received"] == "2026-03-29T00:30:00+00:00");
        const auto summer = repo({"open", "--channel", "phone", "--received",
                                  "2026-06-30T23:30:00Z", "--format", "json"});
        REQUIRE_MESSAGE(summer.exit_code == 0, summer.err);
        CHECK(summer.json()["received"] == "2026-06-30T23:30:00+00:00");
        CHECK(summer.json()["received_date"] == "2026-07-01");
        const auto gap = repo({"open", "--channel", "phone", "--received", "2026-03-29 01:30"});
        CHECK(gap.exit_code == 2);
        CHECK(gap.err.find("does not exist in Europe/London: the clocks skip it") !=
              std::string::npos);
    }

    TEST_CASE("outside a repository, open says so plainly") {
        test::TempDir dir;
        const auto result = test::run({{"open", "--channel", "phone"}, "", dir.path(), {}});
        CHECK(result.exit_code == 3);
        CHECK(result.err.starts_with("complaints: not inside a complaints repository"));
    }

    TEST_CASE("eight processes opening 25 cases each at once get 200 distinct IDs") {
        test::Repo repo;
        const int each = test::rounds(25);
        CHECK(test::in_parallel(8, [&](int) {
            for (int i = 0; i < each; ++i)
                if (repo({"open", "--channel", "web-form", "--summary", "parallel"}).exit_code != 0)
                    return false;
            return true;
        }));
        std::set<std::string> ids;
        for (const auto& entry : std::filesystem::directory_iterator(repo.root / "cases")) {
            if (entry.path().extension() != ".yaml")
                continue; // cases/.gitkeep
            const std::string id = entry.path().stem().string();
            CHECK(complaints::read_case(test::read_text(entry.path()), id).id == id);
            ids.insert(id);
        }
        CHECK(ids.size() == static_cast<std::size_t>(8 * each));
    }
}
