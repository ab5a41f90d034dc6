// SPDX-License-Identifier: Apache-2.0
// `complaints agenda` (alias `today`) through the real binary: what a
// manager's morning looks like in both presets, at a fixed "now", with the
// repository's bank holidays; and its calendar feed read back by an
// independent iCalendar reader (python3-icalendar).
#include "run.hpp"

#include <doctest/doctest.h>

#include <algorithm>
#include <cstdlib>
#include <fstream>
#include <map>
#include <set>
#include <sstream>

namespace {

// A clinic the Tuesday before Christmas 2026: Friday 25 and Monday 28
// December (Boxing Day's substitute) are bank holidays, so the next 5
// working days run to Thursday 31 December, not Tuesday 29.
struct Christmas : test::Repo {
    Christmas() { now = "2026-12-22T10:00:00+00:00"; }
    // An email complaint (no verbal record to agree) received on `day`, and
    // acknowledged within the hour, so its response is what falls due.
    std::string open(const std::string& day, std::vector<std::string> more = {}) const {
        const std::string id = unacknowledged(day, std::move(more));
        if (id.starts_with("LUM"))
            ok({"respond", "acknowledge", id, "--via", "email", "--at", day + " 09:30"});
        return id;
    }
    std::string unacknowledged(const std::string& day, std::vector<std::string> more = {}) const {
        std::vector<std::string> args{"open", "--channel", "email", "--received", day + " 09:00"};
        args.insert(args.end(), more.begin(), more.end());
        const auto opened = (*this)(args);
        REQUIRE_MESSAGE(opened.exit_code == 0, opened.err);
        return opened.out.substr(0, opened.out.size() - 1);
    }
    nlohmann::json agenda(std::vector<std::string> more = {}) const {
        std::vector<std::string> args{"agenda", "--format", "json"};
        args.insert(args.end(), more.begin(), more.end());
        const auto listed = (*this)(args);
        REQUIRE_MESSAGE(listed.exit_code == 0, listed.err);
        return listed.json()["items"];
    }
};

// The item of the case with that rule, or null.
nlohmann::json item(const nlohmann::json& agenda, const std::string& id, const std::string& rule) {
    for (const auto& one : agenda)
        if (one["case"] == id && one["rule"] == rule)
            return one;
    return nullptr;
}

// The VEVENTs of an iCalendar file as python3-icalendar reads them: UID,
// then DTSTART, tab-separated, a line each.
std::string ics_events(const std::filesystem::path& file) {
    const auto out = file.parent_path() / "events.txt";
    const std::string script =
        "import sys, icalendar\n"
        "cal = icalendar.Calendar.from_ical(open(sys.argv[1], 'rb').read())\n"
        "for e in cal.walk('VEVENT'):\n"
        "    print(str(e['UID']) + '\\t' + e.decoded('DTSTART').isoformat() + '\\t' + "
        "str(e['SUMMARY']))\n";
    test::write_text(file.parent_path() / "read_ics.py", script);
    const std::string command = "/usr/bin/python3 '" +
                                (file.parent_path() / "read_ics.py").string() + "' '" +
                                file.string() + "' >'" + out.string() + "' 2>&1";
    const int status = std::system(command.c_str());
    const std::string said = test::read_text(out);
    REQUIRE_MESSAGE(status == 0, said);
    return said;
}

// An iCalendar text unfolded, as RFC 5545 readers do, so that a long
// line can be looked into.
std::string unfolded(std::string ics) {
    for (auto at = ics.find("\r\n "); at != std::string::npos; at = ics.find("\r\n ", at))
        ics.erase(at, 3);
    return ics;
}

// UID -> "DTSTART\tSUMMARY", failing on a UID seen twice.
std::map<std::string, std::string> by_uid(const std::string& events) {
    std::map<std::string, std::string> out;
    std::istringstream lines(events);
    std::string line;
    while (std::getline(lines, line)) {
        const auto tab = line.find('\t');
        REQUIRE(tab != std::string::npos);
        const bool fresh = out.emplace(line.substr(0, tab), line.substr(tab + 1)).second;
        CHECK_MESSAGE(fresh, "UID twice: " << line);
    }
    return out;
}

} // namespace

TEST_SUITE("cli agenda") {
    TEST_CASE("today fits the terminal: rows never wrap, what is due cut last, the complainant "
              "and then the person left out first") {
        Christmas clinic;
        const std::string id = clinic.open(
            "2026-12-01", {"--complainant", "Mrs Alexandra Wilhelmina Featherstonehaugh-Smythe"});
        clinic.ok({"action", id, "add", "--text",
                   "Replace the broken lift call buttons on every floor and check the alarm",
                   "--lead", "Estates team", "--due", "2026-12-18"});
        const auto table_at = [&](std::size_t columns) {
            const auto result =
                test::run({{"today"},
                           "",
                           clinic.root,
                           {{"COMPLAINTS_NOW", clinic.now}, {"COLUMNS", std::to_string(columns)}}});
            REQUIRE_MESSAGE(result.exit_code == 0, result.err);
            return result.out;
        };
        // The rows of the tables: the header and each case's line.
        const auto rows_of = [&](const std::string& text) {
            std::vector<std::string> rows;
            std::istringstream lines(text);
            for (std::string line; std::getline(lines, line);)
                if (line.starts_with("case ") || line.starts_with(id))
                    rows.push_back(line);
            return rows;
        };
        const auto width_of = [](const std::string& line) {
            return static_cast<std::size_t>(std::count_if(line.begin(), line.end(), [](char c) {
                return (static_cast<unsigned char>(c) & 0xC0) != 0x80;
            }));
        };
        for (const std::size_t columns : {60, 80, 160}) {
            CAPTURE(columns);
            const auto text = table_at(columns);
            const auto rows = rows_of(text);
            REQUIRE(rows.size() >= 3); // the overdue action's and the response's sections
            for (const auto& row : rows)
                CHECK(width_of(row) <= columns);
            CHECK(test::has(text, id));
        }
        CHECK(test::has(table_at(160), "Mrs Alexandra"));
        CHECK_FALSE(test::has(table_at(60), "Mrs Alexandra"));
        CHECK(test::has(table_at(160), "Replace the broken lift"));
        // A pipe with no width gets every word.
        CHECK(test::has(clinic({"today"}).out,
                        "Replace the broken lift call buttons on every floor and check the alarm"));
    }

    TEST_CASE("clinic: an acknowledgement not yet sent is on the agenda, and off it once sent") {
        Christmas clinic;
        const std::string id = clinic.unacknowledged("2026-12-17"); // due Tue 22 December
        auto acknowledgement = item(clinic.agenda(), id, "acknowledgement");
        CHECK(acknowledgement["when"] == "today");
        CHECK(acknowledgement["due_date"] == "2026-12-22");
        clinic.ok({"respond", "acknowledge", id, "--via", "email"});
        CHECK(item(clinic.agenda(), id, "acknowledgement").is_null());
    }

    TEST_CASE("clinic: overdue, due today, due within 5 working days over Christmas, later not "
              "shown") {
        Christmas clinic;
        const std::string late = clinic.open("2026-12-01");  // due Mon 21 December
        const std::string today = clinic.open("2026-12-02"); // due Tue 22 December
        const std::string soon = clinic.open("2026-12-08");  // due Wed 30 December
        const std::string later = clinic.open("2026-12-10"); // due Mon 4 January 2027
        const auto agenda = clinic.agenda();
        REQUIRE(agenda.size() == 3);
        CHECK(agenda[0]["case"] == late);
        CHECK(agenda[0]["when"] == "overdue");
        CHECK(agenda[0]["due_date"] == "2026-12-21");
        CHECK(agenda[0]["working_days_left"] == -1);
        CHECK(agenda[1]["case"] == today);
        CHECK(agenda[1]["when"] == "today");
        CHECK(agenda[1]["due_date"] == "2026-12-22");
        // Wednesday 30 December is the 5th working day after Tuesday 22:
        // Christmas Day and the Boxing Day substitute do not count.
        CHECK(agenda[2]["case"] == soon);
        CHECK(agenda[2]["when"] == "soon");
        CHECK(agenda[2]["due_date"] == "2026-12-30");
        CHECK(agenda[2]["working_days_left"] == 4);
        CHECK(agenda[2]["rule"] == "response");
        CHECK(agenda[2]["due_at"] == "2026-12-30T23:59:59+00:00");
        CHECK(item(agenda, later, "response").is_null());

        const auto text = clinic({"agenda"});
        REQUIRE(text.exit_code == 0);
        CHECK(test::has(text.out, "Agenda for 2026-12-22 (soon: the next 5 working days, to "
                                  "2026-12-31)"));
        CHECK(test::has(text.out, "Overdue (1)"));
        CHECK(test::has(text.out, "overdue by 1 working day"));
        CHECK(test::has(text.out, "Due today (1)"));
        CHECK(test::has(text.out, "Due soon (1)"));
        CHECK(test::has(text.out, "4 working days left"));
        CHECK_FALSE(test::has(text.out, later));
        // `today` is the same command.
        CHECK(clinic({"today"}).out == text.out);
    }

    TEST_CASE("clinic: a response sent is off the agenda, and a concern runs no clock") {
        Christmas clinic;
        const std::string met = clinic.open("2026-12-01", {"--point", "Kept waiting"});
        clinic.unacknowledged("2026-12-02", {"--kind", "concern"});
        clinic.ok({"respond", "finding", met, "--point", "1", "--finding", "upheld", "--conclusion",
                   "We ran late", "--at", "2026-12-18 11:00"});
        clinic.ok({"respond", "send", met, "--via", "email", "--at", "2026-12-18 12:00"});
        CHECK(clinic.agenda().empty());
        CHECK(test::has(clinic({"agenda"}).out, "Nothing to do."));
    }

    TEST_CASE("clinic: records to agree and consents pending, with their age in working days") {
        Christmas clinic;
        const std::string phoned = clinic.open_case("2026-12-15 09:00");
        const std::string behalf =
            clinic.open("2026-12-21", {"--on-behalf-of", "Mrs Jones", "--consent", "pending"});
        const auto agenda = clinic.agenda();
        const auto record = item(agenda, phoned, "record-to-agree");
        REQUIRE_FALSE(record.is_null());
        CHECK(record["when"] == "pending");
        CHECK(record["since_date"] == "2026-12-15");
        CHECK(record["working_days_since"] == 5);
        CHECK(record["due_date"].is_null());
        CHECK(record["working_days_left"].is_null());
        const auto consent = item(agenda, behalf, "consent-pending");
        REQUIRE_FALSE(consent.is_null());
        CHECK(consent["working_days_since"] == 1);
        CHECK(test::has(consent["what"], "Mrs Jones"));
        // Pending items come after everything that has a date.
        CHECK(agenda.back()["when"] == "pending");
        // Piped (or mailed), what is due is never cut short.
        const std::string what = record["what"];
        REQUIRE(what.size() > 50);
        CHECK(test::has(clinic({"agenda"}).out, what));
        CHECK(test::has(clinic({"agenda"}).out, "since 2026-12-15 (5 working days old)"));
    }

    TEST_CASE("clinic: actions overdue and due, by lead, --for NAME and --mine") {
        Christmas clinic;
        const std::string id = clinic.open("2026-11-02");
        clinic.ok({"action", id, "add", "--text", "Retrain reception", "--lead", "Sam Manager",
                   "--due", "2026-12-18", "--at", "2026-11-20 10:00"});
        clinic.ok({"action", id, "add", "--text", "New leaflet", "--lead", "Dr Ana Ruiz", "--due",
                   "2026-12-24", "--at", "2026-11-20 10:00"});
        const auto all = clinic.agenda();
        const auto retrain = item(all, id, "action-1");
        REQUIRE_FALSE(retrain.is_null());
        CHECK(retrain["when"] == "overdue");
        CHECK(retrain["person"] == "Sam Manager");
        CHECK(retrain["working_days_left"] == -2);
        CHECK(item(all, id, "action-2")["when"] == "soon");
        // The response clock, long overdue, has no one assigned in a clinic.
        CHECK(item(all, id, "response")["person"].is_null());

        // COMPLAINTS_USER is Sam Manager in these tests: his action, and what
        // nobody holds yet (the response), not Dr Ruiz's action.
        const auto mine = clinic.agenda({"--mine"});
        REQUIRE(mine.size() == 2);
        CHECK(mine[0]["rule"] == "response");
        CHECK(mine[1]["rule"] == "action-1");
        const auto nobody = clinic.agenda({"--for", "unassigned"});
        REQUIRE(nobody.size() == 1);
        CHECK(nobody[0]["rule"] == "response");
        // A role in brackets is not part of the name, on either side.
        clinic.ok({"action", id, "add", "--text", "Audit", "--lead", "Claire Dunn (Clinic Manager)",
                   "--due", "2026-12-23", "--at", "2026-11-20 10:00"});
        REQUIRE(clinic.agenda({"--for", "Claire Dunn"}).size() == 1);
        REQUIRE(clinic.agenda({"--for", "claire dunn (manager)"}).size() == 1);
        clinic.ok({"action", id, "done", "3", "--text", "Audited", "--at", "2026-12-21 09:00"});
        // Names compare as people write them: case and spaces do not matter.
        const auto ana = clinic.agenda({"--for", "dr  ana RUIZ"});
        REQUIRE(ana.size() == 1);
        CHECK(ana[0]["rule"] == "action-2");
        CHECK(clinic.agenda({"--for", "Nobody"}).empty());
        // Done is off the agenda.
        clinic.ok({"action", id, "done", "1", "--text", "Trained", "--at", "2026-12-21 09:00"});
        CHECK(item(clinic.agenda({"--mine"}), id, "action-1").is_null());
    }

    TEST_CASE("--for a name nobody holds suggests the nearest, and still prints") {
        Christmas clinic;
        const std::string id = clinic.open("2026-11-02");
        clinic.ok({"action", id, "add", "--text", "New leaflet", "--lead", "Dr Ana Ruiz", "--due",
                   "2026-12-24", "--at", "2026-11-20 10:00"});
        const auto misspelt = clinic({"agenda", "--for", "Dr Ana Ruis", "--format", "json"});
        REQUIRE_MESSAGE(misspelt.exit_code == 0, misspelt.err);
        CHECK(misspelt.json()["items"].empty());
        CHECK(test::has(misspelt.err, "complaints: warning: --for: 'Dr Ana Ruis' holds nothing in "
                                      "any case (did you mean 'Dr Ana Ruiz'?)"));
        const auto right = clinic({"agenda", "--for", "dr ana ruiz"});
        REQUIRE_MESSAGE(right.exit_code == 0, right.err);
        CHECK(right.err.empty());
        // Nothing unassigned, or an agent on the roster with nothing due, is no misspelling.
        test::Repo platform("platform", "LAN");
        platform.now = "2026-11-18T08:00:00+00:00";
        std::ofstream(platform.root / "complaints.yaml", std::ios::app)
            << "agents:\n  - Priya Shah\n  - Tom Okafor\n";
        const std::string lan = platform.open_case("2026-11-16 09:00", {"--about", "Dr Keane"});
        platform.ok({"assign", lan, "--to", "Priya Shah", "--at", "2026-11-16 10:00"});
        for (const char* name : {"Tom Okafor", "unassigned", "priya shah"}) {
            const auto quiet = platform({"agenda", "--for", name});
            REQUIRE_MESSAGE(quiet.exit_code == 0, quiet.err);
            CHECK_MESSAGE(quiet.err.empty(), name);
        }
        CHECK(test::has(platform({"agenda", "--for", "Tom Okafer"}).err,
                        "(did you mean 'Tom Okafor'?)"));
    }

    TEST_CASE("platform: the 48-hour assignment, then the agent's investigation") {
        test::Repo platform("platform", "LAN");
        platform.now = "2026-11-18T08:00:00+00:00";
        const std::string waiting = platform.open_case("2026-11-16 09:00", {"--about", "Dr Keane"});
        const std::string fresh = platform.open_case("2026-11-17 09:00", {"--about", "Dr Keane"});
        auto run = [&](std::vector<std::string> more) {
            std::vector<std::string> args{"agenda", "--format", "json"};
            args.insert(args.end(), more.begin(), more.end());
            const auto listed = platform(args);
            REQUIRE_MESSAGE(listed.exit_code == 0, listed.err);
            return listed.json()["items"];
        };
        auto agenda = run({});
        // Due 09:00 today, an hour from now: today, with its time.
        const auto assignment = item(agenda, waiting, "assignment");
        REQUIRE_FALSE(assignment.is_null());
        CHECK(assignment["when"] == "today");
        CHECK(assignment["due_date"] == "2026-11-18");
        CHECK(assignment["due_at"] == "2026-11-18T09:00:00+00:00");
        CHECK(item(agenda, fresh, "assignment")["when"] == "soon");

        platform.now = "2026-11-18T10:00:00+00:00";
        agenda = run({});
        CHECK(item(agenda, waiting, "assignment")["when"] == "overdue");
        platform.ok({"assign", fresh, "--to", "Priya Shah"});
        // The investigation, 10 working days from assignment, is hers; the
        // unassigned case's clocks are no one's.
        platform.now = "2026-11-27T10:00:00+00:00";
        agenda = run({"--for", "priya shah"});
        REQUIRE(agenda.size() == 1);
        CHECK(agenda[0]["case"] == fresh);
        CHECK(agenda[0]["rule"] == "investigation");
        CHECK(agenda[0]["due_date"] == "2026-12-02");
        CHECK(agenda[0]["when"] == "soon");
        CHECK(agenda[0]["working_days_left"] == 3);
        CHECK(agenda[0]["working_days_since"].is_null());
        CHECK(item(run({}), waiting, "assignment")["person"].is_null());
    }

    TEST_CASE("CSV has a header and a row per item, naming the complainant") {
        Christmas clinic;
        const std::string id =
            clinic.open("2026-12-01", {"--complainant", "Mrs Ada Jones", "--summary",
                                       "Kept waiting, then sent home"});
        const auto csv = clinic({"agenda", "--format", "csv"});
        REQUIRE(csv.exit_code == 0);
        CHECK(csv.out ==
              "case,when,due_date,rule,what,person,working_days_left,working_days_since,since_date,"
              "due_at,act_by_date,complainant,summary\r\n" +
                  id +
                  ",overdue,2026-12-21,response,response due,,-1,,,2026-12-21T23:59:59+00:00,,Mrs "
                  "Ada Jones,\"Kept waiting, then sent home\"\r\n");
        // Each row names who complained; the calendar feed says what about
        // only when asked to (--include-names).
        CHECK(test::has(clinic({"agenda"}).out, "Mrs Ada Jones"));
        const std::string ics =
            unfolded(clinic({"agenda", "--format", "ics", "--include-names"}).out);
        CHECK(test::has(ics, "Summary: Kept waiting\\, then sent home"));
        CHECK(test::has(ics, "X-WR-CALNAME:Complaints: "));
    }

    TEST_CASE("the calendar feed withholds complainants' and patients' names unless "
              "--include-names") {
        Christmas clinic;
        const std::string id = clinic.open(
            "2026-12-01",
            {"--complainant", "Mrs Ada Jones", "--on-behalf-of", "Mr Tom Jones", "--summary",
             "Mrs Jones says Mr Tom Jones was kept waiting, then sent home; Ada on 07700 900123, "
             "ada@example.com"});
        clinic.ok({"action", id, "add", "--text", "Call Mrs Jones back", "--lead", "Sam Manager",
                   "--due", "2026-12-23"});
        // The feed is published for a calendar to fetch: no name in it.
        const auto feed = clinic({"agenda", "--format", "ics"});
        REQUIRE_MESSAGE(feed.exit_code == 0, feed.err);
        const std::string ics = unfolded(feed.out);
        CHECK_FALSE(test::has(ics, "Ada"));
        CHECK_FALSE(test::has(ics, "Jones"));
        CHECK_FALSE(test::has(ics, "Tom"));
        CHECK_FALSE(test::has(ics, "Complainant:"));
        // The summary, typed freely, is left out whole: a first name, a phone
        // number or an address in it is found by no list of names.
        CHECK_FALSE(test::has(ics, "Summary:"));
        CHECK_FALSE(test::has(ics, "07700"));
        CHECK_FALSE(test::has(ics, "example.com"));
        CHECK(test::has(ics, id + ": action 1: Call [complainant] back"));
        // The staff who hold the items are not withheld: the feed is for them.
        CHECK(test::has(ics, "Responsible: Sam Manager"));
        // Opting in, as `report --include-names` does, names them.
        const auto opted = clinic({"agenda", "--format", "ics", "--include-names"});
        REQUIRE_MESSAGE(opted.exit_code == 0, opted.err);
        const std::string named = unfolded(opted.out);
        CHECK(test::has(named,
                        "Complainant: Mrs Ada Jones\\nSummary: Mrs Jones says Mr Tom Jones was "
                        "kept waiting\\, then sent home"));
        CHECK(test::has(named, "07700 900123"));
        CHECK(test::has(named, id + ": action 1: Call Mrs Jones back"));
        // The manager's own views name them as before; the flag is the feed's.
        CHECK(test::has(clinic({"agenda", "--format", "csv"}).out, "Mrs Ada Jones"));
        const auto misplaced = clinic({"agenda", "--include-names"});
        CHECK(misplaced.exit_code == 2);
        CHECK(misplaced.err ==
              "complaints: --include-names is for --format ics (the other formats name them)\n");
        CHECK(misplaced.out.empty());
    }

    TEST_CASE("the calendar feed: every deadline once, read by python3-icalendar, stable UIDs") {
        Christmas clinic;
        const std::string late = clinic.open("2026-12-01");
        const std::string soon = clinic.open("2026-12-08");
        const std::string later = clinic.open("2026-12-10");
        // A record to agree has no date and no event; its acknowledgement has.
        const std::string phoned = clinic.open_case("2026-12-15 09:00");
        clinic.ok({"action", late, "add", "--text", "Apologise in person", "--lead", "Sam Manager",
                   "--due", "2026-12-23"});
        const auto ics = clinic({"agenda", "--format", "ics"});
        REQUIRE_MESSAGE(ics.exit_code == 0, ics.err);
        CHECK(ics.out.starts_with("BEGIN:VCALENDAR\r\n"));
        test::write_text(clinic.dir / "agenda.ics", ics.out);
        const auto events = by_uid(ics_events(clinic.dir / "agenda.ics"));

        // Every deadline the JSON lists, once, on its day; and the later
        // one too, which the subscribed calendar shows in its week.
        std::set<std::string> uids;
        for (const auto& one : clinic.agenda())
            if (!one["due_date"].is_null()) {
                const std::string uid = one["case"].get<std::string>() + "." +
                                        one["rule"].get<std::string>() + "@complaints";
                uids.insert(uid);
                REQUIRE_MESSAGE(events.count(uid) == 1, uid);
                CHECK(events.at(uid).starts_with(one["due_date"].get<std::string>() + "\t"));
            }
        CHECK(uids.size() == 4);
        CHECK(events.count(phoned + ".acknowledgement@complaints") == 1);
        CHECK(events.count(later + ".response@complaints") == 1);
        CHECK(events.at(later + ".response@complaints").starts_with("2027-01-04\t"));
        CHECK(events.at(late + ".action-1@complaints") ==
              "2026-12-23\t" + late + ": action 1: Apologise in person");
        CHECK(events.size() == 6);

        // Run again after a change: the same UIDs, the moved date under its
        // old UID, so a calendar replaces the event and never duplicates it.
        CHECK(clinic({"agenda", "--format", "ics"}).out == ics.out);
        clinic.ok({"respond", "delay", soon, "--reason", "Waiting for the clinician's statement",
                   "--new-date", "2027-01-08"});
        test::write_text(clinic.dir / "again.ics", clinic({"agenda", "--format", "ics"}).out);
        const auto again = by_uid(ics_events(clinic.dir / "again.ics"));
        CHECK(again.size() == events.size());
        for (const auto& [uid, rest] : events)
            CHECK(again.count(uid) == 1);
        CHECK(again.at(soon + ".response@complaints").starts_with("2027-01-08\t"));
    }

    TEST_CASE("the calendar feed: an hours deadline at its time, a day deadline all day") {
        test::Repo platform("platform", "LAN");
        platform.now = "2026-11-24T09:00:00+00:00";
        const std::string waiting = platform.open_case("2026-11-23 10:00");
        const std::string assigned = platform.open_case("2026-11-23 10:00");
        platform.ok({"assign", assigned, "--to", "Priya Shah", "--at", "2026-11-23 11:00"});
        const auto ics = platform({"agenda", "--format", "ics"});
        REQUIRE_MESSAGE(ics.exit_code == 0, ics.err);
        test::write_text(platform.dir / "agenda.ics", ics.out);
        const auto events = by_uid(ics_events(platform.dir / "agenda.ics"));
        REQUIRE(events.count(waiting + ".assignment@complaints") == 1);
        CHECK(events.at(waiting + ".assignment@complaints")
                  .starts_with("2026-11-25T10:00:00+00:00\t"));
        REQUIRE(events.count(assigned + ".investigation@complaints") == 1);
        CHECK(events.at(assigned + ".investigation@complaints").starts_with("2026-12-07\t"));
    }

    TEST_CASE("it reads through the cache, and the cache does not change the answer") {
        Christmas clinic;
        clinic.open("2026-12-01");
        clinic.open_case("2026-12-15 09:00");
        auto how = test::Run{{"agenda", "--format", "json"}, "", clinic.root, {}};
        how.env = {{"COMPLAINTS_NOW", clinic.now},
                   {"COMPLAINTS_CACHE_SETTLE", "0"},
                   {"COMPLAINTS_TRACE_CACHE", "1"}};
        const auto first = test::run(how);
        REQUIRE_MESSAGE(first.exit_code == 0, first.err);
        CHECK(first.err == "complaints: cache: 0 unchanged, 2 read, 0 gone, rewritten\n");
        const auto second = test::run(how);
        CHECK(second.err == "complaints: cache: 2 unchanged, 0 read, 0 gone\n");
        CHECK(second.out == first.out);
        CHECK(clinic({"agenda", "--format", "json", "--no-cache"}).out == first.out);
    }

    TEST_CASE("the morning digest as a mail message for sendmail") {
        Christmas clinic;
        const std::string id = clinic.open("2026-12-01");
        const auto mail = clinic({"today", "--format", "email", "--to", "manager@example.org"});
        REQUIRE_MESSAGE(mail.exit_code == 0, mail.err);
        CHECK(mail.out.starts_with("From: manager@example.org\r\nTo: manager@example.org\r\n"
                                   "Date: Tue, 22 Dec 2026 10:00:00 +0000\r\n"
                                   "Subject: Complaints agenda 2026-12-22: 1 overdue, 0 due "
                                   "today, 0 due soon, 0 pending\r\n"));
        CHECK(test::has(mail.out, "\r\n\r\nAgenda for 2026-12-22"));
        CHECK(test::has(mail.out, id + "  2026-12-21  response due  overdue by 1 working day"));
        // Every line ends CRLF, as RFC 5322 asks.
        CHECK(mail.out.find("\n") == mail.out.find("\r\n") + 1);
        for (std::size_t at = mail.out.find('\n'); at != std::string::npos;
             at = mail.out.find('\n', at + 1))
            REQUIRE(mail.out[at - 1] == '\r');
        // A summer date is in British Summer Time.
        clinic.now = "2027-06-15T08:00:00+00:00";
        CHECK(test::has(clinic({"agenda", "--format", "email", "--to", "m@example.org", "--from",
                                "complaints@example.org"})
                            .out,
                        "From: complaints@example.org\r\nTo: m@example.org\r\nDate: Tue, 15 "
                        "Jun 2027 09:00:00 +0100\r\n"));
        CHECK(test::has(clinic.refused({"agenda", "--format", "email"}, 2), "needs --to"));
        CHECK(test::has(clinic.refused({"agenda", "--to", "m@example.org"}, 2),
                        "--to is for --format email"));
        CHECK(test::has(
            clinic.refused({"agenda", "--format", "email", "--to", "m@example.org\nBcc: x@y.org"},
                           2),
            "--to: not one plain mail address"));
    }

    TEST_CASE("bad flags are usage errors and write nothing") {
        Christmas clinic;
        clinic.open("2026-12-01");
        CHECK(test::has(clinic.refused({"agenda", "--mine", "--for", "Sam"}, 2), "--for"));
        CHECK(test::has(clinic.refused({"agenda", "--for", " "}, 2), "--for needs a name"));
        CHECK(test::has(clinic.refused({"agenda", "--format", "yaml"}, 2), "unknown format"));
    }
}
