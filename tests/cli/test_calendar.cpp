// SPDX-License-Identifier: Apache-2.0
#include "run.hpp"

#include <doctest/doctest.h>

namespace {

test::Result calendar(std::vector<std::string> args, const std::string& input = {},
                      const std::filesystem::path& cwd = "/") {
    args.insert(args.begin(), "calendar");
    return test::run({args, input, cwd, {}});
}

} // namespace

TEST_SUITE("cli calendar") {
    TEST_CASE("add, between, holidays, next and previous print exactly the answer") {
        CHECK(calendar({"add", "2026-11-16", "14"}).out == "2026-12-04\n");
        CHECK(calendar({"add", "2026-11-16", "14", "--region", "scotland"}).out == "2026-12-07\n");
        CHECK(calendar({"add", "2026-12-19", "0"}).out == "2026-12-19\n");
        CHECK(calendar({"between", "2026-11-16", "2026-12-04"}).out == "14\n");
        CHECK(calendar({"between", "2026-12-24", "2026-12-28"}).out == "0\n");
        const auto reversed = calendar({"between", "2026-12-04", "2026-11-16"});
        CHECK(reversed.exit_code == 2);
        CHECK(test::has(reversed.err, "between: TO 2026-11-16 is before FROM 2026-12-04"));
        CHECK(calendar({"next", "2026-12-24"}).out == "2026-12-29\n");
        CHECK(calendar({"previous", "2026-12-29"}).out == "2026-12-24\n");
        CHECK(calendar({"holidays", "2026", "--region", "northern-ireland"}).out ==
              "2026-01-01\tNew Year\u2019s Day\n2026-03-17\tSt Patrick\u2019s "
              "Day\n2026-04-03\tGood Friday\n"
              "2026-04-06\tEaster Monday\n2026-05-04\tEarly May bank holiday\n2026-05-25\tSpring "
              "bank holiday\n"
              "2026-07-13\tBattle of the Boyne (Orangemen\u2019s Day) (substitute day)\n"
              "2026-08-31\tSummer bank holiday\n2026-12-25\tChristmas Day\n"
              "2026-12-28\tBoxing Day (substitute day)\n");
    }

    TEST_CASE("bad arguments are usage errors") {
        const auto date = calendar({"add", "2026-02-30", "3"});
        CHECK(date.exit_code == 2);
        CHECK(date.err ==
              "complaints: '2026-02-30' is not a date on the calendar (write YYYY-MM-DD)\n");
        CHECK(calendar({"add", "2026-01-01", "-3"}).exit_code == 2);
        CHECK(calendar({"holidays", "99999"}).exit_code == 2);
        CHECK(calendar({"add", "2026-01-01", "1", "--region", "wales"}).exit_code == 2);
    }

    TEST_CASE("- answers one line per query in its place, a bad line with 'error' and named") {
        const auto batch =
            calendar({"add", "-"}, "2026-11-16 14\n2026-02-30 3\n2026-12-24   1\nfoo\n\n");
        CHECK(batch.out == "2026-12-04\nerror\n2026-12-29\nerror\nerror\n");
        CHECK(batch.err.find("complaints: <stdin>:2: '2026-02-30' is not a date on the calendar") !=
              std::string::npos);
        CHECK(batch.err.find("complaints: <stdin>:4: expected START N, got 1 word") !=
              std::string::npos);
        CHECK(batch.exit_code == 4);
        const auto between =
            calendar({"between", "-"}, "2026-11-16 2026-12-04\n2026-01-01 2027-01-01\n");
        // 2026 has 261 weekdays and 8 bank holidays in England and Wales.
        CHECK(between.out == "14\n253\n");
        CHECK(between.exit_code == 0);
        const auto backwards =
            calendar({"between", "-"}, "2026-12-04 2026-11-16\n2026-11-16 2026-12-04\n");
        CHECK(backwards.out == "error\n14\n");
        CHECK(backwards.err ==
              "complaints: <stdin>:1: between: TO 2026-11-16 is before FROM 2026-12-04; give "
              "the earlier date first\ncomplaints: some lines of standard input could not be "
              "answered\n");
        CHECK(backwards.exit_code == 4);
    }

    TEST_CASE("inside a repository its region and closure days apply") {
        test::Repo repo;
        test::write_text(
            repo.root / "complaints.yaml",
            "organisation: X\npreset: clinic\nprefix: LUM\nregion: scotland\n"
            "closures:\n  - from: 2026-12-29\n    to: 2026-12-31\n    name: Christmas closure\n");
        CHECK(calendar({"add", "2026-11-16", "14"}, "", repo.root).out == "2026-12-07\n");
        CHECK(calendar({"add", "2026-12-24", "1"}, "", repo.root).out == "2027-01-05\n");
        CHECK(calendar({"add", "2026-12-24", "1", "--region", "england-and-wales"}, "", repo.root)
                  .out == "2027-01-04\n");
        CHECK(calendar({"holidays", "2026"}, "", repo.root)
                  .out.find("2026-12-30\tChristmas closure\n") != std::string::npos);
    }

    TEST_CASE(
        "import shows what differs, writes it with the repository's changes, and is idempotent") {
        test::Repo repo;
        const std::string file = std::string(test::test_data_path()) + "/bank-holidays.json";
        const auto before = repo.snapshot();
        const auto dry = repo({"calendar", "import", file, "--dry-run"});
        CHECK(dry.exit_code == 0);
        CHECK(dry.out ==
              "+ 2027-06-07\tengland-and-wales\tExtra bank holiday\n"
              "- 2027-07-12\tnorthern-ireland\tBattle of the Boyne (Orangemen\u2019s Day)\n");
        CHECK(repo.snapshot() == before);
        const auto done = repo({"calendar", "import", file});
        CHECK(done.exit_code == 0);
        CHECK(done.out.ends_with("Recorded 2 changes in complaints.yaml.\n"));
        CHECK(repo({"calendar", "add", "2027-06-04", "1"}).out == "2027-06-08\n");
        CHECK(repo({"calendar", "holidays", "2027", "--region", "northern-ireland"})
                  .out.find("2027-07-12") == std::string::npos);
        const auto again = repo({"calendar", "import", file});
        CHECK(again.out.find("nothing to change") != std::string::npos);
    }

    TEST_CASE("a broken import file is named with its line, and nothing is written") {
        test::Repo repo;
        const auto before = repo.snapshot();
        test::write_text(repo.dir / "bad.json",
                         "{\"england-and-wales\": {\"division\": \"x\",\n"
                         "\"events\": [{\"title\": \"A\", \"date\": \"2027-02-30\"}]}}");
        const auto bad = repo({"calendar", "import", (repo.dir / "bad.json").string()});
        CHECK(bad.exit_code == 4);
        CHECK(bad.err.find("bad.json:2:") != std::string::npos);
        CHECK(repo.snapshot() == before);
    }
}

TEST_SUITE("cli deadlines") {
    TEST_CASE("show says what is due next and lists the deadlines") {
        test::Repo repo;
        const std::string id = repo.open_case("2026-11-10 09:00");
        CHECK(test::has(repo({"show", id}).out,
                        "Due next:    acknowledgement by 2026-11-13 (overdue by 1 working day)"));
        repo.ok({"respond", "acknowledge", id, "--via", "email", "--at", "2026-11-12 16:00"});
        const auto shown = repo({"show", id});
        CHECK(shown.out.find("Due next:    response by 2026-11-30 (10 working days left)") !=
              std::string::npos);
        const auto json = repo({"show", id, "--format", "json"}).json();
        CHECK(json["next_due"]["rule"] == "response");
        CHECK(json["next_due"]["due_date"] == "2026-11-30");
        CHECK(json["next_due"]["due_at"] == "2026-11-30T23:59:59+00:00");
        CHECK(json["next_due"]["state"] == "running");
        CHECK(json["next_due"]["working_days_left"] == 10);
        const std::string concern = repo.open_case("2026-11-10 09:00", {"--kind", "concern"});
        CHECK(
            repo({"show", concern}).out.find("Due next:    nothing: a concern has no deadlines") !=
            std::string::npos);
    }

    TEST_CASE("list --overdue and --due-within filter on the next deadline") {
        test::Repo repo;
        // Acknowledged at once, so the response is what falls due next.
        const auto acknowledged = [&](const std::string& received) {
            const std::string id = repo.open_case(received);
            repo.ok({"respond", "acknowledge", id, "--via", "email", "--at", received});
            return id;
        };
        const std::string old = acknowledged("2026-10-01 09:00");   // due 2026-10-21: overdue
        const std::string soon = acknowledged("2026-10-28 09:00");  // due 2026-11-17
        const std::string later = acknowledged("2026-11-12 09:00"); // due 2026-12-02
        const std::string unacknowledged = repo.open_case("2026-11-13 09:00"); // due 2026-11-18
        const auto ids = [&](std::vector<std::string> args) {
            args.insert(args.begin(), "list");
            args.insert(args.end(), {"--format", "json"});
            std::vector<std::string> out;
            for (const auto& c : repo(args).json("cases"))
                out.push_back(c["id"]);
            return out;
        };
        CHECK(ids({"--overdue"}) == std::vector<std::string>{old});
        CHECK(ids({"--due-within", "1wd"}) == std::vector<std::string>{old, soon});
        CHECK(ids({"--due-within", "2wd"}) == std::vector<std::string>{old, soon, unacknowledged});
        CHECK(ids({"--due-within", "14 working days"}) ==
              std::vector<std::string>{old, soon, later, unacknowledged});
        CHECK(repo({"list", "--due-within", "5 wrkdays"}).exit_code == 2);
        const auto table = repo({"list"});
        CHECK(table.out.find("2026-10-21 response (overdue)") != std::string::npos);
        CHECK(test::has(table.out, "2026-11-18 acknowledgement"));
    }

    TEST_CASE("list --overdue includes a case whose only overdue item is an action") {
        test::Repo repo;
        // Acknowledged and answered in time; only the action plan is late.
        const std::string id = repo.open_case("2026-10-01 09:00", {"--point", "Kept waiting"});
        repo.ok({"respond", "acknowledge", id, "--via", "email", "--at", "2026-10-01 10:00"});
        repo.ok({"log", id, "--type", "record-agreed", "--text", "Agreed by email", "--at",
                 "2026-10-02 10:00"});
        repo.ok({"respond", "finding", id, "--point", "1", "--finding", "upheld", "--conclusion",
                 "We ran late", "--at", "2026-10-10 10:00"});
        repo.ok({"respond", "send", id, "--via", "email", "--at", "2026-10-12 10:00"});
        repo.ok({"action", id, "add", "--text", "Retrain reception", "--lead", "Sam Manager",
                 "--due", "2026-10-30", "--at", "2026-10-12 11:00"});
        const auto overdue = repo({"list", "--overdue", "--format", "json"}).json()["cases"];
        REQUIRE(overdue.size() == 1);
        CHECK(overdue[0]["id"] == id);
        repo.ok({"action", id, "done", "1", "--text", "Trained"});
        CHECK(repo({"list", "--overdue", "--format", "json"}).json()["cases"].empty());
    }

    TEST_CASE("a policy override in complaints.yaml changes the deadlines at once") {
        test::Repo repo;
        const std::string id = repo.open_case("2026-11-10 09:00");
        test::write_text(
            repo.root / "complaints.yaml",
            "organisation: X\npreset: clinic\nprefix: LUM\npolicy:\n  response: 10 working days\n"
            "  acknowledgement: 3 working days\n");
        const auto json = repo({"show", id, "--format", "json"}).json();
        REQUIRE(json["clocks"].size() == 2);
        CHECK(json["clocks"][0]["rule"] == "acknowledgement");
        CHECK(json["clocks"][0]["state"] == "overdue");
        CHECK(json["clocks"][1]["due_date"] == "2026-11-24");
    }
}
