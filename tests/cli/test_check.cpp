// SPDX-License-Identifier: Apache-2.0
#include "run.hpp"

#include <doctest/doctest.h>

#include <set>

namespace {

using test::replaced;

} // namespace

TEST_SUITE("cli check") {
    TEST_CASE("a clean repository passes with exit 0") {
        test::Repo repo;
        repo.open_case("2026-11-16 09:00", {"--kind", "feedback"});
        const auto result = repo({"check"});
        CHECK(result.exit_code == 0);
        CHECK(result.out.empty());
        CHECK(result.err == "complaints: 0 problems in 1 case file\n");
    }

    TEST_CASE(
        "overdue deadlines and steps owed are the agenda's: listed, and check still exits 0") {
        test::Repo repo;
        repo.now = "2026-11-30T10:00:00+00:00";
        const std::string id = repo.open_case("2026-11-02 09:00");
        const auto result = repo({"check"});
        CHECK(result.exit_code == 0);
        CHECK(test::has(result.out, "cases/" + id + ".yaml:"));
        CHECK(test::has(result.out,
                        ": agenda: the acknowledgement deadline of 2026-11-05 has passed"));
        CHECK(test::has(result.out, ": agenda: the written record of this phone complaint"));
        const auto json = repo({"check", "--format", "json"});
        CHECK(json.exit_code == 0);
        std::size_t agenda = 0;
        for (const auto& item : json.json("problems")) {
            CHECK(item["agenda"] == true);
            ++agenda;
        }
        CHECK(agenda >= 3); // acknowledgement, response, the record to agree
        CHECK(result.err == "complaints: 0 problems in 1 case file; " + std::to_string(agenda) +
                                " items for the agenda, not problems\n");

        // A fault in a file still fails, and is counted apart from them.
        test::write_text(repo.root / "cases" / "notes.yaml", "x: 1\n");
        const auto broken = repo({"check"});
        CHECK(broken.exit_code == 1);
        CHECK(broken.err == "complaints: 1 problem in 1 file (2 case files checked); " +
                                std::to_string(agenda) + " items for the agenda, not problems\n");
    }

    TEST_CASE("every problem is reported, file by file, without stopping at the first") {
        test::Repo repo("platform", "LAN");
        repo.now = "2026-11-16T10:00:00+00:00";
        const std::string a = repo.open_case("2026-11-16 09:00");
        const std::string b = repo.open_case("2026-11-16 09:00");
        const std::string c = repo.open_case("2026-11-16 09:00");
        const auto file = [&](const std::string& id) {
            return repo.root / "cases" / (id + ".yaml");
        };
        // Edited by hand: patient data, a broken line, a status nothing produces.
        test::write_text(file(a), replaced(test::read_text(file(a)), "summary: \"\"",
                                           "summary: \"NHS 943 476 5919\""));
        test::write_text(file(b), replaced(test::read_text(file(b)), "kind: complaint",
                                           "kind: complaint\nkind: concern"));
        test::write_text(file(c),
                         replaced(test::read_text(file(c)), "status: open", "status: closed"));
        test::write_text(repo.root / "cases" / "notes.yaml", "x: 1\n");
        test::write_text(repo.root / "cases" / ("." + a + ".yaml.Ab12Cd"), "half a fi");
        const auto result = repo({"check"});
        CHECK(result.exit_code == 1);
        CHECK(result.out.find("cases/" + a + ".yaml:8: the summary contains an NHS number") !=
              std::string::npos);
        CHECK(result.out.find("cases/" + b + ".yaml:3: duplicate key 'kind'") != std::string::npos);
        CHECK(result.out.find("cases/" + c + ".yaml:3: the case is closed with no outcome") !=
              std::string::npos);
        CHECK(result.out.find("cases/notes.yaml: the file name is not a case ID") !=
              std::string::npos);
        CHECK(result.out.find("cases/." + a +
                              ".yaml.Ab12Cd: a temporary file left by a write that was "
                              "interrupted") != std::string::npos);
        const auto json = repo({"check", "--format", "json"});
        CHECK(json.exit_code == 1);
        CHECK(json.json()["problems"].size() == 5);
    }

    TEST_CASE("the summary counts the files the problems are in, each once") {
        test::Repo repo("platform", "LAN");
        repo.now = "2026-11-16T10:00:00+00:00";
        const std::string a = repo.open_case("2026-11-16 09:00");
        const std::string b = repo.open_case("2026-11-16 09:00");
        repo.open_case("2026-11-16 09:00");
        repo.open_case("2026-11-16 09:00");
        const auto file = [&](const std::string& id) {
            return repo.root / "cases" / (id + ".yaml");
        };
        // Two problems in a, one in b; the other two case files are clean.
        test::write_text(file(a), replaced(test::read_text(file(a)), "summary: \"\"",
                                           "summary: \"NHS 943 476 5919\""));
        test::write_text(file(a),
                         replaced(test::read_text(file(a)), "status: open", "status: closed"));
        test::write_text(file(b),
                         replaced(test::read_text(file(b)), "status: open", "status: closed"));
        const auto result = repo({"check"});
        CHECK(result.exit_code == 1);
        const auto json = repo({"check", "--format", "json"}).json()["problems"];
        std::set<std::string> files;
        for (const auto& problem : json)
            files.insert(problem["file"].get<std::string>());
        CHECK(json.size() == 3);
        CHECK(files == std::set<std::string>{"cases/" + a + ".yaml", "cases/" + b + ".yaml"});
        CHECK(result.err == "complaints: 3 problems in 2 files (4 case files checked)\n");

        // A stray file among the cases is read, and counted among the files.
        test::write_text(repo.root / "cases" / "notes.yaml", "x: 1\n");
        CHECK(repo({"check"}).err == "complaints: 4 problems in 3 files (5 case files checked)\n");
    }

    TEST_CASE("a broken complaints.yaml means check cannot run: exit 4, not 1") {
        test::Repo repo;
        test::write_text(repo.root / "complaints.yaml", "organisation: X\npreset: clinic\n");
        CHECK(repo({"check"}).exit_code == 4);
    }
}
