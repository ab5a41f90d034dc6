// SPDX-License-Identifier: Apache-2.0
#include "run.hpp"

#include <doctest/doctest.h>

namespace {

struct ListRepo : test::Repo {
    ListRepo() {
        add({"--kind", "complaint", "--channel", "phone", "--received", "2026-10-31 23:30",
             "--about", "Dr J Smith", "--category", "clinical", "--summary",
             "Late, rude, \"sorry\"\nsecond line"});
        add({"--kind", "concern", "--channel", "email", "--received", "2026-11-01 08:00", "--about",
             "Reception", "--category", "non-clinical"});
        add({"--kind", "feedback", "--channel", "web-form", "--received", "2026-11-15 12:00",
             "--about", "dr j smith"});
    }
    void add(std::vector<std::string> args) {
        args.insert(args.begin(), "open");
        const auto opened = (*this)(args);
        REQUIRE_MESSAGE(opened.exit_code == 0, opened.err);
    }
    std::vector<std::string> kinds(std::vector<std::string> filters) const {
        filters.insert(filters.begin(), "list");
        filters.push_back("--format");
        filters.push_back("json");
        const auto listed = (*this)(filters);
        REQUIRE_MESSAGE(listed.exit_code == 0, listed.err);
        std::vector<std::string> out;
        for (const auto& c : listed.json("cases"))
            out.push_back(c["kind"]);
        return out;
    }
};

using Kinds = std::vector<std::string>;

// The table as a terminal `columns` wide gets it ($COLUMNS, as git reads it).
std::string table_at(const test::Repo& repo, std::size_t columns) {
    const auto listed =
        test::run({{"list"},
                   "",
                   repo.root,
                   {{"COMPLAINTS_NOW", repo.now}, {"COLUMNS", std::to_string(columns)}}});
    REQUIRE_MESSAGE(listed.exit_code == 0, listed.err);
    return listed.out;
}

// The longest line in characters (the table's text is one column each).
std::size_t widest_line(const std::string& text) {
    std::size_t widest = 0, here = 0;
    for (const char c : text) {
        if (c == '\n')
            here = 0;
        else if ((static_cast<unsigned char>(c) & 0xC0) != 0x80)
            widest = std::max(widest, ++here);
    }
    return widest;
}

} // namespace

TEST_SUITE("cli list") {
    TEST_CASE(
        "the table fits the terminal: columns least needed go first, the summary is cut last") {
        ListRepo repo;
        const std::string summary = "The receptionist was rude to my mother at the desk";
        repo.add({"--channel", "letter", "--received", "2026-11-16 09:00", "--summary", summary});
        const std::string wide = table_at(repo, 160);
        CHECK(widest_line(wide) <= 160);
        CHECK(test::has(wide, summary + "\n")); // not cut at 40 when there is room
        CHECK(test::has(wide, "received"));     // the least needed columns go first
        CHECK_FALSE(test::has(wide, "events"));
        const std::string narrow = table_at(repo, 60);
        CHECK(widest_line(narrow) <= 60);
        CHECK(test::has(narrow, "  The"));
        CHECK(test::has(narrow, "…\n"));
        CHECK_FALSE(test::has(narrow, "channel")); // dropped before the summary is cut to nothing
        CHECK(test::has(narrow, "next_due"));
        // Into a pipe with no width the summary is cut at 40, as before.
        CHECK(test::has(repo({"list"}).out, summary.substr(0, 39) + "…\n"));
    }

    TEST_CASE("filters by kind, status, category, subject and received dates") {
        ListRepo repo;
        CHECK(repo.kinds({}) == Kinds{"complaint", "concern", "feedback"});
        CHECK(repo.kinds({"--kind", "concern"}) == Kinds{"concern"});
        CHECK(repo.kinds({"--status", "open"}).size() == 3);
        CHECK(repo.kinds({"--status", "closed"}).empty());
        CHECK(repo.kinds({"--category", "clinical"}) == Kinds{"complaint"});
        CHECK(repo.kinds({"--about", "SMITH"}) == Kinds{"complaint", "feedback"});
        CHECK(repo.kinds({"--from", "2026-11-01"}) == Kinds{"concern", "feedback"});
        CHECK(repo.kinds({"--to", "2026-10-31"}) == Kinds{"complaint"});
    }

    TEST_CASE("list JSON has the case fields and counts") {
        ListRepo repo;
        const auto json = repo({"list", "--format", "json"}).json()["cases"];
        REQUIRE(json.size() == 3);
        CHECK(json[0]["received_date"] == "2026-10-31");
        CHECK(json[0]["event_count"] == 1);
        CHECK(json[0]["point_count"] == 0);
        CHECK_FALSE(json[0].contains("events"));
    }

    TEST_CASE("CSV is RFC 4180: CRLF rows, quotes doubled, newlines kept inside quotes") {
        ListRepo repo;
        const auto csv = repo({"list", "--format", "csv", "--kind", "complaint"});
        REQUIRE(csv.exit_code == 0);
        CHECK(csv.out.starts_with(
            "id,reference,received,kind,status,channel,complainant,category,type,about,"
            "practitioners,acknowledged,responded,response_due,response_state,next_due,"
            "next_clock,next_state,outcome,closed,escalations,escalated_to,points,events,"
            "summary\r\n"));
        // One fact per column: the next deadline's date, its clock and its state apart.
        CHECK(csv.out.ends_with(",,2026-10-31,complaint,open,phone,,clinical,,Dr J Smith,,,,"
                                "2026-11-19,running,2026-11-04,acknowledgement,overdue,,,0,,0,1,"
                                "\"Late, rude, \"\"sorry\"\"\nsecond line\"\r\n"));
    }

    TEST_CASE("the table shows the first line of the summary") {
        ListRepo repo;
        const auto table = repo({"list"});
        CHECK(table.out.find("Late, rude, \"sorry\"\n") != std::string::npos);
        CHECK(table.out.find("second line") == std::string::npos);
    }

    TEST_CASE("bad filter values are usage errors") {
        ListRepo repo;
        CHECK(repo({"list", "--status", "opn"}).err ==
              "complaints: --status: unknown status 'opn' (did you mean 'open'?); choose one of: "
              "open, closed\n");
        CHECK(repo({"list", "--from", "2026-13-01"}).exit_code == 2);
        CHECK(repo({"list", "--format", "xml"}).exit_code == 2);
    }
}

TEST_SUITE("cli list: against show") {
    // list reads the cache's slim cases; whatever it prints must be what the
    // full case says, for every example case, with and without the cache.
    TEST_CASE("every example case's list JSON is its show JSON without schema_version, points, "
              "events, void events and clocks") {
        for (const char* name : {"clinic", "platform"}) {
            const auto root = (std::filesystem::path(test::examples_path()) / name).string();
            const std::map<std::string, std::string> env{
                {"COMPLAINTS_NOW", "2026-11-22T12:00:00+00:00"}};
            for (const char* cache : {"--no-cache", ""}) {
                std::vector<std::string> args{"--repo", root, "list", "--format", "json"};
                if (*cache)
                    args.push_back(cache);
                const auto listed = test::run({args, "", {}, env});
                REQUIRE_MESSAGE(listed.exit_code == 0, listed.err);
                for (auto element : listed.json("cases")) {
                    CAPTURE(element["id"]);
                    auto shown =
                        test::run({{"--repo", root, "show", element["id"], "--format", "json"},
                                   "",
                                   {},
                                   env})
                            .json();
                    CHECK(element["point_count"] == shown["points"].size());
                    CHECK(element["event_count"] == shown["events"].size());
                    CHECK(element["last_event_at"] == shown["events"].back()["at"]);
                    for (const char* key : {"point_count", "event_count", "last_event_at"})
                        element.erase(key);
                    // The list's document says its version once, not each case.
                    for (const char* key :
                         {"schema_version", "points", "events", "void_events", "clocks"})
                        shown.erase(key);
                    CHECK(element == shown);
                }
            }
        }
    }
}

TEST_SUITE("cli list: matches held until printed") {
    // list keeps its matches in an unlinked file in $TMPDIR until it prints
    // them; where none can be made it holds them in memory, and says the same.
    TEST_CASE("with no usable temporary directory, list prints what it prints with one") {
        const auto nowhere =
            (std::filesystem::temp_directory_path() / "complaints-no-such-dir").string();
        REQUIRE_FALSE(std::filesystem::exists(nowhere));
        for (const char* name : {"clinic", "platform"}) {
            const auto root = (std::filesystem::path(test::examples_path()) / name).string();
            for (const char* format : {"json", "csv", "table"}) {
                CAPTURE(name);
                CAPTURE(format);
                const std::vector<std::string> args{"--repo", root, "list", "--format", format};
                const std::map<std::string, std::string> now{
                    {"COMPLAINTS_NOW", "2026-11-22T12:00:00+00:00"}};
                auto in_memory = now;
                in_memory["TMPDIR"] = nowhere;
                const auto spilled = test::run({args, "", {}, now});
                const auto held = test::run({args, "", {}, in_memory});
                REQUIRE_MESSAGE(spilled.exit_code == 0, spilled.err);
                REQUIRE_MESSAGE(held.exit_code == 0, held.err);
                CHECK(held.out.size() > 100);
                CHECK(held.out == spilled.out);
            }
        }
    }
}
