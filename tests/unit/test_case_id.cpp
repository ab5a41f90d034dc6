// SPDX-License-Identifier: Apache-2.0
#include "complaints/store/case_id.hpp"

#include <doctest/doctest.h>

#include <set>

using namespace complaints;

TEST_SUITE("case id") {
    TEST_CASE("IDs carry prefix and year and use only the unambiguous alphabet") {
        std::mt19937_64 random(42);
        std::set<std::string> seen;
        for (int i = 0; i < 10000; ++i) {
            const std::string id = make_case_id("LUM", 2026, random);
            REQUIRE(is_case_id(id));
            CHECK(id.starts_with("LUM-2026-"));
            for (const char c : id.substr(9))
                CHECK(std::string_view("01ILOUV").find(c) == std::string_view::npos);
            seen.insert(id);
        }
        CHECK(seen.size() == 10000u);
    }

    TEST_CASE("nothing but an ID passes as one") {
        for (const char* bad :
             {"../etc/passwd", "LUM-2026-ABC/EF", "LUM-2026-ABCDE", "LUM-2026-ABCDEFG",
              "lum-2026-ABCDEF", "LUM-2026-ABCDE0", "LUM-20X6-ABCDEF", "L-2026-ABCDEF",
              "LUM-2026-ABCDE;", "LUM-2026-ABCDE\xD0\x95", ""})
            CHECK_MESSAGE(!is_case_id(bad), bad);
        CHECK(is_case_id("LUM-2026-7K3QMX"));
    }

    TEST_CASE(
        "abbreviations: a start of the ID, of what follows the prefix, or of the random part") {
        const std::vector<std::string> ids{"LUM-2025-7K3QMX", "LUM-2026-7K9ABC", "LUM-2026-H2H2H2"};
        CHECK(matching_ids("h2h", ids) == std::vector<std::string>{"LUM-2026-H2H2H2"});
        CHECK(matching_ids("7K", ids).size() == 2);
        CHECK(matching_ids("7K3", ids) == std::vector<std::string>{"LUM-2025-7K3QMX"});
        CHECK(matching_ids("2026-7", ids) == std::vector<std::string>{"LUM-2026-7K9ABC"});
        CHECK(matching_ids("LUM-2026", ids).size() == 2);
        CHECK(matching_ids("lum-2025-7k3qmx", ids) == std::vector<std::string>{"LUM-2025-7K3QMX"});
        CHECK(matching_ids("QMX", ids).empty());
        CHECK(matching_ids("", ids).empty());
    }
}
