// SPDX-License-Identifier: Apache-2.0
// A broken case file is named with its line and column and what is wrong.
#include "complaints/base/error.hpp"
#include "complaints/codec/codec.hpp"

#include "temp_dir.hpp"

#include <doctest/doctest.h>

using namespace complaints;

namespace {

const std::string k_good = "id: LUM-2026-7K3QMX\n" // 1
                           "kind: complaint\n"     // 2
                           "status: open\n"        // 3
                           "received: 2026-11-02T09:14:00+00:00\n"
                           "channel: email\n" // 5
                           "complainant: \"A\"\n"
                           "about: \"B\"\n"
                           "summary: \"\"\n"
                           "points: []\n"
                           "events:\n" // 10
                           "  - at: 2026-11-02T09:14:00+00:00\n"
                           "    type: opened\n"
                           "    by: \"C\"\n"
                           "    text: \"\"\n";

using test::replaced;

// The error's "file:line:col: message".
std::string error_of(const std::string& text) {
    try {
        read_case(text, "cases/LUM-2026-7K3QMX.yaml");
    } catch (const Error& e) {
        CHECK(e.kind() == ErrorKind::bad_data);
        return e.describe();
    }
    return "no error";
}

} // namespace

TEST_SUITE("codec errors") {
    TEST_CASE("the good file reads") {
        CHECK_NOTHROW(read_case(k_good, "x.yaml"));
    }

    TEST_CASE("an unknown enum value names its line and suggests the right one") {
        CHECK(error_of(replaced(k_good, "status: open", "status: opn")) ==
              "cases/LUM-2026-7K3QMX.yaml:3:9: unknown status 'opn' (did you mean 'open'?)");
        CHECK(error_of(replaced(k_good, "channel: email", "channel: fax")) ==
              "cases/LUM-2026-7K3QMX.yaml:5:10: unknown channel 'fax'");
    }

    TEST_CASE("a duplicate key is refused at the second one") {
        CHECK(error_of(replaced(k_good, "status: open\n", "status: open\nstatus: closed\n")) ==
              "cases/LUM-2026-7K3QMX.yaml:4:1: duplicate key 'status'");
    }

    TEST_CASE("a missing key names the mapping that lacks it") {
        CHECK(error_of(replaced(k_good, "kind: complaint\n", "")) ==
              "cases/LUM-2026-7K3QMX.yaml:1:1: a case file has no 'kind' key");
        CHECK(error_of(replaced(k_good, "    type: opened\n", "")) ==
              "cases/LUM-2026-7K3QMX.yaml:11:5: an event has no 'type' key");
    }

    TEST_CASE("wrong types") {
        CHECK(error_of(replaced(k_good, "points: []", "points: many")) ==
              "cases/LUM-2026-7K3QMX.yaml:9:9: 'points' must be a list");
        CHECK(error_of(replaced(k_good, "about: \"B\"", "about: [B, C]")) ==
              "cases/LUM-2026-7K3QMX.yaml:7:8: 'about' must be text, not a list or mapping");
        CHECK(error_of(replaced(k_good, "received: 2026-11-02T09:14:00+00:00",
                                "received: 2026-02-30T09:14:00+00:00")) ==
              "cases/LUM-2026-7K3QMX.yaml:4:11: 'received' must be a time like "
              "2026-11-02T09:14:00+00:00, not '2026-02-30T09:14:00+00:00'");
        CHECK(error_of("- just\n- a list\n") ==
              "cases/LUM-2026-7K3QMX.yaml:1:1: a case file must be a mapping of keys to values");
    }

    TEST_CASE("broken YAML, invalid UTF-8 and NUL bytes") {
        CHECK(error_of(replaced(k_good, "about: \"B\"", "about: \"B"))
                  .starts_with("cases/LUM-2026-7K3QMX.yaml:"));
        CHECK(error_of(replaced(k_good, "about: \"B\"", "about: \"B\xFF\"")) ==
              "cases/LUM-2026-7K3QMX.yaml:7:10: contains bytes that are not UTF-8");
        CHECK(error_of(replaced(k_good, "about: \"B\"", std::string("about: \"\0\"", 10))) ==
              "cases/LUM-2026-7K3QMX.yaml:7:9: contains a NUL byte");
        CHECK(error_of("").find("a case file must be a mapping of keys to values") !=
              std::string::npos);
    }

    TEST_CASE("an escape that decodes to NUL is refused (found by fuzzing)") {
        CHECK(error_of(replaced(k_good, "about: \"B\"", "about: \"a\\0\"")) ==
              "cases/LUM-2026-7K3QMX.yaml:7:8: 'about' holds an escape that is not UTF-8 text or "
              "is a NUL (byte 1)");
        CHECK(error_of(replaced(k_good, "about: \"B\"", "about: \"\\x00\"")).find("is a NUL") !=
              std::string::npos);
    }

    TEST_CASE("YAML's escapes read as the characters they name, and write back the same") {
        // \N and \_ are YAML's next-line and no-break space (yaml-cpp 0.7 made
        // them raw bytes that were not UTF-8).
        const Case c =
            read_case(replaced(k_good, "about: \"B\"", "about: \"B\\N\\_\\x41\\u00e9\""), "x.yaml");
        CHECK(c.about == "B\u0085\u00a0A\u00e9");
        CHECK(read_case(write_case(c), "x.yaml").about == c.about);
        CHECK(error_of(replaced(k_good, "about: \"B\"", "about: \"\\uD800\""))
                  .find("not valid YAML") != std::string::npos);
    }

    TEST_CASE("events out of time order and unknown event types") {
        const std::string two = k_good + "  - at: 2026-11-01T09:14:00+00:00\n    type: call\n";
        CHECK(error_of(two) == "cases/LUM-2026-7K3QMX.yaml:15:5: event 2 is dated before the "
                               "event above it; events are kept in time order");
        const std::string typo = k_good + "  - at: 2026-11-03T09:14:00+00:00\n    type: cal\n";
        CHECK(error_of(typo) ==
              "cases/LUM-2026-7K3QMX.yaml:16:11: unknown event type 'cal' (did you mean 'call'?)");
    }

    TEST_CASE("points must be numbered in order") {
        const std::string points =
            replaced(k_good, "points: []", "points:\n  - n: 1\n    text: a\n  - n: 3\n    text: b");
        CHECK(error_of(points) == "cases/LUM-2026-7K3QMX.yaml:12:5: points must be numbered 1, 2, "
                                  "3, ... in order; found 3 where 2 belongs");
    }
}
