// SPDX-License-Identifier: Apache-2.0
// The refusals and usage errors of the core, by the code the CLI turns into
// words and a fix: one kind of fix, one code, each code here at least once.
// Cases are built in memory as a manager's day would leave them, in London
// time (a repository on disk only for check's stray letter); a refusal that
// finds several things wrong gives them all at once.
#include "complaints/audit/check.hpp"
#include "complaints/base/error.hpp"
#include "complaints/codec/codec.hpp"
#include "complaints/merge/conflict_pick.hpp"
#include "complaints/store/store.hpp"
#include "complaints/workflow/agents.hpp"
#include "complaints/workflow/being_open.hpp"
#include "complaints/workflow/clinicians.hpp"
#include "complaints/workflow/corrections.hpp"
#include "complaints/workflow/later_entries.hpp"
#include "complaints/workflow/steps.hpp"
#include "complaints/workflow/workflow.hpp"

#include "error_from.hpp"
#include "event_of.hpp"
#include "paths.hpp"
#include "problem_codes.hpp"
#include "temp_dir.hpp"

#include <doctest/doctest.h>

#include <algorithm>
#include <fstream>
#include <random>
#include <regex>
#include <sstream>

using namespace complaints;
using complaints::testing::codes;
using complaints::testing::error_from;
using complaints::testing::event_of;
using complaints::testing::london;
using complaints::testing::when;

namespace {

// A formal complaint by email, received on Monday 2 March 2026, as `open`
// leaves it.
Case complaint_received(const char* id = "LUM-2026-XTE74M") {
    Case c;
    c.id = id;
    c.received = when("2026-03-02 09:00");
    c.complainant = "Mrs Ann Hale";
    c.events.push_back(event_of(c.received, EventType::opened, "Manager", ""));
    return c;
}

void record_step(Case& c, const char* at, EventType type, std::string text = "") {
    add_event(c, event_of(when(at), type, "Manager", std::move(text)));
}

// A platform complaint about Dr Sam Keane (GMC 7123456), closed upheld.
Case closed_about_keane(const char* id = "LAN-2026-XT3S4J") {
    Case c = complaint_received(id);
    c.about = "Dr Sam Keane";
    c.gmc = "7123456";
    c.category = Category::non_clinical;
    c.type = "late";
    c.status = Status::closed;
    c.outcome = Outcome::upheld;
    return c;
}

// The codes a usage error or refusal gives, after checking its kind.
std::string refused_with(ErrorKind kind, const Error& e) {
    CHECK(e.kind() == kind);
    return codes(e.problems());
}

// The enum's codes as error.hpp declares them, in order.
std::vector<std::string> declared_codes() {
    std::ifstream in(std::string(test::source_path()) + "/include/complaints/base/error.hpp");
    std::stringstream text;
    text << in.rdbuf();
    const std::string all = text.str();
    const auto start = all.find("enum class ProblemCode {");
    REQUIRE(start != std::string::npos);
    const std::string body = all.substr(start, all.find("};", start) - start);
    const std::regex code(R"(\n\s+([a-z_]+),)");
    std::vector<std::string> found;
    for (std::sregex_iterator it(body.begin(), body.end(), code), end; it != end; ++it)
        found.push_back((*it)[1]);
    return found;
}

} // namespace

TEST_SUITE("refusals: what was given") {
    TEST_CASE("field-missing: the Being Open conversation lists every part left out at once") {
        Case c = complaint_received();
        const Error e = error_from([&] {
            record_being_open(
                c, {}, event_of(when("2026-03-03 10:00"), EventType::being_open, "Manager", ""));
        });
        CHECK(refused_with(ErrorKind::refused, e) ==
              "field-missing, field-missing, field-missing, field-missing, field-missing");
        CHECK(e.problems()[0].message.find("{incident}") != std::string::npos);
        CHECK(e.problems()[4].message.find("{with}") != std::string::npos);
    }

    TEST_CASE("field-missing: a suspension review's decision needs its reason, a suspension its "
              "last day") {
        const std::vector<Case> cases{closed_about_keane()};
        const Policy platform = preset_policy("platform");
        const auto all = clinicians(cases, platform, london());
        REQUIRE(all.size() == 1);
        const auto day = *parse_date("2026-04-01");
        CHECK(refused_with(ErrorKind::usage, error_from([&] {
                               check_decision(all[0], platform, DecisionKind::no_action,
                                              std::nullopt, day, "");
                           })) == "field-missing");
        CHECK(refused_with(ErrorKind::usage, error_from([&] {
                               check_decision(all[0], platform, DecisionKind::temporary_suspension,
                                              std::nullopt, day, "Three late withdrawals");
                           })) == "field-missing");
    }

    TEST_CASE("field-not-applicable: a date on a call, a correction with nothing sent") {
        Case c = complaint_received();
        Event call = event_of(when("2026-03-03 10:00"), EventType::call, "Manager", "");
        call.due = *parse_date("2026-03-10");
        CHECK(refused_with(ErrorKind::usage, error_from([&] {
                               check_logged(c, call, london());
                           })) == "field-not-applicable");
        const Event correction =
            event_of(when("2026-03-04 10:00"), EventType::corrected, "Manager", "Typo");
        const Error e = error_from([&] { set_apology(c, "We are sorry", correction); });
        CHECK(refused_with(ErrorKind::usage, e) == "field-not-applicable");
        CHECK(c.apology.empty());
    }

    TEST_CASE("fields-conflict: the platform's type says non-clinical, the category clinical") {
        Case c = complaint_received("LAN-2026-XT3S4J");
        c.type = "rude";
        c.category = Category::clinical;
        CHECK(refused_with(ErrorKind::usage, error_from([&] {
                               classify_intake(c, preset_policy("platform"), {}, false);
                           })) == "fields-conflict");
    }

    TEST_CASE("value-invalid: a GMC number of six digits, an agent not on the roster") {
        CHECK(refused_with(ErrorKind::usage, error_from([&] { check_gmc_number("712345"); })) ==
              "value-invalid");
        const Error e = error_from([&] { agent_named("Priya Sha", {"Priya Shah", "Tom Reed"}); });
        CHECK(refused_with(ErrorKind::usage, e) == "value-invalid");
        CHECK(e.problems()[0].message.starts_with("{to}: "));
    }

    TEST_CASE("date-out-of-order: a closing before the resolution, a void before its event") {
        Case c = complaint_received("LAN-2026-XT3S4J");
        record_step(c, "2026-03-10 10:00", EventType::resolved, "Apology accepted");
        CHECK(refused_with(ErrorKind::usage, error_from([&] {
                               check_close_after_resolution(c, when("2026-03-09 16:00"));
                           })) == "date-out-of-order");
        record_step(c, "2026-03-11 10:00", EventType::call);
        const Case before = c;
        CHECK(refused_with(ErrorKind::usage, error_from([&] {
                               void_event(c, 3,
                                          event_of(when("2026-03-11 09:00"), EventType::voided,
                                                   "Manager", "logged in error"),
                                          preset_policy("platform"));
                           })) == "date-out-of-order");
        CHECK(c == before);
    }

    TEST_CASE("no-such-item: an action, an event or a point the case does not have") {
        Case c = complaint_received();
        CHECK(refused_with(ErrorKind::usage, error_from([&] { open_action(c, 3); })) ==
              "no-such-item");
        CHECK(refused_with(ErrorKind::usage, error_from([&] { event_numbered(c, 9); })) ==
              "no-such-item");
        CHECK(refused_with(ErrorKind::usage, error_from([&] {
                               record_finding(c, 1, Finding::upheld, "Agreed", "", "");
                           })) == "no-such-item");
    }
}

TEST_SUITE("refusals: what the policy does not provide") {
    TEST_CASE("not-in-policy: an exclusion the policy does not make, warnings it keeps none of") {
        Policy employment_only = preset_policy("clinic");
        employment_only.exclusions = {Exclusion::employment};
        CHECK(refused_with(ErrorKind::usage, error_from([&] {
                               check_exclusion_allowed(employment_only, Exclusion::another_service);
                           })) == "not-in-policy");
        const Policy clinic = preset_policy("clinic");
        Case c = closed_about_keane("LUM-2026-XTE74M");
        const Event closing = event_of(when("2026-03-20 10:00"), EventType::closed, "M", "");
        CHECK(refused_with(ErrorKind::refused, error_from([&] {
                               issue_warning(c, closing, {}, clinic, london());
                           })) == "not-in-policy");
        CHECK_FALSE(c.warning.has_value());
    }

    TEST_CASE("not-in-policy: a kind of case the platform does not take") {
        Case c = complaint_received("LAN-2026-XT3S4J");
        c.kind = Kind::concern;
        CHECK(refused_with(ErrorKind::usage, error_from([&] {
                               classify_intake(c, preset_policy("platform"), {}, true);
                           })) == "not-in-policy");
    }
}

TEST_SUITE("refusals: where the case stands") {
    TEST_CASE("already-closed: closing or excluding a closed case") {
        Case c = complaint_received();
        c.status = Status::closed;
        CHECK(refused_with(ErrorKind::refused, error_from([&] { check_exclude(c); })) ==
              "already-closed");
        record_step(c, "2026-03-12 15:00", EventType::response_sent);
        CHECK(refused_with(ErrorKind::refused, error_from([&] {
                               check_close(c, preset_policy("clinic"), Outcome::upheld, false,
                                           true);
                           })) == "already-closed");
    }

    TEST_CASE("already-done: a second acknowledgement, a complaint converted, an action done") {
        Case c = complaint_received();
        record_step(c, "2026-03-03 10:00", EventType::acknowledged);
        CHECK(refused_with(ErrorKind::refused, error_from([&] {
                               require_unacknowledged(c, london());
                           })) == "already-done");
        CHECK(refused_with(ErrorKind::refused, error_from([&] { check_convert(c); })) ==
              "already-done");
        c.actions.push_back(Action{1,
                                   "Confirm bookings by text",
                                   "Reception lead",
                                   *parse_date("2026-04-01"),
                                   {},
                                   {},
                                   {}});
        c.actions[0].done = when("2026-03-20 10:00");
        CHECK(refused_with(ErrorKind::refused, error_from([&] { open_action(c, 1); })) ==
              "already-done");
    }

    TEST_CASE("step-not-applicable: consent for nobody, reopening an open case, an outcome with "
              "no referral") {
        Case c = complaint_received();
        CHECK(refused_with(ErrorKind::refused, error_from([&] { check_consent(c); })) ==
              "step-not-applicable");
        CHECK(refused_with(ErrorKind::refused, error_from([&] { check_reopen(c); })) ==
              "step-not-applicable");
        CHECK(refused_with(ErrorKind::refused, error_from([&] {
                               open_escalation(c, "", preset_policy("clinic"));
                           })) == "step-not-applicable");
    }

    TEST_CASE("step-too-early: the Being Open follow-up before the conversation") {
        Case c = complaint_received();
        const Event follow_up = event_of(when("2026-03-05 10:00"), EventType::being_open_follow_up,
                                         "Manager", "Letter sent");
        CHECK(refused_with(ErrorKind::refused, error_from([&] {
                               record_follow_up(c, follow_up);
                           })) == "step-too-early");
    }

    TEST_CASE("earlier-steps-owed: the platform's resolution before the assignment") {
        Case c = complaint_received("LAN-2026-XT3S4J");
        const Event resolution =
            event_of(when("2026-03-03 10:00"), EventType::resolved, "Support", "Apology");
        const Error e = error_from(
            [&] { check_step(c, preset_policy("platform"), EventType::resolved, resolution, ""); });
        CHECK(refused_with(ErrorKind::refused, e) == "earlier-steps-owed");
        CHECK(e.heading() == "cannot record resolved on LAN-2026-XT3S4J");
        CHECK(e.problems()[0].subject == c.id);
    }

    TEST_CASE("step-too-late: a delay, no written response or an exclusion after the response") {
        Case c = complaint_received();
        record_step(c, "2026-03-12 15:00", EventType::response_sent);
        CHECK(refused_with(ErrorKind::refused, error_from([&] { check_delay(c); })) ==
              "step-too-late");
        const Event none = event_of(when("2026-03-13 10:00"), EventType::no_written_response,
                                    "Manager", "She asked for a call");
        CHECK(refused_with(ErrorKind::refused, error_from([&] {
                               record_no_written_response(c, none);
                           })) == "step-too-late");
        CHECK(refused_with(ErrorKind::refused, error_from([&] { check_exclude(c); })) ==
              "step-too-late");
    }

    TEST_CASE("response-incomplete: every point without a finding or a conclusion, at once") {
        Case c = complaint_received();
        c.points = {Point{1, "The booking was lost", {}, "", "", "", {}, "", {}},
                    Point{2, "Nobody rang back", Finding::upheld, "", "", "", {}, "", {}}};
        const Error e = error_from([&] { check_response(c, preset_policy("platform")); });
        CHECK(refused_with(ErrorKind::refused, e) == "response-incomplete, response-incomplete");
    }

    TEST_CASE("response-owed: closing upheld, or asking ISCAS, before the response") {
        const Policy clinic = preset_policy("clinic");
        Case c = complaint_received();
        CHECK(refused_with(ErrorKind::refused, error_from([&] {
                               check_close(c, clinic, Outcome::upheld, false, true);
                           })) == "response-owed");
        CHECK(refused_with(ErrorKind::refused, error_from([&] {
                               check_escalation(c, *find_review_body(clinic, "iscas"), clinic);
                           })) == "response-owed");
    }

    TEST_CASE("response-already-sent: a second response, for the CLI to point at a letter") {
        Case c = complaint_received();
        c.points = {
            Point{1, "The booking was lost", Finding::upheld, "Agreed", "", "", {}, "", {}}};
        record_step(c, "2026-03-12 15:00", EventType::response_sent);
        const Error e = error_from([&] { check_response(c, preset_policy("clinic")); });
        CHECK(refused_with(ErrorKind::refused, e) == "response-already-sent");
        CHECK(e.problems()[0].subject == c.id);
    }

    TEST_CASE("not-voidable: the opening is never voided") {
        const Case c = complaint_received();
        CHECK(refused_with(ErrorKind::refused, error_from([&] {
                               check_void(c, c.events[0], preset_policy("clinic"));
                           })) == "not-voidable");
    }
}

TEST_SUITE("refusals: the platform's clinicians") {
    TEST_CASE("clinician-suspended: a suspension over a suspension that is no graver") {
        Case c = closed_about_keane();
        Event suspension =
            event_of(when("2026-04-01 10:00"), EventType::suspended, "Panel", "Three late");
        suspension.due = *parse_date("2026-06-30");
        add_event(c, suspension);
        const Policy platform = preset_policy("platform");
        const auto all = clinicians({c}, platform, london());
        REQUIRE(all.size() == 1);
        CHECK(refused_with(ErrorKind::refused, error_from([&] {
                               check_decision(all[0], platform, DecisionKind::final_warning,
                                              std::nullopt, *parse_date("2026-04-10"), "Again");
                           })) == "clinician-suspended");
        CHECK_NOTHROW(check_decision(all[0], platform, DecisionKind::permanent_suspension,
                                     std::nullopt, *parse_date("2026-04-10"), "Graver"));
    }

    TEST_CASE("warning-not-warranted: every reason a case cannot warn, at once") {
        Case c = closed_about_keane();
        c.kind = Kind::feedback;
        c.outcome = Outcome::not_upheld;
        c.gmc.clear();
        record_step(c, "2026-03-03 10:00", EventType::shared_with_complainee);
        const Error e = error_from(
            [&] { check_warning(c, preset_policy("platform"), when("2026-03-20 10:00"), "Code"); });
        CHECK(refused_with(ErrorKind::refused, e) ==
              "warning-not-warranted, warning-not-warranted, warning-not-warranted");
        CHECK(e.heading() == "cannot warn the clinician on LAN-2026-XT3S4J");
    }

    TEST_CASE("clinician-not-consulted: the step the policy asks for travels with the problem") {
        const Case c = closed_about_keane();
        const Error e = error_from(
            [&] { check_warning(c, preset_policy("platform"), when("2026-03-20 10:00"), "Code"); });
        CHECK(refused_with(ErrorKind::refused, e) == "clinician-not-consulted");
        CHECK(e.problems()[0].subject == c.id);
        CHECK(e.problems()[0].step == "shared-with-complainee");
    }

    TEST_CASE("gmc-number-in-use: a number another name already gives") {
        const Case keane = closed_about_keane("LAN-2026-AAAAAA");
        Case other = closed_about_keane();
        other.about = "Dr Ella Novak";
        CHECK(refused_with(ErrorKind::refused, error_from([&] {
                               check_gmc_owner(other, {keane}, false);
                           })) == "gmc-number-in-use");
        CHECK(check_gmc_owner(other, {keane}, true) == "Dr Sam Keane");
    }
}

TEST_SUITE("refusals: the repository's files") {
    TEST_CASE("letter-unrecorded: a letter no event names is about its case") {
        test::TempDir dir;
        Config config;
        config.organisation = "Lumiere Medispa";
        config.prefix = "LUM";
        init_repository(dir.path(), config);
        Store store(dir.path());
        std::mt19937_64 random(7);
        const std::string id =
            store.lock(std::chrono::seconds(10), "test").create(complaint_received(), random);
        std::filesystem::create_directories(dir / "letters" / id);
        test::write_text(dir / "letters" / id / "2026-03-12-response.md", "Dear Mrs Hale\n");
        const Store reading(dir.path());
        const auto found = check_repository(reading, when("2026-03-13 09:00").utc);
        const auto stray = std::find_if(found.begin(), found.end(), [](const CheckProblem& p) {
            return p.process && p.process->code == ProblemCode::letter_unrecorded;
        });
        REQUIRE(stray != found.end());
        CHECK(stray->process->subject == id);
        CHECK(stray->file == "letters/" + id + "/2026-03-12-response.md");
    }

    TEST_CASE("id-drawn-twice: two sites' cases under one ID, about this site's case") {
        Case ours = complaint_received();
        Case theirs = complaint_received();
        theirs.complainant = "Mr Tom Reed";
        theirs.received = when("2026-03-02 11:30");
        const SideTexts sides{write_case(ours), write_case(theirs), true};
        const auto told = two_cases_told(sides, "cases/2026/LUM-2026-XTE74M.yaml");
        REQUIRE(told.has_value());
        CHECK(name_of(told->code) == "id-drawn-twice");
        CHECK(told->subject == "LUM-2026-XTE74M");
        CHECK_FALSE(two_cases_told(SideTexts{write_case(ours), write_case(ours), true},
                                   "cases/2026/LUM-2026-XTE74M.yaml")
                        .has_value());
    }
}

TEST_SUITE("refusals: the repository's links") {
    TEST_CASE("link-in-repository: a symbolic link below the root is named by check") {
        test::TempDir dir;
        Config config;
        config.organisation = "Lumiere Medispa";
        config.prefix = "LUM";
        init_repository(dir.path(), config);
        std::filesystem::create_directory(dir / "elsewhere");
        std::filesystem::create_directory_symlink(dir / "elsewhere",
                                                  dir / "letters" / "LUM-2026-XTE74M");
        const Store reading(dir.path());
        const auto found = check_repository(reading, when("2026-03-13 09:00").utc);
        const auto link = std::find_if(found.begin(), found.end(), [](const CheckProblem& p) {
            return p.process && p.process->code == ProblemCode::link_in_repository;
        });
        REQUIRE(link != found.end());
        CHECK(link->file == "letters/LUM-2026-XTE74M");
    }
}

TEST_SUITE("refusals: the codes themselves") {
    TEST_CASE("every code error.hpp declares has its name, in the enum's order") {
        const auto declared = declared_codes();
        REQUIRE(declared.size() > 20);
        CHECK(declared.size() == EnumNames<ProblemCode>::names.size());
        for (std::size_t i = 0; i < declared.size(); ++i) {
            CAPTURE(declared[i]);
            std::string name = declared[i];
            std::replace(name.begin(), name.end(), '_', '-');
            const auto code = enum_from<ProblemCode>(name);
            REQUIRE(code.has_value());
            CHECK(static_cast<std::size_t>(*code) == i);
        }
    }

    TEST_CASE("a plain message's {field} is a word in what(), and the CLI's namer reads it too") {
        const Error e(ErrorKind::usage, "{same_clinician} goes with a GMC number");
        CHECK(std::string(e.what()) == "same clinician goes with a GMC number");
        CHECK(e.describe() == "same clinician goes with a GMC number");
        const auto upper = [](std::string_view field) { return "<" + std::string(field) + ">"; };
        CHECK(e.describe(+upper) == "<same_clinician> goes with a GMC number");
        const Error listed(ErrorKind::refused, "cannot warn",
                           {{ProblemCode::field_missing, "give {warning_reason}"}});
        CHECK(std::string(listed.what()) == "cannot warn: give warning reason");
        CHECK(listed.describe(+upper) == "cannot warn: give <warning_reason>");
    }
}
