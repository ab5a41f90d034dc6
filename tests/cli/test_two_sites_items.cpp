// SPDX-License-Identifier: Apache-2.0
// What a merge must keep pointing at the right item: a void names its event
// by time, type and count, and events name points by number; another
// site's events of the same minute, or a point deleted at one site, must not
// make them name another.
#include "two_sites.hpp"

#include <doctest/doctest.h>

#include <algorithm>

using namespace test::sites;

namespace {

nlohmann::json shown_at(const Sites& sites, const std::filesystem::path& root) {
    const auto shown = test::run(
        {{"show", sites.id, "--format", "json"}, "", root, {{"COMPLAINTS_NOW", sites.a.now}}});
    REQUIRE_MESSAGE(shown.exit_code == 0, shown.err);
    return shown.json();
}

// The text of the event a void's `voids` names in `events`.
std::string voided_text(const nlohmann::json& events, const nlohmann::json& ref) {
    const int occurrence = ref.contains("occurrence") && !ref["occurrence"].is_null()
                               ? ref["occurrence"].get<int>()
                               : 1;
    int seen = 0;
    for (const auto& event : events)
        if (event["at"] == ref["at"] && event["type"] == ref["type"] && ++seen == occurrence)
            return event["text"];
    return "(none)";
}

int count_of(const std::vector<std::string>& texts, const std::string& text) {
    return static_cast<int>(std::count(texts.begin(), texts.end(), text));
}

} // namespace

TEST_SUITE("two sites: references") {
    TEST_CASE("a void still names its event after another site's event of the same minute and "
              "type is merged in") {
        for (const auto& pull : k_pulls) {
            CAPTURE(pull);
            Sites sites;
            const auto& id = sites.id;
            sites.a.ok(
                {"log", id, "--type", "call", "--at", "2026-11-12 10:00", "--text", "A's call"});
            sites.commit(sites.a.root, "site A");
            must(git(sites.a.root, "push -q"));
            REQUIRE(sites
                        .at_b({"log", id, "--type", "call", "--at", "2026-11-12 10:00", "--text",
                               "B's call"})
                        .exit_code == 0);
            const auto events = texts_of(shown_at(sites, sites.b)["events"]);
            const auto at = std::find(events.begin(), events.end(), "B's call");
            REQUIRE(at != events.end());
            const auto voided = sites.at_b({"void", id, std::to_string(at - events.begin() + 1),
                                            "--reason", "Logged on the wrong case"});
            REQUIRE_MESSAGE(voided.exit_code == 0, voided.err);
            sites.commit(sites.b, "site B");
            must(git(sites.b, pull));
            must(git(sites.b, "push -q"));
            must(git(sites.a.root, pull));
            for (const auto& root : {sites.a.root, sites.b}) {
                const auto json = shown_at(sites, root);
                const auto texts = texts_of(json["events"]);
                CHECK(count_of(texts, "A's call") == 1);
                CHECK(count_of(texts, "B's call") == 1);
                bool found = false;
                for (const auto& event : json["events"])
                    if (event.contains("voids") && !event["voids"].is_null()) {
                        found = true;
                        CHECK(voided_text(json["events"], event["voids"]) == "B's call");
                    }
                CHECK(found);
            }
            CHECK(test::read_text(sites.a.root / sites.file) ==
                  test::read_text(sites.b / sites.file));
        }
    }

    TEST_CASE("a point deleted by hand at one site while the other answers a later point and "
              "adds one: no gap, nothing lost, events follow the numbers") {
        for (const auto& pull : k_pulls) {
            CAPTURE(pull);
            Sites sites;
            const auto& id = sites.id;
            // Site A deletes point 1 by hand, renumbering point 2 as the
            // reader demands.
            auto yaml = test::read_text(sites.a.root / sites.file);
            const auto first = yaml.find("  - n: 1\n");
            const auto second = yaml.find("  - n: 2\n");
            REQUIRE(first != std::string::npos);
            REQUIRE(second != std::string::npos);
            yaml = yaml.substr(0, first) + "  - n: 1\n" + yaml.substr(second + 9);
            test::write_text(sites.a.root / sites.file, yaml);
            REQUIRE(sites.a({"show", id}).exit_code == 0);
            sites.commit(sites.a.root, "site A: point 1 was raised by mistake");
            must(git(sites.a.root, "push -q"));
            REQUIRE(sites
                        .at_b({"respond", "finding", id, "--point", "2", "--finding", "upheld",
                               "--conclusion", "Staff were short"})
                        .exit_code == 0);
            const auto added = sites.at_b({"point", id, "add", "--text", "No callback"});
            REQUIRE_MESSAGE(added.exit_code == 0, added.err);
            sites.commit(sites.b, "site B");
            must(git(sites.b, pull));
            must(git(sites.b, "push -q"));
            must(git(sites.a.root, pull));
            for (const auto& root : {sites.a.root, sites.b}) {
                const auto json = shown_at(sites, root);
                REQUIRE(json["points"].size() == 2);
                CHECK(json["points"][0]["text"] == "Rude at reception");
                CHECK(json["points"][0]["finding"] == "upheld");
                CHECK(json["points"][1]["text"] == "No callback");
                const auto texts = texts_of(json["events"]);
                CHECK(count_of(texts, "Point 2 added: No callback") == 1);
                CHECK(std::none_of(texts.begin(), texts.end(), [](const std::string& text) {
                    return text.starts_with("Point 3") || text.starts_with("Point 2: ");
                }));
                CHECK(std::any_of(texts.begin(), texts.end(), [](const std::string& text) {
                    return text.starts_with("Point 1: ");
                }));
            }
        }
    }
}
