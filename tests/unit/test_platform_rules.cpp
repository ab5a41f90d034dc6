// SPDX-License-Identifier: Apache-2.0
// The platform's order of steps, what a warning stands on, an appeal that
// rescinds one, and one GMC number for one clinician: the core's decisions.
#include "complaints/base/error.hpp"
#include "complaints/workflow/clinicians.hpp"
#include "complaints/workflow/steps.hpp"

#include "error_from.hpp"
#include "event_of.hpp"

#include <doctest/doctest.h>

using namespace complaints;
using complaints::testing::error_from;
using complaints::testing::event_of;
using complaints::testing::london;
using complaints::testing::when;

namespace {

// A formal platform complaint about Dr Sam Keane, received on 2 March.
Case complaint(const char* id = "LAN-2026-XT3S4J") {
    Case c;
    c.id = id;
    c.received = when("2026-03-02 09:00");
    c.about = "Dr Sam Keane";
    c.gmc = "7123456";
    c.category = Category::non_clinical;
    c.type = "late";
    c.events.push_back(event_of(c.received, EventType::opened, "Support", ""));
    return c;
}

void support_log(Case& c, const char* at, EventType type, std::string text = "") {
    add_event(c, event_of(when(at), type, "Support", std::move(text)));
}

const Policy& platform() {
    static const Policy policy = preset_policy("platform");
    return policy;
}

} // namespace

TEST_SUITE("platform rules: steps in the policy's order") {
    TEST_CASE("steps_missing: each step needs the ones before it by its own time") {
        Case c = complaint();
        CHECK(steps_missing(c, platform(), EventType::assigned, when("2026-03-02 10:00")).empty());
        CHECK(steps_missing(c, platform(), EventType::resolved, when("2026-03-02 10:00")).size() ==
              3);
        support_log(c, "2026-03-02 10:00", EventType::assigned);
        support_log(c, "2026-03-03 10:00", EventType::shared_with_complainee);
        // Back-dated before the sharing, the investigation still misses it.
        CHECK(steps_missing(c, platform(), EventType::investigation_complete,
                            when("2026-03-03 09:00")) ==
              std::vector<EventType>{EventType::shared_with_complainee});
        CHECK(steps_missing(c, platform(), EventType::investigation_complete,
                            when("2026-03-03 10:00"))
                  .empty());
        SUBCASE("the clinic keeps no order, and feedback has no steps") {
            CHECK(steps_missing(c, preset_policy("clinic"), std::nullopt, when("2026-03-04 10:00"))
                      .empty());
            c.kind = Kind::feedback;
            CHECK(steps_missing(c, platform(), std::nullopt, when("2026-03-04 10:00")).empty());
        }
    }

    TEST_CASE("check_step: refused, or skipped with a reason kept beside the step") {
        Case c = complaint();
        const Event resolution =
            event_of(when("2026-03-05 10:00"), EventType::resolved, "Support", "Settled");
        CHECK(error_from([&] {
                  check_step(c, platform(), EventType::resolved, resolution, "");
              }).kind() == ErrorKind::refused);
        CHECK(c.events.size() == 1);
        check_step(c, platform(), EventType::resolved, resolution, "Settled by phone");
        REQUIRE(c.events.size() == 2);
        CHECK(c.events[1].type == EventType::step_skipped);
        CHECK(c.events[1].at == resolution.at);
        add_event(c, resolution);
        CHECK(order_problems(c, platform()).empty());
        c.events.erase(c.events.begin() + 1); // as if edited by hand
        const auto problems = order_problems(c, platform());
        REQUIRE(problems.size() == 1);
        CHECK(problems[0].first == 1);
    }

    TEST_CASE("check_step: investigation complete is recorded once") {
        Case c = complaint();
        support_log(c, "2026-03-02 10:00", EventType::assigned);
        support_log(c, "2026-03-03 10:00", EventType::shared_with_complainee);
        support_log(c, "2026-03-04 10:00", EventType::investigation_complete);
        const Event again =
            event_of(when("2026-03-05 10:00"), EventType::investigation_complete, "Support", "");
        CHECK(error_from([&] {
                  check_step(c, platform(), EventType::investigation_complete, again, "");
              }).kind() == ErrorKind::refused);
        add_event(c, again);
        CHECK(order_problems(c, platform()).size() == 1);
    }
}

TEST_SUITE("platform rules: warnings") {
    TEST_CASE("check_warning: upheld or partly upheld, a GMC number, shared first, a reason") {
        Case c = complaint();
        support_log(c, "2026-03-03 10:00", EventType::shared_with_complainee);
        c.outcome = Outcome::upheld;
        const Timestamp at = when("2026-03-10 10:00");
        CHECK_NOTHROW(check_warning(c, platform(), at, "Code of Conduct 2.4"));
        CHECK(error_from([&] { check_warning(c, platform(), at, ""); }).kind() == ErrorKind::usage);
        for (const Outcome outcome : {Outcome::not_upheld, Outcome::resolved, Outcome::withdrawn}) {
            c.outcome = outcome;
            CHECK(error_from([&] { check_warning(c, platform(), at, "x"); }).kind() ==
                  ErrorKind::refused);
        }
        c.outcome = Outcome::partly_upheld;
        CHECK_NOTHROW(check_warning(c, platform(), at, "x"));
        Case service = c;
        service.about = "Locum booking team";
        service.gmc.clear();
        CHECK(error_from([&] { check_warning(service, platform(), at, "x"); }).kind() ==
              ErrorKind::refused);
        CHECK(error_from([&] {
                  check_warning(c, platform(), when("2026-03-03 09:00"), "x");
              }).kind() == ErrorKind::refused);
    }

    TEST_CASE("rescind_warning: the warning stops counting that day, and stays on record") {
        std::vector<Case> cases{complaint("LAN-2026-AAAAAA"), complaint("LAN-2026-BBBBBB"),
                                complaint("LAN-2026-CCCCCC")};
        const char* days[] = {"2026-03-10 10:00", "2026-04-10 10:00", "2026-05-10 10:00"};
        for (std::size_t i = 0; i < cases.size(); ++i)
            cases[i].warning = when(days[i]);
        const auto standing = [&](const char* on) {
            return standing_on(clinicians(cases, platform(), london()).front(), platform(),
                               *parse_date(on));
        };
        CHECK(standing("2026-05-20").status == ClinicianStatus::suspension_review);
        rescind_warning(cases[1],
                        event_of(when("2026-05-21 10:00"), EventType::warning_rescinded, "Support",
                                 "Appeal upheld"),
                        london());
        CHECK(cases[1].warning.has_value());
        CHECK(standing("2026-05-20").status == ClinicianStatus::suspension_review);
        CHECK(standing("2026-05-21").status == ClinicianStatus::warned);
        CHECK(standing("2026-05-21").active.size() == 2);
        CHECK(error_from([&] {
                  rescind_warning(cases[1],
                                  event_of(when("2026-05-22 10:00"), EventType::warning_rescinded,
                                           "Support", "again"),
                                  london());
              }).kind() == ErrorKind::refused);
        Case unwarned = complaint();
        CHECK(error_from([&] {
                  rescind_warning(unwarned,
                                  event_of(when("2026-05-22 10:00"), EventType::warning_rescinded,
                                           "Support", "x"),
                                  london());
              }).kind() == ErrorKind::refused);
    }
}

TEST_SUITE("platform rules: one GMC number, one clinician") {
    TEST_CASE("check_gmc_owner: another name is refused, or taken as an alias") {
        const std::vector<Case> others{complaint("LAN-2026-AAAAAA")};
        Case c = complaint("LAN-2026-BBBBBB");
        CHECK(check_gmc_owner(c, others, false).empty());
        c.about = "DR SAM  KEANE"; // the same name, spelt differently
        CHECK(check_gmc_owner(c, others, false).empty());
        c.about = "Dr John Smith";
        CHECK(error_from([&] { check_gmc_owner(c, others, false); }).kind() == ErrorKind::refused);
        CHECK(check_gmc_owner(c, others, true) == "Dr Sam Keane");
    }

    TEST_CASE("clinicians: the earliest case names them, whatever the files' order") {
        Case later = complaint("LAN-2026-AAAAAA");
        later.about = "Dr S. Keane";
        later.received = when("2026-04-01 09:00");
        const Case earlier = complaint("LAN-2026-ZZZZZZ");
        const auto all = clinicians({later, earlier}, platform(), london());
        REQUIRE(all.size() == 1);
        CHECK(all[0].name == "Dr Sam Keane");
        CHECK(all[0].aliases == std::vector<std::string>{"Dr S. Keane"});
        CHECK(find_clinicians(all, "keane").size() == 1);
        CHECK(find_clinicians(all, "s. keane").size() == 1);
    }
}
