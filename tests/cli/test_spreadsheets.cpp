// SPDX-License-Identifier: Apache-2.0
// `complaints import` through the real binary, on a realistic register: 200
// rows of 2025 as a practice keeps them in a spreadsheet (dates in three
// styles, names with accents, summaries over several lines), saved as
// UTF-8, UTF-8 with a BOM and `;`, and windows-1252. The figures `report`
// gives of the imported year are checked against a count of the rows made
// here, not against anything the tool computed.
#include "run.hpp"

#include <doctest/doctest.h>

#include <fstream>
#include <functional>
#include <random>
#include <set>

namespace {

using date::year_month_day;

struct RegisterRow {
    std::string reference;
    year_month_day received;
    std::string complainant;
    std::string channel_label; // as the register writes it
    std::string channel;       // the tool's word
    std::string category;
    std::string summary;
    std::optional<year_month_day> acknowledged;
    std::optional<year_month_day> responded;
    bool on_time = false; // responded within 12 calendar days: within 14 working days
    std::string outcome_label;
    std::string outcome;
    std::optional<year_month_day> closed;
    std::string lessons;
    int date_style = 0; // 0 ISO, 1 DD/MM/YYYY, 2 D/M/YYYY with a time on receipt
};

year_month_day plus(year_month_day day, int days) {
    return year_month_day{date::sys_days{day} + date::days{days}};
}

const std::vector<std::pair<std::string, std::string>> k_channels = {{"Phone call", "phone"},
                                                                     {"Website form", "web-form"},
                                                                     {"Email", "email"},
                                                                     {"Letter", "letter"},
                                                                     {"Face to face", "in-person"}};
const std::vector<std::pair<std::string, std::string>> k_outcomes = {
    {"Upheld", "upheld"}, {"Partially upheld", "partly-upheld"}, {"Not upheld", "not-upheld"}};
const std::vector<std::string> k_names = {"Siân Evans",    "Zoë Clarke",  "José Martín",
                                          "Mr Ben Okafor", "Mrs Ann Lee", "Renée Dubois"};

// The register, made from a fixed seed: the same 200 rows every run.
std::vector<RegisterRow> make_register() {
    std::mt19937 random(20250101);
    const auto pick = [&](int n) { return static_cast<int>(random() % static_cast<unsigned>(n)); };
    std::vector<RegisterRow> rows;
    for (int i = 0; i < 200; ++i) {
        RegisterRow row;
        row.reference = "C-" + std::to_string(1000 + i);
        row.received = plus(year_month_day{date::year(2025), date::January, date::day(6)},
                            pick(290)); // 6 January to 22 October
        row.complainant = k_names[static_cast<std::size_t>(pick(6))];
        const auto& channel = k_channels[static_cast<std::size_t>(pick(5))];
        row.channel_label = channel.first;
        row.channel = channel.second;
        row.category = pick(2) ? "Clinical" : "Non-clinical";
        row.summary = pick(4) == 0 ? "Charged £25 for a letter.\nWants it refunded."
                                   : "Waited too long for an appointment";
        row.date_style = pick(3);
        if (pick(10) != 0)
            row.acknowledged = plus(row.received, 1 + pick(2));
        const int fate = pick(10);
        if (fate == 0) {
            // still open: no response, no closing
        } else if (fate == 1) {
            row.outcome_label = "Withdrawn";
            row.outcome = "withdrawn";
            row.closed = plus(row.received, 5);
        } else {
            // Late only for receipts before September, so the response and
            // the closing are in 2025 too.
            const bool late =
                fate == 2 &&
                row.received < year_month_day{date::year(2025), date::September, date::day(1)};
            row.responded = plus(row.received, late ? 40 + pick(15) : 3 + pick(10));
            row.on_time = !late;
            const auto& outcome = k_outcomes[static_cast<std::size_t>(pick(3))];
            row.outcome_label = outcome.first;
            row.outcome = outcome.second;
            row.closed = plus(*row.responded, pick(4));
            if (row.outcome != "not-upheld")
                row.lessons = "Reception to offer a call back";
        }
        rows.push_back(row);
    }
    return rows;
}

std::string two(unsigned n) {
    return (n < 10 ? "0" : "") + std::to_string(n);
}

std::string date_cell(year_month_day day, int style, bool with_time = false) {
    const unsigned d = static_cast<unsigned>(day.day()), m = static_cast<unsigned>(day.month());
    const std::string y = std::to_string(static_cast<int>(day.year()));
    if (style == 0)
        return y + "-" + two(m) + "-" + two(d);
    if (style == 1)
        return two(d) + "/" + two(m) + "/" + y;
    return std::to_string(d) + "/" + std::to_string(m) + "/" + y + (with_time ? " 14:05" : "");
}

std::string cell(const std::string& text, char delimiter) {
    if (text.find_first_of(std::string("\"\n") + delimiter) == std::string::npos)
        return text;
    std::string out = "\"";
    for (const char ch : text)
        out += ch == '"' ? std::string("\"\"") : std::string(1, ch);
    return out + "\"";
}

std::vector<std::string> cells_of(const RegisterRow& row) {
    const auto optional_date = [&](const std::optional<year_month_day>& day) {
        return day ? date_cell(*day, row.date_style) : std::string();
    };
    return {row.reference,
            date_cell(row.received, row.date_style, true),
            row.complainant,
            row.channel_label,
            row.category,
            row.summary,
            optional_date(row.acknowledged),
            optional_date(row.responded),
            row.outcome_label,
            optional_date(row.closed),
            row.lessons};
}

// The register as a spreadsheet saves it: CRLF line ends, quoted cells
// where a cell needs them.
std::string csv_of(const std::vector<std::vector<std::string>>& rows, char delimiter) {
    std::string out =
        "Ref,Date received,Complainant,How received,Category,Summary,Date acknowledged,"
        "Date responded,Outcome,Date closed,Lessons learnt\r\n";
    if (delimiter != ',')
        std::replace(out.begin(), out.end(), ',', delimiter);
    for (const auto& row : rows) {
        for (std::size_t i = 0; i < row.size(); ++i)
            out += (i ? std::string(1, delimiter) : "") + cell(row[i], delimiter);
        out += "\r\n";
    }
    return out;
}

std::vector<std::vector<std::string>> all_cells(const std::vector<RegisterRow>& rows) {
    std::vector<std::vector<std::string>> cells;
    for (const auto& row : rows)
        cells.push_back(cells_of(row));
    return cells;
}

// UTF-8 to windows-1252, for the letters these rows use: Latin-1's, and
// the two of 0x80-0x9F a register pastes most (a curly apostrophe, €).
std::string windows_1252(const std::string& text) {
    std::string out;
    for (std::size_t i = 0; i < text.size(); ++i) {
        const auto byte = static_cast<unsigned char>(text[i]);
        if (byte < 0x80) {
            out += text[i];
        } else if (text.compare(i, 3, "\u2019") == 0) {
            out += '\x92';
            i += 2;
        } else if (text.compare(i, 3, "\u20AC") == 0) {
            out += '\x80';
            i += 2;
        } else {
            const unsigned code =
                ((byte & 0x1F) << 6) | (static_cast<unsigned char>(text[++i]) & 0x3F);
            REQUIRE(code < 0x100);
            out += static_cast<char>(code);
        }
    }
    return out;
}

struct Imports : test::Repo {
    std::vector<RegisterRow> rows = make_register();

    Imports() { now = "2026-11-16T10:00:00+00:00"; }

    std::filesystem::path write(const std::string& name, const std::string& bytes) const {
        const auto path = dir / name;
        std::ofstream(path, std::ios::binary) << bytes;
        return path;
    }
    std::filesystem::path good(const std::string& name = "register.csv") const {
        return write(name, csv_of(all_cells(rows), ','));
    }
};

// What a command that must succeed printed.
std::string output_of(const test::Repo& repo, std::vector<std::string> args) {
    const auto result = repo(std::move(args));
    REQUIRE_MESSAGE(result.exit_code == 0, result.err);
    return result.out;
}

int count_if(const std::vector<RegisterRow>& rows,
             const std::function<bool(const RegisterRow&)>& f) {
    return static_cast<int>(std::count_if(rows.begin(), rows.end(), f));
}

bool in_2025(const std::optional<year_month_day>& day) {
    return day && day->year() == date::year(2025);
}

} // namespace

TEST_SUITE("import") {
    TEST_CASE("the dry run lists exactly the bad cells of a register and writes nothing") {
        Imports repo;
        auto cells = all_cells(repo.rows);
        cells[40][1] = "31/02/2025";           // row 42: no such day
        cells[40][3] = "Carrier pigeon";       // row 42: no such channel
        cells[90][0] = repo.rows[7].reference; // row 92: row 9's reference again
        cells[120][8] = "Upheld";              // row 122: an outcome, the date closed gone
        cells[120][9] = "";
        const auto file = repo.write("bad.csv", csv_of(cells, ','));
        const auto before = repo.snapshot();
        const auto dry = repo({"import", "--csv", file.string(), "--dry-run"});
        CHECK(dry.exit_code == 4);
        const std::string f = file.string();
        CHECK(dry.out == f +
                             ": row 42, column 'Date received', value '31/02/2025': not a date on "
                             "the calendar (received as YYYY-MM-DD or DD/MM/YYYY)\n" +
                             f +
                             ": row 42, column 'How received', value 'Carrier pigeon': not a "
                             "channel the tool knows (one of: web-form, phone, in-person, "
                             "email, letter): give its word in a map's values\n" +
                             f + ": row 92, column 'Ref', value '" + repo.rows[7].reference +
                             "': row 9 has this reference already\n" + f +
                             ": row 122, column 'Date closed', value '': an outcome is given, "
                             "but not the date the case was closed\n");
        CHECK(test::has(dry.err, "4 bad cells in 3 rows; nothing imported"));
        // A real run refuses the same file whole.
        const auto real = repo({"import", "--csv", file.string()});
        CHECK(real.exit_code == 4);
        CHECK(test::has(real.err, "row 42, column 'Date received'"));
        CHECK(repo.snapshot() == before);
    }

    TEST_CASE("--skip-bad imports the good rows and lists the bad") {
        Imports repo;
        auto cells = all_cells(repo.rows);
        cells[3][1] = "2025-13-01";
        const auto file = repo.write("bad.csv", csv_of(cells, ','));
        const auto run = repo({"import", "--csv", file.string(), "--skip-bad"});
        REQUIRE_MESSAGE(run.exit_code == 0, run.err);
        CHECK(test::has(run.err, "row 5, column 'Date received', value '2025-13-01'"));
        CHECK(test::has(run.out, "created 199 cases; 0 rows imported already; 1 bad row skipped"));
    }

    TEST_CASE("importing a register twice creates nothing the second time, and a changed row "
              "is reported, not rewritten") {
        Imports repo;
        const auto file = repo.good();
        const auto first = repo({"import", "--csv", file.string()});
        REQUIRE_MESSAGE(first.exit_code == 0, first.err);
        CHECK(test::has(first.out, "created 200 cases; 0 rows imported already"));
        const auto after_first = repo.snapshot();
        CHECK(repo({"list", "--format", "json"}).json("cases").size() == 200);
        const auto again = repo({"import", "--csv", file.string()});
        REQUIRE_MESSAGE(again.exit_code == 0, again.err);
        CHECK(test::has(again.out, "created 0 cases; 200 rows imported already"));
        CHECK(repo.snapshot() == after_first);

        auto cells = all_cells(repo.rows);
        cells[10][4] = cells[10][4] == "Clinical" ? "Non-clinical" : "Clinical";
        const auto changed = repo.write("register.csv", csv_of(cells, ','));
        const auto third = repo({"import", "--csv", changed.string()});
        REQUIRE_MESSAGE(third.exit_code == 0, third.err);
        CHECK(test::has(third.out, "row 12 (" + repo.rows[10].reference +
                                       ") was imported before and now differs, left as it is: "
                                       "category: "));
        CHECK(repo.snapshot() == after_first);
    }

    TEST_CASE("each imported case is dated as the register says and cites its row") {
        Imports repo;
        repo.ok({"import", "--csv", repo.good().string()});
        const auto listed = repo({"list", "--format", "json"}).json("cases");
        REQUIRE(listed.size() == 200);
        const RegisterRow& row = repo.rows[0];
        std::string id;
        for (const auto& c : listed)
            if (c["complainant"] == row.complainant &&
                c["received_date"].get<std::string>().starts_with(date_cell(row.received, 0)))
                id = c["id"];
        REQUIRE(!id.empty());
        const auto shown = repo({"show", id});
        CHECK(test::has(shown.out, "Imported:    " + row.reference + " (register.csv row 2)"));
        const auto check = repo({"check"});
        CHECK_MESSAGE(!test::has(check.out, "action plan"), check.out);
        CHECK_MESSAGE(!test::has(check.out, "record"), check.out);
    }

    TEST_CASE("a register in windows-1252, or UTF-8 with a BOM and semicolons, reads the same") {
        Imports latin, bom;
        const auto cells = all_cells(latin.rows);
        latin.ok({"import", "--csv",
                  latin.write("register.csv", windows_1252(csv_of(cells, ','))).string()});
        bom.ok({"import", "--csv",
                bom.write("register.csv", "\xEF\xBB\xBF" + csv_of(cells, ';')).string()});
        const auto names = [](const test::Repo& repo) {
            std::multiset<std::string> seen;
            for (const auto& c : repo({"list", "--format", "json"}).json("cases"))
                seen.insert(c["complainant"].get<std::string>() + "|" +
                            c["received_date"].get<std::string>());
            return seen;
        };
        const auto from_latin = names(latin);
        CHECK(from_latin.size() == 200);
        CHECK(from_latin == names(bom));
        CHECK(std::any_of(from_latin.begin(), from_latin.end(),
                          [](const std::string& s) { return s.starts_with("Siân Evans|"); }));
    }

    TEST_CASE("report over the imported year gives the register's own counts") {
        Imports repo;
        repo.ok({"import", "--csv", repo.good().string()});
        const auto report = repo({"report", "--year", "2025", "--format", "json"}).json();
        const auto& rows = repo.rows;
        CHECK(report["received"]["total"] == 200);
        for (const auto& [label, word] : k_channels)
            CHECK_MESSAGE(
                report["received"]["by_channel"][word] ==
                    count_if(rows, [&](const RegisterRow& r) { return r.channel == word; }),
                word);
        for (const std::string outcome : {"upheld", "partly-upheld", "not-upheld", "withdrawn"})
            CHECK_MESSAGE(report["outcomes"][outcome] == count_if(rows,
                                                                  [&](const RegisterRow& r) {
                                                                      return r.outcome == outcome &&
                                                                             in_2025(r.closed);
                                                                  }),
                          outcome);
        CHECK(report["responses"]["on_time"] ==
              count_if(rows, [](const RegisterRow& r) { return r.responded && r.on_time; }));
        CHECK(report["responses"]["late"] ==
              count_if(rows, [](const RegisterRow& r) { return r.responded && !r.on_time; }));
        CHECK(report["responses"]["on_time_entered_late"] == 0);
        CHECK(report["received"]["by_category"]["clinical"] ==
              count_if(rows, [](const RegisterRow& r) { return r.category == "Clinical"; }));
    }

    TEST_CASE("the register a practice hands over: windows-1252, a bad row, a duplicate "
              "reference, the dry run names exactly the bad cells, the mended file imports once, "
              "and each month's report gives the register's counts") {
        Imports repo;
        // What Excel on Windows saves: curly apostrophes and a € from pasted text.
        for (std::size_t i = 0; i < repo.rows.size(); i += 7)
            repo.rows[i].summary = "The practice\u2019s fee of \u20AC30 for a letter";
        auto cells = all_cells(repo.rows);
        cells[17][1] = "29/02/2025";            // row 19: 2025 is no leap year
        cells[17][7] = "2025-04-31";            // row 19: nor has April a 31st
        cells[63][0] = repo.rows[62].reference; // row 65: row 64's reference again
        const auto bad = repo.write("register.csv", windows_1252(csv_of(cells, ',')));
        const auto before = repo.snapshot();
        const auto dry = repo({"import", "--csv", bad.string(), "--dry-run"});
        CHECK(dry.exit_code == 4);
        const std::string f = bad.string();
        CHECK(dry.out == f +
                             ": row 19, column 'Date received', value '29/02/2025': not a date on "
                             "the calendar (received as YYYY-MM-DD or DD/MM/YYYY)\n" +
                             f +
                             ": row 19, column 'Date responded', value '2025-04-31': not a date "
                             "on the calendar (responded as YYYY-MM-DD or DD/MM/YYYY)\n" +
                             f + ": row 65, column 'Ref', value '" + repo.rows[62].reference +
                             "': row 64 has this reference already\n");
        CHECK(test::has(dry.err, "3 bad cells in 2 rows; nothing imported"));
        CHECK(repo.snapshot() == before);

        // Mended, the register imports whole, and a second run changes nothing.
        const auto good =
            repo.write("register.csv", windows_1252(csv_of(all_cells(repo.rows), ',')));
        CHECK(test::has(output_of(repo, {"import", "--csv", good.string(), "--dry-run"}),
                        "would create 200 cases; 0 rows imported already"));
        CHECK(repo.snapshot() == before);
        CHECK(test::has(output_of(repo, {"import", "--csv", good.string()}), "created 200 cases"));
        const auto imported = repo.snapshot();
        CHECK(test::has(output_of(repo, {"import", "--csv", good.string()}),
                        "created 0 cases; 200 rows imported already"));
        CHECK(repo.snapshot() == imported);
        const auto listed = repo({"list", "--format", "json"}).json("cases");
        CHECK(std::count_if(listed.begin(), listed.end(), [](const nlohmann::json& c) {
                  return c["summary"] == "The practice\u2019s fee of \u20AC30 for a letter";
              }) == count_if(repo.rows, [](const RegisterRow& r) {
                  return r.summary.starts_with("The practice\u2019s");
              }));

        // Each month the register covers, counted by hand from its rows.
        for (unsigned m = 1; m <= 10; ++m) {
            const date::year_month month{date::year(2025), date::month(m)};
            const std::string label = "2025-" + two(m);
            CAPTURE(label);
            const auto in_month = [&](const std::optional<year_month_day>& day) {
                return day && date::year_month{day->year(), day->month()} == month;
            };
            const auto report = repo({"report", "--month", label, "--format", "json"}).json();
            CHECK(report["received"]["total"] ==
                  count_if(repo.rows, [&](const RegisterRow& r) { return in_month(r.received); }));
            for (const auto& [name, word] : k_channels)
                CHECK_MESSAGE(report["received"]["by_channel"].value(word, 0) ==
                                  count_if(repo.rows,
                                           [&](const RegisterRow& r) {
                                               return r.channel == word && in_month(r.received);
                                           }),
                              word);
            for (const std::string outcome : {"upheld", "partly-upheld", "not-upheld", "withdrawn"})
                CHECK_MESSAGE(report["outcomes"].value(outcome, 0) ==
                                  count_if(repo.rows,
                                           [&](const RegisterRow& r) {
                                               return r.outcome == outcome && in_month(r.closed);
                                           }),
                              outcome);
        }
    }

    TEST_CASE("an encoding that cannot be guessed is refused at its byte, and --encoding says it") {
        Imports repo;
        // A UTF-8 register (Siân, Zoë) into which one windows-1252
        // apostrophe was pasted, in the first row's summary (line 2).
        auto cells = all_cells(repo.rows);
        cells[0][5] = "Patient\x92s wife rang";
        const auto mixed = repo.write("mixed.csv", csv_of(cells, ','));
        const auto before = repo.snapshot();
        const auto guessed = repo({"import", "--csv", mixed.string(), "--dry-run"});
        CHECK(guessed.exit_code == 4);
        CHECK(test::has(guessed.err, mixed.string() + ":2:"));
        CHECK(test::has(guessed.err, "byte 0x92 is not UTF-8, yet line "));
        CHECK(test::has(guessed.err, "--encoding"));
        const auto told = repo({"import", "--csv", mixed.string(), "--encoding", "utf-8"});
        CHECK(told.exit_code == 4);
        CHECK(test::has(told.err, mixed.string() + ":2:"));
        CHECK(test::has(told.err, "byte 0x92 is not UTF-8"));
        CHECK(repo.snapshot() == before);
        CHECK(
            test::has(repo.refused({"import", "--csv", mixed.string(), "--encoding", "latin-9"}, 2),
                      "utf-8, windows-1252"));
        // A register in windows-1252 told so reads as the guess reads it.
        const auto latin = repo.write("latin.csv", windows_1252(csv_of(all_cells(repo.rows), ',')));
        const auto json = repo({"import", "--csv", latin.string(), "--encoding", "windows-1252",
                                "--dry-run", "--format", "json"});
        REQUIRE_MESSAGE(json.exit_code == 0, json.err);
        CHECK(json.json()["encoding"] == "windows-1252");
        CHECK(json.json()["created"].size() == 200);
        repo.ok({"import", "--csv", latin.string(), "--encoding", "windows-1252"});
        const auto listed = repo({"list", "--format", "json"}).json("cases");
        CHECK(std::any_of(listed.begin(), listed.end(), [](const nlohmann::json& c) {
            return c["complainant"] == "Siân Evans";
        }));
    }

    TEST_CASE("import --format json: the dry run, the run and the run again, each one document "
              "that meets its schema") {
        Imports repo;
        auto cells = all_cells(repo.rows);
        cells[40][1] = "31/02/2025";
        cells[90][0] = repo.rows[7].reference;
        const auto bad = repo.write("bad.csv", csv_of(cells, ','));
        const auto refused =
            repo({"import", "--csv", bad.string(), "--dry-run", "--format", "json"});
        CHECK(refused.exit_code == 4);
        CHECK(test::has(refused.err, "2 bad cells in 2 rows"));
        const auto problems = refused.json()["problems"];
        REQUIRE(problems.size() == 2);
        CHECK(problems[0]["row"] == 42);
        CHECK(problems[0]["column"] == "Date received");
        CHECK(problems[0]["value"] == "31/02/2025");
        CHECK(problems[1]["row"] == 92);
        CHECK(problems[1]["column"] == "Ref");
        CHECK(refused.json()["created"].empty());

        const auto good = repo.good();
        const auto dry = repo({"import", "--csv", good.string(), "--dry-run", "--format", "json"});
        REQUIRE_MESSAGE(dry.exit_code == 0, dry.err);
        CHECK(dry.json()["dry_run"] == true);
        CHECK(dry.json()["created"].size() == 200);
        CHECK(dry.json()["created"][0] ==
              nlohmann::json{{"row", 2}, {"reference", repo.rows[0].reference}, {"case", nullptr}});
        const auto run = repo({"import", "--csv", good.string(), "--format", "json"});
        REQUIRE_MESSAGE(run.exit_code == 0, run.err);
        const auto document = run.json();
        std::set<std::string> made;
        for (const auto& c : document["created"])
            made.insert(c["case"].get<std::string>());
        std::set<std::string> listed;
        for (const auto& c : repo({"list", "--format", "json"}).json("cases"))
            listed.insert(c["id"].get<std::string>());
        CHECK(made == listed);
        CHECK(made.size() == 200);

        cells = all_cells(repo.rows);
        cells[10][4] = cells[10][4] == "Clinical" ? "Non-clinical" : "Clinical";
        const auto changed = repo.write("register.csv", csv_of(cells, ','));
        const auto again = repo({"import", "--csv", changed.string(), "--format", "json"});
        REQUIRE_MESSAGE(again.exit_code == 0, again.err);
        CHECK(again.json()["created"].empty());
        const auto skipped = again.json()["skipped"];
        REQUIRE(skipped.size() == 200);
        CHECK(skipped[10]["row"] == 12);
        CHECK(listed.count(skipped[10]["case"].get<std::string>()) == 1);
        REQUIRE(skipped[10]["differences"].size() == 1);
        CHECK(skipped[10]["differences"][0].get<std::string>().starts_with("category: "));
        CHECK(skipped[0]["differences"].empty());

        const auto skip_bad =
            repo({"import", "--csv", bad.string(), "--skip-bad", "--format", "json"});
        REQUIRE_MESSAGE(skip_bad.exit_code == 0, skip_bad.err);
        CHECK(skip_bad.json()["problems"].size() == 2);
        CHECK(repo.refused({"import", "--csv", good.string(), "--write-map", "m.yaml", "--format",
                            "json"},
                           2)
                  .find("--write-map") != std::string::npos);

        const std::vector<std::pair<std::string, const test::Result*>> documents = {
            {"refused", &refused},
            {"dry", &dry},
            {"run", &run},
            {"again", &again},
            {"skip-bad", &skip_bad}};
        std::string command = "/usr/bin/python3 '" + std::string(test::source_path()) +
                              "/tests/json/validate.py' '" + test::docs_path() +
                              "/schemas/import.schema.json'";
        for (const auto& [name, result] : documents) {
            const auto file = repo.dir / (name + ".json");
            test::write_text(file, result->out);
            command += " '" + file.string() + "'";
        }
        const auto said = repo.dir / "validator.said";
        const int status = std::system((command + " >'" + said.string() + "' 2>&1").c_str());
        CHECK_MESSAGE(status == 0, test::read_text(said));
    }

    TEST_CASE("a map names the columns a register's own headers do not, and translates its words") {
        Imports repo;
        const std::string csv = "Our no.;Logged;From;Via;What happened;Result;Shut\r\n"
                                "A1;03/04/2025;Mr Ben Okafor;Carrier pigeon;Lost my results;"
                                "Sorted;10/04/2025\r\n";
        const auto file = repo.write("odd.csv", csv);
        const auto map = repo.dir / "map.yaml";
        repo.ok({"import", "--csv", file.string(), "--write-map", map.string()});
        const std::string written = test::read_text(map);
        CHECK(test::has(written, "\"Our no.\": ignore  # not recognised"));
        test::write_text(map, "columns:\n  \"Our no.\": reference\n  Logged: received\n"
                              "  From: complainant\n  Via: channel\n  What happened: summary\n"
                              "  Result: outcome\n  Shut: closed\n"
                              "values:\n  channel:\n    Carrier pigeon: letter\n"
                              "  outcome:\n    sorted: resolved\n");
        const auto run = repo({"import", "--csv", file.string(), "--map", map.string()});
        REQUIRE_MESSAGE(run.exit_code == 0, run.err);
        const auto listed = repo({"list", "--format", "json"}).json("cases");
        REQUIRE(listed.size() == 1);
        CHECK(listed[0]["channel"] == "letter");
        CHECK(listed[0]["received_date"].get<std::string>().starts_with("2025-04-03"));
        // Month first, the same cell is the 4th of March.
        Imports us;
        us.ok({"import", "--csv", file.string(), "--map", map.string(), "--date-format",
               "month-first"});
        CHECK(us({"list", "--format", "json"})
                  .json("cases")[0]["received_date"]
                  .get<std::string>()
                  .starts_with("2025-03-04"));
    }
}

namespace {

// The workbook as an independent reader (openpyxl) sees it.
nlohmann::json read_workbook(const std::filesystem::path& file) {
    const auto said = file.string() + ".json";
    const std::string command = "/usr/bin/python3 '" + std::string(test::source_path()) +
                                "/tests/xlsx/read.py' '" + file.string() + "' >'" + said + "'";
    REQUIRE(std::system(command.c_str()) == 0);
    return nlohmann::json::parse(test::read_text(said));
}

std::size_t column_of(const nlohmann::json& header, const std::string& name) {
    for (std::size_t i = 0; i < header.size(); ++i)
        if (header[i]["value"] == name)
            return i;
    FAIL("no column " << name);
    return 0;
}

const nlohmann::json* sheet_named(const nlohmann::json& book, const std::string& name) {
    for (const auto& sheet : book["sheets"])
        if (sheet["name"] == name)
            return &sheet;
    return nullptr;
}

} // namespace

TEST_SUITE("workbooks") {
    TEST_CASE("list --format xlsx: every case once, dates as dates, counts as numbers") {
        Imports repo;
        repo.ok({"import", "--csv", repo.good().string()});
        const auto file = repo.dir / "cases.xlsx";
        const auto run = repo({"list", "--format", "xlsx", "--out", file.string()});
        REQUIRE_MESSAGE(run.exit_code == 0, run.err);
        CHECK(run.out.empty());
        const auto book = read_workbook(file);
        REQUIRE(book["sheets"].size() == 1);
        const auto& sheet = book["sheets"][0];
        CHECK(sheet["frozen"] == "A2");
        CHECK(sheet["filter"].get<std::string>().starts_with("A1:"));
        const auto& rows = sheet["rows"];
        REQUIRE(rows.size() == 201);
        const auto& header = rows[0];
        const auto id = column_of(header, "id"), received = column_of(header, "received"),
                   responded = column_of(header, "responded"), events = column_of(header, "events"),
                   reference = column_of(header, "reference");
        std::map<std::string, std::string> received_by_id;
        for (const auto& c : repo({"list", "--format", "json"}).json("cases"))
            received_by_id[c["id"]] = c["received_date"];
        std::set<std::string> seen, references;
        for (std::size_t r = 1; r < rows.size(); ++r) {
            const auto& row = rows[r];
            CHECK(seen.insert(row[id]["value"].get<std::string>()).second);
            references.insert(row[reference]["value"].get<std::string>());
            CHECK(row[received]["type"] == "date");
            CHECK(row[received]["value"] == received_by_id[row[id]["value"]]);
            CHECK((row[responded]["type"] == "date" || row[responded]["type"] == "empty"));
            CHECK(row[events]["type"] == "number");
        }
        CHECK(seen.size() == received_by_id.size());
        CHECK(references.size() == 200);
    }

    TEST_CASE("report --format xlsx: a sheet per section, the period on each, rates as "
              "percentages, the trend charted") {
        Imports repo;
        repo.ok({"import", "--csv", repo.good().string()});
        const auto file = repo.dir / "report.xlsx";
        const auto run =
            repo({"report", "--year", "2025", "--format", "xlsx", "--out", file.string()});
        REQUIRE_MESSAGE(run.exit_code == 0, run.err);
        const auto book = read_workbook(file);
        REQUIRE(book["sheets"].size() > 4);
        bool percentage = false, total = false;
        for (const auto& sheet : book["sheets"]) {
            CAPTURE(sheet["name"]);
            const auto& rows = sheet["rows"];
            REQUIRE(rows.size() > 2);
            CHECK(rows[1][0]["value"] == "Period 2025");
            CHECK(rows[1][1]["value"] == "2025-01-01");
            CHECK(rows[1][1]["type"] == "date");
            for (const auto& row : rows)
                for (const auto& cell : row) {
                    percentage |= cell["type"] == "number" && cell["format"] == "0%";
                    total |= cell["type"] == "number" && cell["value"] == 200;
                }
        }
        CHECK(percentage);
        CHECK(total);
        const auto* trend = sheet_named(book, "Trend");
        REQUIRE(trend);
        CHECK((*trend)["charts"] == 1);
        // The heading, two blank rows, the columns' names, then twelve months.
        REQUIRE((*trend)["rows"].size() == 17);
        CHECK((*trend)["rows"][4][0]["value"] == "month");
        CHECK((*trend)["rows"][5][0]["value"] == "2025-01");
        CHECK((*trend)["rows"][16][0]["value"] == "2025-12");
    }

    TEST_CASE("report --format xlsx: one sheet per section of the report, each named once") {
        Imports repo;
        repo.ok({"import", "--csv", repo.good().string()});
        const auto file = repo.dir / "report.xlsx";
        repo.ok({"report", "--year", "2025", "--format", "xlsx", "--out", file.string()});
        const auto book = read_workbook(file);
        // The sections as the Markdown report heads them.
        const auto markdown = repo({"report", "--year", "2025", "--format", "markdown"}).out;
        std::size_t sections = 0;
        for (auto at = markdown.find("\n## "); at != std::string::npos;
             at = markdown.find("\n## ", at + 1))
            ++sections;
        CHECK(book["sheets"].size() == sections);
        std::set<std::string> names, titles;
        int twelve_months = 0;
        for (const auto& sheet : book["sheets"]) {
            CAPTURE(sheet["name"]);
            CHECK(names.insert(sheet["name"].get<std::string>()).second);
            const auto& rows = sheet["rows"];
            REQUIRE(rows.size() > 2);
            CHECK(titles.insert(rows[0][0]["value"].get<std::string>()).second);
            CHECK(rows[1][0]["value"] == "Period 2025");
            CHECK(rows[1][1]["value"] == "2025-01-01");
            CHECK(rows[1][2]["value"] == "2025-12-31");
            CHECK(rows[1][2]["type"] == "date");
            for (const auto& row : rows)
                twelve_months +=
                    !row.empty() && row[0].value("value", nlohmann::json()) == "2025-12";
        }
        // The trend's last month, on one sheet only.
        CHECK(twelve_months == 1);
    }

    TEST_CASE("a workbook needs --out, and a failed write leaves no file") {
        Imports repo;
        repo.open_case();
        CHECK(test::has(repo.refused({"list", "--format", "xlsx"}, 2), "--out"));
        CHECK(test::has(repo.refused({"report", "--out", "x.xlsx"}, 2), "--format xlsx"));
        const auto missing = repo.dir / "no-such-folder" / "cases.xlsx";
        CHECK(repo({"list", "--format", "xlsx", "--out", missing.string()}).exit_code == 6);
        CHECK_FALSE(std::filesystem::exists(missing));
    }

    TEST_CASE("list --format csv has one fact per column, the workbook's") {
        Imports repo;
        repo.ok({"import", "--csv", repo.good().string()});
        const auto csv = repo({"list", "--format", "csv"}).out;
        CHECK(csv.starts_with("id,reference,received,kind,status,channel,complainant,category,"
                              "type,about,practitioners,acknowledged,responded,response_due,"
                              "response_state,next_due,next_clock,next_state,outcome,closed,"
                              "escalations,"
                              "escalated_to,points,events,summary\r\n"));
        const RegisterRow& row = repo.rows[0];
        CHECK(
            test::has(csv, "," + row.reference + "," + date_cell(row.received, 0) + ",complaint,"));
    }

    TEST_CASE("report --format csv says whose and which period, and rounds its rates") {
        Imports repo;
        repo.ok({"import", "--csv", repo.good().string()});
        const auto csv = repo({"report", "--year", "2025", "--format", "csv"}).out;
        CHECK(csv.starts_with("metric,value\r\norganisation,"));
        CHECK(test::has(csv, "\r\nperiod.label,2025\r\nperiod.from_date,2025-01-01\r\n"
                             "period.to_date,2025-12-31\r\n"));
        const auto at = csv.find("\r\nresponses.on_time_rate,");
        REQUIRE(at != std::string::npos);
        const auto value = csv.substr(at + 25, csv.find("\r\n", at + 2) - at - 25);
        CAPTURE(value);
        CHECK(value.find('.') == value.size() - 2);
    }
}
