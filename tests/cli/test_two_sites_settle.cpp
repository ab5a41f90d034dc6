// SPDX-License-Identifier: Apache-2.0
// Settling a real clash with `complaints conflict`: nothing is erased. The
// side set aside stays on the record, its finding event voided with the
// conflict named, and the settlement itself is an event saying which field,
// which side, both values and who. Scripts read the conflicts as JSON.
#include "two_sites.hpp"

#include <doctest/doctest.h>

#include <algorithm>

using namespace test::sites;

namespace {

bool has(const std::string& text, const std::string& part) {
    return text.find(part) != std::string::npos;
}

// The events of the case as `root` reads it.
nlohmann::json events_at(const Sites& sites, const std::filesystem::path& root) {
    const auto shown = test::run(
        {{"show", sites.id, "--format", "json"}, "", root, {{"COMPLAINTS_NOW", sites.a.now}}});
    REQUIRE_MESSAGE(shown.exit_code == 0, shown.err);
    const auto json = shown.json();
    return json["events"];
}

const nlohmann::json* settlement_of(const nlohmann::json& events, const std::string& field) {
    for (const auto& event : events)
        if (event["type"] == "conflict-resolved" && event.value("corrects", "") == field)
            return &event;
    return nullptr;
}

} // namespace

TEST_SUITE("two sites: settling a conflict") {
    TEST_CASE("after conflict --keep the side set aside is voided and the settlement is on the "
              "record, in a merge and in a rebase") {
        for (const auto& pull : k_pulls) {
            CAPTURE(pull);
            const bool rebase = pull == k_pulls[1];
            Sites sites;
            const auto& id = sites.id;
            CHECK(clash(sites, pull).status != 0);
            const auto finding = sites.at_b(
                {"conflict", id, "--field", "points[n: 1].finding", "--keep", "other-site"});
            REQUIRE_MESSAGE(finding.exit_code == 0, finding.err);
            CHECK_MESSAGE(has(finding.out, "voided event"), finding.out);
            CHECK(has(finding.out, "Point 1: not-upheld"));
            const auto summary = sites.at_b({"conflict", id, "--keep", "this-site"});
            REQUIRE_MESSAGE(summary.exit_code == 0, summary.err);
            must(git(sites.b, "add " + sites.file));
            must(git(sites.b,
                     rebase ? "-c core.editor=true rebase --continue" : "commit -q --no-edit"));
            must(git(sites.b, "push -q"));
            must(git(sites.a.root, pull));
            CHECK(test::read_text(sites.a.root / sites.file) ==
                  test::read_text(sites.b / sites.file));

            const auto events = events_at(sites, sites.a.root);
            // Both findings stay on the timeline; B's, set aside, is void.
            const nlohmann::json* voids = nullptr;
            for (const auto& event : events)
                if (event["type"] == "voided" && event["voids"]["type"] == "finding") {
                    CHECK(has(event["text"], "points[n: 1].finding"));
                    CHECK(event["corrects"] == "points[n: 1].finding");
                    CHECK(event["by"] == "Site B");
                    voids = &event["voids"];
                }
            REQUIRE(voids);
            // The event the void names: the N-th finding of its instant.
            const auto& named = (*voids)["occurrence"];
            const int occurrence = named.is_number() ? named.get<int>() : 1;
            int findings = 0;
            int same_instant = 0;
            for (const auto& event : events)
                if (event["type"] == "finding") {
                    ++findings;
                    if (event["at"] == (*voids)["at"] && ++same_instant == occurrence)
                        CHECK(event["text"] == "Point 1: not-upheld");
                }
            CHECK(findings == 2);
            CHECK(same_instant >= occurrence);

            const auto* settled = settlement_of(events, "points[n: 1].finding");
            REQUIRE(settled);
            CHECK((*settled)["after"] == "finding: upheld");
            CHECK((*settled)["before"] == "finding: not-upheld");
            CHECK((*settled)["by"] == "Site B");
            CHECK(has((*settled)["text"], "other-site's side kept"));
            const auto* summary_settled = settlement_of(events, "summary");
            REQUIRE(summary_settled);
            CHECK(has((*summary_settled)["after"], "B's summary"));
            CHECK(has((*summary_settled)["before"], "A's summary"));

            // show reads truthfully; check finds nothing wrong with the voids.
            const auto shown = sites.a({"show", id});
            REQUIRE(shown.exit_code == 0);
            const auto line = shown.out.substr(shown.out.find("Point 1: not-upheld") - 200, 400);
            CHECK_MESSAGE(has(line, "[void: set aside when the merge conflict"), shown.out);
            CHECK(has(shown.out, "set aside: finding: not-upheld"));
            const auto checked = sites.a({"check"});
            CHECK_FALSE(has(checked.out + checked.err, "never voids"));
            CHECK_FALSE(has(checked.out + checked.err, "conflict"));

            // A void naming no field, as conflict --keep wrote them before
            // they did, is the settlement's when its author settled a field
            // the voided event records; by anyone else, check names it.
            const auto file = sites.a.root / sites.file;
            const std::string text = test::read_text(file);
            const auto voided = text.find("type: voided");
            const auto corrects = text.find("corrects:", voided);
            REQUIRE(corrects != std::string::npos);
            const std::string older =
                text.substr(0, text.rfind('\n', corrects)) + text.substr(text.find('\n', corrects));
            test::write_text(file, older);
            CHECK_FALSE(has(sites.a({"check"}).out, "never voids"));
            const auto by = older.find("by:", voided);
            REQUIRE(by != std::string::npos);
            test::write_text(file, older.substr(0, by) + "by: \"Someone else\"" +
                                       older.substr(older.find('\n', by)));
            CHECK(has(sites.a({"check"}).out, "which the tool never voids"));
        }
    }

    TEST_CASE("both sites mark an action done: the side set aside keeps its event, voided") {
        Sites sites;
        const auto& id = sites.id;
        sites.a.ok({"action", id, "done", "1", "--at", "2026-11-16 09:00"});
        sites.commit(sites.a.root, "site A");
        must(git(sites.a.root, "push -q"));
        REQUIRE(sites.at_b({"action", id, "done", "1", "--at", "2026-11-16 09:30"}).exit_code == 0);
        sites.commit(sites.b, "site B");
        CHECK(git(sites.b, k_pulls[0]).status != 0);
        const auto kept = sites.at_b({"conflict", id, "--keep", "this-site"});
        REQUIRE_MESSAGE(kept.exit_code == 0, kept.err);
        CHECK_MESSAGE(has(kept.out, "actions[n: 1].done"), kept.out);
        CHECK(has(kept.out, "Action 1 done"));
        int dones = 0;
        int voids = 0;
        for (const auto& event : events_at(sites, sites.b)) {
            dones += event["type"] == "action" && event["text"] == "Action 1 done";
            if (event["type"] == "voided") {
                ++voids;
                CHECK(event["voids"]["type"] == "action");
                CHECK(event["voids"]["at"] == "2026-11-16T09:00:00+00:00"); // site A's
                CHECK(event["corrects"] == "actions[n: 1].done");
            }
        }
        CHECK(dones == 2);
        CHECK(voids == 1);
        const auto checked = sites.at_b({"check"});
        CHECK_FALSE(has(checked.out, "void"));
        CHECK_FALSE(has(checked.out, "conflict"));
    }

    TEST_CASE("settling a point's text leaves the other side's finding on that point standing") {
        Sites sites;
        const auto& id = sites.id;
        sites.a.ok({"respond", "finding", id, "--point", "1", "--finding", "upheld", "--conclusion",
                    "Late"});
        sites.edit(sites.a.root, "text: \"Late\"", "text: \"Late for the call\"");
        sites.commit(sites.a.root, "site A");
        must(git(sites.a.root, "push -q"));
        sites.edit(sites.b, "text: \"Late\"", "text: \"Late by an hour\"");
        sites.commit(sites.b, "site B");
        CHECK(git(sites.b, k_pulls[0]).status != 0);
        const auto kept = sites.at_b({"conflict", id, "--keep", "this-site"});
        REQUIRE_MESSAGE(kept.exit_code == 0, kept.err);
        CHECK_MESSAGE(has(kept.out, "points[n: 1].text"), kept.out);
        CHECK_FALSE(has(kept.out, "voided"));
        for (const auto& event : events_at(sites, sites.b))
            CHECK(event["type"] != "voided");
    }

    TEST_CASE("conflict --keep with a side no marker names names every conflict and writes "
              "nothing") {
        Sites sites;
        CHECK(clash(sites, k_pulls[0]).status != 0);
        const auto before = test::read_text(sites.b / sites.file);
        const auto refused = sites.at_b({"conflict", sites.id, "--keep", "ours"});
        CHECK(refused.exit_code == 2);
        CHECK_MESSAGE(has(refused.err, "summary (line "), refused.err);
        CHECK_MESSAGE(has(refused.err, "points[n: 1].finding (line "), refused.err);
        CHECK(test::read_text(sites.b / sites.file) == before);
    }

    TEST_CASE("a case with no conflict: conflict lists none (exit 0) and --keep is refused "
              "(exit 2)") {
        Sites sites;
        const auto listed = sites.at_b({"conflict", sites.id});
        CHECK(listed.exit_code == 0);
        CHECK(has(listed.out, "no merge conflict"));
        const auto json = sites.at_b({"conflict", sites.id, "--format", "json"});
        CHECK(json.exit_code == 0);
        CHECK(json.json()["conflicts"].empty());
        const auto kept = sites.at_b({"conflict", sites.id, "--keep", "this-site"});
        CHECK(kept.exit_code == 2);
        CHECK(has(kept.err, "has no merge conflict"));
    }

    TEST_CASE("conflict --format json holds both sides of each conflict by site") {
        for (const auto& pull : k_pulls) {
            CAPTURE(pull);
            Sites sites;
            CHECK(clash(sites, pull).status != 0);
            const auto listed = sites.at_b({"conflict", sites.id, "--format", "json"});
            REQUIRE_MESSAGE(listed.exit_code == 0, listed.err);
            const auto json = listed.json();
            CHECK(json["file"] == sites.file);
            const auto& conflicts = json["conflicts"];
            REQUIRE(conflicts.size() == 2);
            CHECK(conflicts[0]["field"] == "summary");
            CHECK(conflicts[1]["field"] == "points[n: 1].finding");
            for (const auto& conflict : conflicts) {
                CHECK(conflict["line"].get<int>() > 0);
                CHECK(has(conflict["upper_label"], "-site"));
                CHECK(has(conflict["lower_label"], "-site"));
            }
            CHECK(has(conflicts[0]["this_site"], "B's summary"));
            CHECK(has(conflicts[0]["other_site"], "A's summary"));
            CHECK(has(conflicts[1]["this_site"], "not-upheld"));
            CHECK_FALSE(has(conflicts[1]["other_site"], "not-upheld"));
            CHECK(has(conflicts[1]["other_site"], "upheld"));
            // In a rebase the other site's side is the upper one.
            CHECK(conflicts[0]["upper"] ==
                  conflicts[0][pull == k_pulls[1] ? "other_site" : "this_site"]);
        }
    }
}
