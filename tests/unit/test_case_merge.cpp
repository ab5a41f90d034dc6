// Two sites add to one case while apart; git's merge driver joins them.
#include "complaints/case_merge.hpp"
#include "complaints/codec.hpp"
#include "complaints/error.hpp"

#include "temp_dir.hpp"

#include <doctest/doctest.h>

using namespace complaints;
using test::replaced;

namespace {

const std::string k_base = "id: LUM-2026-7K3QMX\n"
                           "kind: complaint\n"
                           "status: open\n"
                           "received: 2026-11-02T09:14:00+00:00\n"
                           "channel: email\n"
                           "complainant: \"A\"\n"
                           "about: \"B\"\n"
                           "summary: \"Late for the appointment\"\n"
                           "points: []\n"
                           "events:\n"
                           "  - at: 2026-11-02T09:14:00+00:00\n"
                           "    type: opened\n"
                           "    by: \"C\"\n"
                           "    text: \"\"\n";

std::string with_event(const std::string& text, const std::string& at, const std::string& what) {
    return text + "  - at: " + at + "\n    type: call\n    by: \"C\"\n    text: \"" + what + "\"\n";
}

std::vector<std::string> event_texts(const std::string& file) {
    std::vector<std::string> texts;
    for (const auto& event : read_case(file, "x.yaml").events)
        texts.push_back(event.text);
    return texts;
}

} // namespace

TEST_SUITE("case merge") {
    TEST_CASE("events both sites logged are all kept, in time order") {
        const auto ours = with_event(k_base, "2026-11-04T10:00:00+00:00", "ours, later");
        const auto theirs =
            with_event(with_event(k_base, "2026-11-03T10:00:00+00:00", "theirs, earlier"),
                       "2026-11-05T10:00:00+00:00", "theirs, last");
        const auto merge = merge_case_files(k_base, ours, theirs, "cases/LUM-2026-7K3QMX.yaml");
        REQUIRE(merge.conflicts.empty());
        CHECK(event_texts(merge.text) ==
              std::vector<std::string>{"", "theirs, earlier", "ours, later", "theirs, last"});
        // Merging again changes nothing: the union has no duplicates.
        CHECK(merge_case_files(ours, merge.text, theirs, "x.yaml").text == merge.text);
    }

    TEST_CASE("a key one side changed takes that side's value, with every event") {
        const auto ours = replaced(with_event(k_base, "2026-11-04T10:00:00+00:00", "call"),
                                   "status: open", "status: closed");
        const auto theirs = replaced(with_event(k_base, "2026-11-03T10:00:00+00:00", "email"),
                                     "summary: \"Late for the appointment\"",
                                     "summary: \"Late, and rude to reception\"");
        const auto merge = merge_case_files(k_base, ours, theirs, "x.yaml");
        REQUIRE(merge.conflicts.empty());
        const Case merged = read_case(merge.text, "x.yaml");
        CHECK(merged.status == Status::closed);
        CHECK(merged.summary == "Late, and rude to reception");
        CHECK(merged.events.size() == 3);
    }

    TEST_CASE("keys both sides changed differently are all named, and nothing is merged") {
        const auto ours = replaced(replaced(k_base, "about: \"B\"", "about: \"Dr Keane\""),
                                   "channel: email", "channel: phone");
        const auto theirs = replaced(replaced(k_base, "about: \"B\"", "about: \"Dr Tully\""),
                                     "channel: email", "channel: letter");
        const auto merge = merge_case_files(k_base, ours, theirs, "x.yaml");
        CHECK(merge.conflicts == std::vector<std::string>{"channel", "about"});
        CHECK(merge.text.empty());
    }

    TEST_CASE("a case opened on both sides with no common base merges its events") {
        const auto ours = with_event(k_base, "2026-11-04T10:00:00+00:00", "ours");
        const auto theirs = with_event(k_base, "2026-11-03T10:00:00+00:00", "theirs");
        const auto merge = merge_case_files("", ours, theirs, "x.yaml");
        REQUIRE(merge.conflicts.empty());
        CHECK(event_texts(merge.text) == std::vector<std::string>{"", "theirs", "ours"});
    }

    TEST_CASE("a side that is not a valid case file is named") {
        try {
            merge_case_files(k_base, k_base, replaced(k_base, "status: open", "status: opne"),
                             "x.yaml");
            FAIL("no error");
        } catch (const Error& e) {
            CHECK(e.kind() == ErrorKind::bad_data);
            CHECK(e.describe() ==
                  "x.yaml (theirs):3:9: unknown status 'opne' (did you mean 'open'?)");
        }
    }
}
