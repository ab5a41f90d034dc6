// SPDX-License-Identifier: Apache-2.0
// Any text a user types comes back byte for byte: a property over thousands
// of generated strings built from the pieces that break YAML writers.
#include "complaints/base/text.hpp"
#include "complaints/codec/codec.hpp"
#include "rounds.hpp"

#include <doctest/doctest.h>

#include <random>

using namespace complaints;

namespace {

const std::vector<std::string> k_pieces{": ",
                                        ":",
                                        "#",
                                        " #",
                                        "'",
                                        "\"",
                                        "\\",
                                        " ",
                                        "  ",
                                        "\t",
                                        "\n",
                                        "\n\n",
                                        "\r\n",
                                        "\r",
                                        "---",
                                        "...",
                                        "- ",
                                        "? ",
                                        "|",
                                        ">",
                                        "&a",
                                        "*a",
                                        "!tag",
                                        "%",
                                        "@",
                                        "`",
                                        "{",
                                        "}",
                                        "[",
                                        "]",
                                        ",",
                                        "yes",
                                        "no",
                                        "~",
                                        "null",
                                        "007",
                                        "1e3",
                                        "0x1F",
                                        "2024-01-05",
                                        "true",
                                        "caf\xC3\xA9",
                                        "\xF0\x9F\x98\x80",
                                        "\xF0\x9F\x91\xA9\xE2\x80\x8D\xF0\x9F\x92\xBB",
                                        "\xC2\x85",
                                        "\xE2\x80\xA8",
                                        "\xE2\x80\xA9",
                                        "\xEF\xBB\xBF",
                                        "\xC2\xA0",
                                        "\x7F",
                                        "\x01",
                                        "\x1B",
                                        "Dr Smith",
                                        "word",
                                        "The filler was injected too deeply",
                                        "\xD0\x9F\xD1\x80\xD0\xB8"};

// A random valid code point, C0/C1 controls and astral planes included.
std::string random_code_point(std::mt19937_64& random) {
    std::uniform_int_distribution<int> plane(0, 9);
    std::uniform_int_distribution<char32_t> ascii(1, 0x7F), bmp(0x80, 0xFFFD),
        astral(0x10000, 0x10FFFF);
    const int which = plane(random);
    char32_t c = which < 6 ? ascii(random) : which < 9 ? bmp(random) : astral(random);
    if (c >= 0xD800 && c <= 0xDFFF)
        c = 'x';
    std::string out;
    if (c < 0x80) {
        out += static_cast<char>(c);
    } else if (c < 0x800) {
        out += static_cast<char>(0xC0 | (c >> 6));
        out += static_cast<char>(0x80 | (c & 0x3F));
    } else if (c < 0x10000) {
        out += static_cast<char>(0xE0 | (c >> 12));
        out += static_cast<char>(0x80 | ((c >> 6) & 0x3F));
        out += static_cast<char>(0x80 | (c & 0x3F));
    } else {
        out += static_cast<char>(0xF0 | (c >> 18));
        out += static_cast<char>(0x80 | ((c >> 12) & 0x3F));
        out += static_cast<char>(0x80 | ((c >> 6) & 0x3F));
        out += static_cast<char>(0x80 | (c & 0x3F));
    }
    return out;
}

std::string random_text(std::mt19937_64& random) {
    std::uniform_int_distribution<int> count(0, 12), kind(0, 9);
    std::uniform_int_distribution<std::size_t> piece(0, k_pieces.size() - 1);
    std::string text;
    const int parts = count(random);
    for (int i = 0; i < parts; ++i) {
        const int k = kind(random);
        if (k < 6)
            text += k_pieces[piece(random)];
        else if (k < 9)
            text += random_code_point(random);
        else
            text += std::string(static_cast<std::size_t>(count(random)) * 400, 'x');
    }
    return text;
}

Case case_with(const std::string& text) {
    Case c;
    c.id = "LUM-2026-7K3QMX";
    c.received = *parse_stored_timestamp("2026-11-02T09:14:00+00:00");
    c.complainant = text;
    c.on_behalf_of = text;
    c.consent = Consent::yes;
    c.about = text;
    c.type = text.empty() ? "" : text;
    c.summary = text;
    c.points.push_back(Point{1, text, {}, {}, {}, {}, {}, {}, {}});
    c.points.push_back(Point{2, text + "\n", {}, {}, {}, {}, {}, {}, {}});
    c.points[0].finding = Finding::partly_upheld;
    c.points[0].conclusion = text;
    c.points[0].remedial_action = text;
    c.points[0].staff = text;
    c.practitioners = {text, "Dr B"};
    c.exclusion = Excluded{Exclusion::another_service, text};
    c.apology = text;
    c.outcome = Outcome::partly_upheld;
    c.learning = text;
    c.no_learning = text;
    c.actions.push_back(Action{1,
                               text,
                               text,
                               *parse_date("2026-12-01"),
                               c.received,
                               {ActionProgress{c.received, text}},
                               c.received});
    c.escalations.push_back(Escalation{"iscas", c.received, text, text, c.received});
    c.gmc = text;
    c.agent = text;
    c.notice_days = 2;
    c.session = *parse_date("2026-11-17");
    c.withdrawn = *parse_date("2026-11-15");
    c.warning = c.received;
    Event event;
    event.at = c.received;
    event.type = EventType::call;
    event.by = text;
    event.text = text;
    event.attendees = {text, "Dr C"};
    c.events.push_back(event);
    return c;
}

std::optional<Timestamp> c_warning(const Case& c) {
    return c.warning;
}

void check_round_trip(const std::string& text) {
    const Case before = case_with(text);
    const std::string file = write_case(before);
    Case after;
    try {
        after = read_case(file, "cases/LUM-2026-7K3QMX.yaml");
    } catch (const std::exception& e) {
        FAIL("could not read back: " << e.what() << "\n" << file);
    }
    CHECK(after.complainant == text);
    CHECK(after.on_behalf_of == text);
    CHECK(after.about == text);
    CHECK(after.type == before.type);
    CHECK(after.summary == text);
    CHECK(after.points.at(0).text == text);
    CHECK(after.points.at(1).text == text + "\n");
    CHECK(after.events.at(0).by == text);
    CHECK(after.events.at(0).text == text);
    CHECK(after.points.at(0).conclusion == text);
    CHECK(after.points.at(0).remedial_action == text);
    CHECK(after.points.at(0).staff == text);
    CHECK(after.practitioners.at(0) == text);
    CHECK(after.exclusion->text == text);
    CHECK(after.apology == text);
    CHECK(after.learning == text);
    CHECK(after.no_learning == text);
    CHECK(after.actions.at(0).text == text);
    CHECK(after.actions.at(0).lead == text);
    CHECK(after.actions.at(0).progress.at(0).text == text);
    CHECK(after.escalations.at(0).reference == text);
    CHECK(after.escalations.at(0).outcome == text);
    CHECK(after.gmc == text);
    CHECK(after.agent == text);
    CHECK(after.notice_days == 2);
    CHECK(after.session == parse_date("2026-11-17"));
    CHECK(after.withdrawn == parse_date("2026-11-15"));
    CHECK(after.warning == c_warning(before));
    CHECK(after.events.at(0).attendees.at(0) == text);
    CHECK(write_case(after) == file);
}

} // namespace

TEST_SUITE("codec round trip") {
    TEST_CASE("named hard cases") {
        for (const std::string& text : std::vector<std::string>{"",
                                                                " ",
                                                                "  leading",
                                                                "trailing  ",
                                                                "a: b",
                                                                "# not a comment",
                                                                "'quoted'",
                                                                "\"double\"",
                                                                "---",
                                                                "...",
                                                                "--- \n...",
                                                                "tab\there",
                                                                "\tleading tab",
                                                                "crlf\r\nline",
                                                                "lone\rcr",
                                                                "line\n",
                                                                "line\n\n\n",
                                                                "\nstarts with newline",
                                                                "two\nlines",
                                                                "two\n lines",
                                                                " indented\nfirst",
                                                                "blank\n   \nline",
                                                                "emoji \xF0\x9F\x98\x80",
                                                                "yes",
                                                                "no",
                                                                "~",
                                                                "null",
                                                                "007",
                                                                "2024-01-05",
                                                                std::string(100000, 'y') + "\nz",
                                                                "- item",
                                                                "key:\n  value",
                                                                "|\n>",
                                                                "\xC2\x85next line",
                                                                "sep\xE2\x80\xA8para"})
            check_round_trip(text);
    }

    TEST_CASE("5,000 generated strings survive write and read byte for byte") {
        std::mt19937_64 random(20261122);
        for (int i = 0; i < test::rounds(5000); ++i) {
            const std::string text = random_text(random);
            REQUIRE(!first_invalid_byte(text));
            CAPTURE(i);
            check_round_trip(text);
        }
    }

    TEST_CASE("multi-line text that reads back exactly is written as a block literal") {
        CHECK(emit_text_value("one\ntwo\n", 2) == "|\n  one\n  two");
        CHECK(emit_text_value("one\ntwo", 2) == "|-\n  one\n  two");
        CHECK(emit_text_value("one\n\n", 2) == "|+\n  one\n");
        CHECK(emit_text_value("one", 2) == "\"one\"");
        CHECK(emit_text_value(" one\ntwo", 2) == "\" one\\ntwo\"");
    }

    TEST_CASE("unknown keys survive a rewrite, in the case, its points and events") {
        const std::string file = "id: LUM-2026-7K3QMX\n"
                                 "kind: complaint\n"
                                 "status: open\n"
                                 "received: 2026-11-02T09:14:00+00:00\n"
                                 "channel: email\n"
                                 "complainant: \"A\"\n"
                                 "about: \"B\"\n"
                                 "summary: \"\"\n"
                                 "points:\n"
                                 "  - n: 1\n"
                                 "    text: \"p\"\n"
                                 "    severity: high\n"
                                 "events:\n"
                                 "  - at: 2026-11-02T09:14:00+00:00\n"
                                 "    type: opened\n"
                                 "    by: \"C\"\n"
                                 "    text: \"\"\n"
                                 "    attachments: [a.pdf, b.pdf]\n"
                                 "site_notes:\n"
                                 "  ward: \"7\"\n"
                                 "  flags: [x, y]\n"
                                 "reviewer: Dr Who\n";
        const Case c = read_case(file, "x.yaml");
        REQUIRE(c.extras.size() == 2);
        const Case again = read_case(write_case(c), "x.yaml");
        REQUIRE(again.extras.size() == 2);
        CHECK(again.extras[0].key == "site_notes");
        CHECK(again.extras[0].yaml == c.extras[0].yaml);
        CHECK(again.extras[1].yaml == "Dr Who");
        REQUIRE(again.points[0].extras.size() == 1);
        CHECK(again.points[0].extras[0].key == "severity");
        REQUIRE(again.events[0].extras.size() == 1);
        CHECK(again.events[0].extras[0].yaml == c.events[0].extras[0].yaml);
        CHECK(write_case(again) == write_case(c));
    }

    TEST_CASE("back-dated events are inserted in time order, ties after") {
        Case c = case_with("x");
        Event late;
        late.at = *parse_stored_timestamp("2026-11-05T10:00:00+00:00");
        late.type = EventType::note;
        late.text = "late";
        add_event(c, late);
        Event early = late;
        early.at = *parse_stored_timestamp("2026-11-03T10:00:00+00:00");
        early.text = "early";
        add_event(c, early);
        Event tie = late;
        tie.text = "tie";
        add_event(c, tie);
        REQUIRE(c.events.size() == 4);
        CHECK(c.events[1].text == "early");
        CHECK(c.events[2].text == "late");
        CHECK(c.events[3].text == "tie");
    }
}
