// SPDX-License-Identifier: Apache-2.0
// Every JSON document the binary prints, against its schema in
// docs/schemas/, by a validator that is not ours (Debian's
// python3-jsonschema, through tests/json/validate.py): on the example
// repository of each preset, whose cases hold each preset's quirks (the
// platform's null stage, the NHS's agreed response period, an excluded
// case), and on repositories built here for what the examples lack. And
// one fact, one value: a clock's due_date and due_at are the same in
// `show`, `list` and `agenda` (docs/json.md).
#include "run.hpp"
#include "two_sites.hpp"

#include <doctest/doctest.h>

#include <cstdio>
#include <map>

namespace {

std::filesystem::path schema_path(const std::string& name) {
    return std::filesystem::path(test::docs_path()) / "schemas" / (name + ".schema.json");
}

// Documents kept to be validated together, one call of the validator a
// schema: `add` files a command's output under the schema it must meet.
class Documents {
  public:
    explicit Documents(const std::filesystem::path& dir) : m_dir(dir / "json") {
        std::filesystem::create_directories(m_dir);
    }

    void add(const std::string& schema, const test::Result& result, int exit_code = 0) {
        REQUIRE_MESSAGE(result.exit_code == exit_code, result.err);
        const auto file = m_dir / (schema + "-" + std::to_string(m_files[schema].size()) + ".json");
        test::write_text(file, result.out);
        m_files[schema].push_back(file);
    }

    // What the validator says of each schema's documents: empty when all
    // are valid. A schema nothing was filed under is a test that proves
    // nothing, and fails.
    void check(const std::vector<std::string>& schemas) const {
        for (const auto& schema : schemas) {
            CAPTURE(schema);
            const auto found = m_files.find(schema);
            REQUIRE(found != m_files.end());
            std::string command =
                "/usr/bin/python3 '" + validator() + "' '" + schema_path(schema).string() + "'";
            for (const auto& file : found->second)
                command += " '" + file.string() + "'";
            const auto said_file = m_dir / (schema + ".said");
            const int status =
                std::system((command + " >'" + said_file.string() + "' 2>&1").c_str());
            const std::string said = test::read_text(said_file);
            CHECK_MESSAGE(status == 0, said);
        }
    }

  private:
    static std::string validator() {
        return (std::filesystem::path(test::source_path()) / "tests" / "json" / "validate.py")
            .string();
    }
    std::filesystem::path m_dir;
    std::map<std::string, std::vector<std::filesystem::path>> m_files;
};

// The example repository of a preset, read as it stood on a day in its
// year, without the cache (the examples are the source tree's).
test::Result in_example(const std::string& preset, std::vector<std::string> args) {
    const auto root = std::filesystem::path(test::examples_path()) / preset;
    args.insert(args.begin(), {"--repo", root.string()});
    return test::run(
        {args,
         "",
         {},
         {{"COMPLAINTS_NOW", "2026-11-22T12:00:00+00:00"}, {"COMPLAINTS_NO_CACHE", "1"}}});
}

void file_example(Documents& documents, const std::string& preset) {
    CAPTURE(preset);
    const auto listed = in_example(preset, {"list", "--format", "json"});
    documents.add("list", listed);
    for (const auto& c : listed.json("cases"))
        documents.add("case", in_example(preset, {"show", c["id"], "--format", "json"}));
    documents.add("agenda", in_example(preset, {"agenda", "--format", "json"}));
    for (const char* year : {"2025", "2026"})
        documents.add("report", in_example(preset, {"report", "--year", year, "--format", "json"}));
    const auto checked = in_example(preset, {"check", "--format", "json"});
    documents.add("check", checked, checked.exit_code);
    const auto clinicians = in_example(preset, {"clinician", "--list", "--format", "json"});
    documents.add("clinicians", clinicians);
    for (const auto& c : clinicians.json("clinicians"))
        documents.add("clinician", in_example(preset, {"clinician", c["key"], "--format", "json"}));
}

// Writes git's markers into a case file, as a pull that both sites
// changed the summary of leaves it.
void conflicted(const test::Repo& repo, const std::string& id) {
    const auto file = repo.root / "cases" / (id + ".yaml");
    std::string text = test::read_text(file);
    const auto at = text.find("summary: ");
    REQUIRE(at != std::string::npos);
    const auto end = text.find('\n', at);
    text.replace(at, end - at,
                 "<<<<<<< this-site (HEAD)\nsummary: \"Late by ten minutes\"\n=======\n"
                 "summary: \"Late by an hour\"\n>>>>>>> other-site (the work being merged in)");
    test::write_text(file, text);
}

nlohmann::json clock_of(const nlohmann::json& clocks, const std::string& rule) {
    for (const auto& clock : clocks)
        if (clock["rule"] == rule)
            return clock;
    return nullptr;
}

// The case's item for `rule` on the agenda, or null.
nlohmann::json agenda_item(const test::Repo& repo, const std::string& id, const std::string& rule) {
    const auto agenda = repo({"agenda", "--format", "json"});
    REQUIRE_MESSAGE(agenda.exit_code == 0, agenda.err);
    for (const auto& item : agenda.json("items"))
        if (item["case"] == id && item["rule"] == rule)
            return item;
    return nullptr;
}

nlohmann::json listed(const test::Repo& repo, const std::string& id) {
    const auto list = repo({"list", "--format", "json"});
    REQUIRE_MESSAGE(list.exit_code == 0, list.err);
    for (const auto& c : list.json("cases"))
        if (c["id"] == id)
            return c;
    return nullptr;
}

// One clock, three commands: the same day and the same last instant.
void same_deadline(const test::Repo& repo, const std::string& id, const std::string& rule) {
    CAPTURE(rule);
    const auto shown = repo({"show", id, "--format", "json"}).json();
    const auto clock = clock_of(shown["clocks"], rule);
    REQUIRE_FALSE(clock.is_null());
    const auto next = listed(repo, id)["next_due"];
    REQUIRE(next["rule"] == rule);
    const auto item = agenda_item(repo, id, rule);
    REQUIRE_FALSE(item.is_null());
    CHECK(next["due_date"] == clock["due_date"]);
    CHECK(item["due_date"] == clock["due_date"]);
    CHECK(next["due_at"] == clock["due_at"]);
    CHECK(item["due_at"] == clock["due_at"]);
    CHECK(item["all_day"] == clock["all_day"]);
    CHECK(item["working_days_left"] == clock["working_days_left"]);
    CHECK(item["hours_left"] == clock["hours_left"]);
}

} // namespace

TEST_SUITE("json schemas") {
    TEST_CASE("every preset's example repository: each document meets its schema") {
        const test::TempDir dir;
        Documents documents(dir.path());
        for (const auto& preset : test::example_names())
            file_example(documents, preset);
        documents.check({"list", "case", "agenda", "report", "check", "clinicians", "clinician"});
    }

    TEST_CASE("what the writing commands print, and a conflict, meet their schemas") {
        test::Repo practice("nhs-england", "RMP");
        Documents documents(practice.dir.path());
        const auto opened =
            practice({"open", "--channel", "email", "--received", "2026-11-16 09:00",
                      "--complainant", "Mrs Ada Jones", "--format", "json"});
        documents.add("case", opened);
        const std::string id = opened.json()["id"];
        // The NHS's response period agreed with the complainant: `agreed` on the clock.
        documents.add("event",
                      practice({"log", id, "--type", "response-period-agreed", "--until",
                                "2027-01-29", "--text", "Agreed by phone", "--format", "json"}));
        const auto shown = practice({"show", id, "--format", "json"});
        documents.add("case", shown);
        CHECK(clock_of(shown.json()["clocks"], "response")["agreed"] == true);
        // An excluded case: made more than twelve months after what it is
        // about, refused as out of time; no clocks, still listed.
        const std::string late =
            practice.open_case("2026-11-16 09:00", {"--happened", "2025-09-01", "--point", "A"});
        practice.ok({"exclude", late, "--reason", "out-of-time", "--text",
                     "Made after twelve months; no good reason for the delay"});
        documents.add("case", practice({"show", late, "--format", "json"}));
        documents.add("list", practice({"list", "--format", "json"}));
        documents.add("agenda", practice({"agenda", "--format", "json"}));
        documents.add("report", practice({"report", "--year", "2026", "--format", "json"}));
        conflicted(practice, id);
        documents.add("conflict", practice({"conflict", id, "--format", "json"}));
        const auto checked = practice({"check", "--format", "json"});
        documents.add("check", checked, 1);
        CHECK_FALSE(checked.json()["problems"].empty());
        documents.check({"case", "event", "list", "agenda", "report", "conflict", "check"});
    }

    TEST_CASE("every command that writes a case takes --format json: the case as written on "
              "standard output, the sentence for people on standard error") {
        test::Repo clinic;
        Documents documents(clinic.dir.path());
        const std::string id = clinic.open_case("2026-11-10 09:00", {"--point", "The wait"});
        const auto pointed =
            clinic({"point", id, "add", "--text", "The parking", "--format", "json"});
        documents.add("case", pointed);
        CHECK(pointed.json()["points"].size() == 2);
        CHECK(test::has(pointed.err, id + ": "));
        const auto planned =
            clinic({"action", id, "add", "--text", "Signs in the car park", "--lead", "Sam Manager",
                    "--due", "2026-12-01", "--format", "json"});
        documents.add("case", planned);
        CHECK(planned.json()["id"] == id);
        const auto closed = clinic({"close", id, "--outcome", "withdrawn", "--no-learning",
                                    "Withdrawn by phone", "--format", "json"});
        documents.add("case", closed);
        CHECK(closed.json()["status"] == "closed");
        CHECK(test::has(clinic({"close", id, "--help"}).out, "--format"));
        documents.check({"case"});
    }

    TEST_CASE("respond's letters take --format json when recorded, markdown or html drafted") {
        test::Repo clinic;
        Documents documents(clinic.dir.path());
        const std::string id = clinic.open_case("2026-11-10 09:00", {"--point", "The wait"});
        const auto acknowledged =
            clinic({"respond", "acknowledge", id, "--via", "email", "--format", "json"});
        documents.add("case", acknowledged);
        CHECK(acknowledged.json()["events"].back()["type"] == "acknowledged");
        CHECK(test::has(acknowledged.err, id + ": acknowledgement recorded"));
        const auto delayed = clinic({"respond", "delay", id, "--reason", "Waiting for a statement",
                                     "--new-date", "2026-12-18", "--format", "json"});
        documents.add("case", delayed);
        CHECK(delayed.json()["events"].back()["type"] == "delay-explained");
        CHECK(test::has(clinic({"respond", "delay", id, "--help"}).out, "json"));
        const auto before = clinic.snapshot();
        CHECK(test::has(
            clinic.refused({"respond", "delay", id, "--reason", "x", "--draft", "--format", "json"},
                           2),
            "--draft records nothing"));
        CHECK(clinic.snapshot() == before);
        CHECK(test::has(
            clinic({"respond", "delay", id, "--reason", "x", "--draft", "--format", "html"}).out,
            "<html"));
        documents.check({"case"});
    }

    TEST_CASE("an empty repository's lists are documents too, with their version") {
        const test::Repo repo;
        Documents documents(repo.dir.path());
        documents.add("list", repo({"list", "--format", "json"}));
        documents.add("agenda", repo({"agenda", "--format", "json"}));
        documents.add("check", repo({"check", "--format", "json"}));
        documents.add("clinicians", repo({"clinician", "--list", "--format", "json"}));
        documents.add("report", repo({"report", "--format", "json"}));
        documents.check({"list", "agenda", "check", "clinicians", "report"});
        CHECK(repo({"list", "--format", "json"}).json() ==
              nlohmann::json{{"schema_version", 3}, {"cases", nlohmann::json::array()}});
    }

    TEST_CASE("audit's report of a forged history, and of a clean one, meet their schema") {
        using test::sites::git;
        using test::sites::must;
        const test::Repo repo;
        Documents documents(repo.dir.path());
        must(git(repo.root, "init -q"));
        const std::string id = repo.open_case();
        repo.ok({"log", id, "--type", "call", "--text", "Rang her back"});
        must(git(repo.root, "add -A"));
        must(git(repo.root, "commit -q -m opened"));
        documents.add("audit", repo({"audit", "--format", "json"}));
        const auto file = repo.root / "cases" / (id + ".yaml");
        test::write_text(file, test::replaced(test::read_text(file), "Rang her back", "Rang"));
        must(git(repo.root, "commit -q -a -m tidy"));
        const auto forged = repo({"audit", "--format", "json"});
        documents.add("audit", forged, 1);
        CHECK(forged.json()["problems"][0]["event"] == 2);
        documents.check({"audit"});
    }

    TEST_CASE("show, list and agenda give a clock the same due_date and due_at") {
        SUBCASE("a day deadline: its date, and 23:59:59 on it, local, with the offset") {
            test::Repo clinic;
            clinic.now = "2026-07-01T10:00:00+01:00";
            const std::string id = clinic.open_case("2026-06-30 09:00");
            same_deadline(clinic, id, "acknowledgement");
            const auto item = agenda_item(clinic, id, "acknowledgement");
            CHECK(item["due_at"].get<std::string>().substr(0, 10) == item["due_date"]);
            CHECK(item["due_at"].get<std::string>().substr(10) == "T23:59:59+01:00");
        }
        SUBCASE("an hours deadline: its own instant") {
            test::Repo platform("platform", "LAN");
            platform.now = "2026-11-24T09:00:00+00:00";
            const std::string id = platform.open_case("2026-11-23 10:00", {"--about", "Dr Keane"});
            same_deadline(platform, id, "assignment");
            CHECK(agenda_item(platform, id, "assignment")["due_at"] == "2026-11-25T10:00:00+00:00");
        }
    }
}
