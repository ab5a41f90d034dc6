// SPDX-License-Identifier: Apache-2.0
// `open` as an operation, through the library: a request's problems all at
// once with their codes, the receipt and opening times, the policy's intake
// rules, and the other cases read only when a GMC number needs them.
#include "complaints/base/error.hpp"
#include "complaints/ops/open.hpp"
#include "complaints/workflow/being_open.hpp"

#include "error_from.hpp"
#include "event_of.hpp"
#include "problem_codes.hpp"

#include <doctest/doctest.h>

using namespace complaints;
using complaints::testing::codes;
using complaints::testing::error_from;
using complaints::testing::event_of;
using complaints::testing::when;

namespace {

// A phone complaint typed in at 10:00 on Monday 2 March 2026.
OpenRequest phone_call() {
    OpenRequest request;
    request.channel = Channel::phone;
    request.by = "Priya Shah";
    request.complainant = "Mrs A Patel";
    request.summary = "The locum left before the end of the session";
    return request;
}

const Timestamp k_typed_at = when("2026-03-02 10:00");

// The other cases, counting how often they are asked for.
struct OtherCasesRead {
    std::vector<Case> cases;
    int reads = 0;
    OtherCases list() {
        return [this] {
            ++reads;
            return cases;
        };
    }
};

// A case on file naming Dr Sam Keane under GMC number 1234567.
Case keane_on_file() {
    Case c;
    c.id = "LAN-2026-KEANE1";
    c.received = when("2026-01-12 09:00");
    c.about = "Dr Sam Keane";
    c.gmc = "1234567";
    c.events.push_back(event_of(c.received, EventType::opened, "Priya Shah", ""));
    return c;
}

} // namespace

TEST_CASE("open: every problem of a request is told at once, with its code and field") {
    OpenRequest request = phone_call();
    request.complainant = "   ";
    request.consent = Consent::yes;
    request.session = date::year_month_day{date::year{2026} / 3 / 9};
    request.points = {"Late start", " "};
    request.gmc = "0123456";
    request.received = when("2026-03-09 09:00");
    OtherCasesRead others;
    const Error e = error_from(
        [&] { open_case(request, preset_policy("platform"), k_typed_at, others.list()); });
    CHECK(e.kind() == ErrorKind::usage);
    CHECK(codes(e.problems()) == "field-missing, field-not-applicable, field-missing, "
                                 "value-invalid, field-missing, date-out-of-order");
    CHECK(e.problems()[0].message.find("{complainant}") != std::string::npos);
    CHECK(e.problems()[1].message.find("{on_behalf_of}") != std::string::npos);
    CHECK(e.problems()[2].message.find("{point}") != std::string::npos);
    CHECK(e.problems()[3].message.find("{gmc}") != std::string::npos);
    CHECK(e.problems()[4].message == "{session} and {withdrawn} go together");
    CHECK(e.problems()[5].message.find("is in the future") != std::string::npos);
    CHECK(others.reads == 0); // nothing read for a request refused on its face
}

TEST_CASE("open: a control character in any text is refused naming its field") {
    OpenRequest request = phone_call();
    request.treated_by = "Dr \x1b[31mKeane";
    OtherCasesRead others;
    const Error e =
        error_from([&] { open_case(request, preset_policy("clinic"), k_typed_at, others.list()); });
    CHECK(codes(e.problems()) == "value-invalid");
    CHECK(e.problems()[0].message.find("{treated_by}: control character U+001B") !=
          std::string::npos);
}

TEST_CASE("open: the receipt dates the case, a back-dated opening is stamped when typed") {
    OtherCasesRead others;
    const Policy clinic = preset_policy("clinic");
    SUBCASE("nothing given: received and opened now, as typed") {
        const Opened opened = open_case(phone_call(), clinic, k_typed_at, others.list());
        CHECK(opened.c.received == k_typed_at);
        CHECK(opened.c.events.front().at == k_typed_at);
        CHECK_FALSE(opened.c.events.front().recorded);
        CHECK(opened.c.events.front().text == "complaint received by phone");
    }
    SUBCASE("a receipt from paper: the opening is dated when it was received") {
        OpenRequest request = phone_call();
        request.received = when("2026-02-26 15:30");
        const Opened opened = open_case(request, clinic, k_typed_at, others.list());
        CHECK(opened.c.events.front().at == when("2026-02-26 15:30"));
        CHECK(opened.c.events.front().recorded == k_typed_at);
    }
    SUBCASE("the opening alone back-dated: the receipt follows it") {
        OpenRequest request = phone_call();
        request.at = when("2026-02-27 11:00");
        const Opened opened = open_case(request, clinic, k_typed_at, others.list());
        CHECK(opened.c.received == when("2026-02-27 11:00"));
    }
    SUBCASE("an opening before the receipt is refused") {
        OpenRequest request = phone_call();
        request.received = when("2026-02-27 11:00");
        request.at = when("2026-02-26 09:00");
        const Error e = error_from([&] { open_case(request, clinic, k_typed_at, others.list()); });
        CHECK(codes(e.problems()) == "date-out-of-order");
        CHECK(e.problems()[0].message.find("{at}") == 0);
    }
    CHECK(others.reads == 0);
}

TEST_CASE("open: a late withdrawal is the policy's to classify, from its dates") {
    OpenRequest request = phone_call();
    request.session = date::year_month_day{date::year{2026} / 3 / 4};
    request.withdrawn = date::year_month_day{date::year{2026} / 3 / 2};
    OtherCasesRead others;
    const Policy platform = preset_policy("platform");
    const Opened opened = open_case(request, platform, k_typed_at, others.list());
    CHECK(opened.c.notice_days == 2);
    CHECK(opened.c.type == "late-withdrawal");
    request.session = date::year_month_day{date::year{2026} / 3 / 20};
    const Error ample =
        error_from([&] { open_case(request, platform, k_typed_at, others.list()); });
    CHECK(codes(ample.problems()) == "not-in-policy"); // 18 days' notice: feedback, not a complaint
    request.session = date::year_month_day{date::year{2026} / 3 / 4};
    request.notice_days = 2;
    const Error both = error_from([&] { open_case(request, platform, k_typed_at, others.list()); });
    CHECK(codes(both.problems()) == "fields-conflict");
}

TEST_CASE("open: one GMC number, one clinician, read from every other case only then") {
    OtherCasesRead others{{keane_on_file()}};
    const Policy platform = preset_policy("platform");
    OpenRequest request = phone_call();
    request.about = "Dr S Kean";
    open_case(request, platform, k_typed_at, others.list());
    CHECK(others.reads == 0);
    request.gmc = "1234567";
    const Error e = error_from([&] { open_case(request, platform, k_typed_at, others.list()); });
    CHECK(codes(e.problems()) == "gmc-number-in-use");
    CHECK(others.reads == 1);
    request.same_clinician = true;
    const Opened alias = open_case(request, platform, k_typed_at, others.list());
    CHECK(alias.c.events.front().text.find("recorded as another name of Dr Sam Keane") !=
          std::string::npos);
}

TEST_CASE("open: the policy's own refusals: patient data, Being Open, a kind it lacks") {
    OtherCasesRead others;
    OpenRequest request = phone_call();
    request.summary = "NHS number 943 476 5919 was read out on the call";
    const Error data = error_from(
        [&] { open_case(request, preset_policy("platform"), k_typed_at, others.list()); });
    CHECK(data.kind() == ErrorKind::refused);
    request = phone_call();
    request.safety_incident = "A wrong dose was given";
    const Error being_open = error_from(
        [&] { open_case(request, preset_policy("platform"), k_typed_at, others.list()); });
    CHECK(codes(being_open.problems()) == "no-being-open");
    const Opened clinic = open_case(request, preset_policy("clinic"), k_typed_at, others.list());
    CHECK(safety_incident(clinic.c) != nullptr);
}
