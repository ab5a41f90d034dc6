// SPDX-License-Identifier: Apache-2.0
#include "complaints/base/error.hpp"
#include "complaints/base/text.hpp"

#include <doctest/doctest.h>

using namespace complaints;

TEST_SUITE("text") {
    TEST_CASE("valid UTF-8 passes, including emoji and four-byte forms") {
        CHECK_FALSE(first_invalid_byte("plain ascii"));
        CHECK_FALSE(first_invalid_byte("caf\xC3\xA9 \xF0\x9F\x98\x80 \xE2\x80\xA8"));
        CHECK_FALSE(first_invalid_byte(""));
    }

    TEST_CASE("broken UTF-8 and NUL are found at their byte") {
        CHECK(first_invalid_byte("ab\xFF") == 2u);
        CHECK(first_invalid_byte("a\xC0\xAF") == 1u);        // overlong slash
        CHECK(first_invalid_byte("x\xED\xA0\x80") == 1u);    // a surrogate
        CHECK(first_invalid_byte("\xF4\x90\x80\x80") == 0u); // past U+10FFFF
        CHECK(first_invalid_byte("ab\xE2\x82") == 2u);       // cut short
        CHECK(first_invalid_byte(std::string("a\0b", 3)) == 1u);
    }

    TEST_CASE("control characters but tab, newline and CR are found at their byte") {
        CHECK(first_control("A\x01"
                            "B") == 1u);
        CHECK(first_control("caf\xc3\xa9 \x7f") == 6u);
        CHECK(first_control("\xc2\x9b") == 0u);
        CHECK(first_control("x\x1b[2J") == 1u);
        CHECK_FALSE(first_control("a\tb\r\nc\n\xc2\xa0\xc3\xa9"));
    }

    TEST_CASE("require_clean_text refuses a control character as a problem naming where") {
        try {
            require_clean_text("A\x01"
                               "B",
                               "--complainant");
            FAIL("accepted");
        } catch (const Error& e) {
            CHECK(e.kind() == ErrorKind::usage);
            REQUIRE(e.problems().size() == 1);
            CHECK(e.problems()[0].code == ProblemCode::value_invalid);
            CHECK(std::string(e.what()) == "--complainant: control character U+0001 at position 2");
        }
        CHECK_NOTHROW(require_clean_text("one\r\n\ttwo", "--text"));
    }

    TEST_CASE("visible_controls keeps a CR that ends a line before its LF") {
        CHECK(visible_controls("a\r\nb\rc") == "a\r\nb^Mc");
        CHECK(visible_controls("\r") == "^M");
    }

    TEST_CASE("visible_controls shows C0, DEL and C1 controls and keeps newline, tab and text") {
        CHECK(visible_controls("a\x1b]0;t\x07"
                               "b") == "a^[]0;t^Gb");
        CHECK(visible_controls("x\ry\x7f") == "x^My^?");
        CHECK(visible_controls("csi \xc2\x9b"
                               "2J, nel \xc2\x85") == "csi \\x9b2J, nel \\x85");
        CHECK(visible_controls("line\n\tJos\xc3\xa9 \xc2\xa0\xf0\x9f\x98\x80") ==
              "line\n\tJos\xc3\xa9 \xc2\xa0\xf0\x9f\x98\x80");
    }

    TEST_CASE("line and column count lines and code points from 1") {
        const std::string text = "one\ntw\xC3\xA9x\n";
        CHECK(line_column_at(text, 0).line == 1);
        const auto at_x = line_column_at(text, 8);
        CHECK(at_x.line == 2);
        CHECK(at_x.column == 4);
    }

    TEST_CASE("require_clean_text is a usage error naming the flag") {
        try {
            require_clean_text("bad\xFF", "--text");
            FAIL("no error");
        } catch (const Error& e) {
            CHECK(e.kind() == ErrorKind::usage);
            CHECK(std::string(e.what()).find("--text") != std::string::npos);
        }
    }

    TEST_CASE("did_you_mean finds a close word, counting a swap as one edit") {
        CHECK(did_you_mean("opne", {"open", "log", "list"}) == " (did you mean 'open'?)");
        CHECK(did_you_mean("compliant", {"complaint", "concern"}) ==
              " (did you mean 'complaint'?)");
        CHECK(did_you_mean("zzzz", {"open", "log"}).empty());
    }
}
