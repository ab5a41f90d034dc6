// The example repositories stay valid as the tool grows.
#include "run.hpp"

#include <doctest/doctest.h>

#include <set>

TEST_SUITE("cli examples") {
    TEST_CASE("every example case loads, and together they cover every kind and channel") {
        std::set<std::string> kinds, channels, statuses;
        std::size_t total = 0;
        for (const char* name : {"clinic", "platform"}) {
            const auto root = std::filesystem::path(COMPLAINTS_EXAMPLES) / name;
            const auto listed = test::run({{"--repo", root.string(), "list", "--format", "json"}, "", {}, {}});
            REQUIRE_MESSAGE(listed.exit_code == 0, listed.err);
            for (const auto& c : listed.json()) {
                kinds.insert(c["kind"]);
                channels.insert(c["channel"]);
                statuses.insert(c["status"]);
                const auto shown = test::run({{"--repo", root.string(), "show", c["id"]}, "", {}, {}});
                CHECK_MESSAGE(shown.exit_code == 0, shown.err);
                ++total;
            }
        }
        CHECK(total >= 12u);
        CHECK(kinds == std::set<std::string>{"complaint", "concern", "feedback"});
        CHECK(channels == std::set<std::string>{"web-form", "phone", "in-person", "email", "letter"});
        CHECK(statuses == std::set<std::string>{"open", "closed"});
    }
}
