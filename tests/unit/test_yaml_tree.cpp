// SPDX-License-Identifier: Apache-2.0
// The YAML tree read through libyaml: values, places, nulls, aliases and
// every way a text can be refused.
#include "complaints/base/error.hpp"
#include "yaml_tree.hpp"

#include <doctest/doctest.h>

using namespace complaints;

namespace {

// The error's "file:line:col: message", or "no error".
std::string error_of(const std::string& text) {
    try {
        parse_yaml(text, "f.yaml");
    } catch (const Error& e) {
        CHECK(e.kind() == ErrorKind::bad_data);
        return e.describe();
    }
    return "no error";
}

} // namespace

TEST_SUITE("yaml tree") {
    TEST_CASE("mappings, sequences and scalars keep their order and their places") {
        const auto document =
            parse_yaml("id: A-1\nlist:\n  - one\n  - \"two: 2\"\nmap: {k: v}\n", "f.yaml");
        const auto entries = document.root().entries();
        REQUIRE(entries.size() == 3);
        CHECK(entries[0].first.scalar() == "id");
        CHECK(entries[0].second.scalar() == "A-1");
        const auto items = entries[1].second.items();
        REQUIRE(items.size() == 2);
        CHECK(items[1].scalar() == "two: 2");
        CHECK(items[1].line() == 3); // 0-based, as libyaml counts
        CHECK(items[1].column() == 4);
        CHECK(entries[2].second.is_map());
        CHECK(entries[2].second.entries()[0].second.scalar() == "v");
    }

    TEST_CASE("only plain null spellings are null, quoted ones are text") {
        const auto document =
            parse_yaml("a:\nb: ~\nc: null\nd: \"null\"\ne: ''\nf: !!null x\n", "f.yaml");
        const auto entries = document.root().entries();
        CHECK(entries[0].second.is_null());
        CHECK(entries[1].second.is_null());
        CHECK(entries[2].second.is_null());
        CHECK(entries[3].second.is_scalar());
        CHECK(entries[3].second.scalar() == "null");
        CHECK(entries[4].second.is_scalar());
        CHECK(entries[5].second.is_null());
        CHECK(parse_yaml("", "f.yaml").root().is_null());
    }

    TEST_CASE("block literals and escapes read exactly") {
        const auto document =
            parse_yaml("a: |+\n  one\n\n  two\n\n\nb: \"\\t\\r\\n\\u00e9\\e\"\n", "f.yaml");
        const auto entries = document.root().entries();
        CHECK(entries[0].second.scalar() == "one\n\ntwo\n\n\n");
        CHECK(entries[1].second.scalar() == "\t\r\n\u00e9\x1b");
    }

    TEST_CASE("an alias shares its anchor's value") {
        const auto document = parse_yaml("a: &x [1, 2]\nb: *x\n", "f.yaml");
        const auto entries = document.root().entries();
        REQUIRE(entries[1].second.items().size() == 2);
        CHECK(entries[1].second.items()[1].scalar() == "2");
    }

    TEST_CASE("refusals name the line and column") {
        CHECK(error_of("a: b: c\n") ==
              "f.yaml:1:5: not valid YAML: mapping values are not allowed in this context");
        CHECK(error_of("a: 1\nb: \"open\n") == "f.yaml:3:1: not valid YAML: found unexpected end "
                                               "of stream while scanning a quoted scalar");
        CHECK(error_of("a: 1\nb: x\x01y\n") ==
              "f.yaml:2:5: not valid YAML: control characters are not allowed");
        CHECK(error_of("a: *nope\n") ==
              "f.yaml:1:4: the alias *nope names no complete anchor before it");
        CHECK(error_of("a: &x [1, *x]\n") ==
              "f.yaml:1:11: the alias *x names no complete anchor before it");
        CHECK(error_of("a: 1\n---\nb: 2\n") ==
              "f.yaml:2:1: a second YAML document ('---') here; a file holds one");
        CHECK(error_of(std::string(300, '[') + std::string(300, ']')).find("nested too deeply") !=
              std::string::npos);
    }

    TEST_CASE("an alias bomb is refused without unfolding it") {
        std::string bomb = "a0: &a0 [x, x, x, x, x, x, x, x, x, x]\n";
        for (int i = 1; i < 9; ++i) {
            bomb += "a" + std::to_string(i) + ": &a" + std::to_string(i) + " [";
            for (int k = 0; k < 10; ++k)
                bomb += (k ? ", *a" : "*a") + std::to_string(i - 1);
            bomb += "]\n";
        }
        CHECK(error_of(bomb).find("unfolds to more than 4194304 nodes") != std::string::npos);
        CHECK(error_of(bomb.substr(0, bomb.find("a4:"))) == "no error");
    }
}
