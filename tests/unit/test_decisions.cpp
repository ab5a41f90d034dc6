// SPDX-License-Identifier: Apache-2.0
// The process decisions of the core, one at a time: what each allows, and
// each refusal with the codes and subjects the CLI turns into fixes. Cases
// are built as a complaints manager's day would leave them, in London time.
#include "complaints/base/error.hpp"
#include "complaints/workflow/clinicians.hpp"
#include "complaints/workflow/clocks.hpp"
#include "complaints/workflow/later_entries.hpp"
#include "complaints/workflow/workflow.hpp"

#include "error_from.hpp"
#include "event_of.hpp"
#include "problem_codes.hpp"

#include <doctest/doctest.h>

#include <algorithm>

using namespace complaints;

using complaints::testing::codes;
using complaints::testing::error_from;
using complaints::testing::event_of;
using complaints::testing::london;
using complaints::testing::when;

namespace {

date::year_month_day day(const char* text) {
    return *parse_date(text);
}

// A complaint by email, as `open` leaves it.
Case opened(const char* id, const char* received) {
    Case c;
    c.id = id;
    c.received = when(received);
    c.complainant = "Mrs Ann Hale";
    c.events.push_back(event_of(c.received, EventType::opened, "Manager", ""));
    return c;
}

void log(Case& c, const char* at, EventType type, std::string text = "") {
    add_event(c, event_of(when(at), type, "Manager", std::move(text)));
}

Point point(int number, std::optional<Finding> finding = {}, std::string conclusion = "") {
    return Point{number, "what was raised", finding, std::move(conclusion), "", "", {}, "", {}};
}

// True when every problem is about the case `id`, so the CLI's fix names it.
bool all_about(const std::vector<Problem>& problems, const std::string& id) {
    return std::all_of(problems.begin(), problems.end(),
                       [&](const Problem& p) { return p.subject == id; });
}

} // namespace

TEST_SUITE("decisions: logging and intake") {
    TEST_CASE("check_logged: a response period agreed runs to a date, not before receipt") {
        Case c = opened("RMP-2026-8W42GE", "2026-03-02 09:00");
        Event agreed =
            event_of(when("2026-03-04 11:00"), EventType::response_period_agreed, "Manager", "");
        agreed.due = day("2026-06-30");
        CHECK_NOTHROW(check_logged(c, agreed, london()));
        agreed.due = day("2026-03-02"); // the day it came in is not before it
        CHECK_NOTHROW(check_logged(c, agreed, london()));

        SUBCASE("without its date") {
            agreed.due.reset();
            const Error e = error_from([&] { check_logged(c, agreed, london()); });
            CHECK(e.kind() == ErrorKind::usage);
            CHECK(codes(e.problems()) == "field-missing");
        }
        SUBCASE("dated before the complaint came in") {
            agreed.due = day("2026-03-01");
            const Error e = error_from([&] { check_logged(c, agreed, london()); });
            CHECK(e.kind() == ErrorKind::usage);
            CHECK(codes(e.problems()) == "date-out-of-order");
        }
        SUBCASE("a call logged with a date") {
            Event call = event_of(when("2026-03-03 10:00"), EventType::call, "Manager", "");
            CHECK_NOTHROW(check_logged(c, call, london()));
            call.due = day("2026-03-10");
            CHECK(error_from([&] { check_logged(c, call, london()); }).kind() == ErrorKind::usage);
        }
    }

    TEST_CASE("check_logged: receipt is the London date, not the UTC one") {
        // 00:30 on 1 July in London is still 30 June in UTC.
        const Case c = opened("RMP-2026-8W42GE", "2026-07-01 00:30");
        Event agreed =
            event_of(when("2026-07-01 10:00"), EventType::response_period_agreed, "Manager", "");
        agreed.due = day("2026-07-01");
        CHECK_NOTHROW(check_logged(c, agreed, london()));
        agreed.due = day("2026-06-30");
        CHECK(error_from([&] { check_logged(c, agreed, london()); }).kind() == ErrorKind::usage);
    }

    TEST_CASE("check_gmc_number: seven digits, never starting with 0") {
        CHECK_NOTHROW(check_gmc_number("7123456"));
        for (const char* wrong :
             {"712345", "71234567", "7I23456", "", " 7123456", "0000000", "0123456"}) {
            CAPTURE(wrong);
            const Error e = error_from([&] { check_gmc_number(wrong); });
            CHECK(e.kind() == ErrorKind::usage);
            CHECK(codes(e.problems()) == "value-invalid");
        }
    }
}

TEST_SUITE("decisions: classifying a new case") {
    TEST_CASE("classify_intake: a withdrawal with 3 days' notice is a late-withdrawal complaint") {
        const Policy platform = preset_policy("platform");
        Case c = opened("LAN-2026-XT3S4J", "2026-03-02 09:00");
        classify_intake(c, platform, 3, false);
        CHECK(c.kind == Kind::complaint);
        CHECK(c.type == "late-withdrawal");
        CHECK(c.category == Category::non_clinical);
        CHECK(c.notice_days == 3);
    }

    TEST_CASE(
        "classify_intake: a withdrawal with 4 days' notice is no complaint under the policy") {
        const Policy platform = preset_policy("platform");
        Case c = opened("LAN-2026-XT3S4J", "2026-03-02 09:00");
        SUBCASE("called a late withdrawal: refused") {
            c.type = "late-withdrawal";
            CHECK(error_from([&] { classify_intake(c, platform, 4, false); }).kind() ==
                  ErrorKind::refused);
        }
        SUBCASE("whatever the type says, or with none: refused as a complaint") {
            c.type = "admin";
            CHECK(error_from([&] { classify_intake(c, platform, 4, false); }).kind() ==
                  ErrorKind::refused);
            c.type.clear();
            CHECK(error_from([&] { classify_intake(c, platform, 4, false); }).kind() ==
                  ErrorKind::refused);
        }
        SUBCASE("informal feedback about it: kept") {
            c.kind = Kind::feedback;
            classify_intake(c, platform, 4, true);
            CHECK(c.kind == Kind::feedback);
            CHECK(c.notice_days == 4);
        }
        SUBCASE("a withdrawal after the complaint was received: refused") {
            c.withdrawn = day("2026-03-03");
            CHECK(error_from([&] { classify_intake(c, platform, 1, false); }).kind() ==
                  ErrorKind::usage);
        }
    }

    TEST_CASE("classify_intake: a short-notice withdrawal cannot be called something else") {
        const Policy platform = preset_policy("platform");
        Case c = opened("LAN-2026-XT3S4J", "2026-03-02 09:00");
        SUBCASE("another type") {
            c.type = "rude";
            const Error e = error_from([&] { classify_intake(c, platform, 1, false); });
            CHECK(e.kind() == ErrorKind::usage);
            CHECK(codes(e.problems()) == "fields-conflict");
        }
        SUBCASE("informal feedback, asked for: a practice may give it about any withdrawal") {
            c.kind = Kind::feedback;
            classify_intake(c, platform, 1, true);
            CHECK(c.kind == Kind::feedback);
            CHECK(c.type == "late-withdrawal");
        }
        SUBCASE("a concern, asked for: the platform takes none") {
            c.kind = Kind::concern;
            CHECK(error_from([&] { classify_intake(c, platform, 1, true); }).kind() ==
                  ErrorKind::usage);
        }
        SUBCASE("a withdrawal dated after the session") {
            CHECK(error_from([&] { classify_intake(c, platform, -1, false); }).kind() ==
                  ErrorKind::usage);
        }
    }

    TEST_CASE("classify_intake: a late withdrawal needs its notice, and a policy with the rule") {
        Case c = opened("LAN-2026-XT3S4J", "2026-03-02 09:00");
        c.type = "late-withdrawal";
        const Error e =
            error_from([&] { classify_intake(c, preset_policy("platform"), {}, false); });
        CHECK(e.kind() == ErrorKind::usage);
        CHECK(codes(e.problems()) == "withdrawal-notice-needed");
        CHECK(all_about(e.problems(), c.id));
        // The clinic's policy has no late-withdrawal rule to apply.
        Case clinic = opened("LUM-2026-XTE74M", "2026-03-02 09:00");
        CHECK(error_from([&] {
                  classify_intake(clinic, preset_policy("clinic"), 2, false);
              }).kind() == ErrorKind::usage);
    }

    TEST_CASE("classify_intake: the platform's type implies the category") {
        const Policy platform = preset_policy("platform");
        Case c = opened("LAN-2026-XT3S4J", "2026-03-02 09:00");
        SUBCASE("a breach of confidentiality is clinical") {
            c.type = "confidentiality";
            classify_intake(c, platform, {}, false);
            CHECK(c.category == Category::clinical);
        }
        SUBCASE("'other' is either, so the user says which") {
            c.type = "other";
            const Error e = error_from([&] { classify_intake(c, platform, {}, false); });
            CHECK(e.kind() == ErrorKind::usage);
            CHECK(codes(e.problems()) == "field-missing");
            c.category = Category::clinical;
            classify_intake(c, platform, {}, false);
            CHECK(c.category == Category::clinical);
        }
        SUBCASE("rudeness said to be clinical is a contradiction") {
            c.type = "rude";
            c.category = Category::clinical;
            const Error e = error_from([&] { classify_intake(c, platform, {}, false); });
            CHECK(e.kind() == ErrorKind::usage);
            CHECK(codes(e.problems()) == "fields-conflict");
        }
        SUBCASE("a type the policy does not name") {
            c.type = "rudee";
            const Error e = error_from([&] { classify_intake(c, platform, {}, false); });
            CHECK(e.kind() == ErrorKind::usage);
            REQUIRE(e.problems().size() == 1);
            CHECK(e.problems()[0].message.find("did you mean 'rude'") != std::string::npos);
        }
    }

    TEST_CASE("classify_intake: the clinic's types are free text, a kind the policy lacks is a "
              "usage error") {
        Policy clinic = preset_policy("clinic");
        Case c = opened("LUM-2026-XTE74M", "2026-03-02 09:00");
        c.type = "billing";
        classify_intake(c, clinic, {}, true);
        CHECK(c.type == "billing");
        CHECK_FALSE(c.category.has_value());
        // The platform lacks a concern; a policy given as data can lack any kind.
        clinic.kinds = {Kind::complaint, Kind::concern};
        c.kind = Kind::feedback;
        CHECK(error_from([&] { classify_intake(c, clinic, {}, true); }).kind() == ErrorKind::usage);
    }
}

TEST_SUITE("decisions: what a manager should see") {
    TEST_CASE("late_complaint_outstanding: NHS, 12 months from what happened to receipt") {
        const Policy nhs = preset_policy("nhs-england");
        Case c = opened("RMP-2026-8W42GE", "2026-01-10 09:00");
        c.happened = day("2025-01-10");
        CHECK_FALSE(late_complaint_outstanding(c, nhs)); // the last day in time
        c.received = when("2026-01-11 09:00");
        CHECK(late_complaint_outstanding(c, nhs));
        SUBCASE("counted in the local date of receipt: 00:30 BST is the next day") {
            c = opened("RMP-2026-8W42GE", "2026-07-11 00:30");
            c.happened = day("2025-07-10");
            CHECK(late_complaint_outstanding(c, nhs));
        }
        SUBCASE("a reason to go ahead is recorded") {
            log(c, "2026-01-12 10:00", EventType::late_complaint_accepted,
                "in hospital until December");
            CHECK_FALSE(late_complaint_outstanding(c, nhs));
        }
        SUBCASE("a concern has no time limit") {
            c.kind = Kind::concern;
            CHECK_FALSE(late_complaint_outstanding(c, nhs));
        }
        SUBCASE("no date for what happened") {
            c.happened.reset();
            CHECK_FALSE(late_complaint_outstanding(c, nhs));
        }
        SUBCASE("the clinic's policy has no time limit") {
            CHECK_FALSE(late_complaint_outstanding(c, preset_policy("clinic")));
        }
    }

    TEST_CASE("attention: a phone complaint for a patient about treatment lists all three gaps") {
        const Policy clinic = preset_policy("clinic");
        Case c = opened("LUM-2026-XTE74M", "2026-03-02 09:00");
        c.channel = Channel::phone;
        c.on_behalf_of = "Mr Tom Hale";
        c.consent = Consent::pending;
        c.category = Category::clinical;
        const auto notes = attention(c, clinic);
        CHECK(codes(notes) == "record-not-agreed, consent-outstanding, practitioner-not-named");
        CHECK(all_about(notes, c.id));

        log(c, "2026-03-03 10:00", EventType::record_agreed);
        c.consent = Consent::yes;
        c.practitioners = {"Nurse Jo Bell"};
        CHECK(attention(c, clinic).empty());
    }

    TEST_CASE("attention: each rule where its policy has it, and only on open cases") {
        Case c = opened("LUM-2026-XTE74M", "2026-03-02 09:00");
        c.channel = Channel::in_person;
        SUBCASE("the platform does not ask for an agreed record") {
            CHECK(attention(c, preset_policy("platform")).empty());
        }
        SUBCASE("a concern raised in person has no record to agree") {
            c.kind = Kind::concern;
            CHECK(attention(c, preset_policy("clinic")).empty());
        }
        SUBCASE("excluded or closed: nothing to do") {
            CHECK(codes(attention(c, preset_policy("clinic"))) == "record-not-agreed");
            c.exclusion = Excluded{Exclusion::another_service, {}};
            CHECK(attention(c, preset_policy("clinic")).empty());
            c.exclusion.reset();
            c.status = Status::closed;
            CHECK(attention(c, preset_policy("clinic")).empty());
        }
        SUBCASE("NHS: a complaint made 13 months on") {
            c.channel = Channel::letter;
            c.happened = day("2025-02-01");
            const auto notes = attention(c, preset_policy("nhs-england"));
            CHECK(codes(notes) == "late-complaint");
            CHECK(all_about(notes, c.id));
        }
    }

    TEST_CASE("require_formal_complaint: an open, formal complaint that is not excluded") {
        Case c = opened("LUM-2026-XTE74M", "2026-03-02 09:00");
        CHECK_NOTHROW(require_formal_complaint(c, "send the response"));
        SUBCASE("a concern is resolved locally") {
            c.kind = Kind::concern;
            const Error e = error_from([&] { require_formal_complaint(c, "send the response"); });
            CHECK(e.kind() == ErrorKind::refused);
            CHECK(codes(e.problems()) == "not-formal");
            CHECK(all_about(e.problems(), c.id));
        }
        SUBCASE("excluded: about another service") {
            c.exclusion = Excluded{Exclusion::another_service, {}};
            CHECK(error_from([&] { require_formal_complaint(c, "send the response"); }).kind() ==
                  ErrorKind::refused);
        }
        SUBCASE("closed") {
            c.status = Status::closed;
            CHECK(error_from([&] { require_formal_complaint(c, "send the response"); }).kind() ==
                  ErrorKind::refused);
        }
    }
}

TEST_SUITE("decisions: the stage 1 response") {
    TEST_CASE("check_response: every point found and concluded, nothing else outstanding") {
        const Policy clinic = preset_policy("clinic");
        Case c = opened("LUM-2026-XTE74M", "2026-03-02 09:00");
        log(c, "2026-03-03 10:00", EventType::acknowledged);
        c.points = {point(1, Finding::upheld, "The booking was lost"),
                    point(2, Finding::not_upheld, "The price was quoted in writing")};
        CHECK(response_missing(c, clinic).empty());
        CHECK_NOTHROW(check_response(c, clinic));
    }

    TEST_CASE("check_response: nothing investigated yet") {
        const Policy clinic = preset_policy("clinic");
        const Case c = opened("LUM-2026-XTE74M", "2026-03-02 09:00");
        const Error e = error_from([&] { check_response(c, clinic); });
        CHECK(e.kind() == ErrorKind::refused);
        CHECK(codes(e.problems()) == "response-incomplete");
        CHECK(all_about(e.problems(), c.id));
    }

    TEST_CASE("check_response: a phone complaint for her son lists every gap at once") {
        // Point 1 has no finding, point 2 a finding but no conclusion; consent
        // is pending and the written record not agreed.
        const Policy clinic = preset_policy("clinic");
        Case c = opened("LUM-2026-XTE74M", "2026-03-02 09:00");
        c.channel = Channel::phone;
        c.on_behalf_of = "Mr Tom Hale";
        c.consent = Consent::pending;
        c.points = {point(1), point(2, Finding::partly_upheld),
                    point(3, Finding::upheld, "Agreed")};
        const Error e = error_from([&] { check_response(c, clinic); });
        CHECK(e.kind() == ErrorKind::refused);
        CHECK(codes(e.problems()) ==
              "response-incomplete, response-incomplete, consent-outstanding, record-not-agreed");
        CHECK(all_about(e.problems(), c.id));
        REQUIRE_FALSE(e.problems().empty());
        CHECK(e.problems()[0].message.find("point 1 has no finding") != std::string::npos);
        // Going ahead without consent, for a recorded reason, drops only that.
        CHECK(codes(response_missing(c, clinic, {.consent = true})) ==
              "response-incomplete, response-incomplete, record-not-agreed");
    }

    TEST_CASE("check_response: the platform asks for no agreed record") {
        Case c = opened("LAN-2026-XT3S4J", "2026-03-02 09:00");
        c.channel = Channel::phone;
        c.points = {point(1, Finding::upheld, "Arrived 40 minutes late")};
        CHECK(response_missing(c, preset_policy("platform")).empty());
        CHECK(codes(response_missing(c, preset_policy("clinic"))) == "record-not-agreed");
    }

    TEST_CASE("check_response: NHS, a complaint made after 12 months waits for a recorded reason") {
        const Policy nhs = preset_policy("nhs-england");
        Case c = opened("RMP-2026-8W42GE", "2026-03-02 09:00");
        c.happened = day("2025-01-20");
        c.points = {point(1, Finding::upheld, "The referral was not sent")};
        const Error e = error_from([&] { check_response(c, nhs); });
        CHECK(codes(e.problems()) == "late-complaint");
        CHECK(all_about(e.problems(), c.id));
        log(c, "2026-03-04 10:00", EventType::late_complaint_accepted, "abroad for treatment");
        CHECK_NOTHROW(check_response(c, nhs));
    }

    TEST_CASE("check_response and check_delay: once the response has gone") {
        const Policy clinic = preset_policy("clinic");
        Case c = opened("LUM-2026-XTE74M", "2026-03-02 09:00");
        c.points = {point(1, Finding::upheld, "The booking was lost")};
        CHECK_NOTHROW(check_delay(c));
        log(c, "2026-03-16 15:00", EventType::response_sent);
        const Error sent = error_from([&] { check_response(c, clinic); });
        CHECK(sent.kind() == ErrorKind::refused);
        CHECK(codes(sent.problems()) == "response-already-sent");
        // A delay is explained before the response, not after.
        CHECK(error_from([&] { check_delay(c); }).kind() == ErrorKind::refused);
    }

    TEST_CASE("record_finding: the finding, conclusion, remedial action and staff of a point") {
        Case c = opened("LUM-2026-XTE74M", "2026-03-02 09:00");
        c.points = {point(1), point(2)};
        record_finding(c, 2, Finding::upheld, "The booking was lost", "Confirm bookings by text",
                       "Reception");
        CHECK(c.points[1].finding == Finding::upheld);
        CHECK(c.points[1].conclusion == "The booking was lost");
        CHECK(c.points[1].remedial_action == "Confirm bookings by text");
        CHECK(c.points[1].staff == "Reception");
        CHECK_FALSE(c.points[0].finding.has_value());
        // A changed finding keeps the conclusion already reached.
        record_finding(c, 2, Finding::partly_upheld, "", "", "");
        CHECK(c.points[1].finding == Finding::partly_upheld);
        CHECK(c.points[1].conclusion == "The booking was lost");
        CHECK(c.points[1].remedial_action == "Confirm bookings by text");
        CHECK(c.points[1].staff == "Reception");
    }

    TEST_CASE("record_finding: refused without the point, or without a conclusion") {
        Case c = opened("LUM-2026-XTE74M", "2026-03-02 09:00");
        c.points = {point(1), point(2)};
        SUBCASE("no point 3") {
            const Error e =
                error_from([&] { record_finding(c, 3, Finding::upheld, "Agreed", "", ""); });
            CHECK(e.kind() == ErrorKind::usage);
            CHECK(codes(e.problems()) == "no-such-item");
        }
        SUBCASE("a first finding with no conclusion") {
            const Error e = error_from([&] { record_finding(c, 1, Finding::upheld, "", "", ""); });
            CHECK(e.kind() == ErrorKind::usage);
            CHECK(codes(e.problems()) == "field-missing");
            CHECK_FALSE(c.points[0].finding.has_value());
        }
    }
}

namespace {

const ReviewBody& body(const Policy& policy, std::string_view key) {
    const ReviewBody* found = find_review_body(policy, key);
    REQUIRE(found != nullptr);
    return *found;
}

void refer(Case& c, const char* to, const char* at) {
    c.escalations.push_back(Escalation{to, when(at), "", "", std::nullopt});
}

Action action(int number, const char* due) {
    return Action{number, "Confirm bookings by text", "Reception lead", day(due), {}, {}, {}};
}

bool says(const Error& e, std::string_view part) {
    return std::string_view(e.what()).find(part) != std::string_view::npos;
}

} // namespace

TEST_SUITE("decisions: stage 2") {
    TEST_CASE("check_escalation: clinic, ISCAS reviews the response, the CQC can be told at once") {
        const Policy clinic = preset_policy("clinic");
        Case c = opened("LUM-2026-XTE74M", "2026-03-02 09:00");
        CHECK_NOTHROW(check_escalation(c, body(clinic, "cqc"), clinic));
        CHECK(error_from([&] { check_escalation(c, body(clinic, "iscas"), clinic); }).kind() ==
              ErrorKind::refused);
        log(c, "2026-03-16 15:00", EventType::response_sent);
        CHECK_NOTHROW(check_escalation(c, body(clinic, "iscas"), clinic));
    }

    TEST_CASE("check_escalation: one open referral to a body at a time") {
        const Policy clinic = preset_policy("clinic");
        Case c = opened("LUM-2026-XTE74M", "2026-03-02 09:00");
        log(c, "2026-03-16 15:00", EventType::response_sent);
        refer(c, "iscas", "2026-04-01 10:00");
        CHECK(error_from([&] { check_escalation(c, body(clinic, "iscas"), clinic); }).kind() ==
              ErrorKind::refused);
        CHECK_NOTHROW(check_escalation(c, body(clinic, "cosmetic-redress-scheme"), clinic));
        c.escalations[0].outcome = "Not upheld";
        CHECK_NOTHROW(check_escalation(c, body(clinic, "iscas"), clinic));
    }

    TEST_CASE("check_escalation: platform, clinical complaints only, the GMC at once") {
        const Policy platform = preset_policy("platform");
        Case c = opened("LAN-2026-XT3S4J", "2026-03-02 09:00");
        c.category = Category::clinical;
        c.type = "patient-care";
        CHECK_NOTHROW(check_escalation(c, body(platform, "gmc"), platform));
        CHECK(error_from([&] {
                  check_escalation(c, body(platform, "responsible-officer"), platform);
              }).kind() == ErrorKind::refused);
        log(c, "2026-03-12 10:00", EventType::resolved, "Apology accepted");
        CHECK_NOTHROW(check_escalation(c, body(platform, "responsible-officer"), platform));
        c.category = Category::non_clinical;
        CHECK(error_from([&] { check_escalation(c, body(platform, "gmc"), platform); }).kind() ==
              ErrorKind::refused);
    }

    TEST_CASE("check_escalation: platform, the Responsible Officer sooner with a reason") {
        const Policy platform = preset_policy("platform");
        Case c = opened("LAN-2026-XT3S4J", "2026-03-02 09:00");
        c.category = Category::clinical;
        c.type = "patient-care";
        const ReviewBody& officer = body(platform, "responsible-officer");
        const Error early = error_from([&] { check_escalation(c, officer, platform); });
        CHECK(codes(early.problems()) == "response-owed");
        CHECK(early.problems()[0].message.find("give {reason}") != std::string::npos);
        CHECK(error_from([&] { check_escalation(c, officer, platform, " \t"); }).kind() ==
              ErrorKind::refused);
        CHECK_NOTHROW(check_escalation(c, officer, platform, "More serious: patient harm"));
        CHECK_NOTHROW(check_escalation(c, body(platform, "lmc"), platform));
        // The clinic's ISCAS takes no reason instead of the response.
        const Policy clinic = preset_policy("clinic");
        CHECK(error_from([&] {
                  check_escalation(c, body(clinic, "iscas"), clinic, "Serious");
              }).kind() == ErrorKind::refused);
    }

    TEST_CASE("close_missing: a regulator's open referral holds up only the bodies that say so") {
        const Policy platform = preset_policy("platform");
        Case c = opened("LAN-2026-XT3S4J", "2026-03-02 09:00");
        refer(c, "gmc", "2026-03-05 10:00");
        refer(c, "responsible-officer", "2026-03-05 11:00");
        CHECK(referrals_blocking_close(c, platform).empty());
        CHECK(open_referrals(c, platform).size() == 2);
        // The clinic's ISCAS review neither, unless complaints.yaml says so.
        Policy clinic = preset_policy("clinic");
        Case reviewed = opened("LUM-2026-XTE74M", "2026-03-02 09:00");
        refer(reviewed, "iscas", "2026-04-01 10:00");
        CHECK(referrals_blocking_close(reviewed, clinic).empty());
        clinic.review_bodies[0].blocks_close = true;
        CHECK(referrals_blocking_close(reviewed, clinic) == std::vector<std::string>{"iscas"});
    }

    TEST_CASE("check_escalation: excluded, or not a complaint") {
        const Policy clinic = preset_policy("clinic");
        Case c = opened("LUM-2026-XTE74M", "2026-03-02 09:00");
        SUBCASE("excluded") {
            c.exclusion = Excluded{Exclusion::under_independent_review, {}};
            CHECK(error_from([&] { check_escalation(c, body(clinic, "cqc"), clinic); }).kind() ==
                  ErrorKind::refused);
        }
        SUBCASE("a concern") {
            c.kind = Kind::concern;
            CHECK(error_from([&] { check_escalation(c, body(clinic, "cqc"), clinic); }).kind() ==
                  ErrorKind::refused);
        }
    }

    TEST_CASE("check_escalation: everything in the way is named at once") {
        // An excluded, non-clinical concern, unresolved, with a referral to
        // the Responsible Officer open.
        const Policy platform = preset_policy("platform");
        Case c = opened("LAN-2026-XT3S4J", "2026-03-02 09:00");
        c.kind = Kind::concern;
        c.exclusion = Excluded{Exclusion::employment, {}};
        c.category = Category::non_clinical;
        refer(c, "responsible-officer", "2026-03-05 10:00");
        const Error e = error_from(
            [&] { check_escalation(c, body(platform, "responsible-officer"), platform); });
        CHECK(e.kind() == ErrorKind::refused);
        CHECK(says(e, "excluded"));
        CHECK(says(e, "is a concern"));
        CHECK(says(e, "after the organisation's own response"));
        CHECK(says(e, "clinical complaints only"));
        CHECK(says(e, "still open"));
        CHECK(codes(e.problems()) ==
              "case-closed, not-formal, response-owed, step-not-applicable, referral-open");
        CHECK(all_about(e.problems(), c.id));
    }

    TEST_CASE("open_escalation: the referral still awaiting its outcome") {
        const Policy clinic = preset_policy("clinic");
        Case c = opened("LUM-2026-XTE74M", "2026-03-02 09:00");
        CHECK(error_from([&] { open_escalation(c, "", clinic); }).kind() == ErrorKind::refused);
        refer(c, "iscas", "2026-04-01 10:00");
        refer(c, "cqc", "2026-04-02 10:00");
        refer(c, "citizens-advice", "2026-04-03 10:00");
        // Two reviews open: naming none is ambiguous; the advice service awaits nothing.
        CHECK(error_from([&] { open_escalation(c, "", clinic); }).kind() == ErrorKind::usage);
        CHECK(open_referrals(c, clinic) == std::vector<std::string>{"iscas", "cqc"});
        CHECK(open_escalation(c, "iscas", clinic).body == "iscas");
        open_escalation(c, "iscas", clinic).outcome = "Not upheld";
        CHECK(c.escalations[0].outcome == "Not upheld");     // the case's own referral
        CHECK(open_escalation(c, "", clinic).body == "cqc"); // the only one left
        CHECK(error_from([&] { open_escalation(c, "iscas", clinic); }).kind() ==
              ErrorKind::refused);
        CHECK(error_from([&] { open_escalation(c, "citizens-advice", clinic); }).kind() ==
              ErrorKind::refused);
        CHECK(stage(c, clinic) == 2);
    }
}

TEST_SUITE("decisions: closing") {
    TEST_CASE("check_close: acknowledged, no response sent: closing as upheld lists the response "
              "and the learning") {
        const Policy clinic = preset_policy("clinic");
        Case c = opened("LUM-2026-XTE74M", "2026-03-02 09:00");
        log(c, "2026-03-03 10:00", EventType::acknowledged);
        const Error e = error_from([&] { check_close(c, clinic, Outcome::upheld, false, false); });
        CHECK(e.kind() == ErrorKind::refused);
        CHECK(codes(e.problems()) == "learning-not-documented, response-owed");
        CHECK(all_about(e.problems(), c.id));
    }

    TEST_CASE("check_close: responded to, with the learning or why there is none") {
        const Policy clinic = preset_policy("clinic");
        Case c = opened("LUM-2026-XTE74M", "2026-03-02 09:00");
        log(c, "2026-03-16 15:00", EventType::response_sent);
        CHECK_NOTHROW(check_close(c, clinic, Outcome::upheld, false, true));
        SUBCASE("lessons learnt need an action on the plan") {
            const Error e =
                error_from([&] { check_close(c, clinic, Outcome::upheld, true, false); });
            CHECK(codes(e.problems()) == "action-plan-missing");
            CHECK(all_about(e.problems(), c.id));
            c.actions.push_back(action(1, "2026-04-30"));
            CHECK_NOTHROW(check_close(c, clinic, Outcome::upheld, true, false));
        }
        SUBCASE("lessons learnt and none learnt contradict each other") {
            c.actions.push_back(action(1, "2026-04-30"));
            const Error e =
                error_from([&] { check_close(c, clinic, Outcome::upheld, true, true); });
            CHECK(codes(e.problems()) == "learning-not-documented");
        }
    }

    TEST_CASE("check_close: what closes without a stage 1 response") {
        Case c = opened("LUM-2026-XTE74M", "2026-03-02 09:00");
        SUBCASE("a withdrawn complaint") {
            CHECK_NOTHROW(check_close(c, preset_policy("clinic"), Outcome::withdrawn, false, true));
        }
        SUBCASE("a concern resolved locally") {
            c.kind = Kind::concern;
            CHECK_NOTHROW(check_close(c, preset_policy("clinic"), Outcome::resolved, false, true));
        }
        SUBCASE("the platform's complaints, which owe no response letter") {
            CHECK_NOTHROW(check_close(c, preset_policy("platform"), Outcome::upheld, false, true));
        }
        SUBCASE("but not an NHS complaint found not upheld") {
            // The return's fields recorded, as the KO41b needs at close:
            // what is missing here is the response alone.
            const Policy nhs = preset_policy("nhs-england");
            c.age_band = nhs.returns.age_bands.front();
            c.complainant_status = nhs.returns.complainant_statuses.front();
            c.subject_areas = {nhs.returns.subject_areas.front()};
            c.staff_groups = {nhs.returns.staff_groups.front()};
            const Error e =
                error_from([&] { check_close(c, nhs, Outcome::not_upheld, false, true); });
            CHECK(codes(e.problems()) == "response-owed");
        }
    }

    TEST_CASE("check_close: a stage 2 referral awaiting its outcome holds up closing only where "
              "the body blocks_close") {
        Policy clinic = preset_policy("clinic");
        Case c = opened("LUM-2026-XTE74M", "2026-03-02 09:00");
        log(c, "2026-03-16 15:00", EventType::response_sent);
        refer(c, "iscas", "2026-04-01 10:00");
        // The preset: stage 1 is over once ISCAS reviews; the referral stays in view.
        CHECK_NOTHROW(check_close(c, clinic, Outcome::not_upheld, false, true));
        CHECK(codes(attention(c, clinic)) == "referral-open");
        // An organisation that keeps the case open through the review.
        for (auto& body : clinic.review_bodies)
            body.blocks_close = true;
        const Error e =
            error_from([&] { check_close(c, clinic, Outcome::not_upheld, false, true); });
        CHECK(codes(e.problems()) == "referral-open");
        CHECK(e.problems()[0].message ==
              "the referral to the Independent Sector Complaints Adjudication Service (ISCAS) "
              "awaits its outcome, and complaints.yaml keeps the case open until then (review "
              "body 'iscas': blocks_close)");
        CHECK(all_about(e.problems(), c.id));
        c.escalations[0].outcome = "Not upheld";
        CHECK_NOTHROW(check_close(c, clinic, Outcome::not_upheld, false, true));
    }

    TEST_CASE("close_missing: an excluded case is closed already, and owes no response") {
        Case c = opened("LUM-2026-XTE74M", "2026-03-02 09:00");
        c.exclusion = Excluded{Exclusion::employment, {}};
        c.status = Status::closed;
        CHECK(codes(close_missing(c, preset_policy("clinic"), Outcome::not_upheld, false, true)) ==
              "already-closed");
    }

    TEST_CASE("close_missing: a closed case with everything else wrong lists it all") {
        Policy clinic = preset_policy("clinic");
        // A CQC referral holds up closing where complaints.yaml says so.
        for (auto& body : clinic.review_bodies)
            body.blocks_close = true;
        Case c = opened("LUM-2026-XTE74M", "2026-03-02 09:00");
        c.status = Status::closed;
        refer(c, "cqc", "2026-03-05 10:00");
        const auto missing = close_missing(c, clinic, Outcome::upheld, true, false);
        CHECK(codes(missing) ==
              "already-closed, action-plan-missing, response-owed, referral-open");
        CHECK(all_about(missing, c.id));
    }
}

TEST_SUITE("decisions: intake corrections") {
    TEST_CASE("check_exclude: before the case is answered under the policy") {
        Case c = opened("LUM-2026-XTE74M", "2026-03-02 09:00");
        CHECK_NOTHROW(check_exclude(c));
        SUBCASE("already excluded") {
            c.exclusion = Excluded{Exclusion::employment, {}};
            CHECK(error_from([&] { check_exclude(c); }).kind() == ErrorKind::refused);
        }
        SUBCASE("closed") {
            c.status = Status::closed;
            CHECK(error_from([&] { check_exclude(c); }).kind() == ErrorKind::refused);
        }
        SUBCASE("the response has gone") {
            log(c, "2026-03-16 15:00", EventType::response_sent);
            CHECK(error_from([&] { check_exclude(c); }).kind() == ErrorKind::refused);
        }
        SUBCASE("referred before any answer: still excludable, as a complaint under independent "
                "review is (the NHS regulations' 8(1))") {
            refer(c, "phso", "2026-03-20 10:00");
            CHECK_NOTHROW(check_exclude(c));
        }
    }

    TEST_CASE("check_convert: an open concern becomes a complaint") {
        Case c = opened("LUM-2026-XTE74M", "2026-03-02 09:00");
        c.kind = Kind::concern;
        CHECK_NOTHROW(check_convert(c));
        c.kind = Kind::feedback;
        CHECK_NOTHROW(check_convert(c));
        SUBCASE("closed") {
            c.status = Status::closed;
            CHECK(error_from([&] { check_convert(c); }).kind() == ErrorKind::refused);
        }
        SUBCASE("already a complaint") {
            c.kind = Kind::complaint;
            CHECK(error_from([&] { check_convert(c); }).kind() == ErrorKind::refused);
        }
    }

    TEST_CASE("check_consent: only a complaint made on someone's behalf") {
        Case c = opened("LUM-2026-XTE74M", "2026-03-02 09:00");
        const Error e = error_from([&] { check_consent(c); });
        CHECK(e.kind() == ErrorKind::refused);
        CHECK(codes(e.problems()) == "step-not-applicable");
        CHECK(all_about(e.problems(), c.id));
        c.on_behalf_of = "Mr Tom Hale";
        CHECK_NOTHROW(check_consent(c));
    }

    TEST_CASE("record_resolution: a second, different resolution is a correction") {
        Case c = opened("LAN-2026-XT3S4J", "2026-03-02 09:00");
        const auto resolution = [&](const char* at, const char* text) {
            return event_of(when(at), EventType::resolved, "Agent", text);
        };
        record_resolution(c, resolution("2026-03-12 10:00", "Apology accepted"), std::nullopt);
        const Case sent = c;
        const Error e = error_from(
            [&] { record_resolution(c, resolution("2026-03-13 10:00", "Refund"), std::nullopt); });
        CHECK(e.kind() == ErrorKind::refused);
        CHECK(codes(e.problems()) == "already-sent");
        CHECK(c == sent);
        Event why =
            resolution("2026-03-13 10:00", "The refund was agreed by phone, not an apology");
        record_resolution(c, resolution("2026-03-13 10:00", "Refund"), why);
        const Event* corrected = last_event(c, EventType::corrected);
        REQUIRE(corrected);
        CHECK(corrected->corrects == "resolution");
        CHECK(corrected->before == "Apology accepted");
        CHECK(corrected->after == "Refund");
        CHECK(corrected->text == "The refund was agreed by phone, not an apology");
        CHECK(last_event(c, EventType::resolved)->text == "Refund");
        CHECK(first_event(c, EventType::resolved)->text == "Apology accepted");
    }
}

TEST_SUITE("decisions: the action plan") {
    TEST_CASE("open_action: the numbered action, while it is not done") {
        Case c = opened("LUM-2026-XTE74M", "2026-03-02 09:00");
        c.actions = {action(1, "2026-04-30"), action(2, "2026-05-31")};
        c.actions[1].done = when("2026-04-10 16:00");
        Action& first = open_action(c, 1);
        CHECK(&first == &c.actions[0]);
        CHECK(error_from([&] { open_action(c, 2); }).kind() == ErrorKind::refused);
        CHECK(error_from([&] { open_action(c, 3); }).kind() == ErrorKind::usage);
    }

    TEST_CASE("overdue_actions: not done, and the target date before today") {
        Case c = opened("LUM-2026-XTE74M", "2026-03-02 09:00");
        c.actions = {action(1, "2026-03-31"), action(2, "2026-04-01"), action(3, "2026-03-20")};
        c.actions[2].done = when("2026-03-25 12:00");
        const auto late = overdue_actions(c, day("2026-04-01"));
        REQUIRE(late.size() == 1);
        CHECK(late[0]->number == 1); // 2 is due today; 3 is done
        CHECK(overdue_actions(c, day("2026-03-31")).empty());
    }
}

namespace {

// A platform complaint about Dr Mark Tully, warned when `warned` is given.
Case about_tully(const char* id, const char* warned = nullptr) {
    Case c = opened(id, "2026-01-05 09:00");
    c.about = "Dr Mark Tully";
    c.gmc = "6234567";
    c.category = Category::non_clinical;
    c.type = "late";
    if (warned)
        c.warning = when(warned);
    return c;
}

// Closes `c` at `at` with a warning, as `close --warning` does.
std::optional<std::string> warn(Case& c, const char* at, const std::vector<Case>& others = {},
                                const char* preset = "platform") {
    const Event closing = event_of(when(at), EventType::closed, "Support", "");
    return issue_warning(c, closing, others, preset_policy(preset), london());
}

std::size_t events_of(const Case& c, EventType type) {
    return std::count_if(c.events.begin(), c.events.end(),
                         [&](const Event& e) { return e.type == type; });
}

} // namespace

TEST_SUITE("decisions: warnings to clinicians") {
    TEST_CASE("issue_warning: a first warning is recorded on the case, and no review is due") {
        Case c = about_tully("LAN-2026-XT3S4J");
        CHECK_FALSE(warn(c, "2026-03-12 10:30").has_value());
        CHECK(c.warning == when("2026-03-12 10:30"));
        CHECK(events_of(c, EventType::warning) == 1);
        CHECK(events_of(c, EventType::suspension_review_due) == 0);
    }

    TEST_CASE("issue_warning: the third inside six months makes a suspension review due") {
        const std::vector<Case> others{about_tully("LAN-2026-AAAAAA", "2026-01-10 10:00"),
                                       about_tully("LAN-2026-BBBBBB", "2026-03-01 10:00")};
        Case c = about_tully("LAN-2026-XT3S4J");
        CHECK(warn(c, "2026-07-09 16:00", others).has_value());
        CHECK(events_of(c, EventType::suspension_review_due) == 1);
        SUBCASE("closed at 00:30 BST on 9 July, 8 July in UTC: still the third") {
            Case early = about_tully("LAN-2026-XT3S4J");
            CHECK(warn(early, "2026-07-09 00:30", others).has_value());
        }
        SUBCASE("from 10 July the first no longer counts") {
            Case next = about_tully("LAN-2026-XT3S4J");
            CHECK_FALSE(warn(next, "2026-07-10 09:00", others).has_value());
            CHECK(events_of(next, EventType::suspension_review_due) == 0);
        }
        SUBCASE("another clinician's warnings do not count") {
            Case other = about_tully("LAN-2026-XT3S4J");
            other.about = "Dr Ella Novak";
            other.gmc = "7000001";
            CHECK_FALSE(warn(other, "2026-07-09 16:00", others).has_value());
        }
    }

    TEST_CASE("issue_warning: refused where the policy keeps none, or no clinician is named") {
        Case c = about_tully("LAN-2026-XT3S4J");
        SUBCASE("the clinic's policy keeps no warnings") {
            const Error e = error_from([&] { warn(c, "2026-03-12 10:30", {}, "clinic"); });
            CHECK(e.kind() == ErrorKind::refused);
        }
        SUBCASE("a concern") {
            c.kind = Kind::concern;
            CHECK(error_from([&] { warn(c, "2026-03-12 10:30"); }).kind() == ErrorKind::refused);
        }
        SUBCASE("no clinician named") {
            c.about.clear();
            CHECK(error_from([&] { warn(c, "2026-03-12 10:30"); }).kind() == ErrorKind::refused);
        }
        SUBCASE("closed again after a reopening: the first warning stands") {
            Case warned = about_tully("LAN-2026-XT3S4J", "2026-03-01 10:00");
            CHECK(error_from([&] { warn(warned, "2026-03-12 10:30"); }).kind() ==
                  ErrorKind::refused);
            CHECK(warned.warning == when("2026-03-01 10:00"));
        }
        CHECK_FALSE(c.warning.has_value());
        CHECK(events_of(c, EventType::warning) == 0);
    }

    TEST_CASE("standing_on: a recorded suspension outranks a suspension review") {
        const Policy platform = preset_policy("platform");
        std::vector<Case> cases{about_tully("LAN-2026-AAAAAA", "2026-01-10 10:00"),
                                about_tully("LAN-2026-BBBBBB", "2026-03-01 10:00"),
                                about_tully("LAN-2026-CCCCCC", "2026-04-01 10:00")};
        log(cases[2], "2026-04-08 10:00", EventType::suspended, "Review panel decision");
        const auto all = clinicians(cases, platform, london());
        REQUIRE(all.size() == 1);
        CHECK(standing_on(all[0], platform, day("2026-04-07")).status ==
              ClinicianStatus::suspension_review);
        const Standing standing = standing_on(all[0], platform, day("2026-04-08"));
        CHECK(standing.status == ClinicianStatus::permanently_suspended);
        CHECK(standing.active.size() == 3);
        REQUIRE(standing.history.size() == 3);
        CHECK(standing.history[0].status == ClinicianStatus::warned);
        CHECK(format_date(standing.history[1].on) == "2026-04-01");
        CHECK(standing.history[1].status == ClinicianStatus::suspension_review);
        CHECK(standing.history[2].status == ClinicianStatus::permanently_suspended);
        SUBCASE("reinstated once the first warning has expired: warned") {
            log(cases[2], "2026-07-20 10:00", EventType::reinstated, "Review panel decision");
            const auto now = clinicians(cases, platform, london());
            REQUIRE(now.size() == 1);
            CHECK(standing_on(now[0], platform, day("2026-07-19")).status ==
                  ClinicianStatus::permanently_suspended);
            CHECK(standing_on(now[0], platform, day("2026-07-20")).status ==
                  ClinicianStatus::warned);
        }
    }

    TEST_CASE("standing_on: a policy that keeps warnings but sets no review count never reviews") {
        Policy clinic = preset_policy("clinic");
        override_policy(clinic, "warning_kept", "6 months");
        const std::vector<Case> cases{about_tully("LUM-2026-AAAAAA", "2026-01-10 10:00"),
                                      about_tully("LUM-2026-BBBBBB", "2026-02-10 10:00"),
                                      about_tully("LUM-2026-CCCCCC", "2026-03-10 10:00")};
        const auto all = clinicians(cases, clinic, london());
        REQUIRE(all.size() == 1);
        CHECK(standing_on(all[0], clinic, day("2026-03-10")).status == ClinicianStatus::warned);
        CHECK(standing_on(all[0], clinic, day("2026-01-09")).status == ClinicianStatus::clear);
    }
}

namespace {

// A clinic complaint's clocks at `now`, as `show` computes them.
std::vector<Clock> clinic_clocks(const Case& c, const char* now) {
    static const Policy policy = preset_policy("clinic");
    static const WorkingCalendar calendar{Region::england_and_wales};
    // These tests follow the response clock: the acknowledgement clock the
    // clinic also runs is left out (tests/cli/test_acknowledgement.cpp).
    auto clocks = case_clocks(c, ClockContext{policy, calendar, london(), when(now).utc});
    std::erase_if(clocks, [](const Clock& clock) { return clock.rule == "acknowledgement"; });
    return clocks;
}

// A void of event `number`, at `at`, for `reason`.
void void_at(Case& c, int number, const char* at, const char* preset = "clinic") {
    void_event(c, number, event_of(when(at), EventType::voided, "Manager", "logged in error"),
               preset_policy(preset));
}

// A void written into the file by hand, past the checks `void` makes.
void void_by_hand(Case& c, int number, const char* at) {
    Event voiding = event_of(when(at), EventType::voided, "Manager", "edited by hand");
    voiding.voids = reference_to(c, c.events[static_cast<std::size_t>(number) - 1]);
    add_event(c, voiding);
}

// A clinic complaint answered on time (due 2026-03-16) and closed.
Case answered_and_closed() {
    Case c = opened("LUM-2026-XTE74M", "2026-03-02 09:00");
    c.points = {point(1, Finding::upheld, "The booking was lost")};
    log(c, "2026-03-12 15:00", EventType::response_sent);
    log(c, "2026-03-20 10:00", EventType::closed);
    c.status = Status::closed;
    c.outcome = Outcome::upheld;
    c.no_learning = "A one-off error";
    return c;
}

} // namespace

TEST_SUITE("decisions: correcting the record") {
    TEST_CASE("reopen: a closed case opens again, what it held is returned, not lost") {
        Case c = answered_and_closed();
        const ClosedState was = reopen(c);
        CHECK(c.status == Status::open);
        CHECK_FALSE(c.outcome.has_value());
        CHECK(c.no_learning.empty());
        CHECK(was.outcome == Outcome::upheld);
        CHECK(was.no_learning == "A one-off error");
        CHECK(was.closed_at == when("2026-03-20 10:00"));
        CHECK(events_of(c, EventType::closed) == 1); // the closing stays on the timeline
        CHECK_NOTHROW(check_close(c, preset_policy("clinic"), Outcome::upheld, false, true));
    }

    TEST_CASE("reopen: a clock met stays met, one not met runs again from its original start") {
        Case c = answered_and_closed();
        reopen(c);
        CHECK(clinic_clocks(c, "2026-04-01 09:00")[0].state == ClockState::met);
        Case withdrawn = opened("LUM-2026-XTE74M", "2026-03-02 09:00");
        log(withdrawn, "2026-03-05 10:00", EventType::closed);
        withdrawn.status = Status::closed;
        withdrawn.outcome = Outcome::withdrawn;
        CHECK(clinic_clocks(withdrawn, "2026-04-01 09:00")[0].state == ClockState::stopped);
        reopen(withdrawn);
        const Clock clock = clinic_clocks(withdrawn, "2026-04-01 09:00")[0];
        CHECK(clock.state == ClockState::overdue);
        CHECK(format_date(clock.due.day) == "2026-03-20"); // from receipt, as before
    }

    TEST_CASE("reopen: an excluded case is a complaint again, with clocks") {
        Case c = opened("LUM-2026-XTE74M", "2026-03-02 09:00");
        c.exclusion = Excluded{Exclusion::another_service, "The pharmacy"};
        c.status = Status::closed;
        CHECK(clinic_clocks(c, "2026-03-03 09:00").empty());
        const ClosedState was = reopen(c);
        REQUIRE(was.exclusion.has_value());
        CHECK(was.exclusion->text == "The pharmacy");
        CHECK_FALSE(c.exclusion.has_value());
        CHECK(clinic_clocks(c, "2026-03-03 09:00").size() == 1);
    }

    TEST_CASE("reopen: refused for an open case, which is left alone") {
        Case c = opened("LUM-2026-XTE74M", "2026-03-02 09:00");
        const Case before = c;
        const Error e = error_from([&] { reopen(c); });
        CHECK(e.kind() == ErrorKind::refused);
        CHECK(codes(e.problems()) == "step-not-applicable");
        CHECK(all_about(e.problems(), c.id));
        CHECK(c == before);
    }

    TEST_CASE("add_point: point N+1 before the response, after it only as a correction") {
        Case c = opened("LUM-2026-XTE74M", "2026-03-02 09:00");
        c.points = {point(1)};
        const Point& second = add_point(c, "The price was wrong", when("2026-03-03 10:00"), "");
        CHECK(second.number == 2);
        CHECK(second.added == when("2026-03-03 10:00"));
        CHECK(second.correction.empty());
        SUBCASE("a correction needs a response to correct") {
            const Error e = error_from([&] { add_point(c, "x", when("2026-03-03 10:00"), "why"); });
            CHECK(e.kind() == ErrorKind::usage);
            CHECK(c.points.size() == 2);
        }
        SUBCASE("after the response") {
            c.points = {point(1, Finding::upheld, "Agreed"), point(2, Finding::upheld, "Agreed")};
            log(c, "2026-03-12 15:00", EventType::response_sent);
            const Error e =
                error_from([&] { add_point(c, "Rudeness", when("2026-03-20 10:00"), ""); });
            CHECK(e.kind() == ErrorKind::refused);
            CHECK(codes(e.problems()) == "point-after-response");
            CHECK(all_about(e.problems(), c.id));
            CHECK(c.points.size() == 2);
            const Point& third = add_point(c, "Rudeness", when("2026-03-20 10:00"),
                                           "Her letter raised it; we missed it");
            CHECK(third.number == 3);
            CHECK(third.correction == "Her letter raised it; we missed it");
            // Unanswered, it needs attention, not a second response.
            CHECK(codes(attention(c, preset_policy("clinic"))) == "point-unanswered");
            record_finding(c, 3, Finding::not_upheld, "No witness", "", "");
            CHECK(attention(c, preset_policy("clinic")).empty());
            // Its first finding was never sent; a change after it is a correction.
            CHECK(codes(error_from([&] {
                            record_finding(c, 3, Finding::upheld, "A witness came forward", "", "");
                        }).problems()) == "already-sent, already-sent");
            CHECK(c.points[2].finding == Finding::not_upheld);
        }
        SUBCASE("a closed case is reopened first") {
            c.status = Status::closed;
            const Error e = error_from([&] { check_add_point(c, true); });
            CHECK(codes(e.problems()) == "case-closed");
        }
    }

    TEST_CASE("void_event: a void response no longer meets the clock or stops a second one") {
        const Policy clinic = preset_policy("clinic");
        Case c = opened("LUM-2026-XTE74M", "2026-03-02 09:00");
        c.points = {point(1, Finding::upheld, "The booking was lost")};
        log(c, "2026-03-12 15:00", EventType::response_sent); // event 2
        CHECK(clinic_clocks(c, "2026-03-20 09:00")[0].state == ClockState::met);
        void_at(c, 2, "2026-03-13 09:00");
        REQUIRE(c.events.size() == 3);
        CHECK(c.events[1].type == EventType::response_sent); // it stays in the file
        CHECK(is_void(c, c.events[1]));
        CHECK(c.events[2].type == EventType::voided);
        REQUIRE(c.events[2].voids.has_value());
        CHECK(c.events[2].voids->type == EventType::response_sent);
        CHECK(c.events[2].voids->at == when("2026-03-12 15:00"));
        CHECK_FALSE(c.events[2].voids->occurrence.has_value());
        CHECK(first_event(c, EventType::response_sent) == nullptr);
        CHECK(clinic_clocks(c, "2026-03-23 09:00")[0].state == ClockState::overdue);
        CHECK_NOTHROW(check_response(c, clinic));
        CHECK_NOTHROW(check_delay(c));
    }

    TEST_CASE("void_event: a void explanation of delay no longer moves the date") {
        Case c = opened("LUM-2026-XTE74M", "2026-03-02 09:00");
        Event delay = event_of(when("2026-03-10 10:00"), EventType::delay_explained, "M", "");
        delay.due = day("2026-04-30");
        add_event(c, delay);
        CHECK(clinic_clocks(c, "2026-03-20 09:00")[0].extended);
        void_at(c, 2, "2026-03-11 10:00");
        const Clock clock = clinic_clocks(c, "2026-03-20 09:00")[0];
        CHECK_FALSE(clock.extended);
        CHECK(format_date(clock.due.day) == "2026-03-20");
    }

    TEST_CASE("void_event: of two events at one time, only the one named") {
        Case c = opened("LUM-2026-XTE74M", "2026-03-02 09:00");
        log(c, "2026-03-03 10:00", EventType::record_agreed, "by email");
        log(c, "2026-03-03 10:00", EventType::record_agreed, "by email, again");
        void_at(c, 3, "2026-03-04 10:00");
        REQUIRE(c.events[3].voids.has_value());
        CHECK(c.events[3].voids->occurrence == 2);
        CHECK_FALSE(is_void(c, c.events[1]));
        CHECK(is_void(c, c.events[2]));
        CHECK(record_agreed(c));
        SUBCASE("a back-dated event before them shifts their numbers, not the reference") {
            log(c, "2026-03-02 12:00", EventType::call);
            CHECK(is_void(c, c.events[3]));
            CHECK_FALSE(is_void(c, c.events[2]));
        }
    }

    TEST_CASE("void_event: refused for the opening, a void, an event already void") {
        Case c = opened("LUM-2026-XTE74M", "2026-03-02 09:00");
        log(c, "2026-03-03 10:00", EventType::call);
        void_at(c, 2, "2026-03-04 10:00");
        const Case before = c;
        for (const int number : {1, 2, 3}) {
            CAPTURE(number);
            const Error e = error_from([&] { void_at(c, number, "2026-03-05 10:00"); });
            CHECK(e.kind() == ErrorKind::refused);
            CHECK(codes(e.problems()) == (number == 2 ? "already-done" : "not-voidable"));
            CHECK(all_about(e.problems(), c.id));
        }
        CHECK(error_from([&] { void_at(c, 4, "2026-03-05 10:00"); }).kind() == ErrorKind::usage);
        CHECK(error_from([&] { void_at(c, 0, "2026-03-05 10:00"); }).kind() == ErrorKind::usage);
        CHECK(c == before);
    }

    TEST_CASE("void_event: refused for an event whose effect the case's fields keep") {
        Case c = answered_and_closed();
        for (const EventType type : {EventType::closed, EventType::finding, EventType::assigned,
                                     EventType::converted, EventType::action}) {
            CAPTURE(name_of(type));
            REQUIRE(why_not_voidable(type).has_value());
        }
        const Error e = error_from([&] { void_at(c, 3, "2026-03-21 10:00"); }); // the closing
        CHECK(e.kind() == ErrorKind::refused);
        CHECK(codes(e.problems()) == "not-voidable");
        CHECK(says(e, "reopening"));
    }

    TEST_CASE("void_event: on a closed case, what a deadline or rule reads waits for reopening") {
        Case c = answered_and_closed();
        log(c, "2026-03-05 10:00", EventType::call); // event 2, before the response
        const Error e = error_from([&] { void_at(c, 3, "2026-03-21 10:00"); }); // the response
        CHECK(e.kind() == ErrorKind::refused);
        CHECK(codes(e.problems()) == "case-closed");
        CHECK(all_about(e.problems(), c.id));
        void_at(c, 2, "2026-03-21 10:00"); // a call counts for nothing: it may go
        CHECK(is_void(c, c.events[1]));
        reopen(c);
        void_at(c, 3, "2026-03-21 11:00");
        CHECK(first_event(c, EventType::response_sent) == nullptr);
    }

    TEST_CASE("void_event: not dated before the event it voids") {
        Case c = opened("LUM-2026-XTE74M", "2026-03-02 09:00");
        log(c, "2026-03-03 10:00", EventType::call);
        const Error e = error_from([&] { void_at(c, 2, "2026-03-03 09:00"); });
        CHECK(e.kind() == ErrorKind::usage);
        CHECK(c.events.size() == 2);
    }

    TEST_CASE("correct_clock_start: a converted complaint's start moves, and says from where") {
        Case c = opened("LUM-2026-XTE74M", "2026-03-02 09:00");
        log(c, "2026-03-04 10:00", EventType::converted);
        c.clock_from = day("2026-03-09");
        CHECK(correct_clock_start(c, day("2026-03-04"), london()) == day("2026-03-09"));
        CHECK(c.clock_from == day("2026-03-04"));
        CHECK(format_date(clinic_clocks(c, "2026-03-05 09:00")[0].due.day) == "2026-03-24");
        // The receipt's date puts it back to the receipt.
        CHECK(correct_clock_start(c, day("2026-03-02"), london()) == day("2026-03-04"));
        CHECK_FALSE(c.clock_from.has_value());
        SUBCASE("where it already runs from") {
            const Error e =
                error_from([&] { correct_clock_start(c, day("2026-03-02"), london()); });
            CHECK(e.kind() == ErrorKind::refused);
        }
        SUBCASE("before receipt") {
            CHECK(error_from([&] { correct_clock_start(c, day("2026-03-01"), london()); }).kind() ==
                  ErrorKind::usage);
        }
        SUBCASE("closed") {
            c.status = Status::closed;
            const Error e =
                error_from([&] { correct_clock_start(c, day("2026-03-05"), london()); });
            CHECK(codes(e.problems()) == "case-closed");
        }
    }

    TEST_CASE("correct_clock_start: a complaint from the start runs from receipt") {
        Case c = opened("LUM-2026-XTE74M", "2026-03-02 09:00");
        const Error e = error_from([&] { correct_clock_start(c, day("2026-03-04"), london()); });
        CHECK(e.kind() == ErrorKind::refused);
        CHECK(codes(e.problems()) == "step-not-applicable");
        CHECK_FALSE(c.clock_from.has_value());
    }

    TEST_CASE("void_problems: every void names an event the case has and the tool voids") {
        Case c = opened("LUM-2026-XTE74M", "2026-03-02 09:00");
        log(c, "2026-03-03 10:00", EventType::call);
        void_at(c, 2, "2026-03-04 10:00");
        CHECK(void_problems(c, preset_policy("clinic")).empty());
        SUBCASE("the voided event is gone from the file") {
            c.events.erase(c.events.begin() + 1);
            const auto found = void_problems(c, preset_policy("clinic"));
            REQUIRE(found.size() == 1);
            CHECK(found[0].first == 1);
            CHECK(found[0].second.find("which the case does not have") != std::string::npos);
        }
        SUBCASE("a void naming nothing, and a reference on a call") {
            c.events[2].voids.reset();
            c.events[1].voids = EventRef{c.events[0].at, EventType::opened, {}};
            CHECK(void_problems(c, preset_policy("clinic")).size() == 2);
        }
        SUBCASE("a void of the opening, edited in by hand") {
            c.events[2].voids = EventRef{c.events[0].at, EventType::opened, {}};
            const auto found = void_problems(c, preset_policy("clinic"));
            REQUIRE(found.size() == 1);
            CHECK(found[0].second.find("never voids") != std::string::npos);
        }
        SUBCASE("a void dated before what it voids") {
            c.events[2].voids->at = when("2026-03-05 10:00");
            c.events[1].at = when("2026-03-05 10:00");
            std::swap(c.events[1], c.events[2]);
            const auto found = void_problems(c, preset_policy("clinic"));
            REQUIRE(found.size() == 1);
            CHECK(found[0].second.find("dated before") != std::string::npos);
        }
    }

    TEST_CASE("void_problems: a response voided after the case closed, which void refuses") {
        Case c = opened("LUM-2026-XTE74M", "2026-03-02 09:00");
        c.points = {point(1, Finding::upheld, "Agreed")};
        log(c, "2026-03-03 10:00", EventType::call);
        log(c, "2026-03-12 15:00", EventType::response_sent);
        log(c, "2026-03-20 15:00", EventType::closed);
        c.status = Status::closed;
        c.outcome = Outcome::upheld;
        const Policy policy = preset_policy("clinic");
        SUBCASE("a call voided after closing reads as it did") {
            void_by_hand(c, 2, "2026-03-21 10:00");
            CHECK(void_problems(c, policy).empty());
        }
        SUBCASE("the response voided after closing leaves its deadline unmet") {
            void_by_hand(c, 3, "2026-03-21 10:00");
            const auto found = void_problems(c, policy);
            REQUIRE(found.size() == 1);
            CHECK(found[0].first == 4);
            CHECK(found[0].second.find("after the case was closed") != std::string::npos);
        }
        SUBCASE("voided while the case was open, then closed: a record as it should be") {
            c.events.back().at = when("2026-03-25 10:00");
            void_by_hand(c, 3, "2026-03-21 10:00");
            CHECK(void_problems(c, policy).empty());
        }
    }
}

TEST_SUITE("decisions: one acknowledgement") {
    TEST_CASE("an acknowledgement after the full response, or a second one, is refused, and a "
              "void one does not count") {
        Case answered = opened("LUM-2026-7K3QMX", "2026-11-10 09:00");
        CHECK_NOTHROW(require_unacknowledged(answered, london()));
        log(answered, "2026-11-12 15:00", EventType::response_sent);
        const Error late = error_from([&] { require_unacknowledged(answered, london()); });
        CHECK(late.kind() == ErrorKind::refused);
        CHECK(std::string(late.what()) ==
              "LUM-2026-7K3QMX: the full response went on 2026-11-12 and acknowledged the "
              "complaint; no acknowledgement follows it");

        Case twice = opened("LUM-2026-7K3QMY", "2026-11-10 09:00");
        log(twice, "2026-11-11 09:00", EventType::acknowledged);
        CHECK(std::string(error_from([&] { require_unacknowledged(twice, london()); }).what())
                  .starts_with("LUM-2026-7K3QMY was acknowledged on 2026-11-11"));
        Event voided =
            event_of(when("2026-11-11 10:00"), EventType::voided, "Manager", "Wrong case");
        voided.voids = EventRef{twice.events[1].at, EventType::acknowledged, {}};
        add_event(twice, voided);
        CHECK_NOTHROW(require_unacknowledged(twice, london()));
    }
}
