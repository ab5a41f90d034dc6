// SPDX-License-Identifier: Apache-2.0
// audit's rules: two versions of a case in, what the tool would have refused
// out. The tool's own changes (through the workflow) pass; hand edits do not.
#include "complaints/audit/history.hpp"
#include "complaints/workflow/corrections.hpp"

#include "event_of.hpp"

#include <doctest/doctest.h>

using namespace complaints;
using complaints::testing::at;
using complaints::testing::event_of;

namespace {

// A case whose response went on 20 November, with a finding on point 1.
Case sent_case() {
    Case c;
    c.id = "LUM-2026-XTE74M";
    c.received = at("2026-11-10T09:00:00+00:00");
    c.points.push_back(
        {.number = 1, .text = "Late", .finding = Finding::upheld, .conclusion = "He was late"});
    c.apology = "We are sorry.";
    add_event(c, event_of(c.received, EventType::opened, "M", "Opened"));
    add_event(c, event_of(at("2026-11-11T10:00:00+00:00"), EventType::call, "M", "Rang her"));
    add_event(c, event_of(at("2026-11-20T10:00:00+00:00"), EventType::response_sent, "M", "Sent"));
    return c;
}

std::vector<std::string> whats(const std::vector<HistoryProblem>& problems) {
    std::vector<std::string> out;
    for (const auto& p : problems)
        out.push_back(p.what);
    return out;
}

Event correction_by(const char* when) {
    return event_of(at(when), EventType::corrected, "M", "Typo in the conclusion");
}

} // namespace

TEST_SUITE("audit history rules") {
    TEST_CASE("a new event, and a correction made as the tool makes it, are no problem") {
        const Case before = sent_case();
        Case after = before;
        add_event(after, event_of(at("2026-11-21T10:00:00+00:00"), EventType::note, "M", "More"));
        record_amendments(after, {{"point 1 conclusion", "He was late", "He was very late"}},
                          correction_by("2026-11-21T11:00:00+00:00"));
        after.points[0].conclusion = "He was very late";
        CHECK(case_change_problems(before, after).empty());
    }

    TEST_CASE("a finding rewritten after the response was sent is reported, before and after") {
        const Case before = sent_case();
        Case after = before;
        after.points[0].finding = Finding::not_upheld;
        const auto problems = case_change_problems(before, after);
        REQUIRE(problems.size() == 1);
        CHECK(problems[0].what.starts_with("point 1 finding changed after the answer was sent"));
        CHECK(problems[0].before == "upheld");
        CHECK(problems[0].after == "not-upheld");
        CHECK(problems[0].event == 0);
    }

    TEST_CASE("before the response, the finding is the investigation's to change") {
        Case before = sent_case();
        before.events.pop_back();
        Case after = before;
        after.points[0].finding = Finding::not_upheld;
        CHECK(case_change_problems(before, after).empty());
    }

    TEST_CASE("a correction for another item does not account for the finding") {
        const Case before = sent_case();
        Case after = before;
        record_amendments(after, {{"apology", "We are sorry.", "We apologise."}},
                          correction_by("2026-11-21T11:00:00+00:00"));
        after.apology = "We apologise.";
        after.points[0].finding = Finding::not_upheld;
        CHECK(whats(case_change_problems(before, after)).size() == 1);
    }

    TEST_CASE("an event removed is named by its number and type") {
        const Case before = sent_case();
        Case after = before;
        after.events.erase(after.events.begin() + 1);
        const auto problems = case_change_problems(before, after);
        REQUIRE(problems.size() == 1);
        CHECK(problems[0].event == 2);
        CHECK(problems[0].what == "event 2 (call at 2026-11-11T10:00:00+00:00) removed");
        CHECK(problems[0].before == "call at 2026-11-11T10:00:00+00:00 by M: Rang her");
    }

    TEST_CASE("an event edited names each field that changed") {
        const Case before = sent_case();
        SUBCASE("moved a week earlier") {
            Case after = before;
            after.events[2].at = at("2026-11-13T10:00:00+00:00");
            const auto problems = case_change_problems(before, after);
            REQUIRE(problems.size() == 1);
            CHECK(problems[0].what.ends_with("edited: at"));
            CHECK(problems[0].before == "at: 2026-11-20T10:00:00+00:00");
            CHECK(problems[0].after == "at: 2026-11-13T10:00:00+00:00");
        }
        SUBCASE("its author and its recorded time") {
            Case with_recorded = before;
            with_recorded.events[1].recorded = at("2026-11-15T10:00:00+00:00");
            Case after = with_recorded;
            after.events[1].recorded.reset();
            after.events[1].by = "Someone else";
            const auto problems = case_change_problems(with_recorded, after);
            REQUIRE(problems.size() == 1);
            CHECK(problems[0].what.ends_with("edited: by, recorded"));
        }
    }

    TEST_CASE("a closed case's outcome changes only with a reopened event") {
        Case before = sent_case();
        before.status = Status::closed;
        before.outcome = Outcome::upheld;
        Case after = before;
        after.outcome = Outcome::not_upheld;
        CHECK(whats(case_change_problems(before, after)).size() == 1);
        add_event(after, event_of(at("2026-11-25T10:00:00+00:00"), EventType::reopened, "M", "R"));
        after.status = Status::open;
        after.outcome.reset();
        CHECK(case_change_problems(before, after).empty());
    }

    TEST_CASE("re-id: the same events under a new ID, letters moved with it") {
        Case gone = sent_case();
        gone.events[2].letter = "letters/LUM-2026-XTE74M/2026-11-20-response.md";
        Case moved = gone;
        moved.id = "LUM-2026-ABC123";
        moved.events[2].letter = "letters/LUM-2026-ABC123/2026-11-20-response.md";
        add_event(moved, event_of(at("2026-11-22T10:00:00+00:00"), EventType::note, "M", "re-id"));
        CHECK(is_re_id_of(gone, moved));
        CHECK(case_change_problems(gone, moved).empty());
        moved.events.erase(moved.events.begin() + 1);
        CHECK_FALSE(is_re_id_of(gone, moved));
    }

    TEST_CASE("a merge keeps every parent's events, once each") {
        const Case base = sent_case();
        Case ours = base, theirs = base;
        add_event(ours, event_of(at("2026-11-21T10:00:00+00:00"), EventType::note, "A", "A's"));
        add_event(theirs, event_of(at("2026-11-21T11:00:00+00:00"), EventType::call, "B", "B's"));
        Case merged = ours;
        add_event(merged, theirs.events.back());
        CHECK(merge_problems({ours, theirs}, merged, true).empty());
        const auto dropped = merge_problems({theirs}, ours, false);
        REQUIRE(dropped.size() == 1);
        CHECK(dropped[0].before == "call at 2026-11-21T11:00:00+00:00 by B: B's");
    }

    TEST_CASE("a merge taking one side's correction changes no frozen field") {
        const Case base = sent_case();
        Case theirs = base;
        record_amendments(theirs, {{"apology", "We are sorry.", "We apologise."}},
                          correction_by("2026-11-21T11:00:00+00:00"));
        theirs.apology = "We apologise.";
        Case ours = base;
        add_event(ours, event_of(at("2026-11-21T10:00:00+00:00"), EventType::note, "A", "A's"));
        Case merged = ours;
        merged.apology = theirs.apology;
        add_event(merged, theirs.events.back());
        CHECK(merge_problems({ours, theirs}, merged, true).empty());
        merged.apology = "Neither side's";
        CHECK(merge_problems({ours, theirs}, merged, true).size() == 1);
    }
}
