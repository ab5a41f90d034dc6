// SPDX-License-Identifier: Apache-2.0
#include "complaints/base/error.hpp"
#include "complaints/base/parallel.hpp"
#include "complaints/base/strings.hpp"
#include "complaints/base/utf8.hpp"
#include "complaints/time/timestamp.hpp"
#include "complaints/workflow/agents.hpp"

#include <doctest/doctest.h>

#include <atomic>
#include <optional>
#include <stdexcept>
#include <string_view>
#include <vector>

using namespace complaints;
using namespace complaints::util;

namespace {

// The code point decoded at `pos`, and where decoding left `pos`.
date::sys_seconds utc(const std::string& text) {
    return parse_stored_timestamp(text).value().utc;
}

date::year_month_day day(int y, unsigned m, unsigned d) {
    return date::year{y} / date::month{m} / date::day{d};
}

std::pair<std::optional<char32_t>, std::size_t> decoded(std::string_view text,
                                                        std::size_t pos = 0) {
    const auto c = decode_utf8(text, pos);
    return {c, pos};
}

} // namespace

TEST_SUITE("util") {
    TEST_CASE("decode_utf8 reads one to four bytes and moves past them") {
        CHECK(decoded("a") == std::pair{std::optional<char32_t>(U'a'), std::size_t{1}});
        CHECK(decoded("caf\xC3\xA9", 3) ==
              std::pair{std::optional<char32_t>(U'\u00E9'), std::size_t{5}});
        CHECK(decoded("\xE2\x80\xA8") ==
              std::pair{std::optional<char32_t>(U'\u2028'), std::size_t{3}});
        CHECK(decoded("\xF0\x9F\x98\x80") ==
              std::pair{std::optional<char32_t>(U'\U0001F600'), std::size_t{4}});
        CHECK(decoded("\xF4\x8F\xBF\xBF") ==
              std::pair{std::optional<char32_t>(U'\U0010FFFF'), std::size_t{4}});
        CHECK(decoded(std::string_view("\0", 1)) ==
              std::pair{std::optional<char32_t>(U'\0'), std::size_t{1}});
    }

    TEST_CASE("decode_utf8 refuses what is not UTF-8 and leaves pos where it was") {
        const auto refused = [](std::string_view text) {
            return decoded(text) == std::pair{std::optional<char32_t>(), std::size_t{0}};
        };
        CHECK(refused("\xC0\xAF"));         // overlong '/'
        CHECK(refused("\xE0\x80\xAF"));     // overlong '/' in three bytes
        CHECK(refused("\xF0\x80\x80\xAF")); // overlong '/' in four bytes
        CHECK(refused("\xED\xA0\x80"));     // a high surrogate
        CHECK(refused("\xED\xBF\xBF"));     // a low surrogate
        CHECK(refused("\xF4\x90\x80\x80")); // past U+10FFFF
        CHECK(refused("\xE2\x82"));         // cut short by the end
        CHECK(refused("\xE2\x82x"));        // cut short by a byte that starts anew
        CHECK(refused("\x80"));             // a continuation byte alone
        CHECK(refused("\xFF"));
        CHECK(refused(""));
        std::size_t past_end = 3;
        CHECK_FALSE(decode_utf8("abc", past_end));
        CHECK(past_end == 3);
    }

    TEST_CASE("code points are counted by the bytes that start them") {
        CHECK(utf8_length("") == 0);
        CHECK(utf8_length("caf\xC3\xA9 \xF0\x9F\x98\x80") == 6);
        CHECK(utf8_prefix("caf\xC3\xA9!", 4) == 5);
        CHECK(utf8_prefix("caf\xC3\xA9!", 3) == 3);
        CHECK(utf8_prefix("abc", 10) == 3);
        CHECK(utf8_prefix("abc", 0) == 0);
    }

    TEST_CASE("parallel_for visits every index once") {
        for (const std::size_t count : {0, 1, 2, 16, 17, 1000}) {
            std::vector<std::atomic<int>> visits(count);
            parallel_for(count, [&](std::size_t i) { ++visits[i]; });
            for (std::size_t i = 0; i < count; ++i)
                CHECK(visits[i] == 1);
        }
    }

    TEST_CASE("parallel_for rethrows the lowest index that threw and runs everything before it") {
        constexpr std::size_t k_count = 500;
        std::vector<std::atomic<int>> visits(k_count);
        const auto work = [&](std::size_t i) {
            ++visits[i];
            if (i == 123 || i == 400)
                throw std::runtime_error(std::to_string(i));
        };
        try {
            parallel_for(k_count, work);
            FAIL("no exception");
        } catch (const std::runtime_error& e) {
            CHECK(std::string(e.what()) == "123");
        }
        for (std::size_t i = 0; i <= 123; ++i)
            CHECK(visits[i] == 1);
        for (std::size_t i = 124; i < k_count; ++i)
            CHECK(visits[i] <= 1);
    }

    TEST_CASE("end_of_local_day is the next local midnight across a BST/GMT change") {
        const auto& london = find_zone("Europe/London");
        CHECK(end_of_local_day(day(2026, 3, 28), london) == utc("2026-03-29T00:00:00Z"));
        CHECK(end_of_local_day(day(2026, 3, 29), london) ==
              utc("2026-03-29T23:00:00Z")); // a 23-hour day
        CHECK(end_of_local_day(day(2026, 10, 24), london) == utc("2026-10-24T23:00:00Z"));
        CHECK(end_of_local_day(day(2026, 10, 25), london) ==
              utc("2026-10-26T00:00:00Z")); // a 25-hour day
    }

    TEST_CASE("end_of_local_day is the jump when the clocks skip midnight") {
        // Cuba moves from 00:00 CST to 01:00 CDT: 2026-03-08 has no midnight.
        CHECK(end_of_local_day(day(2026, 3, 7), find_zone("America/Havana")) ==
              utc("2026-03-08T05:00:00Z"));
    }

    TEST_CASE("join puts the separator between each two items") {
        CHECK(join({}, ", ") == "");
        CHECK(join({"a"}, ", ") == "a");
        CHECK(join({"a", "b", "c"}, ", ") == "a, b, c");
        CHECK(join({"json", "csv"}, "|") == "json|csv");
        CHECK(join({"", "b", ""}, ", ") == ", b, ");
        CHECK(join({"a", "b"}, "") == "ab");
    }
}

TEST_SUITE("util: names") {
    TEST_CASE("trim takes spaces, tabs, line breaks and no-break spaces off both ends") {
        CHECK(trim("  Priya Shah\t") == "Priya Shah");
        CHECK(trim("\xC2\xA0Tom\xC2\xA0 \n") == "Tom");
        CHECK(trim(" \t \xC2\xA0 ").empty());
        CHECK(trim("Anne  Marie") == "Anne  Marie");
    }

    TEST_CASE("agent_named: blank is refused, a roster spells the name or suggests one") {
        const auto kind = [](auto call) {
            try {
                call();
            } catch (const Error& e) {
                return std::optional(e.kind());
            }
            return std::optional<ErrorKind>();
        };
        CHECK(kind([] { agent_named(" \t ", {}); }) == ErrorKind::usage);
        CHECK(agent_named(" Anyone ", {}) == "Anyone");
        const std::vector<std::string> roster{"Priya Shah", "Tom Okafor"};
        CHECK(agent_named("priya   SHAH", roster) == "Priya Shah");
        try {
            agent_named("Priya Shaw", roster);
            FAIL("a name off the roster was taken");
        } catch (const Error& e) {
            CHECK(std::string(e.what()).find("did you mean 'Priya Shah'?") != std::string::npos);
        }
    }
}
