// SPDX-License-Identifier: Apache-2.0
// The writing commands as operations, through the library: each refusal
// with its code, every problem of a request at once, and the case unchanged
// by a refusal.
#include "complaints/base/error.hpp"
#include "complaints/ops/close.hpp"
#include "complaints/ops/convert.hpp"
#include "complaints/ops/log.hpp"
#include "complaints/workflow/workflow.hpp"

#include "error_from.hpp"
#include "event_of.hpp"
#include "problem_codes.hpp"

#include <doctest/doctest.h>

using namespace complaints;
using complaints::testing::codes;
using complaints::testing::error_from;
using complaints::testing::event_of;
using complaints::testing::london;
using complaints::testing::when;

namespace {

// A platform complaint received on Monday 2 March 2026, nothing done yet.
Case platform_complaint() {
    Case c;
    c.id = "LAN-2026-XT3S4J";
    c.received = when("2026-03-02 09:00");
    c.complainant = "Dr Nia Rees";
    c.events.push_back(event_of(c.received, EventType::opened, "Priya Shah", ""));
    return c;
}

CloseRequest closing(Outcome outcome, const char* at) {
    CloseRequest request;
    request.outcome = outcome;
    request.no_learning = "Withdrawn before any finding";
    request.closing = event_of(when(at), EventType::closed, "Priya Shah", "");
    return request;
}

const OtherCases no_others = [] { return std::vector<Case>{}; };

} // namespace

TEST_CASE("close: a request that contradicts itself is refused whole, the case unchanged") {
    Case c = platform_complaint();
    const Case before = c;
    CloseRequest request = closing(Outcome::withdrawn, "2026-03-04 10:00");
    request.skip_step = "The agent was away";
    request.warning_reason = "Conduct";
    const Policy platform = preset_policy("platform");
    const Error e = error_from([&] { close_case(c, request, platform, london(), no_others); });
    CHECK(e.kind() == ErrorKind::usage);
    CHECK(codes(e.problems()) == "field-not-applicable, field-not-applicable");
    CHECK(e.problems()[0].message.find("{warning_reason}") != std::string::npos);
    CHECK(e.problems()[1].message.find("{skip_step}") != std::string::npos);
    CHECK(c.events.size() == before.events.size());
    CHECK(c.status == before.status);
}

TEST_CASE("close: a withdrawn complaint closes before the policy's steps, any other outcome "
          "waits for them") {
    const Policy platform = preset_policy("platform");
    Case withdrawn = platform_complaint();
    close_case(withdrawn, closing(Outcome::withdrawn, "2026-03-04 10:00"), platform, london(),
               no_others);
    CHECK(withdrawn.status == Status::closed);
    CHECK(withdrawn.outcome == Outcome::withdrawn);
    CHECK(withdrawn.events.back().type == EventType::closed);
    CHECK(withdrawn.events.back().text ==
          "Closed: withdrawn; no learning identified: Withdrawn before any finding");

    Case upheld = platform_complaint();
    const Error e = error_from([&] {
        close_case(upheld, closing(Outcome::upheld, "2026-03-04 10:00"), platform, london(),
                   no_others);
    });
    CHECK(e.kind() == ErrorKind::refused);
    CHECK(upheld.status == Status::open);
}

TEST_CASE("close: the other cases are read only when a warning is issued") {
    const Policy platform = preset_policy("platform");
    Case c = platform_complaint();
    bool asked = false;
    close_case(c, closing(Outcome::withdrawn, "2026-03-04 10:00"), platform, london(), [&] {
        asked = true;
        return std::vector<Case>{};
    });
    CHECK_FALSE(asked);
}

namespace {

Case concern_received() {
    Case c = platform_complaint();
    c.kind = Kind::concern;
    return c;
}

ConvertRequest converting(const char* at) {
    ConvertRequest request;
    request.to_complaint = true;
    request.event = event_of(when(at), EventType::converted, "Priya Shah", "");
    request.now = when(at).utc;
    return request;
}

} // namespace

TEST_CASE("convert: every problem of the request at once, the case unchanged") {
    Case c = concern_received();
    ConvertRequest request = converting("2026-03-04 10:00");
    request.clock_from = date::year_month_day{date::year{2026} / 3 / 9};
    const Error e = error_from([&] { convert_case(c, request, london()); });
    CHECK(e.kind() == ErrorKind::usage);
    CHECK(codes(e.problems()) == "field-missing, date-out-of-order");
    CHECK(c.kind == Kind::concern);
    request.to_complaint = false;
    request.clock_from.reset();
    CHECK(codes(error_from([&] { convert_case(c, request, london()); }).problems()) ==
          "field-missing");
}

TEST_CASE("convert: a concern becomes a complaint whose clock runs from the day given") {
    Case c = concern_received();
    ConvertRequest request = converting("2026-03-06 10:00");
    request.clock_from = date::year_month_day{date::year{2026} / 3 / 5};
    request.reason = "She asked for a formal response on 5 March";
    convert_case(c, request, london());
    CHECK(c.kind == Kind::complaint);
    CHECK(c.clock_from == request.clock_from);
    CHECK(c.events.back().text == "Converted from concern to complaint; the clock runs from "
                                  "2026-03-05. Reason: She asked for a formal response on 5 March");
    const Error twice = error_from([&] { convert_case(c, request, london()); });
    CHECK(codes(twice.problems()) == "already-done");
}

TEST_CASE("convert: a clock cannot start before the case was received") {
    Case c = concern_received();
    ConvertRequest request = converting("2026-03-06 10:00");
    request.clock_from = date::year_month_day{date::year{2026} / 2 / 27};
    request.reason = "Typed in error";
    const Error e = error_from([&] { convert_case(c, request, london()); });
    CHECK(codes(e.problems()) == "date-out-of-order");
    CHECK(c.kind == Kind::concern);
}

TEST_CASE("convert: a converted complaint's clock start is corrected, the old start kept") {
    Case c = concern_received();
    ConvertRequest request = converting("2026-03-06 10:00");
    convert_case(c, request, london());
    ConvertRequest correction = converting("2026-03-06 11:00");
    correction.to_complaint = false;
    correction.clock_from = date::year_month_day{date::year{2026} / 3 / 4};
    correction.reason = "Formal from her letter of 4 March";
    const Converted done = convert_case(c, correction, london());
    CHECK_FALSE(done.was.has_value());
    CHECK(c.clock_from == correction.clock_from);
    CHECK(c.events.back().type == EventType::clock_start_corrected);
    CHECK(c.events.back().text == "Clock start corrected from the receipt, 2026-03-02 to "
                                  "2026-03-04. Reason: Formal from her letter of 4 March");
}

TEST_CASE("log: a letter is kept only with what goes out in writing, and only once allowed") {
    const Policy clinic = preset_policy("clinic");
    Case c = platform_complaint();
    LogRequest request;
    request.event = event_of(when("2026-03-03 10:00"), EventType::call, "Priya Shah", "Rang");
    request.keeps_letter = true;
    int kept = 0;
    const auto keep = [&](std::string_view name) {
        ++kept;
        return "letters/" + c.id + "/2026-03-03-" + std::string(name) + ".md";
    };
    const Error e = error_from([&] { log_event(c, request, clinic, london(), keep); });
    CHECK(codes(e.problems()) == "field-not-applicable");
    CHECK(kept == 0);
    CHECK(c.events.size() == 1);

    request.event.type = EventType::letter;
    const Event logged = log_event(c, request, clinic, london(), keep);
    CHECK(kept == 1);
    CHECK(logged.letter == "letters/LAN-2026-XT3S4J/2026-03-03-letter.md");
    CHECK(c.events.back().letter == logged.letter);
}

TEST_CASE("log: a back-dated event is returned as added, in its place in time") {
    const Policy clinic = preset_policy("clinic");
    Case c = platform_complaint();
    add_event(c, event_of(when("2026-03-05 10:00"), EventType::note, "Priya Shah", "Later"));
    LogRequest request;
    request.event = event_of(when("2026-03-03 10:00"), EventType::call, "Priya Shah", "Earlier");
    const Event logged = log_event(c, request, clinic, london(), {});
    CHECK(logged.text == "Earlier");
    CHECK(c.events[1].text == "Earlier");
    CHECK(c.events.back().text == "Later");
}
