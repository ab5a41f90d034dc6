// SPDX-License-Identifier: Apache-2.0
// audit through the binary, on a real git history: a clinic's case worked
// through the tool passes; each forgery made by hand and committed is
// caught, with the commit named.
#include "kept_letter.hpp"
#include "run.hpp"
#include "two_sites.hpp"

#include <doctest/doctest.h>

#include <algorithm>

namespace {

using test::has;
using test::sites::git;
using test::sites::must;

// A clinic complaint received on Monday 2 November 2026, its response sent
// on Tuesday 10 November, every step committed as a clinic would.
struct History : test::Repo {
    std::string id;
    std::string file;
    std::string letter;

    History() {
        now = "2026-11-10T10:00:00+00:00";
        must(git(root, "init -q"));
        id = open_case("2026-11-02 09:30",
                       {"--complainant", "Mrs Grace Okafor", "--category", "clinical",
                        "--practitioner", "Dr Lena Marsh", "--point", "Burn after laser"});
        file = "cases/" + id + ".yaml";
        commit("opened");
        ok({"log", id, "--type", "call", "--at", "2026-11-03 10:00", "--text", "Rang her back"});
        ok({"respond", "finding", id, "--point", "1", "--finding", "upheld", "--conclusion",
            "The laser setting was too high."});
        ok({"log", id, "--type", "record-agreed", "--text", "Agreed by email"});
        ok({"log", id, "--type", "interview", "--text", "Dr Marsh went through the settings",
            "--with", "Dr Lena Marsh"});
        commit("investigated");
        ok({"respond", "send", id, "--via", "letter"});
        letter = test::kept_letter(root, id, "2026-11-10-response");
        commit("response sent");
    }
    std::string commit(const std::string& what) const {
        must(git(root, "add -A"));
        must(git(root, "commit -q -m '" + what + "'"));
        return head();
    }
    std::string head() const {
        std::string hash = git(root, "rev-parse HEAD").said;
        return hash.substr(0, hash.find('\n'));
    }
    std::string text() const { return test::read_text(root / file); }
    void edit(const std::string& from, const std::string& to) const {
        const std::string was = text();
        REQUIRE_MESSAGE(has(was, from), was);
        test::write_text(root / file, test::replaced(was, from, to));
    }
    // Deletes by hand the event whose text is `text`.
    void delete_event(const std::string& event_text) const {
        auto yaml = text();
        const auto at = yaml.find(event_text);
        REQUIRE(at != std::string::npos);
        const auto start = yaml.rfind("\n  - ", at) + 1;
        auto end = yaml.find("\n  - ", at);
        end = end == std::string::npos ? yaml.size() : end + 1;
        test::write_text(root / file, yaml.erase(start, end - start));
    }
    // Sets (or, given "", deletes) the `key:` line of the event whose text
    // is `event_text`, as someone editing the file by hand would.
    void edit_event(const std::string& event_text, const std::string& key,
                    const std::string& line) const {
        std::string yaml = text();
        const auto at = yaml.find("text: \"" + event_text + "\"");
        REQUIRE_MESSAGE(at != std::string::npos, yaml);
        const auto start = yaml.rfind("\n  - ", at) + 1;
        const auto end = std::min(yaml.find("\n  - ", at), yaml.size());
        const auto found = yaml.find(key + ": ", start);
        REQUIRE_MESSAGE(found < end, yaml);
        const auto from = yaml.rfind('\n', found) + 1;
        const auto to = yaml.find('\n', found) + 1;
        yaml.replace(from, to - from, line.empty() ? "" : "    " + line + "\n");
        test::write_text(root / file, yaml);
    }
    // Runs audit, which must find problems, and checks it names `commit`.
    test::Result caught(const std::string& commit, const std::string& what) const {
        const auto audit = (*this)({"audit"});
        CHECK_MESSAGE(audit.exit_code == 1, audit.err);
        CHECK_MESSAGE(has(audit.out, "commit " + commit + "\n"), audit.out);
        CHECK_MESSAGE(has(audit.out, what), audit.out);
        return audit;
    }
};

} // namespace

TEST_SUITE("audit") {
    TEST_CASE("a case worked through the tool, corrected, closed and re-id'd, reports nothing") {
        History clinic;
        clinic.ok({"respond", "finding", clinic.id, "--point", "1", "--finding", "partly-upheld",
                   "--conclusion", "The setting was high for her skin type.", "--correction",
                   "The engineer's report came in"});
        clinic.ok({"log", clinic.id, "--type", "note", "--at", "2026-11-04 09:00", "--text",
                   "Back-dated note"});
        clinic.commit("corrected");
        clinic.ok({"close", clinic.id, "--outcome", "partly-upheld", "--no-learning", "None"});
        clinic.commit("closed");
        clinic.ok({"re-id", clinic.id, "--reason", "two sites drew it"});
        clinic.commit("re-id");
        const auto audit = clinic({"audit"});
        CHECK_MESSAGE(audit.exit_code == 0, audit.out << audit.err);
        CHECK(audit.out.empty());
        CHECK(audit.err == "complaints: 0 problems in 6 commits read: every change is one the "
                           "tool could have made\n");
        const auto json = clinic({"audit", "--format", "json"});
        CHECK(json.json() ==
              nlohmann::json{{"schema_version", 3}, {"problems", nlohmann::json::array()}});
    }

    TEST_CASE("a finding rewritten after the response was sent") {
        History clinic;
        clinic.edit("finding: upheld", "finding: not-upheld");
        const auto forged = clinic.commit("tidy");
        const auto audit = clinic.caught(
            forged, clinic.file + ": point 1 finding changed after the answer was sent");
        CHECK(has(audit.out, "    before: upheld\n    after:  not-upheld\n"));
        CHECK(has(audit.err, "complaints: 1 problem in 1 commit (4 commits read)"));
        const auto json = clinic({"audit", "--format", "json"}).json();
        REQUIRE(json["problems"].size() == 1);
        const auto& p = json["problems"][0];
        CHECK(p["commit"] == forged);
        CHECK(p["subject"] == "tidy");
        CHECK(p["author"] == "Site <site@example.org>");
        CHECK(p["file"] == clinic.file);
        CHECK(p["event"].is_null());
        CHECK(p["before"] == "upheld");
        CHECK(p["after"] == "not-upheld");
    }

    TEST_CASE("the corrected event deleted") {
        History clinic;
        clinic.ok({"respond", "apology", clinic.id, "--text", "We are sorry for the burn.",
                   "--correction", "The apology was left out"});
        clinic.commit("apology");
        clinic.delete_event("The apology was left out");
        const auto forged = clinic.commit("tidy");
        clinic.caught(forged, "(corrected at 2026-11-10T10:00:00+00:00) removed");
    }

    TEST_CASE("response-sent moved a week earlier, in its place in time") {
        History clinic;
        std::string yaml = clinic.text();
        const std::string sent = "  - at: 2026-11-10T10:00:00+00:00\n    type: response-sent\n";
        const auto from = yaml.find(sent);
        REQUIRE(from != std::string::npos);
        const auto to = std::min(yaml.find("\n  - ", from + 1) + 1, yaml.size());
        std::string block = yaml.substr(from, to - from);
        yaml.erase(from, to - from);
        block.replace(0, block.find('\n'), "  - at: 2026-11-03T11:00:00+00:00");
        const auto call = yaml.find("text: \"Rang her back\"");
        yaml.insert(yaml.find("\n  - ", call) + 1, block);
        test::write_text(clinic.root / clinic.file, yaml);
        const auto forged = clinic.commit("tidy");
        const auto audit =
            clinic.caught(forged, "(response-sent at 2026-11-10T10:00:00+00:00) edited: at");
        CHECK(has(audit.out, "before: at: 2026-11-10T10:00:00+00:00"));
        CHECK(has(audit.out, "after:  at: 2026-11-03T11:00:00+00:00"));
    }

    TEST_CASE("recorded: deleted from a back-dated event") {
        History clinic;
        clinic.edit_event("Rang her back", "recorded", "");
        const auto forged = clinic.commit("tidy");
        clinic.caught(forged, "(call at 2026-11-03T10:00:00+00:00) edited: recorded");
    }

    TEST_CASE("by: changed") {
        History clinic;
        clinic.edit_event("Rang her back", "by", "by: \"Dr Somebody Else\"");
        const auto forged = clinic.commit("tidy");
        clinic.caught(forged, "(call at 2026-11-03T10:00:00+00:00) edited: by");
    }

    TEST_CASE("a call deleted") {
        History clinic;
        clinic.delete_event("Rang her back");
        const auto forged = clinic.commit("tidy");
        const auto audit = clinic.caught(forged, "(call at 2026-11-03T10:00:00+00:00) removed");
        CHECK(has(audit.out, "before: call at 2026-11-03T10:00:00+00:00"));
    }

    TEST_CASE("the kept letter replaced") {
        History clinic;
        test::write_text(clinic.root / clinic.letter, "Dear Mrs Okafor, we did nothing wrong.\n");
        const auto forged = clinic.commit("tidy");
        clinic.caught(forged, clinic.letter + ": kept file changed");
    }

    TEST_CASE("the case and its letters deleted") {
        History clinic;
        must(git(clinic.root, "rm -q -r cases letters"));
        const auto forged = clinic.commit("tidy");
        const auto audit = clinic.caught(forged, clinic.file + ": case deleted, with its");
        CHECK(has(audit.out, clinic.letter + ": kept file deleted"));
    }

    TEST_CASE("git commit --amend that rewrites a finding") {
        History clinic;
        clinic.ok({"log", clinic.id, "--type", "note", "--text", "Filed the letter"});
        clinic.commit("note");
        clinic.edit("finding: upheld", "finding: not-upheld");
        must(git(clinic.root, "commit -q -a --amend --no-edit"));
        clinic.caught(clinic.head(), "point 1 finding changed after the answer was sent");
    }

    TEST_CASE("a merge that drops the other site's event (git merge -s ours)") {
        History clinic;
        must(git(clinic.root, "checkout -q -b other"));
        clinic.ok({"log", clinic.id, "--type", "call", "--text", "The other site's call"});
        clinic.commit("other site");
        must(git(clinic.root, "checkout -q main"));
        clinic.ok({"log", clinic.id, "--type", "note", "--text", "This site's note"});
        clinic.commit("this site");
        must(git(clinic.root, "merge -q -s ours other -m merged"));
        const auto audit = clinic.caught(clinic.head(), ") removed");
        CHECK(has(audit.out, "The other site's call"));
        CHECK(has(audit.err, "1 problem in 1 commit"));
    }

    TEST_CASE("a repository in no git repository: exit 3, saying so") {
        const test::Repo repo;
        const auto audit = repo({"audit"});
        CHECK(audit.exit_code == 3);
        CHECK_MESSAGE(has(audit.err, "is not in a git repository"), audit.err);
        CHECK(audit.out.empty());
    }
}
