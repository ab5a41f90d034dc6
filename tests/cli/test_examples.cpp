// SPDX-License-Identifier: Apache-2.0
// The example repositories stay valid as the tool grows.
#include "run.hpp"

#include <doctest/doctest.h>

#include <algorithm>
#include <map>
#include <set>

TEST_SUITE("cli examples") {
    TEST_CASE("every example case loads, and together they cover every kind and channel") {
        std::set<std::string> kinds, channels, statuses;
        std::size_t total = 0;
        for (const auto& name : test::example_names()) {
            const auto root = std::filesystem::path(test::examples_path()) / name;
            const auto listed =
                test::run({{"--repo", root.string(), "list", "--format", "json"}, "", {}, {}});
            REQUIRE_MESSAGE(listed.exit_code == 0, listed.err);
            for (const auto& c : listed.json("cases")) {
                kinds.insert(c["kind"]);
                channels.insert(c["channel"]);
                statuses.insert(c["status"]);
                const auto shown =
                    test::run({{"--repo", root.string(), "show", c["id"]}, "", {}, {}});
                CHECK_MESSAGE(shown.exit_code == 0, shown.err);
                ++total;
            }
        }
        CHECK(total >= 12u);
        CHECK(kinds == std::set<std::string>{"complaint", "concern", "feedback"});
        CHECK(channels ==
              std::set<std::string>{"web-form", "phone", "in-person", "email", "letter"});
        CHECK(statuses == std::set<std::string>{"open", "closed"});
    }
}

TEST_SUITE("cli examples: report") {
    TEST_CASE("the platform example's 2026 report: warnings in date order, Dr Keane in suspension "
              "review") {
        const auto root = std::filesystem::path(test::examples_path()) / "platform";
        const auto result =
            test::run({{"--repo", root.string(), "report", "--year", "2026", "--format", "json"},
                       "",
                       {},
                       {{"COMPLAINTS_NOW", "2026-11-22T12:00:00+00:00"}}});
        REQUIRE_MESSAGE(result.exit_code == 0, result.err);
        const auto report = result.json();
        CHECK(report["responses"]["rule"] == "resolution");
        const auto& issued = report["warnings"]["issued_list"];
        REQUIRE(issued.size() == 4u);
        for (std::size_t i = 1; i < issued.size(); ++i)
            CHECK(issued[i - 1]["issued_date"] <= issued[i]["issued_date"]);
        REQUIRE(report["warnings"]["under_review"].size() == 1u);
        CHECK(report["warnings"]["under_review"][0]["gmc"] == "7123456");
        CHECK(report["warnings"]["under_review"][0]["active_warnings"] == 3);
    }

    TEST_CASE("the trend's on-time line breaks at months whose rate is unknown") {
        const auto root = (std::filesystem::path(test::examples_path()) / "platform").string();
        const std::map<std::string, std::string> now{
            {"COMPLAINTS_NOW", "2026-11-22T12:00:00+00:00"}};
        const auto report = [&](const char* format) {
            return test::run(
                {{"--repo", root, "report", "--year", "2026", "--format", format}, "", {}, now});
        };
        // Months with a rate, and how many of them sit in runs of two or more.
        std::size_t rated = 0, in_lines = 0, run = 0;
        const auto end_run = [&] {
            in_lines += run >= 2 ? run : 0;
            run = 0;
        };
        const auto json = report("json").json();
        for (const auto& month : json["trend"]) {
            if (month["on_time_rate"].is_null()) {
                end_run();
            } else {
                ++rated;
                ++run;
            }
        }
        end_run();
        REQUIRE(in_lines < rated); // the example has lone months to skip over
        const auto html = report("html").out;
        const auto start = html.find("aria-label=\"Received per month");
        const auto trend = html.substr(start, html.find("</svg>", start) - start);
        std::size_t circles = 0, line_points = 0;
        for (auto at = trend.find("<circle"); at != std::string::npos;
             at = trend.find("<circle", at + 1))
            ++circles;
        for (auto at = trend.find("<polyline points=\""); at != std::string::npos;
             at = trend.find("<polyline points=\"", at + 1)) {
            const auto from = at + std::string_view("<polyline points=\"").size();
            const auto points = trend.substr(from, trend.find('"', from) - from);
            line_points += static_cast<std::size_t>(std::count(points.begin(), points.end(), ','));
        }
        CHECK(circles == rated);
        CHECK(line_points == in_lines);
    }

    TEST_CASE("every report format of both examples runs") {
        for (const auto& name : test::example_names())
            for (const char* format : {"text", "markdown", "html", "json", "csv"}) {
                CAPTURE(name);
                CAPTURE(format);
                const auto root = std::filesystem::path(test::examples_path()) / name;
                const auto result = test::run(
                    {{"--repo", root.string(), "report", "--quarter", "2026Q3", "--format", format},
                     "",
                     {},
                     {{"COMPLAINTS_NOW", "2026-11-22T12:00:00+00:00"}}});
                CHECK_MESSAGE(result.exit_code == 0, result.err);
                CHECK(!result.out.empty());
            }
    }
}
