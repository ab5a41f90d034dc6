// SPDX-License-Identifier: Apache-2.0
// A site's everyday work with real git: the daily loop of docs/two-sites.md, run word
// for word, carries a new case to the other site; and two sites that each
// send the same letter before a pull keep both, and check says so.
#include "two_sites.hpp"

#include <doctest/doctest.h>

#include <algorithm>

using namespace test::sites;

namespace {

bool has(const std::string& text, const std::string& part) {
    return text.find(part) != std::string::npos;
}

// Each site acknowledges the case before a pull brings the two together.
void both_acknowledge(const Sites& sites, const std::string& pull) {
    sites.a.ok({"respond", "acknowledge", sites.id, "--by", "Claire Dunn"});
    must(git(sites.a.root, "add -A"));
    sites.commit(sites.a.root, "A acknowledged");
    must(git(sites.a.root, "push -q"));
    REQUIRE(sites.at_b({"respond", "acknowledge", sites.id}).exit_code == 0);
    must(git(sites.b, "add -A"));
    sites.commit(sites.b, "B acknowledged");
    must(git(sites.b, pull));
}

// The git commands of docs/two-sites.md's "The daily loop", comments dropped.
std::vector<std::string> documented_daily_loop() {
    const auto guide = test::read_text(std::filesystem::path(test::docs_path()) / "two-sites.md");
    const auto start = guide.find("### The daily loop");
    REQUIRE(start != std::string::npos);
    const auto block = guide.find("```sh\n", start) + 6;
    const auto end = guide.find("```", block);
    std::vector<std::string> commands;
    for (std::size_t at = block; at < end;) {
        const auto line_end = guide.find('\n', at);
        std::string line = guide.substr(at, line_end - at);
        at = line_end + 1;
        if (!line.starts_with("git "))
            continue;
        line = line.substr(4, line.find(" #") == std::string::npos ? std::string::npos
                                                                   : line.find(" #") - 4);
        while (line.ends_with(' '))
            line.pop_back();
        commands.push_back(line);
    }
    return commands;
}

} // namespace

TEST_SUITE("two sites: the daily loop") {
    TEST_CASE("the documented daily loop commits a case in a clone that has kept no letter yet") {
        const auto loop = documented_daily_loop();
        REQUIRE(loop.size() == 4);
        CHECK(loop[0] == "add -A");
        Sites sites;
        REQUIRE_FALSE(std::filesystem::exists(sites.b / "letters" / sites.id));
        const auto opened =
            sites.at_b({"open", "--channel", "phone", "--received", "2026-11-12 09:00", "--summary",
                        "Booked twice", "--point", "Charged twice"});
        REQUIRE_MESSAGE(opened.exit_code == 0, opened.err);
        const std::string id = opened.out.substr(0, opened.out.find('\n'));
        for (const auto& command : loop) {
            CAPTURE(command);
            // The guide's message is for its own example; the loop is the same.
            must(git(sites.b, command.starts_with("commit") ? "commit -qm 'New case'" : command));
        }
        must(git(sites.a.root, "pull -q --no-rebase --no-edit"));
        const auto shown = sites.a({"show", id, "--format", "json"});
        REQUIRE_MESSAGE(shown.exit_code == 0, shown.err);
        CHECK(shown.json()["summary"] == "Booked twice");
    }

    TEST_CASE("both sites acknowledge before a pull: both are kept, and check names the second") {
        for (const auto& pull : k_pulls) {
            CAPTURE(pull);
            Sites sites;
            const auto& id = sites.id;
            both_acknowledge(sites, pull);

            const auto shown = sites.at_b({"show", id, "--format", "json"});
            REQUIRE_MESSAGE(shown.exit_code == 0, shown.err);
            const auto json = shown.json();
            int acknowledgements = 0;
            for (const auto& event : json["events"])
                acknowledgements += event["type"] == "acknowledged";
            CHECK(acknowledgements == 2);

            const auto checked = sites.at_b({"check"});
            CHECK(checked.exit_code == 1);
            const auto said = checked.out + checked.err;
            CHECK_MESSAGE(has(said, "acknowledgement sent twice: "), said);
            CHECK(has(said, "by Claire Dunn"));
            CHECK(has(said, "by Site B"));
            CHECK(has(said, "2026-11-16T10:00:00"));
        }
    }

    TEST_CASE("each site voids the other's copy of a duplicate: check says none is left") {
        Sites sites;
        const auto& id = sites.id;
        both_acknowledge(sites, k_pulls[0]);
        const auto json = sites.at_b({"show", id, "--format", "json"}).json();
        std::vector<int> copies;
        for (std::size_t i = 0; i < json["events"].size(); ++i)
            if (json["events"][i]["type"] == "acknowledged")
                copies.push_back(static_cast<int>(i) + 1);
        REQUIRE(copies.size() == 2);
        // As two sites would, each keeping its own: B voids A's, A voids B's.
        REQUIRE(sites.at_b({"void", id, std::to_string(copies[0]), "--reason", "Duplicate"})
                    .exit_code == 0);
        REQUIRE(sites.at_b({"void", id, std::to_string(copies[1]), "--reason", "Duplicate"})
                    .exit_code == 0);
        const auto checked = sites.at_b({"check"});
        CHECK(checked.exit_code == 1);
        const std::string said = checked.out + checked.err;
        CHECK_MESSAGE(has(said, "every acknowledgement sent is void"), said);
    }
}
