// SPDX-License-Identifier: Apache-2.0
// The platform's rules that protect a clinician's record (issue #15): a
// warning only where it can stand, withdrawals by their notice, the steps in
// the policy's order, one GMC number for one clinician.
#include "run.hpp"

#include <doctest/doctest.h>

namespace {

constexpr int k_usage = 2;
constexpr int k_refused = 5;

bool has(const std::string& text, const std::string& part) {
    return text.find(part) != std::string::npos;
}

struct Platform : test::Repo {
    Platform() : test::Repo("platform", "LAN") { now = "2026-11-20T10:00:00+00:00"; }
    std::string open(std::vector<std::string> more = {}) const {
        if (std::find(more.begin(), more.end(), "--about") == more.end())
            more.insert(more.begin(), {"--about", "Dr Sam Keane", "--gmc", "7123456"});
        more.insert(more.begin(), {"--complainant", "Practice manager"});
        return open_case("2026-11-16 09:00", more);
    }
    // Assigned, shared with the clinician, investigated and resolved, by `day`.
    void handle(const std::string& id, const std::string& day = "2026-11-19") const {
        ok({"assign", id, "--to", "Priya Shah", "--at", day + " 09:00"});
        ok({"log", id, "--type", "shared-with-complainee", "--text", "Form shared", "--at",
            day + " 10:00"});
        ok({"log", id, "--type", "investigation-complete", "--text", "Done", "--at",
            day + " 11:00"});
        ok({"resolve", id, "--text", "Apology accepted", "--at", day + " 12:00"});
    }
    std::vector<std::string> close(const std::string& id, const std::string& outcome) const {
        return {"close", id, "--outcome", outcome, "--no-learning", "Individual conduct"};
    }
    nlohmann::json json(const std::string& id) const {
        return (*this)({"show", id, "--format", "json"}).json();
    }
    nlohmann::json clinician(const std::string& key, std::vector<std::string> more = {}) const {
        std::vector<std::string> args{"clinician", key, "--format", "json"};
        args.insert(args.end(), more.begin(), more.end());
        const auto result = (*this)(args);
        REQUIRE_MESSAGE(result.exit_code == 0, result.err);
        return result.json();
    }
};

std::vector<std::string> with(std::vector<std::string> args, std::vector<std::string> more) {
    args.insert(args.end(), more.begin(), more.end());
    return args;
}

std::size_t count_events(const nlohmann::json& c, const std::string& type) {
    std::size_t n = 0;
    for (const auto& event : c["events"])
        n += event["type"] == type ? 1 : 0;
    return n;
}

} // namespace

TEST_SUITE("platform: warnings that stand up") {
    TEST_CASE("not-upheld and withdrawn complaints cannot warn, and count for nothing") {
        Platform platform;
        const std::string id = platform.open({"--type", "rude"});
        platform.handle(id);
        const auto warn = std::vector<std::string>{"--warning", "--warning-reason", "Conduct 3.1"};
        CHECK(has(platform.refused(with(platform.close(id, "not-upheld"), warn), k_refused),
                  "cannot warn the clinician on " + id +
                      ": a warning needs a complaint found upheld or partly-upheld, and this "
                      "one is not-upheld"));
        CHECK(has(platform.refused(with(platform.close(id, "withdrawn"), warn), k_refused),
                  "and this one is withdrawn"));
        CHECK(platform.clinician("7123456")["warnings"].empty());
        platform.ok(with(platform.close(id, "partly-upheld"), warn));
        const auto warned = platform.clinician("7123456");
        REQUIRE(warned["warnings"].size() == 1);
        CHECK(has(warned["warnings"][0]["reason"], "Conduct 3.1"));
    }

    TEST_CASE("a warning needs a reason, a clinician with a GMC number, and sharing first") {
        Platform platform;
        const std::string id = platform.open({"--type", "rude"});
        platform.handle(id);
        CHECK(has(platform.refused(with(platform.close(id, "upheld"), {"--warning"}), k_usage),
                  "a warning needs --warning-reason TEXT"));
        CHECK(has(platform.refused(with(platform.close(id, "upheld"), {"--warning-reason", "x"}),
                                   k_usage),
                  "--warning-reason goes with --warning"));

        const std::string service =
            platform.open({"--about", "Locum booking team", "--type", "admin"});
        platform.handle(service);
        CHECK(has(platform.refused(with(platform.close(service, "upheld"),
                                        {"--warning", "--warning-reason", "Admin"}),
                                   k_refused),
                  "'Locum booking team' has no GMC number: a warning goes to a clinician known "
                  "by their GMC number, never to a service"));

        const std::string unshared = platform.open({"--type", "late"});
        platform.ok({"assign", unshared, "--to", "Priya Shah"});
        CHECK(has(platform.refused(with(platform.close(unshared, "upheld"),
                                        {"--skip-step", "Clinician unreachable", "--warning",
                                         "--warning-reason", "Punctuality"}),
                                   k_refused),
                  "the complaint has not been shared with Dr Sam Keane for their feedback (log " +
                      unshared + " --type shared-with-complainee)"));
    }

    TEST_CASE("check finds a warning the rules would not have issued") {
        Platform platform;
        const std::string id = platform.open({"--type", "rude"});
        platform.handle(id);
        platform.ok(with(platform.close(id, "upheld"), {"--warning", "--warning-reason", "Code"}));
        CHECK(platform({"check"}).exit_code == 0);
        const auto file = platform.root / "cases" / (id + ".yaml");
        test::write_text(
            file, test::replaced(test::read_text(file), "outcome: upheld", "outcome: not-upheld"));
        const auto result = platform({"check"});
        CHECK(result.exit_code == 1);
        CHECK(has(result.out, "a warning was issued on a complaint closed not-upheld, which "
                              "cannot carry one"));
    }

    TEST_CASE("an appeal rescinds a warning with a reason: it stays on record, the count follows") {
        Platform platform;
        std::vector<std::string> ids;
        for (const char* day : {"2026-06-01", "2026-08-03", "2026-11-19"}) {
            const std::string id =
                platform.open_case(std::string(day) + " 08:00", {"--about", "Dr Sam Keane", "--gmc",
                                                                 "7123456", "--type", "late"});
            platform.handle(id, day);
            platform.ok(with(platform.close(id, "upheld"),
                             {"--warning", "--warning-reason", "Punctuality (code 2.4)", "--at",
                              std::string(day) + " 16:00"}));
            ids.push_back(id);
        }
        CHECK(platform.clinician("keane")["status"] == "suspension-review");
        CHECK(has(platform.refused({"clinician", "7123456", "rescind-warning", ids[1]}, k_usage),
                  "needs --reason"));
        platform.ok({"clinician", "7123456", "rescind-warning", ids[1], "--reason",
                     "Appeal upheld: the practice had changed the session time"});
        const auto after = platform.clinician("7123456");
        CHECK(after["status"] == "warned");
        CHECK(after["active_warnings"] == 2);
        CHECK(after["warnings"][1]["rescinded_date"] == "2026-11-20");
        CHECK(has(after["warnings"][1]["rescind_reason"], "Appeal upheld"));
        CHECK(platform.json(ids[1])["warning"].is_string()); // nothing erased
        CHECK(count_events(platform.json(ids[1]), "warning-rescinded") == 1);
        CHECK(has(platform({"show", ids[1]}).out, "rescinded 2026-11-20: Warning to Dr Sam Keane "
                                                  "rescinded: Appeal upheld"));
        CHECK(has(platform.refused(
                      {"clinician", "7123456", "rescind-warning", ids[1], "--reason", "again"},
                      k_refused),
                  "was rescinded on 2026-11-20"));
        // As it stood the day before the appeal: three warnings, a review due.
        CHECK(platform.clinician("7123456", {"--as-of", "2026-11-19"})["status"] ==
              "suspension-review");
    }
}

TEST_SUITE("platform: withdrawals by their notice") {
    TEST_CASE("a negative --notice-days is refused as impossible, naming the option") {
        Platform platform;
        const std::string said = platform.refused(
            {"open", "--channel", "email", "--notice-days", "-1", "--type", "late-withdrawal"},
            k_usage);
        CHECK(has(said, "--notice-days -1: a notice is the days from the withdrawal to the "
                        "session, 0 or more; it cannot be negative"));
        CHECK_FALSE(has(said, "dated after the session"));
    }

    TEST_CASE("4 days' notice is no complaint even without --type, feedback stays allowed") {
        Platform platform;
        CHECK(has(platform.refused({"open", "--channel", "email", "--received", "2026-11-18 09:00",
                                    "--session", "2026-11-20", "--withdrawn", "2026-11-16"},
                                   k_refused),
                  "a withdrawal with 4 days' notice is not a complaint under the policy, which "
                  "counts 3 days' notice or fewer; record it as informal feedback (--kind "
                  "feedback)"));
        const std::string early = platform.open(
            {"--kind", "feedback", "--session", "2026-11-20", "--withdrawn", "2026-11-16"});
        CHECK(platform.json(early)["kind"] == "feedback");
        const std::string late = platform.open(
            {"--kind", "feedback", "--session", "2026-11-17", "--withdrawn", "2026-11-15"});
        CHECK(platform.json(late)["kind"] == "feedback");
        CHECK(platform.json(late)["type"] == "late-withdrawal");
    }

    TEST_CASE("a withdrawal after the complaint came in, or still to come, is refused") {
        Platform platform;
        CHECK(has(platform.refused({"open", "--channel", "email", "--received", "2026-11-16 09:00",
                                    "--session", "2026-11-19", "--withdrawn", "2026-11-17"},
                                   k_usage),
                  "--withdrawn: 2026-11-17 is after the complaint was received (2026-11-16)"));
        CHECK(has(platform.refused({"open", "--channel", "email", "--session", "2026-11-24",
                                    "--withdrawn", "2026-11-22"},
                                   k_usage),
                  "--withdrawn: 2026-11-22 is after the complaint was received (2026-11-20)"));
    }

    TEST_CASE("the session and withdrawal dates are kept on the case and shown") {
        Platform platform;
        const std::string id =
            platform.open({"--session", "2026-11-17", "--withdrawn", "2026-11-15"});
        const auto json = platform.json(id);
        CHECK(json["session"] == "2026-11-17");
        CHECK(json["withdrawn"] == "2026-11-15");
        CHECK(json["notice_days"] == 2);
        CHECK(has(platform({"show", id}).out,
                  "Notice:      2 days before the session (session 2026-11-17, withdrawn "
                  "2026-11-15)"));
    }
}

TEST_SUITE("platform: steps in the policy's order") {
    TEST_CASE("resolve, investigation-complete and close wait for the steps before them") {
        Platform platform;
        const std::string id = platform.open({"--type", "rude"});
        CHECK(has(platform.refused({"resolve", id, "--text", "Sorted"}, k_refused),
                  "cannot record resolved on " + id +
                      ": the policy's order needs assigned; shared-with-complainee; "
                      "investigation-complete first"));
        CHECK(has(platform.refused({"log", id, "--type", "investigation-complete", "--text", "x"},
                                   k_refused),
                  "needs assigned; shared-with-complainee first"));
        CHECK(has(platform.refused(platform.close(id, "upheld"), k_refused),
                  "cannot record closed on " + id));
        platform.ok({"assign", id, "--to", "Priya Shah", "--at", "2026-11-16 10:00"});
        platform.ok({"log", id, "--type", "shared-with-complainee", "--text", "Shared", "--at",
                     "2026-11-16 11:00"});
        platform.ok({"log", id, "--type", "investigation-complete", "--text", "Done", "--at",
                     "2026-11-18 11:00"});
        CHECK(
            has(platform.refused({"log", id, "--type", "investigation-complete", "--text", "Again"},
                                 k_refused),
                "already records investigation-complete on 2026-11-18T11:00:00+00:00"));
        platform.ok({"resolve", id, "--text", "Apology", "--at", "2026-11-19 12:00"});
        CHECK(has(platform.refused(with(platform.close(id, "upheld"), {"--at", "2026-11-19 10:00"}),
                                   k_usage),
                  "--at: 2026-11-19T10:00:00+00:00 is before " + id +
                      "'s resolution (2026-11-19T12:00:00+00:00)"));
        platform.ok(platform.close(id, "upheld"));
    }

    TEST_CASE("a manager may skip a step with a reason, kept in a step-skipped event") {
        Platform platform;
        const std::string id = platform.open({"--type", "rude"});
        platform.ok({"assign", id, "--to", "Priya Shah"});
        platform.ok({"resolve", id, "--text", "Settled by phone", "--skip-step",
                     "Practice settled it before the form could be shared"});
        const auto json = platform.json(id);
        REQUIRE(count_events(json, "step-skipped") == 1);
        for (const auto& event : json["events"])
            if (event["type"] == "step-skipped")
                CHECK(event["text"] == "resolved recorded without shared-with-complainee; "
                                       "investigation-complete: Practice settled it before the "
                                       "form could be shared");
        CHECK(has(
            platform.refused(
                {"resolve", id, "--text", "x", "--correction", "y", "--skip-step", "z"}, k_usage),
            "--skip-step: " + id + " already records resolved"));
        // A withdrawn complaint closes without the steps.
        const std::string withdrawn = platform.open({"--type", "late"});
        platform.ok(platform.close(withdrawn, "withdrawn"));
    }

    TEST_CASE("check finds files whose steps break the order without a recorded reason") {
        Platform platform;
        const std::string id = platform.open({"--type", "rude"});
        platform.ok({"assign", id, "--to", "Priya Shah"});
        platform.ok({"resolve", id, "--text", "Settled", "--skip-step", "Settled by phone"});
        CHECK(platform({"check"}).exit_code == 0);
        const auto file = platform.root / "cases" / (id + ".yaml");
        test::write_text(file,
                         test::replaced(test::read_text(file), "type: step-skipped", "type: note"));
        const auto result = platform({"check"});
        CHECK(result.exit_code == 1);
        CHECK(has(result.out, "cases/" + id + ".yaml:"));
        CHECK(has(result.out, "(resolved) comes before shared-with-complainee; "
                              "investigation-complete, which the policy's order puts first, and "
                              "no step-skipped event says why"));
    }
}

TEST_SUITE("platform: one GMC number, one clinician") {
    TEST_CASE("another name under a known GMC number is refused, or recorded as an alias") {
        Platform platform;
        const std::string keane = platform.open({"--type", "late"});
        CHECK(platform.refused(
                  {"open", "--channel", "email", "--about", "Dr John Smith", "--gmc", "7123456"},
                  k_refused) ==
              "complaints: GMC number 7123456 belongs to Dr Sam Keane (case " + keane +
                  "), not 'Dr John Smith': check the number, or add --same-clinician to record "
                  "'Dr John Smith' as another name of Dr Sam Keane\n");
        const std::string alias = platform.open_case(
            "2026-11-18 09:00", {"--about", "Dr S. Keane-Smith", "--gmc", "7123456",
                                 "--same-clinician", "--type", "late"});
        CHECK(has(platform.json(alias)["events"][0]["text"],
                  "'Dr S. Keane-Smith' recorded as another name of Dr Sam Keane (GMC 7123456)"));
        const auto found = platform.clinician("keane");
        CHECK(found["name"] == "Dr Sam Keane");
        CHECK(found["aliases"] == nlohmann::json::array({"Dr S. Keane-Smith"}));
        CHECK(found["cases"].size() == 2);
        CHECK(platform.clinician("keane-smith")["gmc"] == "7123456");
        CHECK(has(platform.refused({"open", "--channel", "email", "--about", "Dr New", "--gmc",
                                    "7000001", "--same-clinician"},
                                   k_usage),
                  "--same-clinician: no case gives GMC number 7000001 under another name"));
    }

    TEST_CASE("a known name under a new GMC number opens the case with a warning naming the "
              "number on file and its case") {
        Platform platform;
        const std::string keane = platform.open({"--type", "late"});
        const auto opened = platform(
            {"open", "--channel", "email", "--received", "2026-11-16 10:00", "--complainant",
             "Practice manager", "--about", "dr sam  KEANE", "--gmc", "7654321", "--type", "late"});
        REQUIRE_MESSAGE(opened.exit_code == 0, opened.err);
        const std::string id = opened.out.substr(0, opened.out.size() - 1);
        CHECK(opened.err == "complaints: warning: 'dr sam  KEANE' is on file under GMC number "
                            "7123456 (case " +
                                keane +
                                ", as 'Dr Sam Keane'), not 7654321: check the number; if they "
                                "are two clinicians of one name, nothing more is needed\n");
        CHECK(platform.json(id)["gmc"] == "7654321");
        // Two clinicians now: each found by number.
        CHECK(platform.clinician("7654321")["cases"] == nlohmann::json::array({id}));
        CHECK(platform.clinician("7123456")["cases"] == nlohmann::json::array({keane}));
        // Either number under the name again says nothing: both are on file.
        const auto again = platform({"open", "--channel", "email", "--received", "2026-11-16 11:00",
                                     "--complainant", "Practice manager", "--about", "Dr Sam Keane",
                                     "--gmc", "7123456", "--type", "late"});
        CHECK(again.exit_code == 0);
        CHECK(again.err.empty());
    }

    TEST_CASE("impossible GMC numbers are refused") {
        Platform platform;
        for (const char* number : {"0000000", "0123456"})
            CHECK(has(platform.refused({"open", "--channel", "email", "--gmc", number}, k_usage),
                      "is not a GMC number (seven digits, never starting with 0)"));
        for (const char* number : {"712345", "71234567"})
            CHECK(has(platform.refused({"open", "--channel", "email", "--gmc", number}, k_usage),
                      "is not a GMC number (seven digits)"));
    }
}

TEST_SUITE("platform: the clinic's steps are not the platform's") {
    TEST_CASE("respond --help and escalate --help speak of no stages") {
        Platform platform;
        for (const char* command : {"respond", "escalate"}) {
            const auto help = platform({command, "--help"});
            CHECK(help.exit_code == 0);
            CHECK_FALSE(has(help.out, "stage 1"));
            CHECK_FALSE(has(help.out, "stage 2"));
        }
        CHECK(has(platform({"respond", "--help"}).out,
                  "the organisation's answer, a step at a time"));
        CHECK(has(platform({"escalate", "--help"}).out,
                  "refer the complaint to a body outside the organisation"));
    }

    TEST_CASE("respond delay is refused, naming the resolution clock and what to do instead") {
        Platform platform;
        const std::string id = platform.open({"--type", "late"});
        platform.ok({"assign", id, "--to", "Priya Shah", "--at", "2026-11-16 10:00"});
        const std::string before = test::read_text(platform.root / "cases" / (id + ".yaml"));
        for (const std::vector<std::string>& args :
             {std::vector<std::string>{"respond", "delay", id, "--reason", "Awaiting the practice"},
              std::vector<std::string>{"respond", "delay", id, "--reason", "Awaiting the practice",
                                       "--draft"}}) {
            const std::string said = platform.refused(args, k_usage);
            CHECK(has(said, "respond delay: the resolution clock (3 weeks) takes no explanation of "
                            "delay in this policy"));
            CHECK(has(said, "resolve ID --text TEXT"));
        }
        CHECK(test::read_text(platform.root / "cases" / (id + ".yaml")) == before);
    }

    TEST_CASE("respond send and its letter are refused, naming resolve, which answers here") {
        Platform platform;
        const std::string id = platform.open({"--type", "late"});
        platform.ok({"assign", id, "--to", "Priya Shah", "--at", "2026-11-16 10:00"});
        const std::string before = test::read_text(platform.root / "cases" / (id + ".yaml"));
        const std::string sent =
            platform.refused({"respond", "send", id, "--via", "email"}, k_usage);
        CHECK(has(sent, "cannot send a written response: in this policy the resolution clock (3 "
                        "weeks) answers the complainant, and resolved meets it"));
        CHECK(has(sent, "resolve ID --text TEXT"));
        const std::string drafted = platform.refused({"respond", "draft", id}, k_usage);
        CHECK(has(drafted, "cannot draft a response letter"));
        CHECK(has(drafted, "resolve ID --text TEXT"));
        CHECK(test::read_text(platform.root / "cases" / (id + ".yaml")) == before);
        CHECK_FALSE(std::filesystem::exists(platform.root / "letters" / id));
        // The platform's answer goes through resolve, in the policy's order.
        platform.ok({"log", id, "--type", "shared-with-complainee", "--text", "Form shared", "--at",
                     "2026-11-17 10:00"});
        platform.ok({"log", id, "--type", "investigation-complete", "--text", "Done", "--at",
                     "2026-11-18 10:00"});
        platform.ok({"resolve", id, "--text", "Apology accepted", "--at", "2026-11-19 10:00"});
    }
}

TEST_SUITE("platform: the platform's own words") {
    TEST_CASE("being-open is refused: the platform has no Being Open step to track") {
        Platform platform;
        const std::string id = platform.open({"--type", "late"});
        const std::string before = test::read_text(platform.root / "cases" / (id + ".yaml"));
        const std::string said =
            platform.refused({"being-open", id, "--incident", "Wrong patient record"}, k_usage);
        CHECK(has(said, "this repository's policy has no Being Open step"));
        CHECK(test::read_text(platform.root / "cases" / (id + ".yaml")) == before);
    }

    TEST_CASE("exclude is refused: the platform sets no complaint aside, and says what to do") {
        Platform platform;
        const std::string id = platform.open({"--type", "late"});
        const std::string before = test::read_text(platform.root / "cases" / (id + ".yaml"));
        for (const char* reason :
             {"employment", "another-service", "already-resolved", "under-independent-review"}) {
            const std::string said = platform.refused(
                {"exclude", id, "--reason", reason, "--text", "Not ours"}, k_usage);
            CHECK(has(said, std::string("--reason ") + reason +
                                ": this repository's policy excludes no complaint from its "
                                "process"));
            CHECK(has(said, "close ID --outcome withdrawn, resolved or not-upheld"));
            CHECK(has(said, "open --kind feedback"));
        }
        CHECK(test::read_text(platform.root / "cases" / (id + ".yaml")) == before);
        // The clinic keeps its exclusions.
        test::Repo clinic;
        const std::string lum = clinic.open_case();
        clinic.ok({"exclude", lum, "--reason", "employment", "--text", "Staff grievance"});
    }

    TEST_CASE("open --kind concern is refused: the platform takes a complaint or feedback") {
        Platform platform;
        const auto files = [&] {
            return std::distance(std::filesystem::directory_iterator(platform.root / "cases"),
                                 std::filesystem::directory_iterator{});
        };
        const auto before = files();
        CHECK(has(platform.refused({"open", "--channel", "email", "--kind", "concern"}, k_usage),
                  "--kind concern: this repository's policy takes no concern; open it as "
                  "complaint or feedback"));
        CHECK(files() == before);
        const auto feedback = platform({"open", "--channel", "email", "--kind", "feedback"});
        CHECK_MESSAGE(feedback.exit_code == 0, feedback.err);
    }

    TEST_CASE("report --cqc-summary is refused: the platform is no CQC-registered provider") {
        Platform platform;
        platform.open({"--type", "late"});
        const std::string said =
            platform.refused({"report", "--month", "2026-11", "--cqc-summary"}, k_usage);
        CHECK(has(said, "--cqc-summary: this repository's policy is not a CQC-registered "
                        "provider's"));
        CHECK(has(said, "the report (without --cqc-summary) gives its figures"));
        test::Repo clinic;
        clinic.open_case();
        clinic.ok({"report", "--month", "2026-11", "--cqc-summary"});
    }

    TEST_CASE("show speaks of referrals, not stages, and JSON has no stage on the platform") {
        Platform platform;
        const std::string id = platform.open({"--type", "patient-care"});
        platform.ok({"escalate", id, "--to", "gmc", "--ref", "GMC-55"});
        const auto shown = platform({"show", id});
        REQUIRE_MESSAGE(shown.exit_code == 0, shown.err);
        CHECK(has(shown.out, "Referrals"));
        CHECK_FALSE(has(shown.out, "stage"));
        CHECK_FALSE(has(shown.out, "Stage"));
        CHECK(platform.json(id)["stage"].is_null());
        const auto listed = platform({"list", "--format", "json"});
        REQUIRE_MESSAGE(listed.exit_code == 0, listed.err);
        CHECK(listed.json()["cases"][0]["stage"].is_null());
        const auto outcome = platform({"escalate", id, "--outcome", "No further action"});
        REQUIRE_MESSAGE(outcome.exit_code == 0, outcome.err);
        CHECK(has(outcome.out, "outcome of the referral to"));
        CHECK(has(outcome.out, "no referral is open"));
        CHECK_FALSE(has(outcome.out, "stage"));
    }
}

TEST_SUITE("platform: a clinician's other cases through the cache") {
    // open --gmc, its suspension note and close --warning read every other
    // case's slim facts through .complaints-cache, not every file.
    test::Result traced(const Platform& platform, std::vector<std::string> args) {
        test::Run how{{"--repo", platform.root.string()}, "", {}, {}};
        how.args.insert(how.args.end(), args.begin(), args.end());
        how.env = {{"COMPLAINTS_NOW", platform.now},
                   {"COMPLAINTS_USER", "Test"},
                   {"COMPLAINTS_CACHE_SETTLE", "0"},
                   {"COMPLAINTS_TRACE_CACHE", "1"}};
        return test::run(how);
    }

    TEST_CASE("open --gmc and close --warning read the other cases from the cache") {
        Platform platform;
        platform.open({"--type", "late"});
        const std::string second = platform.open({"--type", "rude"});
        platform.handle(second);
        REQUIRE(traced(platform, {"list"}).exit_code == 0); // builds the cache
        const auto opened = traced(platform, {"open", "--channel", "email", "--about",
                                              "Dr Sam Keane", "--gmc", "7123456"});
        REQUIRE_MESSAGE(opened.exit_code == 0, opened.err);
        CHECK(has(opened.err, "complaints: cache: 2 unchanged, 0 read"));
        // A GMC number under another name is still refused, from the cache.
        const auto other = traced(
            platform, {"open", "--channel", "email", "--about", "Dr Other", "--gmc", "7123456"});
        CHECK(other.exit_code == k_refused);
        // The case the last open added is read once, then cached.
        CHECK(has(other.err, "complaints: cache: 2 unchanged, 1 read"));
        CHECK(has(other.err, "GMC number 7123456 belongs to Dr Sam Keane"));
        const auto closed =
            traced(platform, {"close", second, "--outcome", "upheld", "--no-learning",
                              "Individual conduct", "--warning", "--warning-reason", "Conduct"});
        REQUIRE_MESSAGE(closed.exit_code == 0, closed.err);
        CHECK(has(closed.err, "complaints: cache: 3 unchanged, 0 read"));
        CHECK(platform.clinician("7123456")["warnings"].size() == 1);
    }
}
