// SPDX-License-Identifier: Apache-2.0
// The clinic policy's people and first contact, as the core decides them:
// who investigates, the register's names, the insurer owed, what an
// exclusion must name, a point's words once the response went.
#include "complaints/base/error.hpp"
#include "complaints/ops/open.hpp"
#include "complaints/workflow/being_open.hpp"
#include "complaints/workflow/corrections.hpp"
#include "complaints/workflow/practitioners.hpp"
#include "complaints/workflow/workflow.hpp"

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

const Timestamp k_clinic_now = when("2026-11-16 10:00");

OpenRequest clinic_phone_call() {
    OpenRequest request;
    request.channel = Channel::phone;
    request.by = "Morag Campbell";
    request.complainant = "Ms Ruth Hale";
    request.manager = "Morag Campbell";
    return request;
}

Case clinic_case(const char* id) {
    Case c;
    c.id = id;
    c.received = when("2026-11-10 09:00");
    c.events.push_back(event_of(c.received, EventType::opened, "Manager", ""));
    return c;
}

const OtherCases k_no_other_cases = [] { return std::vector<Case>{}; };

} // namespace

TEST_SUITE("clinic people: the core") {
    TEST_CASE("the clinic's manager investigates unless another is named, the platform assigns "
              "later") {
        const Policy clinic = preset_policy("clinic");
        CHECK(open_case(clinic_phone_call(), clinic, k_clinic_now, k_no_other_cases).c.agent ==
              "Morag Campbell");
        OpenRequest named = clinic_phone_call();
        named.officer = " Dr Ann Baxter ";
        CHECK(open_case(named, clinic, k_clinic_now, k_no_other_cases).c.agent == "Dr Ann Baxter");
        CHECK(open_case(clinic_phone_call(), preset_policy("platform"), k_clinic_now,
                        k_no_other_cases)
                  .c.agent.empty());
        const Error error = error_from(
            [&] { open_case(named, preset_policy("platform"), k_clinic_now, k_no_other_cases); });
        CHECK(error.kind() == ErrorKind::usage);
    }

    TEST_CASE("a register takes its own names as it spells them, and suggests the nearest") {
        const std::vector<std::string> listed{"Dr Ann Baxter", "Nurse Jo Reid"};
        CHECK(practitioner_named("  dr  ann baxter ", listed) == "Dr Ann Baxter");
        CHECK(practitioner_named("Anyone", {}) == "Anyone");
        const Error error = error_from([&] { practitioner_named("Dr Ann Baxtor", listed); });
        CHECK(error.kind() == ErrorKind::usage);
        CHECK(error.problems().front().message.find("did you mean 'Dr Ann Baxter'") !=
              std::string::npos);
        CHECK(error_from([&] { practitioner_named("   ", listed); }).kind() == ErrorKind::usage);
    }

    TEST_CASE("a safety incident owes the insurer until it is told, where the policy asks") {
        Case c = clinic_case("LUM-1");
        add_event(c, event_of(when("2026-11-10 09:30"), EventType::safety_incident, "M", "Burn"));
        const Policy clinic = preset_policy("clinic");
        CHECK(codes(insurer_owed(c, clinic)) == "insurer-not-told");
        CHECK(insurer_owed(c, preset_policy("nhs-england")).empty());
        add_event(c, event_of(when("2026-11-11 09:30"), EventType::insurer_notified, "M", "Told"));
        CHECK(insurer_owed(c, clinic).empty());
    }

    TEST_CASE("an exclusion names the earlier case, or the body and its reference, all at once") {
        const Policy clinic = preset_policy("clinic");
        Case c = clinic_case("LUM-2");
        const Event event = event_of(when("2026-11-12 09:00"), EventType::excluded, "M", "");
        Error error = error_from([&] {
            exclude(c, clinic, {Exclusion::under_independent_review, "", "LUM-1"}, event);
        });
        CHECK(codes(error.problems()) == "field-missing, field-missing, field-not-applicable");
        error = error_from([&] {
            exclude(c, clinic, {Exclusion::already_resolved, "", "LUM-2"}, event);
        });
        CHECK(codes(error.problems()) == "value-invalid");
        CHECK(c.status == Status::open);
        exclude(c, clinic, {Exclusion::under_independent_review, "", "", "iscas", " ISC-1 "},
                event);
        CHECK(c.exclusion->reference == "ISC-1");
        CHECK(c.events.back().text.find("reference ISC-1") != std::string::npos);
    }

    TEST_CASE("a point's words change after the response only as a correction") {
        Case c = clinic_case("LUM-3");
        c.points.push_back(Point{1, "Her eyelid drooped", {}, "", "", "", {}, "", {}});
        set_point_wording(c, 1, "Your eyelid drooped", std::nullopt);
        CHECK(c.points[0].for_complainant == "Your eyelid drooped");
        add_event(c, event_of(when("2026-11-13 09:00"), EventType::response_sent, "M", "Sent"));
        CHECK(error_from([&] {
                  set_point_wording(c, 1, "You found it drooped", std::nullopt);
              }).kind() == ErrorKind::refused);
        set_point_wording(c, 1, "You found it drooped",
                          event_of(when("2026-11-14 09:00"), EventType::corrected, "M", "Worded"));
        CHECK(c.events.back().corrects == "point 1 wording");
        CHECK(error_from([&] { set_point_wording(c, 2, "x", std::nullopt); }).kind() ==
              ErrorKind::usage);
    }
}
