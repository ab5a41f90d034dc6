// SPDX-License-Identifier: Apache-2.0
// The writing commands as operations, through the library: each refusal
// with its code, every problem of a request at once, and the case unchanged
// by a refusal.
#include "complaints/base/error.hpp"
#include "complaints/ops/clinician.hpp"
#include "complaints/ops/close.hpp"
#include "complaints/ops/convert.hpp"
#include "complaints/ops/escalate.hpp"
#include "complaints/ops/log.hpp"
#include "complaints/ops/platform.hpp"
#include "complaints/ops/respond.hpp"
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

namespace {

EscalateRequest referral(std::string to, const char* at) {
    EscalateRequest request;
    request.to = std::move(to);
    request.event = event_of(when(at), EventType::escalated, "Priya Shah", "");
    return request;
}

} // namespace

TEST_CASE("escalate: every problem of the request at once, the case unchanged") {
    Case c = platform_complaint();
    EscalateRequest request = referral("", "2026-03-04 10:00");
    request.outcome = "  ";
    request.reason = "More serious";
    const Error e =
        error_from([&] { escalate_case(c, request, preset_policy("platform"), london()); });
    CHECK(e.kind() == ErrorKind::usage);
    CHECK(codes(e.problems()) == "value-invalid, field-not-applicable");
    CHECK(c.events.size() == 1);

    request = referral("", "2026-03-04 10:00");
    CHECK(codes(error_from([&] {
                    escalate_case(c, request, preset_policy("platform"), london());
                }).problems()) == "field-missing");
}

TEST_CASE("escalate: a body the policy does not name is refused, naming those it does") {
    Case c = platform_complaint();
    const Error e = error_from([&] {
        escalate_case(c, referral("gmcc", "2026-03-04 10:00"), preset_policy("platform"), london());
    });
    CHECK(codes(e.problems()) == "not-in-policy");
    CHECK(e.problems()[0].message.find("responsible-officer, gmc, lmc") != std::string::npos);
    CHECK(c.escalations.empty());
}

TEST_CASE("escalate: a regulator's referral is tracked, its outcome dated after it, a second "
          "referral cautioned") {
    const Policy platform = preset_policy("platform");
    Case c = platform_complaint();
    c.category = Category::clinical;
    const Escalated referred =
        escalate_case(c, referral("gmc", "2026-03-04 10:00"), platform, london());
    CHECK(referred.what == Escalated::What::referred);
    CHECK(referred.body == "the General Medical Council (GMC)");
    CHECK(c.events.back().type == EventType::escalated);
    CHECK(c.events.back().text == "Referred to the General Medical Council (GMC)");

    EscalateRequest outcome = referral("", "2026-03-03 10:00");
    outcome.outcome = "No further action";
    const Error early = error_from([&] { escalate_case(c, outcome, platform, london()); });
    CHECK(codes(early.problems()) == "date-out-of-order");
    CHECK(c.escalations.back().outcome.empty());

    outcome.event.at = when("2026-04-01 10:00");
    const Escalated recorded = escalate_case(c, outcome, platform, london());
    CHECK(recorded.what == Escalated::What::outcome_recorded);
    CHECK_FALSE(recorded.stage_two);
    CHECK(recorded.still_open.empty());
    CHECK(c.escalations.back().outcome == "No further action");

    const Escalated again =
        escalate_case(c, referral("gmc", "2026-04-02 10:00"), platform, london());
    REQUIRE(again.cautions.size() == 1);
    CHECK(again.cautions[0].find("already gave its outcome on") != std::string::npos);
}

namespace {

// Counts the letters an operation keeps, naming each as the store would.
struct Letters {
    int kept = 0;
    KeepLetter keep() {
        return [this](std::string_view name) {
            ++kept;
            return "letters/LAN-2026-XT3S4J/" + std::string(name) + ".md";
        };
    }
};

} // namespace

TEST_CASE("acknowledge: by email or letter only, and only once, no letter kept when refused") {
    Case c = platform_complaint();
    Letters letters;
    Acknowledgement request{"fax",
                            event_of(when("2026-03-03 10:00"), EventType::note, "Priya Shah", "")};
    const Error e =
        error_from([&] { acknowledge_complaint(c, request, london(), letters.keep()); });
    CHECK(codes(e.problems()) == "value-invalid");
    CHECK(letters.kept == 0);
    CHECK(c.events.size() == 1);

    request.via = "email";
    const Event sent = acknowledge_complaint(c, request, london(), letters.keep());
    CHECK(sent.type == EventType::acknowledged);
    CHECK(sent.text == "Acknowledgement sent by email");
    CHECK(sent.letter == "letters/LAN-2026-XT3S4J/acknowledgement.md");
    CHECK(c.events.back().letter == sent.letter);

    const Error again =
        error_from([&] { acknowledge_complaint(c, request, london(), letters.keep()); });
    CHECK(codes(again.problems()) == "already-done");
    CHECK(letters.kept == 1);
}

TEST_CASE("send: a point left unanswered refuses the response, no letter kept") {
    const Policy clinic = preset_policy("clinic");
    Case c = platform_complaint();
    Point wait;
    wait.number = 1;
    wait.text = "The wait";
    c.points.push_back(wait);
    Letters letters;
    ResponseRequest request{"pigeon", "", "",
                            event_of(when("2026-03-20 10:00"), EventType::note, "Priya Shah", "")};
    CHECK(codes(error_from([&] {
                    send_written_response(c, request, clinic, letters.keep());
                }).problems()) == "value-invalid");
    request.via = "letter";
    const Error e = error_from([&] { send_written_response(c, request, clinic, letters.keep()); });
    CHECK(e.kind() == ErrorKind::refused);
    CHECK(codes(e.problems()) == "response-incomplete");
    CHECK(e.problems()[0].message.find("point 1") != std::string::npos);
    CHECK(letters.kept == 0);
    CHECK(c.events.size() == 1);
}

TEST_CASE("delay: a reason in words, a new date not before the explanation, the letter kept "
          "once") {
    const Policy clinic = preset_policy("clinic");
    const WorkingCalendar calendar{Region::england_and_wales};
    const ClockContext clocks{clinic, calendar, london(), when("2026-03-20 10:00").utc};
    Case c = platform_complaint();
    int kept = 0;
    const KeepDelayLetter keep = [&](const Case& before, const DelayExplained& explained) {
        ++kept;
        CHECK(before.events.size() == 1);
        CHECK(explained.promised == explained.event.due);
        return std::string("letters/LAN-2026-XT3S4J/delay.md");
    };
    DelayExplanation request;
    request.reason = "  ";
    request.event = event_of(when("2026-03-20 10:00"), EventType::note, "Priya Shah", "");
    CHECK(codes(error_from([&] { explain_response_delay(c, request, clocks, keep); }).problems()) ==
          "value-invalid");

    request.reason = "We are waiting for the clinician's records";
    request.new_date = date::year_month_day{date::year{2026}, date::March, date::day{19}};
    CHECK(codes(error_from([&] { explain_response_delay(c, request, clocks, keep); }).problems()) ==
          "date-out-of-order");
    CHECK(kept == 0);

    request.new_date = date::year_month_day{date::year{2026}, date::April, date::day{24}};
    const DelayExplained explained = explain_response_delay(c, request, clocks, keep);
    CHECK(kept == 1);
    CHECK(explained.promised == request.new_date);
    CHECK(explained.due == request.new_date);
    CHECK(explained.aimed != explained.due);
    CHECK(c.events.back().type == EventType::delay_explained);
    CHECK(c.events.back().letter == "letters/LAN-2026-XT3S4J/delay.md");
}

TEST_CASE("assign: the roster spells the agent, a reassignment keeps the first one's time") {
    Case c = platform_complaint();
    const std::vector<std::string> roster{"Priya Shah", "Tom Okafor"};
    Assignment request{"Priya Shaw",
                       event_of(when("2026-03-02 10:00"), EventType::note, "Priya Shah", "")};
    CHECK(codes(error_from([&] { assign_agent(c, request, roster); }).problems()) ==
          "value-invalid");
    CHECK(c.events.size() == 1);

    request.agent = "priya  shah";
    const Assigned first = assign_agent(c, request, roster);
    CHECK(first.first);
    CHECK(first.agent == "Priya Shah");
    CHECK(c.agent == "Priya Shah");
    request.agent = "Tom Okafor";
    CHECK_FALSE(assign_agent(c, request, roster).first);
    CHECK(c.agent == "Tom Okafor");
}

TEST_CASE("resolve: the order of steps is checked for the first resolution, not for its "
          "correction") {
    const Policy platform = preset_policy("platform");
    Case c = platform_complaint();
    int kept = 0;
    const KeepResolutionLetter keep = [&](const Case&, const Event& resolved) {
        ++kept;
        return "letters/LAN-2026-XT3S4J/resolution-" + resolved.text + ".md";
    };
    Resolution request{"Refund", std::nullopt, "",
                       event_of(when("2026-03-05 10:00"), EventType::note, "Priya Shah", "")};
    const Error early = error_from([&] { resolve_case(c, request, platform, keep); });
    CHECK(early.kind() == ErrorKind::refused);
    CHECK(kept == 0);

    request.skip_step = "Agreed on the first call";
    const Event resolved = resolve_case(c, request, platform, keep);
    CHECK(resolved.type == EventType::resolved);
    CHECK(kept == 1);

    Resolution change{"Refund and apology", std::nullopt, "",
                      event_of(when("2026-03-06 10:00"), EventType::note, "Priya Shah", "")};
    CHECK(error_from([&] { resolve_case(c, change, platform, keep); }).kind() ==
          ErrorKind::refused);
    change.correction = event_of(when("2026-03-06 10:00"), EventType::corrected, "Priya Shah",
                                 "The apology was left out");
    const Event corrected = resolve_case(c, change, platform, keep);
    CHECK(corrected.text == "Refund and apology");
    CHECK(corrected.letter == "letters/LAN-2026-XT3S4J/resolution-Refund and apology.md");
    CHECK(kept == 2);
}

TEST_CASE("clinician: a warning is rescinded only on one of the clinician's own cases") {
    Clinician keane;
    keane.key = "gmc:7123456";
    keane.name = "Dr Sam Keane";
    keane.case_ids = {"LAN-2026-AAAAAA", "LAN-2026-BBBBBB"};
    CHECK_NOTHROW(require_clinicians_case(keane, "LAN-2026-BBBBBB"));
    const Error e = error_from([&] { require_clinicians_case(keane, "LAN-2026-CCCCCC"); });
    CHECK(codes(e.problems()) == "no-such-item");
    CHECK(e.problems()[0].message ==
          "LAN-2026-CCCCCC is not one of Dr Sam Keane's cases (LAN-2026-AAAAAA; LAN-2026-BBBBBB)");
}

namespace {

// Dr Sam Keane, one case on file, no warning yet.
Clinician keane_with_one_case() {
    Clinician keane;
    keane.key = "gmc:7123456";
    keane.name = "Dr Sam Keane";
    keane.case_ids = {"LAN-2026-AAAAAA"};
    return keane;
}

} // namespace

TEST_CASE("clinician: a temporary suspension needs its last day, a reinstatement a suspension") {
    const Clinician keane = keane_with_one_case();
    const Policy platform = preset_policy("platform");
    ClinicianDecision request{
        ClinicianStep::review, DecisionKind::temporary_suspension, std::nullopt, "Panel met",
        event_of(when("2026-05-01 10:00"), EventType::note, "Priya Shah", "")};
    CHECK(codes(error_from([&] {
                    decide_on_clinician(keane, request, platform, london());
                }).problems()) == "field-missing");
    request.step = ClinicianStep::reinstate;
    request.decision.reset();
    const Error e = error_from([&] { decide_on_clinician(keane, request, platform, london()); });
    CHECK(e.kind() == ErrorKind::refused);
    CHECK(codes(e.problems()) == "step-not-applicable");
}

TEST_CASE("clinician: a review needs its decision, a reinstatement takes none") {
    const Clinician keane = keane_with_one_case();
    const Policy platform = preset_policy("platform");
    ClinicianDecision request{
        ClinicianStep::review, std::nullopt, std::nullopt, "Panel met",
        event_of(when("2026-05-01 10:00"), EventType::note, "Priya Shah", "")};
    const auto problem = [&] {
        const Error e =
            error_from([&] { decide_on_clinician(keane, request, platform, london()); });
        return codes(e.problems()) + " " + e.problems().at(0).message;
    };
    CHECK(problem().starts_with("field-missing a review needs its {decision}: no-action"));
    request.decision = DecisionKind::reinstated;
    CHECK(problem().starts_with("value-invalid {decision}: a reinstatement is a step"));
    request.step = ClinicianStep::reinstate;
    CHECK(problem().starts_with("field-not-applicable {decision} goes with a review, not"));
}
