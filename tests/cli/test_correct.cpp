// SPDX-License-Identifier: Apache-2.0
// Correcting the record by a later entry, through the real binary in both
// presets: reopen, point add, void, and a converted complaint's clock start.
// Nothing is erased: every refusal leaves the file as it was.
#include "run.hpp"

#include <doctest/doctest.h>

namespace {

constexpr int k_refused = 5;

// The number of the last event of `type` in show's JSON, counting from 1.
int event_number(const nlohmann::json& c, const std::string& type) {
    int found = 0;
    for (std::size_t i = 0; i < c["events"].size(); ++i)
        if (c["events"][i]["type"] == type)
            found = static_cast<int>(i) + 1;
    REQUIRE_MESSAGE(found > 0, type);
    return found;
}

int count_of(const nlohmann::json& c, const std::string& type) {
    int n = 0;
    for (const auto& event : c["events"])
        n += event["type"] == type;
    return n;
}

using test::has;

// A clinic phone complaint received Monday 2 November 2026 (response due
// 20 November), its record agreed and its one point answered.
struct Clinic : test::Repo {
    std::string id;
    Clinic() {
        now = "2026-11-10T10:00:00+00:00";
        id = open_case("2026-11-02 09:30",
                       {"--complainant", "Mr David Okafor", "--point", "Burn after laser"});
        ok({"log", id, "--type", "record-agreed", "--text", "Agreed by email"});
        ok({"respond", "finding", id, "--point", "1", "--finding", "upheld", "--conclusion",
            "The laser setting was too high."});
    }
    void send() const { ok({"respond", "send", id, "--via", "letter"}); }
    nlohmann::json json() const { return (*this)({"show", id, "--format", "json"}).json(); }
    nlohmann::json report() const {
        return (*this)({"report", "--month", "2026-11", "--format", "json"}).json();
    }
};

// A platform complaint about a late arrival, received Monday 16 November
// 2026 (resolution due 7 December).
struct Platform : test::Repo {
    std::string id;
    Platform() : test::Repo("platform", "LAN") {
        now = "2026-11-20T10:00:00+00:00";
        id = open_case("2026-11-16 09:00", {"--complainant", "Practice manager", "--about",
                                            "Dr Sam Keane", "--gmc", "7123456", "--type", "late"});
        ok({"assign", id, "--to", "Priya Shah", "--at", "2026-11-16 11:00"});
        ok({"log", id, "--type", "shared-with-complainee", "--text", "Form shared", "--at",
            "2026-11-16 12:00"});
        ok({"log", id, "--type", "investigation-complete", "--text", "Done", "--at",
            "2026-11-17 12:00"});
    }
    nlohmann::json json() const { return (*this)({"show", id, "--format", "json"}).json(); }
    nlohmann::json report() const {
        return (*this)({"report", "--month", "2026-12", "--format", "json"}).json();
    }
};

} // namespace

TEST_SUITE("correcting the record: reopen") {
    TEST_CASE("clinic: a closed case is reopened with its outcome kept in the record, and closes "
              "again") {
        Clinic clinic;
        clinic.send();
        clinic.ok({"close", clinic.id, "--outcome", "upheld", "--no-learning",
                   "A one-off calibration error"});
        clinic.now = "2026-11-24T10:00:00+00:00";
        const auto reopened = clinic(
            {"reopen", clinic.id, "--reason", "Mrs Okafor wrote again: the burn has scarred"});
        REQUIRE_MESSAGE(reopened.exit_code == 0, reopened.err);
        // The response clock was met; the reopening owes a further response.
        CHECK(reopened.out == clinic.id +
                                  ": reopened; further-response due 2026-12-14 (14 working days "
                                  "left)\n");
        auto json = clinic.json();
        CHECK(json["status"] == "open");
        CHECK(json["outcome"].is_null());
        CHECK(json["no_learning"] == "");
        CHECK(test::clock_named(json, "response")["state"] == "met");
        const auto& event = json["events"][event_number(json, "reopened") - 1];
        CHECK(event["text"] == "Reopened: Mrs Okafor wrote again: the burn has scarred\nBefore "
                               "reopening: closed 2026-11-10 as upheld; no learning identified: "
                               "A one-off calibration error");
        CHECK(event["by"] == "Sam Manager");
        clinic.ok({"close", clinic.id, "--outcome", "partly-upheld", "--no-learning",
                   "Scarring reviewed with the practitioner"});
        json = clinic.json();
        CHECK(json["status"] == "closed");
        CHECK(json["outcome"] == "partly-upheld");
        CHECK(count_of(json, "closed") == 2);
    }

    TEST_CASE("clinic: a point raised after a reopening is a new point, not a correction") {
        Clinic clinic;
        clinic.send();
        clinic.ok({"close", clinic.id, "--outcome", "upheld", "--no-learning", "One-off"});
        clinic.now = "2026-11-24T10:00:00+00:00";
        clinic.ok({"reopen", clinic.id, "--reason", "Mr Okafor wrote again"});
        const auto added = clinic({"point", clinic.id, "add", "--text", "Kept waiting again"});
        REQUIRE_MESSAGE(added.exit_code == 0, added.err);
        const auto json = clinic.json();
        CHECK(json["points"][1]["text"] == "Kept waiting again");
        CHECK(json["points"][1].value("correction", "") == "");
        CHECK(
            has(clinic.refused({"point", clinic.id, "add", "--text", "x", "--correction", "y"}, 2),
                "needs no correction"));
    }

    TEST_CASE("clinic: a case reopened after its response owes a further response, drafted for "
              "what was looked at again and kept as such") {
        Clinic clinic;
        clinic.send(); // Tuesday 10 November, on time
        clinic.ok({"close", clinic.id, "--outcome", "upheld", "--no-learning", "One-off"});
        clinic.now = "2026-11-24T10:00:00+00:00";
        clinic.ok({"reopen", clinic.id, "--reason", "Mr Okafor wrote again: it has scarred"});
        clinic.ok({"point", clinic.id, "add", "--text", "The scarring was not explained"});
        clinic.ok({"respond", "finding", clinic.id, "--point", "2", "--finding", "upheld",
                   "--conclusion", "We did not explain the risk of scarring."});
        auto json = clinic.json();
        // 14 working days from Tuesday 24 November (England and Wales).
        CHECK(test::clock_named(json, "further-response")["due_date"] == "2026-12-14");
        CHECK(test::clock_named(json, "further-response")["state"] == "running");
        CHECK(test::clock_named(json, "response")["state"] == "met");
        clinic.now = "2026-12-01T10:00:00+00:00";
        const auto draft = clinic({"respond", "draft", clinic.id});
        REQUIRE_MESSAGE(draft.exit_code == 0, draft.err);
        CHECK(has(draft.out, "This letter follows our letter of 10 November 2026"));
        CHECK(has(draft.out, "### 2. The scarring was not explained"));
        CHECK_FALSE(has(draft.out, "Burn after laser")); // answered on 10 November
        CHECK_FALSE(has(draft.out, "sorry for the delay"));
        CHECK_FALSE(has(draft.out, "agreed our written record")); // before the reopening
        const auto sent = clinic({"respond", "send", clinic.id, "--via", "letter"});
        REQUIRE_MESSAGE(sent.exit_code == 0, sent.err);
        CHECK(has(sent.out, "Further written response sent by letter, on time (due 2026-12-14)"));
        CHECK(has(sent.err, "-further-response-"));
        json = clinic.json();
        CHECK(test::clock_named(json, "further-response")["state"] == "met");
        const auto checked = clinic({"check"}); // a further response is no response sent twice
        CHECK_MESSAGE(checked.exit_code == 0, checked.out);
        CHECK(has(clinic.refused({"respond", "send", clinic.id, "--via", "letter"}, k_refused),
                  "the further response after the reopening has already been sent"));
        // The report of November still measures the first response, met.
        CHECK(clinic.report()["responses"]["on_time"] == 1);
    }

    TEST_CASE("clinic: a reason of spaces reopens nothing and voids nothing") {
        Clinic clinic;
        clinic.send();
        clinic.ok({"close", clinic.id, "--outcome", "upheld", "--no-learning", "One-off"});
        const std::string before = clinic.case_file(clinic.id);
        CHECK(has(clinic.refused({"reopen", clinic.id, "--reason", "  \t "}, 2),
                  "--reason: say why the case is reopened"));
        CHECK(has(clinic.refused({"void", clinic.id, "2", "--reason", "   "}, 2),
                  "--reason: say why the event is void"));
        CHECK(clinic.case_file(clinic.id) == before);
    }

    TEST_CASE("clinic: a further response drafted after its date says sorry for its own delay") {
        Clinic clinic;
        clinic.send();
        clinic.ok({"close", clinic.id, "--outcome", "upheld", "--no-learning", "One-off"});
        clinic.now = "2026-11-24T10:00:00+00:00";
        clinic.ok({"reopen", clinic.id, "--reason", "Mr Okafor wrote again"});
        clinic.now = "2026-12-16T10:00:00+00:00";
        const auto draft = clinic({"respond", "draft", clinic.id});
        REQUIRE_MESSAGE(draft.exit_code == 0, draft.err);
        CHECK(has(draft.out, "we aimed to send it by 14 December 2026"));
        CHECK(has(draft.out, "### 1. Burn after laser")); // nothing new: every point again
    }

    TEST_CASE("clinic: an excluded case reopens as a complaint whose clock runs from receipt") {
        Clinic clinic;
        clinic.ok({"exclude", clinic.id, "--reason", "another-service", "--text", "The pharmacy"});
        CHECK(clinic.json()["clocks"].empty());
        clinic.now = "2026-11-24T10:00:00+00:00";
        const auto reopened =
            clinic({"reopen", clinic.id, "--reason", "It was our laser after all"});
        REQUIRE_MESSAGE(reopened.exit_code == 0, reopened.err);
        CHECK(reopened.out == clinic.id +
                                  ": reopened; acknowledgement due 2026-11-05 (overdue by 13 "
                                  "working days)\n");
        const auto json = clinic.json();
        CHECK(json["exclusion"].is_null());
        CHECK(test::clock_named(json, "acknowledgement")["state"] == "overdue");
        CHECK(test::clock_named(json, "response")["due_date"] == "2026-11-20");
        CHECK(test::clock_named(json, "response")["state"] == "overdue");
        CHECK(has(json["events"][event_number(json, "reopened") - 1]["text"],
                  "excluded 2026-11-10 (another-service): The pharmacy"));
    }

    TEST_CASE("clinic: reopening an open case is refused and writes nothing") {
        Clinic clinic;
        CHECK(clinic.refused({"reopen", clinic.id, "--reason", "x"}, k_refused) ==
              "complaints: cannot reopen " + clinic.id + ": " + clinic.id +
                  " is open; only a closed or excluded case is reopened\n");
        CHECK(clinic.refused({"reopen", clinic.id}, 2).find("--reason is required") !=
              std::string::npos);
    }

    TEST_CASE("'reopen' is a command, not a misspelt 'open'") {
        test::Repo repo;
        const auto help = repo({"reopen", "--help"});
        CHECK(help.exit_code == 0);
        CHECK(has(help.out, "--reason"));
        CHECK(!has(repo({"reopen", "LUM"}).err, "did you mean 'open'"));
    }

    TEST_CASE("platform: a closed case is reopened and closed again") {
        Platform platform;
        platform.ok({"resolve", platform.id, "--text", "Apology accepted"});
        platform.ok({"close", platform.id, "--outcome", "resolved", "--no-learning", "Conduct"});
        CHECK(platform.refused({"reopen", platform.id}, 2).find("--reason") != std::string::npos);
        platform.ok({"reopen", platform.id, "--reason", "The practice says he was late again"});
        auto json = platform.json();
        CHECK(json["status"] == "open");
        for (const auto& clock : json["clocks"])
            CHECK(clock["state"] != "stopped");
        platform.ok({"close", platform.id, "--outcome", "upheld", "--no-learning", "Conduct"});
        json = platform.json();
        CHECK(json["outcome"] == "upheld");
        CHECK(count_of(json, "reopened") == 1);
        CHECK(platform
                  .refused({"reopen", platform.id, "--reason", "x", "--at", "2026-11-16 08:00"}, 2)
                  .find("before the case was received") != std::string::npos);
    }
}

TEST_SUITE("correcting the record: points") {
    TEST_CASE("clinic: a point is added before the response, after it only as a correction") {
        Clinic clinic;
        const auto added = clinic({"point", clinic.id, "add", "--text", "No patch test"});
        REQUIRE_MESSAGE(added.exit_code == 0, added.err);
        CHECK(added.out == clinic.id + ": point 2 added\n");
        CHECK(clinic.refused({"point", clinic.id, "add", "--text", "x", "--correction", "why"}, 2)
                  .find("--correction: no response has been sent since the case was opened") !=
              std::string::npos);
        clinic.ok({"respond", "finding", clinic.id, "--point", "2", "--finding", "not-upheld",
                   "--conclusion", "A patch test was done."});
        clinic.send();
        CHECK(
            clinic.refused({"point", clinic.id, "add", "--text", "Rude receptionist"}, k_refused) ==
            "complaints: cannot add a point to " + clinic.id +
                ": the stage 1 response has been sent, so a point added now corrects the "
                "record and says why: give --correction REASON\n");
        clinic.ok({"point", clinic.id, "add", "--text", "Rude receptionist", "--correction",
                   "Her letter raised it on page 2; we missed it"});
        const auto json = clinic.json();
        REQUIRE(json["points"].size() == 3);
        CHECK(json["points"][2]["n"] == 3);
        CHECK(json["points"][2]["text"] == "Rude receptionist");
        CHECK(json["points"][2]["correction"] == "Her letter raised it on page 2; we missed it");
        CHECK(json["points"][2]["added"] == clinic.now);
        CHECK(json["events"].back()["type"] == "point-added");
        CHECK(json["events"].back()["text"] ==
              "Point 3 added: Rude receptionist\nCorrection after the response was sent: Her "
              "letter raised it on page 2; we missed it");
        CHECK(json["attention"][0] ==
              "point 3, added after the response was sent, has no finding (complaints respond "
              "finding " +
                  clinic.id + " --point N --finding F --conclusion TEXT)");
        // list reads the slim case from the cache, and sees the same.
        for (int pass = 0; pass < 2; ++pass) {
            const auto listed = test::run({{"list", "--format", "json"},
                                           "",
                                           clinic.root,
                                           {{"COMPLAINTS_NOW", clinic.now},
                                            {"COMPLAINTS_CACHE_SETTLE", "0"},
                                            {"COMPLAINTS_TRACE_CACHE", "1"}}});
            REQUIRE_MESSAGE(listed.exit_code == 0, listed.err);
            CHECK(listed.json()["cases"][0]["attention"] == json["attention"]);
            if (pass == 1)
                CHECK(has(listed.err, "1 unchanged"));
        }
        // Not an impossible state for check: it needs answering, and says so.
        const auto checked = clinic({"check"});
        CHECK(has(checked.out, "point 3, added after the response was sent, has no finding"));
        CHECK(!has(checked.out, "the response was sent but point 3 has no finding"));
        clinic.ok({"respond", "finding", clinic.id, "--point", "3", "--finding", "upheld",
                   "--conclusion", "We have apologised to her by phone."});
        CHECK(clinic.json()["attention"].empty());
    }

    TEST_CASE("a closed case takes no new point until it is reopened") {
        Platform platform;
        platform.ok({"point", platform.id, "add", "--text", "Arrived 40 minutes late"});
        CHECK(platform.json()["points"][0]["text"] == "Arrived 40 minutes late");
        platform.ok({"resolve", platform.id, "--text", "Apology accepted"});
        platform.ok({"close", platform.id, "--outcome", "resolved", "--no-learning", "Conduct"});
        CHECK(platform.refused({"point", platform.id, "add", "--text", "x"}, k_refused) ==
              "complaints: cannot add a point to " + platform.id + ": " + platform.id +
                  " is closed; a closed case is reopened, never rewritten (complaints reopen " +
                  platform.id + " --reason TEXT)\n");
        CHECK(platform.refused({"point", platform.id, "remove", "1"}, 2).find("point ID add") !=
              std::string::npos);
    }
}

TEST_SUITE("correcting the record: void") {
    TEST_CASE("clinic: a void response stays on the timeline, and the clock and report run "
              "again") {
        Clinic clinic;
        clinic.send();
        clinic.now = "2026-11-25T10:00:00+00:00";
        auto json = clinic.json();
        CHECK(test::clock_named(json, "response")["state"] == "met");
        auto report = clinic.report();
        CHECK(report["responses"]["due"] == 1);
        CHECK(report["responses"]["on_time"] == 1);
        const int sent = event_number(json, "response-sent");
        const auto voided = clinic({"void", clinic.id, std::to_string(sent), "--reason",
                                    "The letter went to the wrong address and came back"});
        REQUIRE_MESSAGE(voided.exit_code == 0, voided.err);
        CHECK(voided.out == clinic.id + ": event " + std::to_string(sent) +
                                " (response-sent of 2026-11-10T10:00) is void; it stays on the "
                                "timeline\n");
        json = clinic.json();
        CHECK(json["events"][sent - 1]["type"] == "response-sent");
        CHECK(json["void_events"] == nlohmann::json::array({sent}));
        CHECK(json["clocks"][0]["state"] == "overdue");
        CHECK(json["clocks"][0]["done_at"].is_null());
        const auto& voiding = json["events"].back();
        CHECK(voiding["type"] == "voided");
        CHECK(voiding["text"] == "The letter went to the wrong address and came back");
        CHECK(voiding["voids"]["type"] == "response-sent");
        CHECK(voiding["voids"]["at"] == "2026-11-10T10:00:00+00:00");
        report = clinic.report();
        CHECK(report["responses"]["on_time"] == 0);
        CHECK(report["responses"]["still_open_overdue"] == 1);
        // The response can be sent again, this time late.
        CHECK(has(clinic({"respond", "send", clinic.id, "--via", "email"}).out,
                  "late: due 2026-11-20"));
    }

    TEST_CASE("clinic: show numbers the timeline and marks a void event") {
        Clinic clinic;
        clinic.ok({"log", clinic.id, "--type", "call", "--text", "Called the wrong Mr Okafor"});
        const int call = event_number(clinic.json(), "call");
        clinic.ok(
            {"void", clinic.id, std::to_string(call), "--reason", "Logged on the wrong case"});
        const auto shown = clinic({"show", clinic.id});
        const std::string n = std::to_string(call);
        CHECK(has(shown.out, "  1  Mon 2 Nov 2026 09:30   opened"));
        CHECK(has(shown.out, "  " + n +
                                 "  Tue 10 Nov 2026 10:00  call                   Sam Manager  "
                                 "[void: Logged on the wrong case]"));
        CHECK(has(shown.out, "voided                 Sam Manager\n      Voids event " + n +
                                 ", the call of Tue 10 Nov 2026 10:00\n      Logged on the wrong "
                                 "case"));
        CHECK(has(shown.out, "\n      Called the wrong Mr Okafor\n"));
        CHECK(!has(shown.out, "\x1b["));
        const auto coloured = clinic({"--color", "always", "show", clinic.id});
        CHECK(has(coloured.out, "\x1b[9mTue 10 Nov 2026 10:00  call"));
        CHECK(has(coloured.out, "\x1b[9mCalled the wrong Mr Okafor\x1b[0m"));
    }

    TEST_CASE("clinic: the opening, a void, a void event and a closing are refused") {
        Clinic clinic;
        clinic.ok({"log", clinic.id, "--type", "note", "--text", "Wrong case"});
        const int note = event_number(clinic.json(), "note");
        clinic.ok({"void", clinic.id, std::to_string(note), "--reason", "Wrong case"});
        const int voided = event_number(clinic.json(), "voided");
        CHECK(clinic.refused({"void", clinic.id, "1", "--reason", "x"}, k_refused) ==
              "complaints: cannot void event 1 of " + clinic.id +
                  ": the case's opening is never voided\n");
        CHECK(has(
            clinic.refused({"void", clinic.id, std::to_string(voided), "--reason", "x"}, k_refused),
            "a void is never voided itself"));
        CHECK(has(
            clinic.refused({"void", clinic.id, std::to_string(note), "--reason", "x"}, k_refused),
            "it is already void"));
        CHECK(
            has(clinic.refused({"void", clinic.id, "99", "--reason", "x"}, 2), "has no event 99"));
        CHECK(has(clinic.refused({"void", clinic.id, "two", "--reason", "x"}, 2),
                  "'two' is not an event's number"));
        clinic.send();
        clinic.ok({"close", clinic.id, "--outcome", "upheld", "--no-learning", "One-off"});
        const auto json = clinic.json();
        CHECK(has(clinic.refused({"void", clinic.id, std::to_string(event_number(json, "closed")),
                                  "--reason", "x"},
                                 k_refused),
                  "a closing is undone by reopening the case"));
        CHECK(clinic
                  .refused({"void", clinic.id, std::to_string(event_number(json, "response-sent")),
                            "--reason", "x"},
                           k_refused)
                  .ends_with("a closed case is reopened, never rewritten (complaints reopen " +
                             clinic.id + " --reason TEXT)\n"));
    }

    TEST_CASE("platform: a void resolution runs the resolution clock again") {
        Platform platform;
        platform.ok({"resolve", platform.id, "--text", "Apology accepted"});
        platform.now = "2026-12-08T10:00:00+00:00";
        auto json = platform.json();
        CHECK(json["clocks"][2]["rule"] == "resolution");
        CHECK(json["clocks"][2]["state"] == "met");
        CHECK(platform.report()["responses"]["on_time"] == 1);
        CHECK(has(platform.refused({"void", platform.id, "1", "--reason", "x"}, k_refused),
                  "the case's opening is never voided"));
        CHECK(
            has(platform.refused({"void", platform.id,
                                  std::to_string(event_number(json, "assigned")), "--reason", "x"},
                                 k_refused),
                "a handler is corrected by assigning the case again"));
        platform.ok({"void", platform.id, std::to_string(event_number(json, "resolved")),
                     "--reason", "The practice had not agreed it"});
        json = platform.json();
        CHECK(json["clocks"][2]["state"] == "overdue");
        CHECK(platform.report()["responses"]["on_time"] == 0);
        platform.ok({"resolve", platform.id, "--text", "Agreed at the mediation"});
        CHECK(platform.json()["clocks"][2]["state"] == "met-late");
    }

    TEST_CASE("check finds a void that names no event of the case") {
        Clinic clinic;
        clinic.ok({"log", clinic.id, "--type", "call", "--text", "Wrong case"});
        clinic.ok({"void", clinic.id, "4", "--reason", "Wrong case"});
        clinic.ok({"respond", "acknowledge", clinic.id, "--via", "email"}); // late, but sent
        CHECK(clinic({"check"}).exit_code == 0);
        const auto file = clinic.root / "cases" / (clinic.id + ".yaml");
        // Edited by hand: the voided call is given another time.
        const std::string text = test::read_text(file);
        const auto voids = text.find("    voids:\n      at: 2026-11-10T10:00:00+00:00");
        REQUIRE(voids != std::string::npos);
        test::write_text(file, test::replaced(text, "    voids:\n      at: 2026-11-10T10:00:00",
                                              "    voids:\n      at: 2026-11-10T10:05:00"));
        const auto checked = clinic({"check"});
        CHECK(checked.exit_code == 1);
        CHECK(has(checked.out, "cases/" + clinic.id +
                                   ".yaml:32: event 5 (voided): voids the call of "
                                   "2026-11-10T10:05:00+00:00, which the case does not have"));
        // Nothing is void, so the call counts again.
        CHECK(clinic.json()["void_events"].empty());
    }

    TEST_CASE("check finds a response voided by hand after the case closed") {
        Clinic clinic;
        clinic.send();
        clinic.ok({"close", clinic.id, "--outcome", "upheld", "--no-learning", "One-off"});
        // The tool refuses it: a deadline reads the response of a closed case.
        CHECK(has(clinic.refused({"void", clinic.id, "4", "--reason", "Returned"}, k_refused),
                  "reopened, never rewritten"));
        const auto file = clinic.root / "cases" / (clinic.id + ".yaml");
        test::write_text(file, test::read_text(file) + "  - at: 2026-11-11T09:00:00+00:00\n"
                                                       "    type: voided\n"
                                                       "    by: \"Edited by hand\"\n"
                                                       "    text: \"Returned undelivered\"\n"
                                                       "    voids:\n"
                                                       "      at: 2026-11-10T10:00:00+00:00\n"
                                                       "      type: response-sent\n");
        const auto checked = clinic({"check"});
        CHECK(checked.exit_code == 1);
        CHECK(has(checked.out, "voids the response-sent of 2026-11-10T10:00:00+00:00 after the "
                               "case was closed"));
    }
}

TEST_SUITE("correcting the record: clock start") {
    TEST_CASE("clinic: a converted complaint's clock start is corrected with a reason") {
        test::Repo repo;
        repo.now = "2026-11-10T10:00:00+00:00";
        const std::string id = repo.open_case("2026-11-02 09:30", {"--kind", "concern"});
        repo.ok({"convert", id, "--to", "complaint", "--clock-from", "2026-11-09", "--reason",
                 "Asked for a formal complaint on 9 November"});
        CHECK(test::clock_named(repo({"show", id, "--format", "json"}).json(),
                                "response")["due_date"] == "2026-11-27");
        CHECK(repo.refused({"convert", id, "--clock-from", "2026-11-04"}, 2)
                  .find("--clock-from needs --reason") != std::string::npos);
        const auto corrected = repo({"convert", id, "--clock-from", "2026-11-04", "--reason",
                                     "Her email of 4 November already asked for it"});
        REQUIRE_MESSAGE(corrected.exit_code == 0, corrected.err);
        CHECK(corrected.out == id + ": the clock now runs from 2026-11-04\n");
        auto json = repo({"show", id, "--format", "json"}).json();
        CHECK(json["clock_from"] == "2026-11-04");
        CHECK(test::clock_named(json, "response")["due_date"] == "2026-11-24");
        CHECK(json["events"].back()["type"] == "clock-start-corrected");
        CHECK(json["events"].back()["text"] ==
              "Clock start corrected from 2026-11-09 to 2026-11-04. Reason: Her email of 4 "
              "November already asked for it");
        repo.ok(
            {"convert", id, "--clock-from", "2026-11-02", "--reason", "From receipt after all"});
        json = repo({"show", id, "--format", "json"}).json();
        CHECK(json["clock_from"].is_null());
        CHECK(has(json["events"].back()["text"], "to the receipt, 2026-11-02"));
        CHECK(has(
            repo.refused({"convert", id, "--clock-from", "2026-11-02", "--reason", "x"}, k_refused),
            "its clock already runs from the receipt"));
        CHECK(has(repo.refused({"convert", id, "--to", "complaint"}, k_refused),
                  "already a complaint"));
        // A start still to come would push the deadline out: refused, and
        // found by check when written by hand.
        const auto before = repo.snapshot();
        CHECK(repo.refused({"convert", id, "--clock-from", "2026-12-30", "--reason", "typo"}, 2) ==
              "complaints: cannot convert " + id +
                  ": --clock-from: '2026-12-30' is in the future\n");
        CHECK(repo.snapshot() == before);
        const auto file = repo.root / "cases" / (id + ".yaml");
        test::write_text(file, test::replaced(test::read_text(file), "kind: complaint\n",
                                              "kind: complaint\nclock_from: 2027-06-30\n"));
        CHECK(has(repo({"check"}).out, "the clock starts on 2027-06-30, a day still to come"));
    }

    TEST_CASE("platform: a complaint from the start has no clock start to correct") {
        Platform platform;
        CHECK(has(
            platform.refused(
                {"convert", platform.id, "--clock-from", "2026-11-17", "--reason", "x"}, k_refused),
            "was not converted from a concern or feedback"));
        CHECK(has(platform.refused({"convert", platform.id}, 2), "give --to complaint"));
    }
}
