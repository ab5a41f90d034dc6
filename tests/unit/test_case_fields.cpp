// SPDX-License-Identifier: Apache-2.0
// The one description of a case's fields drives the YAML codec, the cache
// codec and the patient-data walk: each keeps every field of a case with
// every field set (full_case is built from the description itself).
#include "full_case.hpp"

#include "cache_shape.hpp"
#include "complaints/codec/codec.hpp"
#include "complaints/policy/patient_data.hpp"
#include "complaints/store/case_cache.hpp"

#include <doctest/doctest.h>
#include <fmt/format.h>

#include <algorithm>
#include <set>

using namespace complaints;
using complaints::testing::full_case;

TEST_SUITE("case fields") {
    TEST_CASE("the cache codec gives back a fully populated case field for field") {
        const Case before = full_case();
        CHECK(decode_case(encode_case(before)) == before);
    }

    TEST_CASE("the cache keeps times west of Greenwich and dates before 1970") {
        Case c = full_case();
        c.received.offset_minutes = -300;
        c.happened = date::year{1969} / 12 / 31;
        c.notice_days = -1;
        CHECK(decode_case(encode_case(c)) == c);
    }

    TEST_CASE("a cache entry cut anywhere is refused, never read as another case") {
        const std::string bytes = encode_case(full_case());
        for (std::size_t length = 0; length < bytes.size(); length += 7)
            CHECK_THROWS_AS(decode_case(std::string_view(bytes).substr(0, length)),
                            std::runtime_error);
    }

    TEST_CASE("the YAML codec gives back a fully populated case, unknown keys included") {
        for (const std::string text : {"", "line one\nline two\n", "yes", "caf\xC3\xA9: #1"}) {
            CAPTURE(text);
            const Case before = full_case(text);
            const std::string file = write_case(before);
            CAPTURE(file);
            const Case after = read_case(file, "cases/LUM-2026-7K3QMX.yaml");
            CHECK(after == before);
            CHECK(write_case(after) == file);
        }
    }

    TEST_CASE("the patient-data walk reads every typed text, nested and unknown ones too") {
        Policy policy = preset_policy("platform");
        const int count = complaints::testing::typed_text_count();
        CHECK(count > 40);
        std::set<std::string> named;
        for (int k = 0; k < count; ++k) {
            CAPTURE(k);
            const Case c = complaints::testing::case_with_typed_text(k, "patient 943 476 5919");
            // The first NHS number (full_case also names a patient, which
            // the platform refuses on its own).
            const auto all = find_all_patient_data(c, policy);
            const auto found = std::find_if(all.begin(), all.end(), [](const auto& f) {
                return f.span.what == "an NHS number";
            });
            REQUIRE(found != all.end());
            named.insert(found->field.name);
        }
        CHECK(named.count("summary"));
        // full_case gives every enum its last value.
        const auto event_type = std::string(EnumNames<EventType>::names.back().second);
        CHECK(named.count("event 2 (" + event_type + ") by"));
        const int action = complaints::testing::full_case("x").actions.front().number;
        CHECK(named.count(fmt::format("action {} progress note 2 text", action)));
        CHECK(named.count("exclusion text"));
        CHECK(named.count("ward"));
        CHECK(named.count("point 1 ward"));
        CHECK(named.count("point 2 correction"));
    }

    TEST_CASE("check names the line of the key that holds the patient data") {
        const Case c = complaints::testing::case_with_typed_text(0, "patient 943 476 5919");
        const auto all = find_all_patient_data(c, preset_policy("platform"));
        REQUIRE(!all.empty());
        const auto found = all.begin();
        CHECK(found->field.name == "complainant");
        CHECK(found->field.top_key == "complainant");
    }
}

TEST_SUITE("the cache's version") {
    TEST_CASE("follows every key's name and kind, and their order, by itself") {
        using complaints::cache_shape::Shape;
        const auto shape_of = [](auto visit) {
            Shape shape;
            visit(shape);
            return shape.hash;
        };
        const auto text = [](std::string_view name) {
            return [name](Shape& s) { s.field(fields::maybe(name), std::string{}); };
        };
        CHECK(shape_of(text("summary")) != shape_of(text("summery")));
        CHECK(shape_of(text("n")) != shape_of([](Shape& s) { s.field(fields::maybe("n"), 0); }));
        CHECK(shape_of([](Shape& s) {
                  s.field(fields::maybe("a"), std::string{});
                  s.field(fields::maybe("b"), 0);
              }) != shape_of([](Shape& s) {
                  s.field(fields::maybe("b"), 0);
                  s.field(fields::maybe("a"), std::string{});
              }));
        CHECK(complaints::cache_shape::of_case() != Shape{}.hash);
    }
}
