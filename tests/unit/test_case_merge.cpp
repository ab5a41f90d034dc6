// SPDX-License-Identifier: Apache-2.0
// Two sites add to one case while apart; git's merge driver joins them.
#include "complaints/base/error.hpp"
#include "complaints/codec/codec.hpp"
#include "complaints/codec/merge_conflict.hpp"
#include "complaints/merge/case_merge.hpp"
#include "complaints/model/model.hpp"

#include "event_of.hpp"
#include "temp_dir.hpp"

#include <doctest/doctest.h>
#include <fmt/format.h>

#include <algorithm>
#include <map>
#include <random>

using namespace complaints;
using complaints::testing::at;
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
        // Merging theirs in again changes nothing: events both sides added
        // are kept once.
        CHECK(merge_case_files(k_base, merge.text, theirs, "x.yaml").text == merge.text);
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

    TEST_CASE("keys both sides changed differently are all named and marked") {
        const auto ours = replaced(replaced(k_base, "about: \"B\"", "about: \"Dr Keane\""),
                                   "channel: email", "channel: phone");
        const auto theirs = replaced(replaced(k_base, "about: \"B\"", "about: \"Dr Tully\""),
                                     "channel: email", "channel: letter");
        const auto merge = merge_case_files(k_base, ours, theirs, "x.yaml");
        CHECK(merge.conflicts == std::vector<std::string>{"channel", "about"});
        CHECK(merge.text.find("<<<<<<< ours\nchannel: phone\n=======\nchannel: letter\n"
                              ">>>>>>> theirs\n") != std::string::npos);
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

namespace {

Event event(const std::string& when, EventType type, const std::string& text) {
    Event e;
    e.at = at(when.c_str());
    e.type = type;
    e.by = "C";
    e.text = text;
    return e;
}

// A case well under way: two points, two actions, a few events.
Case under_way() {
    Case c = read_case(k_base, "base.yaml");
    for (int n : {1, 2}) {
        Point point;
        point.number = n;
        point.text = "Point " + std::to_string(n);
        c.points.push_back(point);
        Action action;
        action.number = n;
        action.text = "Action text " + std::to_string(n);
        action.lead = "Lead";
        action.due = *parse_date("2026-12-01");
        action.added = at("2026-11-03T09:00:00+00:00");
        c.actions.push_back(action);
    }
    c.events.push_back(event("2026-11-03T09:00:00+00:00", EventType::call, "First call"));
    c.events.push_back(event("2026-11-03T10:00:00+00:00", EventType::note, "A note with a tpyo"));
    return c;
}

CaseMerge merged(const Case& base, const Case& ours, const Case& theirs) {
    return merge_case_files(write_case(base), write_case(ours), write_case(theirs),
                            "cases/LUM-2026-7K3QMX.yaml");
}

Case clean(const CaseMerge& merge) {
    REQUIRE_MESSAGE(merge.conflicts.empty(), merge.text);
    return read_case(merge.text, "merged.yaml");
}

} // namespace

TEST_SUITE("case merge, item by item") {
    TEST_CASE("findings on different points at each site are both kept") {
        const Case base = under_way();
        Case ours = base;
        ours.points[0].finding = Finding::upheld;
        ours.points[0].conclusion = "We were late";
        Case theirs = base;
        theirs.points[1].finding = Finding::not_upheld;
        theirs.points[1].remedial_action = "None needed";
        const Case out = clean(merged(base, ours, theirs));
        CHECK(out.points[0] == ours.points[0]);
        CHECK(out.points[1] == theirs.points[1]);
    }

    TEST_CASE("different fields of one point changed at each site are both kept") {
        const Case base = under_way();
        Case ours = base;
        ours.points[0].finding = Finding::upheld;
        Case theirs = base;
        theirs.points[0].text = "Point 1, typo fixed";
        const Case out = clean(merged(base, ours, theirs));
        CHECK(out.points[0].finding == Finding::upheld);
        CHECK(out.points[0].text == "Point 1, typo fixed");
    }

    TEST_CASE("progress on different actions, and on one action, at each site is all kept") {
        const Case base = under_way();
        Case ours = base;
        ours.actions[0].progress.push_back({at("2026-11-05T09:00:00+00:00"), "Ours on 1"});
        ours.actions[1].progress.push_back({at("2026-11-06T09:00:00+00:00"), "Ours on 2"});
        Case theirs = base;
        theirs.actions[1].progress.push_back({at("2026-11-05T12:00:00+00:00"), "Theirs on 2"});
        theirs.actions[1].done = at("2026-11-07T09:00:00+00:00");
        const Case out = clean(merged(base, ours, theirs));
        CHECK(out.actions[0].progress == ours.actions[0].progress);
        REQUIRE(out.actions[1].progress.size() == 2);
        CHECK(out.actions[1].progress[0].text == "Theirs on 2");
        CHECK(out.actions[1].progress[1].text == "Ours on 2");
        CHECK(out.actions[1].done == theirs.actions[1].done);
    }

    TEST_CASE("an action both sites added as 3 is kept twice, theirs renumbered with its events") {
        const Case base = under_way();
        const auto add = [](Case c, const std::string& text, const std::string& when) {
            Action action;
            action.number = 3;
            action.text = text;
            action.lead = "Lead";
            action.due = *parse_date("2026-12-10");
            action.added = at(when.c_str());
            c.actions.push_back(action);
            c.events.push_back(event(when, EventType::action, "Action 3 added: " + text));
            return c;
        };
        const Case ours = add(base, "Ours", "2026-11-05T09:00:00+00:00");
        const Case theirs = add(base, "Theirs", "2026-11-04T09:00:00+00:00");
        const Case out = clean(merged(base, ours, theirs));
        REQUIRE(out.actions.size() == 4);
        CHECK(out.actions[2].number == 3);
        CHECK(out.actions[2].text == "Ours");
        CHECK(out.actions[3].number == 4);
        CHECK(out.actions[3].text == "Theirs");
        REQUIRE(out.events.size() == 5);
        CHECK(out.events[3].text == "Action 4 added: Theirs");
        CHECK(out.events[4].text == "Action 3 added: Ours");
    }

    TEST_CASE("points both sites added are both kept and numbered in order") {
        const Case base = under_way();
        Case ours = base;
        ours.points.push_back(Point{3, "Ours", {}, {}, {}, {}, {}, {}, {}});
        Case theirs = base;
        theirs.points.push_back(Point{3, "Theirs", {}, {}, {}, {}, {}, {}, {}});
        const Case out = clean(merged(base, ours, theirs));
        REQUIRE(out.points.size() == 4);
        CHECK(out.points[2].text == "Ours");
        CHECK(out.points[3].text == "Theirs");
        CHECK(out.points[3].number == 4);
    }

    TEST_CASE("an event fixed by hand at one site and a new event at the other: each once") {
        const Case base = under_way();
        Case ours = base;
        ours.events[2].text = "A note with a typo";
        Case theirs = base;
        theirs.events.push_back(event("2026-11-04T09:00:00+00:00", EventType::call, "Later"));
        const Case out = clean(merged(base, ours, theirs));
        REQUIRE(out.events.size() == 4);
        CHECK(out.events[2].text == "A note with a typo");
        CHECK(out.events[3].text == "Later");
    }

    TEST_CASE("an event deleted at one site stays deleted") {
        const Case base = under_way();
        Case ours = base;
        ours.events.erase(ours.events.begin() + 1);
        Case theirs = base;
        theirs.events.push_back(event("2026-11-04T09:00:00+00:00", EventType::call, "Later"));
        const Case out = clean(merged(base, ours, theirs));
        REQUIRE(out.events.size() == 3);
        CHECK(out.events[1].text == "A note with a tpyo");
        CHECK(out.events[2].text == "Later");
    }

    TEST_CASE("an event's time corrected at one site moves once, in order") {
        const Case base = under_way();
        Case ours = base;
        ours.events[1].at = at("2026-11-03T11:00:00+00:00");
        std::swap(ours.events[1], ours.events[2]);
        Case theirs = base;
        theirs.events[2].by = "D";
        const Case out = clean(merged(base, ours, theirs));
        REQUIRE(out.events.size() == 3);
        CHECK(out.events[1].text == "A note with a tpyo");
        CHECK(out.events[1].by == "D");
        CHECK(out.events[2].text == "First call");
        CHECK(out.events[2].at == at("2026-11-03T11:00:00+00:00"));
    }

    TEST_CASE("the same event added at both sites, as after a cherry-pick, is kept once") {
        const Case base = under_way();
        Case ours = base;
        ours.events.push_back(event("2026-11-04T09:00:00+00:00", EventType::call, "Both"));
        const Case theirs = ours;
        const Case out = clean(merged(base, ours, theirs));
        CHECK(out.events.size() == 4);
    }

    TEST_CASE("a point's finding changed differently is marked around that field alone") {
        const Case base = under_way();
        Case ours = base;
        ours.points[0].finding = Finding::upheld;
        ours.summary = "Ours";
        Case theirs = base;
        theirs.points[0].finding = Finding::not_upheld;
        theirs.events.push_back(event("2026-11-04T09:00:00+00:00", EventType::call, "Later"));
        const auto merge = merged(base, ours, theirs);
        CHECK(merge.conflicts == std::vector<std::string>{"points[n: 1].finding"});
        CHECK(merge.text.find("<<<<<<< ours\n    finding: upheld\n=======\n"
                              "    finding: not-upheld\n>>>>>>> theirs\n") != std::string::npos);
        // Everything else merged.
        CHECK(merge.text.find("summary: \"Ours\"") != std::string::npos);
        CHECK(merge.text.find("Later") != std::string::npos);
        try {
            read_case(merge.text, "cases/LUM-2026-7K3QMX.yaml");
            FAIL("a file with conflict markers was read");
        } catch (const Error& e) {
            CHECK(e.kind() == ErrorKind::bad_data);
            const auto line = std::count(merge.text.begin(),
                                         merge.text.begin() + merge.text.find("<<<<<<<"), '\n') +
                              1;
            CHECK(e.describe() == "cases/LUM-2026-7K3QMX.yaml:" + std::to_string(line) +
                                      ": unresolved merge conflict in points[n: 1].finding");
        }
    }

    TEST_CASE("an event edited differently at both sites, and one deleted against an edit") {
        const Case base = under_way();
        Case ours = base;
        ours.events[2].text = "A note with a typo";
        ours.events.erase(ours.events.begin() + 1);
        Case theirs = base;
        theirs.events[2].text = "A note, no typo";
        theirs.events[1].text = "First call, edited";
        const auto merge = merged(base, ours, theirs);
        REQUIRE(merge.conflicts.size() == 2);
        CHECK(merge.conflicts[0] == "events[at: 2026-11-03T09:00:00+00:00]");
        CHECK(merge.conflicts[1] == "events[at: 2026-11-03T10:00:00+00:00].text");
    }

    TEST_CASE("the marker size git asks for is used") {
        const Case base = under_way();
        Case ours = base;
        ours.summary = "Ours";
        Case theirs = base;
        theirs.summary = "Theirs";
        const auto merge =
            merge_case_files(write_case(base), write_case(ours), write_case(theirs), "x.yaml", 9);
        CHECK(merge.text.find("\n<<<<<<<<< ours\nsummary: \"Ours\"\n=========\n"
                              "summary: \"Theirs\"\n>>>>>>>>> theirs\n") != std::string::npos);
        CHECK(conflict_marks(merge.text).size() == 1);
    }
}

TEST_SUITE("case merge, voids") {
    // Site A and site B each log a call at the same minute; B then voids its
    // own call, which at B is the first call at that minute. Merged either
    // way round, the void still names B's call, never A's.
    TEST_CASE("a void names the same event after a merge interleaves events of its instant and "
              "type") {
        const Case base = under_way();
        Case site_a = base;
        site_a.events.push_back(event("2026-11-04T09:00:00+00:00", EventType::call, "A's call"));
        Case site_b = base;
        site_b.events.push_back(event("2026-11-04T09:00:00+00:00", EventType::call, "B's call"));
        Event void_b = event("2026-11-04T11:00:00+00:00", EventType::voided, "Wrong case");
        void_b.voids = reference_to(site_b, site_b.events.back());
        CHECK_FALSE(void_b.voids->occurrence);
        site_b.events.push_back(void_b);
        for (const bool b_is_ours : {true, false}) {
            CAPTURE(b_is_ours);
            const Case out =
                clean(b_is_ours ? merged(base, site_b, site_a) : merged(base, site_a, site_b));
            const auto voided = std::find_if(out.events.begin(), out.events.end(),
                                             [](const Event& e) { return e.voids.has_value(); });
            REQUIRE(voided != out.events.end());
            const Event* target = find_event(out, *voided->voids);
            REQUIRE(target);
            CHECK(target->text == "B's call");
        }
    }

    TEST_CASE("a void at each site of its own same-minute event names each one after the merge") {
        const Case base = under_way();
        Case site_a = base;
        site_a.events.push_back(event("2026-11-04T09:00:00+00:00", EventType::call, "A's call"));
        Event void_a = event("2026-11-04T10:00:00+00:00", EventType::voided, "A's mistake");
        void_a.voids = reference_to(site_a, site_a.events.back());
        site_a.events.push_back(void_a);
        Case site_b = base;
        site_b.events.push_back(event("2026-11-04T09:00:00+00:00", EventType::call, "B's call"));
        Event void_b = event("2026-11-04T11:00:00+00:00", EventType::voided, "B's mistake");
        void_b.voids = reference_to(site_b, site_b.events.back());
        site_b.events.push_back(void_b);
        for (const bool b_is_ours : {true, false}) {
            CAPTURE(b_is_ours);
            const Case out =
                clean(b_is_ours ? merged(base, site_b, site_a) : merged(base, site_a, site_b));
            std::map<std::string, std::string> voided;
            for (const auto& e : out.events)
                if (e.voids) {
                    const Event* target = find_event(out, *e.voids);
                    REQUIRE(target);
                    voided[e.text] = target->text;
                }
            CHECK(voided == std::map<std::string, std::string>{{"A's mistake", "A's call"},
                                                               {"B's mistake", "B's call"}});
        }
    }
}

TEST_SUITE("case merge, a point deleted") {
    // No command deletes a point; someone does it by hand, renumbering the
    // points after it as the reader demands. Meanwhile the other site gives
    // the old point 3 a finding and adds point 4. Merged either way round,
    // nothing is lost, the points number 1, 2, 3, and the other site's new
    // events name the points by their numbers in the merge.
    TEST_CASE("a point deleted at one site while the other worked on later points leaves no gap "
              "and no stale reference") {
        Case base = under_way();
        Point third;
        third.number = 3;
        third.text = "Point 3";
        base.points.push_back(third);
        Case site_a = base;
        site_a.points.erase(site_a.points.begin() + 1);
        site_a.points[1].number = 2;
        Case site_b = base;
        site_b.points[2].finding = Finding::upheld;
        site_b.events.push_back(
            event("2026-11-05T09:00:00+00:00", EventType::note, "Point 3: upheld"));
        Point fourth;
        fourth.number = 4;
        fourth.text = "A fourth point";
        fourth.added = at("2026-11-05T10:00:00+00:00");
        site_b.points.push_back(fourth);
        site_b.events.push_back(event("2026-11-05T10:00:00+00:00", EventType::point_added,
                                      "Point 4 added: A fourth point"));
        for (const bool b_is_ours : {true, false}) {
            CAPTURE(b_is_ours);
            const Case out =
                clean(b_is_ours ? merged(base, site_b, site_a) : merged(base, site_a, site_b));
            REQUIRE(out.points.size() == 3);
            CHECK(out.points[0].text == "Point 1");
            CHECK(out.points[1].text == "Point 3");
            CHECK(out.points[1].number == 2);
            CHECK(out.points[1].finding == Finding::upheld);
            CHECK(out.points[2].text == "A fourth point");
            CHECK(out.points[2].number == 3);
            std::vector<std::string> texts;
            for (const auto& e : out.events)
                texts.push_back(e.text);
            CHECK(std::count(texts.begin(), texts.end(), "Point 2: upheld") == 1);
            CHECK(std::count(texts.begin(), texts.end(), "Point 3 added: A fourth point") == 1);
        }
    }
}

TEST_SUITE("case merge, criss-cross") {
    // A and B each kept their own finding when they merged each other; a
    // third merge of both gets git's merge of the two ancestors as its base,
    // with this driver's markers where they disagreed.
    TEST_CASE("a clash each site settled its own way is a conflict again, the rest merges") {
        const Case base = under_way();
        Case site_a = base;
        site_a.points[0].finding = Finding::upheld;
        site_a.events.push_back(event("2026-11-04T09:00:00+00:00", EventType::call, "A's call"));
        Case site_b = base;
        site_b.points[0].finding = Finding::not_upheld;
        site_b.events.push_back(event("2026-11-04T10:00:00+00:00", EventType::call, "B's call"));
        const auto virtual_base =
            merge_case_files(write_case(base), write_case(site_a), write_case(site_b), "x.yaml", 9);
        REQUIRE(virtual_base.conflicts.size() == 1);
        // Each site's merge: all events, its own finding, and more work.
        Case merged_a = site_a;
        merged_a.events.push_back(site_b.events.back());
        merged_a.events.push_back(event("2026-11-05T09:00:00+00:00", EventType::note, "A later"));
        Case merged_b = site_b;
        merged_b.events = merged_a.events;
        merged_b.events.pop_back();
        merged_b.actions[1].progress.push_back({at("2026-11-05T12:00:00+00:00"), "B later"});
        for (const bool a_is_ours : {true, false}) {
            CAPTURE(a_is_ours);
            const auto merge =
                merge_case_files(virtual_base.text, write_case(a_is_ours ? merged_a : merged_b),
                                 write_case(a_is_ours ? merged_b : merged_a), "x.yaml");
            CHECK(merge.conflicts == std::vector<std::string>{"points[n: 1].finding"});
            CHECK(merge.text.find("A later") != std::string::npos);
            CHECK(merge.text.find("B later") != std::string::npos);
            CHECK(merge.text.find("finding: upheld") != std::string::npos);
            CHECK(merge.text.find("finding: not-upheld") != std::string::npos);
        }
        // Where both sites settled it alike, it merges cleanly.
        const Case out = clean(merge_case_files(virtual_base.text, write_case(merged_a),
                                                write_case(merged_a), "x.yaml"));
        CHECK(out.points[0].finding == Finding::upheld);
    }
}

TEST_SUITE("conflict sides") {
    TEST_CASE("each conflict's sides and labels are read, and one side of one is kept") {
        const std::string text = "id: X\n"
                                 "<<<<<<< this-site (HEAD)\n"
                                 "summary: \"Ours\"\n"
                                 "=======\n"
                                 "summary: \"Theirs\"\n"
                                 ">>>>>>> other-site (the work being merged in)\n"
                                 "points:\n"
                                 "  - n: 1\n"
                                 "<<<<<<< this-site (HEAD)\n"
                                 "    finding: upheld\n"
                                 "=======\n"
                                 ">>>>>>> other-site (the work being merged in)\n"
                                 "events: []\n";
        const auto marks = conflict_marks(text);
        REQUIRE(marks.size() == 2);
        CHECK(marks[0].field == "summary");
        CHECK(marks[0].upper_label == "this-site (HEAD)");
        CHECK(marks[0].lower_label == "other-site (the work being merged in)");
        CHECK(marks[0].upper == "summary: \"Ours\"\n");
        CHECK(marks[0].lower == "summary: \"Theirs\"\n");
        CHECK(marks[1].field == "points[n: 1].finding");
        CHECK(marks[1].lower.empty());
        CHECK(conflict_fields(marks) == "summary, points[n: 1].finding");
        const auto kept = keep_side(text, 1, ConflictSide::lower);
        CHECK(kept.find("finding") == std::string::npos);
        REQUIRE(conflict_marks(kept).size() == 1);
        CHECK(conflict_marks(kept)[0].field == "summary");
        CHECK(keep_every(text, ConflictSide::upper) ==
              "id: X\nsummary: \"Ours\"\npoints:\n  - n: 1\n    finding: upheld\nevents: []\n");
    }
}

TEST_SUITE("case merge, same ID") {
    TEST_CASE("two different cases opened under one ID at two sites are said to be that") {
        const auto ours = k_base;
        const auto theirs =
            replaced(replaced(k_base, "complainant: \"A\"", "complainant: \"Z\""),
                     "received: 2026-11-02T09:14:00+00:00", "received: 2026-11-03T11:00:00+00:00");
        const auto merge = merge_case_files("", ours, theirs, "x.yaml");
        CHECK(merge.two_cases);
        CHECK(merge.conflicts == std::vector<std::string>{"received", "complainant"});
        // The same case added at both sites (a cherry-pick) is one case.
        CHECK_FALSE(
            merge_case_files("", ours, with_event(ours, "2026-11-04T10:00:00+00:00", "x"), "x.yaml")
                .two_cases);
    }
}

TEST_SUITE("case merge, property") {
    // Three sites work on one case and sync through one remote in a random
    // order (pull, merging with what they last synced as the base, then
    // push): after everyone syncs twice, all hold the same case and every
    // event, action and progress note written anywhere is in it once, with
    // each action's events naming its number.
    TEST_CASE("random work at three sites with random syncs converges, nothing lost") {
        std::mt19937 random(20261124);
        for (int round = 0; round < 40; ++round) {
            const Case start = under_way();
            Case remote = start;
            std::vector<Case> local(3, start);
            std::vector<Case> synced(3, start);
            std::vector<std::string> events;
            std::map<std::string, std::string> progress_of; // progress -> its action's text
            std::vector<std::string> actions;
            const auto sync = [&](std::size_t site) {
                const auto merge =
                    merge_case_files(write_case(synced[site]), write_case(local[site]),
                                     write_case(remote), "x.yaml");
                REQUIRE_MESSAGE(merge.conflicts.empty(), merge.text);
                remote = local[site] = synced[site] = read_case(merge.text, "x.yaml");
            };
            int minute = 0;
            for (int step = 0; step < 30; ++step) {
                const std::size_t site = random() % 3;
                Case& c = local[site];
                const std::string text = fmt::format("site {} step {}", site, step);
                const auto when = at("2026-11-05T09:00:00+00:00");
                const Timestamp now{when.utc + std::chrono::minutes(++minute), 0};
                switch (random() % 4) {
                case 0:
                    sync(site);
                    break;
                case 1: {
                    Event e = event(format_timestamp(now), EventType::call, text);
                    add_event(c, e);
                    events.push_back(text);
                    break;
                }
                case 2: {
                    Action action;
                    action.number = static_cast<int>(c.actions.size()) + 1;
                    action.text = text;
                    action.lead = "Lead";
                    action.due = *parse_date("2026-12-01");
                    action.added = now;
                    c.actions.push_back(action);
                    add_event(c, event(format_timestamp(now), EventType::action,
                                       fmt::format("Action {} added: {}", action.number, text)));
                    actions.push_back(text);
                    break;
                }
                default: {
                    Action& action = c.actions[random() % c.actions.size()];
                    action.progress.push_back({now, text});
                    progress_of[text] = action.text;
                    break;
                }
                }
            }
            for (int twice = 0; twice < 2; ++twice)
                for (std::size_t site = 0; site < 3; ++site)
                    sync(site);
            for (const auto& c : local)
                CHECK(c == remote);
            const auto count = [](const auto& items, const std::string& text) {
                return std::count_if(items.begin(), items.end(),
                                     [&](const auto& item) { return item.text == text; });
            };
            for (const auto& text : events)
                CHECK(count(remote.events, text) == 1);
            for (const auto& text : actions) {
                REQUIRE(count(remote.actions, text) == 1);
                const auto action = std::find_if(remote.actions.begin(), remote.actions.end(),
                                                 [&](const Action& a) { return a.text == text; });
                CHECK(count(remote.events,
                            fmt::format("Action {} added: {}", action->number, text)) == 1);
            }
            for (const auto& [text, action_text] : progress_of) {
                const auto action =
                    std::find_if(remote.actions.begin(), remote.actions.end(),
                                 [&](const Action& a) { return a.text == action_text; });
                REQUIRE(action != remote.actions.end());
                CHECK(count(action->progress, text) == 1);
            }
            for (std::size_t i = 0; i < remote.actions.size(); ++i)
                CHECK(remote.actions[i].number == static_cast<int>(i) + 1);
        }
    }
}
