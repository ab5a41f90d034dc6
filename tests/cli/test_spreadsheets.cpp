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

// UTF-8 to windows-1252, for the letters these rows use.
std::string windows_1252(const std::string& text) {
    std::string out;
    for (std::size_t i = 0; i < text.size(); ++i) {
        const auto byte = static_cast<unsigned char>(text[i]);
        if (byte < 0x80) {
            out += text[i];
            continue;
        }
        const unsigned code = ((byte & 0x1F) << 6) | (static_cast<unsigned char>(text[++i]) & 0x3F);
        REQUIRE(code < 0x100);
        out += static_cast<char>(code);
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
        // The heading, a blank row, the columns' names, then twelve months.
        CHECK((*trend)["rows"].size() == 16);
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
