// SPDX-License-Identifier: Apache-2.0
#include "run.hpp"

#include <doctest/doctest.h>

namespace {

std::string open_case(const test::Repo& repo) {
    return repo.open_case("2026-11-10 09:00",
                          {"--complainant", "Mrs A Patel", "--about", "Dr J Smith",
                           "--on-behalf-of", "Mr B Patel", "--consent", "yes", "--summary",
                           "Line one\nLine two\n", "--point", "Bruising"});
}

} // namespace

TEST_SUITE("cli show") {
    TEST_CASE("show prints details, points and the timeline for a person") {
        test::Repo repo;
        const std::string id = open_case(repo);
        REQUIRE(repo({"log", id, "--type", "call", "--text", "Spoke to Mrs Patel"}).exit_code == 0);
        const auto shown = repo({"show", id});
        REQUIRE_MESSAGE(shown.exit_code == 0, shown.err);
        for (const std::string& expected : std::vector<std::string>{
                 id + "  open complaint (category not set)",
                 "Received:    Tue 10 Nov 2026 09:00 by phone", "Complainant: Mrs A Patel",
                 "On behalf:   Mr B Patel (consent: yes)", "About:       Dr J Smith",
                 "  Line one\n  Line two\n", "  1. Bruising", "Mon 16 Nov 2026 10:00  call",
                 "      Spoke to Mrs Patel"})
            CHECK_MESSAGE(shown.out.find(expected) != std::string::npos, expected);
        CHECK(shown.out.find("\x1b[") == std::string::npos); // not a terminal: no colour
    }

    TEST_CASE("a complaint made in person or through the web form is said so, in show and in "
              "its first event") {
        test::Repo repo;
        const auto opened = [&](const std::string& channel) {
            const auto result =
                repo({"open", "--channel", channel, "--received", "2026-11-10 09:00"});
            REQUIRE_MESSAGE(result.exit_code == 0, result.err);
            return result.out.substr(0, result.out.size() - 1);
        };
        const std::string visit = opened("in-person");
        CHECK(test::has(repo({"show", visit}).out, "Received:    Tue 10 Nov 2026 09:00 in person"));
        CHECK(repo({"show", visit, "--format", "json"}).json()["events"][0]["text"] ==
              "complaint received in person");
        const std::string form = opened("web-form");
        CHECK(test::has(repo({"show", form}).out, "through the web form"));
    }

    TEST_CASE("--color always colours, NO_COLOR does not stop an explicit always") {
        test::Repo repo;
        const std::string id = open_case(repo);
        CHECK(repo({"--color", "always", "show", id}).out.find("\x1b[1m") != std::string::npos);
    }

    TEST_CASE("show --format json carries every field with stable keys") {
        test::Repo repo;
        const std::string id = open_case(repo);
        const auto json = repo({"show", id, "--format", "json"}).json();
        CHECK(json["id"] == id);
        CHECK(json["received_date"] == "2026-11-10");
        CHECK(json["consent"] == "yes");
        CHECK(json["points"][0]["n"] == 1);
        CHECK(json["events"][0]["type"] == "opened");
        CHECK(json["summary"] == "Line one\nLine two\n");
    }

    TEST_CASE("show --format yaml is the case file") {
        test::Repo repo;
        const std::string id = open_case(repo);
        CHECK(repo({"show", id, "--format", "yaml"}).out == repo.case_file(id));
    }
}
