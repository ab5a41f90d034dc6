// SPDX-License-Identifier: Apache-2.0
// A spreadsheet register through the library: its bytes to a table, its
// headers to facts, its dates and words to the tool's, each row to a case.
#include "complaints/base/error.hpp"
#include "complaints/codec/register_import.hpp"
#include "error_from.hpp"

#include <doctest/doctest.h>

using namespace complaints;
using date::year_month_day;

namespace {

year_month_day ymd(int y, unsigned m, unsigned d) {
    return year_month_day{date::year(y), date::month(m), date::day(d)};
}

const std::string k_header = "Ref,Date received,Complainant,How received,Outcome,Date closed\r\n";

struct Planner {
    Policy policy = preset_policy("clinic");
    const date::time_zone& zone = find_zone("Europe/London");
    ImportPlan plan(const std::string& csv, DateOrder order = DateOrder::day_first) const {
        const RegisterTable table = read_register(csv, "r.csv");
        const ImportSettings settings{
            policy,   zone,    date::sys_days{ymd(2026, 11, 16)} + std::chrono::hours(10),
            "Tester", "r.csv", order};
        return plan_import(table, recognised_map(table.header), settings);
    }
};

} // namespace

TEST_SUITE("register") {
    TEST_CASE("dates: ISO, day first, month first when told, and never a day not on the calendar") {
        CHECK(read_register_date("2025-04-03", DateOrder::day_first)->day == ymd(2025, 4, 3));
        CHECK(read_register_date("03/04/2025", DateOrder::day_first)->day == ymd(2025, 4, 3));
        CHECK(read_register_date("03/04/2025", DateOrder::month_first)->day == ymd(2025, 3, 4));
        CHECK(read_register_date("3.4.2025", DateOrder::day_first)->day == ymd(2025, 4, 3));
        CHECK(read_register_date("3-4-2025", DateOrder::day_first)->day == ymd(2025, 4, 3));
        const auto timed = read_register_date(" 03/04/2025 14:05 ", DateOrder::day_first);
        REQUIRE(timed);
        CHECK(timed->time == std::chrono::hours(14) + std::chrono::minutes(5));
        for (const char* bad : {"31/02/2025", "13/13/2025", "25/12/2025 25:00", "03/04/25",
                                "2025-02-29", "yesterday", "", "03/04-2025"}) {
            CAPTURE(bad);
            CHECK_FALSE(read_register_date(bad, DateOrder::day_first));
        }
        CHECK_FALSE(read_register_date("12/25/2025", DateOrder::day_first));
        CHECK(read_register_date("12/25/2025", DateOrder::month_first)->day == ymd(2025, 12, 25));
    }

    TEST_CASE("the table: a BOM dropped, windows-1252 read, the semicolon found, quoted cells over "
              "lines") {
        const auto bom = read_register("\xEF\xBB\xBFRef;Summary\r\n1;\"a;b\r\nc\"\r\n", "r.csv");
        CHECK(encoding_label(bom) == "UTF-8 with BOM");
        CHECK(bom.delimiter == ';');
        CHECK(bom.header == std::vector<std::string>{"Ref", "Summary"});
        REQUIRE(bom.rows.size() == 1);
        CHECK(bom.rows[0].number == 2);
        CHECK(bom.rows[0].cells[1] == "a;b\r\nc");
        const auto latin = read_register("Ref,Name\n1,Si\xE2n \x93Jo\x94\n,\n3,x\n", "r.csv");
        CHECK(encoding_label(latin) == "windows-1252");
        CHECK(latin.rows[0].cells[1] == "Siân “Jo”");
        // The blank row 3 (as a spreadsheet writes one: its separators) is
        // skipped, and the rows after it keep their numbers.
        CHECK(latin.rows[1].number == 4);
        CHECK_THROWS_AS(read_register("\xFF\xFER\0e\0f\0", "r.csv"), Error);
        CHECK_THROWS_AS(read_register("Ref,Name\n1,\"open\n", "r.csv"), Error);
        CHECK_THROWS_AS(read_register("Ref\n1,2,3\n", "r.csv"), Error);
    }

    TEST_CASE("an encoding that cannot be guessed is refused at its bytes, and read as given") {
        using testing::error_from;
        // UTF-8 letters on line 2, and a windows-1252 quote (0x92) pasted
        // into line 3: either reading would spoil one of them.
        const std::string mixed = "Ref,Name\n1,Si\xC3\xA2n\n2,Patient\x92s wife\n";
        const auto guessed = error_from([&] { read_register(mixed, "r.csv"); });
        CHECK(guessed.kind() == ErrorKind::bad_data);
        CHECK(guessed.where().line == 3);
        CHECK(guessed.where().column == 10);
        CHECK(std::string(guessed.what())
                  .find("byte 0x92 is not UTF-8, yet line 2 column 5 is "
                        "UTF-8") != std::string::npos);
        // Told UTF-8: the stray byte is the mistake, where it is.
        const auto as_utf8 =
            error_from([&] { read_register(mixed, "r.csv", RegisterEncoding::utf_8); });
        CHECK(as_utf8.where().line == 3);
        CHECK(std::string(as_utf8.what()) == "byte 0x92 is not UTF-8");
        // Told windows-1252: every byte is that code page's, as given.
        const auto latin = read_register(mixed, "r.csv", RegisterEncoding::windows_1252);
        CHECK(latin.rows[0].cells[1] == "Si\u00C3\u00A2n");
        CHECK(latin.rows[1].cells[1] == "Patient\u2019s wife");
        CHECK(encoding_label(latin) == "windows-1252");
        // Valid UTF-8 told as windows-1252 is read as told; a BOM says otherwise.
        CHECK(read_register("Ref\n\xC3\xA9\n", "r.csv", RegisterEncoding::windows_1252)
                  .rows[0]
                  .cells[0] == "\u00C3\u00A9");
        CHECK(error_from([&] {
                  read_register("\xEF\xBB\xBFRef\n1\n", "r.csv", RegisterEncoding::windows_1252);
              }).kind() == ErrorKind::bad_data);
        // A BOM and then a byte that is not UTF-8: refused, not guessed.
        CHECK(error_from([&] { read_register("\xEF\xBB\xBFRef\n\xE9\n", "r.csv"); }).where().line ==
              2);
        // Told UTF-8, a clean file with its BOM reads as it always did.
        CHECK(encoding_label(read_register("\xEF\xBB\xBFRef\n1\n", "r.csv",
                                           RegisterEncoding::utf_8)) == "UTF-8 with BOM");
    }

    TEST_CASE("headers and words a register commonly uses are read without a map") {
        const auto map = recognised_map(
            {"Ref", "Date Received:", "How received", "Notes", "Reference", "Lessons learnt"});
        CHECK(map.columns ==
              std::vector<RegisterField>{RegisterField::reference, RegisterField::received,
                                         RegisterField::channel, RegisterField::ignore,
                                         RegisterField::ignore, // taken already
                                         RegisterField::learning});
        Planner planner;
        const auto plan = planner.plan(k_header + "A1,03/04/2025,Ann,Phone call,Partially "
                                                  "upheld,10/04/2025\r\n");
        REQUIRE(plan.bad.empty());
        REQUIRE(plan.cases.size() == 1);
        const Case& c = plan.cases[0].c;
        CHECK(c.channel == Channel::phone);
        CHECK(c.outcome == Outcome::partly_upheld);
        CHECK(c.status == Status::closed);
        CHECK(c.imported == Imported{"A1", "r.csv", 2});
        CHECK(local_date(c.received.utc, planner.zone) == ymd(2025, 4, 3));
        for (const auto& event : c.events) {
            CHECK(event.recorded.has_value());
            CHECK(event.text.ends_with("(imported from r.csv row 2)"));
            CHECK(from_register(c, event));
        }
    }

    TEST_CASE("a map renames columns and translates words, and refuses what it cannot mean") {
        const std::vector<std::string> header{"No", "Logged", "Via"};
        const auto map =
            read_register_map("columns:\n  No: reference\n  Logged: received\n  Via: channel\n"
                              "values:\n  channel:\n    Pigeon: letter\n",
                              "m.yaml", header);
        CHECK(map.columns == std::vector<RegisterField>{RegisterField::reference,
                                                        RegisterField::received,
                                                        RegisterField::channel});
        CHECK(map.values.at(RegisterField::channel).at("pigeon") == "letter");
        const auto refused = [&](const std::string& yaml) {
            try {
                read_register_map(yaml, "m.yaml", header);
            } catch (const Error& e) {
                CHECK(e.kind() == ErrorKind::bad_data);
                return std::string(e.what());
            }
            FAIL("not refused: " << yaml);
            return std::string();
        };
        CHECK(refused("columns:\n  Nope: reference\n").find("no column 'Nope'") !=
              std::string::npos);
        CHECK(refused("columns:\n  No: referense\n").find("did you mean 'reference'") !=
              std::string::npos);
        CHECK(refused("columns:\n  No: received\n  Logged: received\n")
                  .find("two columns are mapped to received") != std::string::npos);
        CHECK(refused("values:\n  channel:\n    Pigeon: bird\n").find("not a channel") !=
              std::string::npos);
    }

    TEST_CASE("every bad cell of every row is listed, and a bad row makes no case") {
        Planner planner;
        const auto plan = planner.plan(
            k_header + "A1,31/02/2025,Ann,Pigeon,Upheld,2025-04-31\r\n" +
            "A2,2025-04-03,Bo,Email,Upheld,\r\n" + "A3,2025-04-03,Cy,Email,,2025-04-09\r\n" +
            "a1,2025-04-03,Di,Email,,\r\n" + "A5,2025-04-03,Ed,Email,Upheld,2025-04-01\r\n" +
            "A6,2027-01-01,Fi,Email,,\r\n" + ",2025-04-03,Gu,Email,,\r\n" +
            "A9,2025-04-03,Hal,Email,,\r\n");
        std::vector<std::pair<int, std::string>> cells;
        for (const auto& bad : plan.bad)
            cells.emplace_back(bad.row, bad.column);
        // Row 2's receipt is no date, and its date closed is read all the same.
        CHECK(cells == std::vector<std::pair<int, std::string>>{{2, "Date received"},
                                                                {2, "How received"},
                                                                {2, "Date closed"},
                                                                {3, "Date closed"},
                                                                {4, "Outcome"},
                                                                {5, "Ref"},
                                                                {6, "Date closed"},
                                                                {7, "Date received"},
                                                                {8, "Ref"}});
        REQUIRE(plan.cases.size() == 1);
        // a1 is A1's reference, though row 2 made no case: mended, the two would clash.
        CHECK(plan.cases[0].row == 9);
    }

    TEST_CASE("a row that says the same again differs in nothing, a changed one says what") {
        Planner planner;
        const auto before =
            planner.plan(k_header + "A1,03/04/2025,Ann,Email,Upheld,10/04/2025\r\n");
        const auto same = planner.plan(k_header + "A1,2025-04-03,Ann,E-mail,upheld,2025-04-10\r\n");
        const auto changed =
            planner.plan(k_header + "A1,2025-04-03,Ann,Email,Not upheld,2025-04-11\r\n");
        Case kept = before.cases.at(0).c;
        kept.id = "LUM-2025-AAAAAA";
        CHECK(import_differences(kept, same.cases.at(0).c, planner.zone).empty());
        CHECK(import_differences(kept, changed.cases.at(0).c, planner.zone) ==
              std::vector<std::string>{
                  "closed: '2025-04-10' in LUM-2025-AAAAAA, '2025-04-11' in the register",
                  "outcome: 'upheld' in LUM-2025-AAAAAA, 'not-upheld' in the register"});
    }
}
