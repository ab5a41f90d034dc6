// SPDX-License-Identifier: Apache-2.0
// The NHS England regulations' yearly reporting through the library: the
// KO41b's fields, required at close; the financial year and quarter.
#include "complaints/base/error.hpp"
#include "complaints/ops/close.hpp"
#include "complaints/render/report.hpp"
#include "complaints/workflow/return_fields.hpp"

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

// An answered NHS complaint, ready to close but for the return's fields.
Case answered_complaint() {
    Case c;
    c.id = "GPX-2026-XT3S4J";
    c.received = when("2026-11-02 09:00");
    c.events.push_back(event_of(c.received, EventType::opened, "Sam Manager", ""));
    c.events.push_back(
        event_of(when("2026-11-20 09:00"), EventType::response_sent, "Sam Manager", ""));
    return c;
}

CloseRequest not_upheld() {
    CloseRequest request;
    request.outcome = Outcome::not_upheld;
    request.no_learning = "Care was as it should be";
    request.closing = event_of(when("2026-11-21 10:00"), EventType::closed, "Sam Manager", "");
    return request;
}

using Codes = std::vector<std::string>;

const OtherCases no_other_cases = [] { return std::vector<Case>{}; };

} // namespace

TEST_SUITE("returns") {
    TEST_CASE("regulation 18: close refuses an NHS complaint lacking the KO41b's fields, each "
              "named, and the case is unchanged") {
        const Policy nhs = preset_policy("nhs-england");
        Case c = answered_complaint();
        const Case before = c;
        const Error e =
            error_from([&] { close_case(c, not_upheld(), nhs, london(), no_other_cases); });
        CHECK(e.kind() == ErrorKind::refused);
        CHECK(codes(e.problems()) == "return-fields-missing, return-fields-missing, "
                                     "return-fields-missing, return-fields-missing");
        CHECK(e.problems()[0].message.find("{age_band}") != std::string::npos);
        CHECK(e.problems()[3].message.find("{staff_group}") != std::string::npos);
        CHECK(c == before);
        set_return_fields(c, {"18-64", "patient", Codes{"appointments"}, Codes{"gp"}}, nhs);
        close_case(c, not_upheld(), nhs, london(), no_other_cases);
        CHECK(c.status == Status::closed);
    }

    TEST_CASE("regulation 18: the KO41b's fields are not asked of a concern, nor by a policy that "
              "makes no return") {
        Case concern = answered_complaint();
        concern.kind = Kind::concern;
        CHECK(missing_return_fields(concern, preset_policy("nhs-england")).empty());
        CHECK(missing_return_fields(answered_complaint(), preset_policy("clinic")).empty());
        const auto problems = unknown_return_codes({"18-64", {}, {}, {}}, preset_policy("clinic"));
        CHECK(codes(problems) == "not-in-policy");
    }

    TEST_CASE("regulation 18: a code not on the policy's list is refused, every one at once, "
              "nothing set") {
        const Policy nhs = preset_policy("nhs-england");
        Case c = answered_complaint();
        const Error e = error_from([&] {
            set_return_fields(c, {"18-65", "patient", Codes{"appointment", "prescribing"}, {}},
                              nhs);
        });
        CHECK(e.kind() == ErrorKind::usage);
        CHECK(codes(e.problems()) == "value-invalid, value-invalid");
        CHECK(e.problems()[1].message.find("did you mean 'appointments'") != std::string::npos);
        CHECK(c.age_band.empty());
    }

    TEST_CASE("the NHS financial year runs from 1 April to 31 March, its Q1 April to June") {
        const Period year = parse_year("2026-27", "--year");
        CHECK(year.from == date::year{2026} / 4 / 1);
        CHECK(year.to == date::year{2027} / 3 / 31);
        CHECK(year.label == "2026-27");
        const Period q4 = parse_quarter("2026-27-Q4", "--quarter");
        CHECK(q4.from == date::year{2027} / 1 / 1);
        CHECK(q4.to == date::year{2027} / 3 / 31);
        const Period q3 = parse_quarter("2026-27-Q3", "--quarter");
        CHECK(q3.from == date::year{2026} / 10 / 1);
        CHECK(q3.to == date::year{2026} / 12 / 31);
        CHECK(parse_year("1999-00", "--year").to == date::year{2000} / 3 / 31);
        CHECK(parse_year("2026", "--year").from == date::year{2026} / 1 / 1);
        CHECK_THROWS_AS(parse_year("2026-28", "--year"), Error);
        CHECK_THROWS_AS(parse_quarter("2026-27-Q0", "--quarter"), Error);
        CHECK_THROWS_AS(parse_quarter("2026-27Q1", "--quarter"), Error);
    }
}
