// SPDX-License-Identifier: Apache-2.0
// The nhs-scotland preset (the NHS Scotland Model Complaints Handling
// Procedure, SSI 2012/36 as amended) through the real binary: stage 1 in 5
// working days, extended to 10 with a reason; stage 2 by escalation or from
// the start, acknowledged in 3 and answered in 20 working days across
// Scotland's own bank holidays; the SPSO in the letter; the 6-month limit.
#include "run.hpp"

#include <doctest/doctest.h>

namespace {

constexpr int k_refused = 5;
constexpr int k_usage = 2;

struct Board : test::Repo {
    Board() : test::Repo("nhs-scotland", "NHSS") { now = "2026-11-20T10:00:00+00:00"; }
    nlohmann::json clock(const std::string& id, const std::string& rule) const {
        const auto shown = (*this)({"show", id, "--format", "json"}).json();
        for (const auto& clock : shown["clocks"])
            if (clock["rule"] == rule)
                return clock;
        return nullptr;
    }
    void answer(const std::string& id, const std::string& at) const {
        ok({"respond", "finding", id, "--point", "1", "--finding", "upheld", "--conclusion",
            "It happened, and we are sorry.", "--at", at});
        ok({"respond", "send", id, "--via", "letter", "--at", at});
    }
};

} // namespace

TEST_SUITE("nhs-scotland") {
    TEST_CASE("the preset works in Scotland: init takes the region from it") {
        Board board;
        CHECK(test::read_text(board.root / "complaints.yaml").find("region: scotland\n") !=
              std::string::npos);
    }

    TEST_CASE("regulation 6A: stage 1 is due in 5 working days, St Andrew's Day not one of them, "
              "and extended to 10 with the reason") {
        Board board;
        board.now = "2026-11-24T10:00:00+00:00";
        const auto id = board.open_case("2026-11-23 09:00", {"--point", "Rude at reception"});
        // Monday 23 November: Tuesday to Friday, then Monday 30 November is
        // St Andrew's Day in Scotland, so the fifth working day is 1 December.
        CHECK(board.clock(id, "frontline")["due_date"] == "2026-12-01");
        CHECK(board.clock(id, "frontline")["state"] == "running");
        CHECK(board.clock(id, "acknowledgement") == nullptr); // stage 2's, not yet started
        // An extension takes no date of its own: 10 working days in all.
        board.now = "2026-11-27T12:00:00+00:00";
        CHECK(board
                  .refused({"log", id, "--type", "time-extended", "--until", "2026-12-20", "--text",
                            "x"},
                           k_usage)
                  .find("--until") != std::string::npos);
        board.ok({"log", id, "--type", "time-extended", "--at", "2026-11-27 10:00", "--text",
                  "The receptionist is on leave until Wednesday; told Mrs Reid by phone."});
        CHECK(board.clock(id, "frontline")["due_date"] == "2026-12-08");
        CHECK(board.clock(id, "frontline")["extended"] == true);
        board.now = "2026-12-07T16:00:00+00:00";
        board.answer(id, "2026-12-07 15:00");
        CHECK(board.clock(id, "frontline")["state"] == "met");
        // An extension logged once the 5 days have passed moves nothing.
        const auto late = board.open_case("2026-11-02 09:00", {"--point", "Lost letter"});
        board.ok({"log", late, "--type", "time-extended", "--at", "2026-11-12 10:00", "--text",
                  "Asked too late."});
        CHECK(board.clock(late, "frontline")["due_date"] == "2026-11-09");
        CHECK(board.clock(late, "frontline")["extended"] == false);
    }

    TEST_CASE("regulation 6B: escalated to stage 2, acknowledged in 3 and answered in 20 working "
              "days from the request, across St Andrew's Day and Christmas") {
        Board board;
        board.now = "2026-11-27T12:00:00+00:00";
        const auto id = board.open_case("2026-11-02 09:00", {"--point", "Wrong prescription"});
        board.answer(id, "2026-11-06 11:00");
        CHECK(board.clock(id, "frontline")["state"] == "met");
        board.ok({"log", id, "--type", "stage-two-started", "--at", "2026-11-27 10:00", "--text",
                  "Mr Hay is not satisfied with the stage 1 decision and asks for an "
                  "investigation."});
        // Friday 27 November; Monday 30 is St Andrew's Day: 1, 2, 3 December.
        CHECK(board.clock(id, "acknowledgement")["due_date"] == "2026-12-03");
        CHECK(board.clock(id, "acknowledgement")["state"] == "running");
        // 20 working days, not counting 30 November, 25 December and 28
        // December (Boxing Day's substitute): 30 December.
        CHECK(board.clock(id, "response")["due_date"] == "2026-12-30");
        CHECK(board.clock(id, "response")["state"] == "running");
        board.now = "2026-12-02T12:00:00+00:00";
        board.ok({"respond", "acknowledge", id, "--via", "letter", "--at", "2026-12-02 09:00"});
        CHECK(board.clock(id, "acknowledgement")["state"] == "met");
        // The stage 1 decision does not answer stage 2: its response is
        // measured by stage 2's own date.
        board.now = "2026-12-21T12:00:00+00:00";
        board.ok({"respond", "finding", id, "--point", "1", "--finding", "upheld", "--conclusion",
                  "The dose was wrong; the pharmacist has been retrained."});
        const auto sent = board({"respond", "send", id, "--via", "letter"});
        REQUIRE_MESSAGE(sent.exit_code == 0, sent.err);
        CHECK(sent.out.find("on time (due 2026-12-30") != std::string::npos);
        CHECK(board.clock(id, "response")["state"] == "met");
    }

    TEST_CASE("a complex complaint starts at stage 2: no stage 1 clock, and 20 working days past "
              "2 January") {
        Board board;
        board.now = "2026-12-15T12:00:00+00:00";
        const auto id = board.open_case("2026-12-14 09:00", {"--point", "Delayed diagnosis"});
        board.ok({"log", id, "--type", "stage-two-started", "--at", "2026-12-14 09:00", "--text",
                  "Serious: a delayed cancer diagnosis; investigated from the start."});
        CHECK(board.clock(id, "frontline") == nullptr);
        CHECK(board.clock(id, "acknowledgement")["due_date"] == "2026-12-17");
        // Christmas, Boxing Day's Monday, 1 January and 2 January's Monday (4
        // January) are not working days in Scotland: 15 January 2027.
        CHECK(board.clock(id, "response")["due_date"] == "2027-01-15");
        // Late: the explanation, a revised date, and the clock runs to it.
        board.now = "2027-01-12T12:00:00+00:00";
        board.ok({"respond", "delay", id, "--reason", "The consultant's statement is not back yet.",
                  "--new-date", "2027-01-29"});
        CHECK(board.clock(id, "response")["due_date"] == "2027-01-29");
        CHECK(board.clock(id, "response")["extended"] == true);
    }

    TEST_CASE("the stage 2 response names the Scottish Public Services Ombudsman") {
        Board board;
        const auto id = board.open_case("2026-11-16 09:00", {"--point", "Lost referral"});
        board.ok({"log", id, "--type", "stage-two-started", "--at", "2026-11-16 09:00", "--text",
                  "Complex: three services involved."});
        board.ok({"respond", "finding", id, "--point", "1", "--finding", "upheld", "--conclusion",
                  "The referral was not sent."});
        const auto letter = board({"respond", "draft", id});
        REQUIRE_MESSAGE(letter.exit_code == 0, letter.err);
        CHECK(letter.out.find("Scottish Public Services Ombudsman (SPSO)") != std::string::npos);
        CHECK(letter.out.find("www.spso.org.uk") != std::string::npos);
        board.ok({"respond", "send", id, "--via", "letter"});
        CHECK(board.refused({"escalate", id, "--to", "phso"}, k_usage).find("spso") !=
              std::string::npos);
        board.ok({"escalate", id, "--to", "spso", "--ref", "SPSO-202612345"});
    }

    TEST_CASE("regulation 5: a complaint made more than 6 months after the events is flagged, and "
              "goes ahead with the discretion recorded") {
        Board board;
        const auto id =
            board.open_case("2026-11-16 09:00", {"--happened", "2026-04-01", "--point", "A"});
        const auto shown = board({"show", id, "--format", "json"}).json();
        REQUIRE(shown["attention"].size() == 1);
        CHECK(shown["attention"][0].get<std::string>().find("more than 6 months") !=
              std::string::npos);
        board.ok({"respond", "finding", id, "--point", "1", "--finding", "upheld", "--conclusion",
                  "Yes."});
        CHECK(board.refused({"respond", "send", id, "--via", "letter"}, k_refused)
                  .find("log --type late-complaint-accepted") != std::string::npos);
        board.ok({"log", id, "--type", "late-complaint-accepted", "--text",
                  "In hospital until October: good reason, and the records are complete."});
        CHECK(board({"show", id, "--format", "json"}).json()["attention"].empty());
        board.ok({"respond", "send", id, "--via", "letter"});
        const auto timely = board.open_case("2026-11-16 09:00", {"--happened", "2026-06-01"});
        CHECK(board({"show", timely, "--format", "json"}).json()["attention"].empty());
    }
}
