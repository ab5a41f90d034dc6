// SPDX-License-Identifier: Apache-2.0
// The nhs-england preset (the 2009 Complaints Regulations) through the real
// binary: acknowledgement, the agreed response period, the six-month
// explanation, the Ombudsman in the letter and the late-complaint flag.
#include "kept_letter.hpp"
#include "run.hpp"

#include <doctest/doctest.h>

namespace {

constexpr int k_refused = 5;
constexpr int k_usage = 2;

struct Practice : test::Repo {
    Practice() : test::Repo("nhs-england", "GPX") { now = "2026-11-20T10:00:00+00:00"; }
    nlohmann::json clock(const std::string& id, const std::string& rule) const {
        const auto shown = (*this)({"show", id, "--format", "json"}).json();
        for (const auto& clock : shown["clocks"])
            if (clock["rule"] == rule)
                return clock;
        return nullptr;
    }
};

} // namespace

TEST_SUITE("nhs-england") {
    TEST_CASE("acknowledgement is due 3 working days after receipt and met when logged") {
        Practice practice;
        const auto id = practice.open_case("2026-11-16 09:00"); // a Monday
        CHECK(practice.clock(id, "acknowledgement")["due_date"] == "2026-11-19");
        CHECK(practice.clock(id, "acknowledgement")["state"] == "overdue");
        practice.ok({"log", id, "--type", "acknowledged", "--at", "2026-11-18 11:00", "--text",
                     "Acknowledged by letter; offered a call to discuss how we will handle it."});
        CHECK(practice.clock(id, "acknowledgement")["state"] == "met");
    }

    TEST_CASE("respond acknowledge keeps the letter that offers to discuss the handling") {
        Practice practice;
        const auto id = practice.open_case("2026-11-16 09:00", {"--point", "Prescription lost"});
        const auto draft =
            practice({"respond", "acknowledge", id, "--draft", "--at", "2026-11-18 11:00"});
        REQUIRE_MESSAGE(draft.exit_code == 0, draft.err);
        CHECK(draft.out.find("Date: 18 November 2026") != std::string::npos);
        CHECK(draft.out.find("1. Prescription lost\n") != std::string::npos);
        // Regulation 13(3): the offer to discuss how it is handled and the period.
        CHECK(draft.out.find("please contact us to agree it.") != std::string::npos);
        practice.ok({"respond", "acknowledge", id, "--via", "letter", "--at", "2026-11-18 11:00"});
        CHECK(practice.clock(id, "acknowledgement")["state"] == "met");
        CHECK(test::read_text(practice.root /
                              test::kept_letter(practice.root, id, "2026-11-18-acknowledgement")) ==
              draft.out);
        CHECK(practice({"show", id, "--letter"}).out == draft.out);
    }

    TEST_CASE("the response is due by the period agreed with the complainant, which can change "
              "with a reason") {
        Practice practice;
        const auto id = practice.open_case("2026-11-16 09:00");
        // Six months when none is agreed, "commencing on the day" it was
        // received (regulation 14(4)): 16 November to 15 May.
        CHECK(practice.clock(id, "response")["due_date"] == "2027-05-15");
        practice.ok({"log", id, "--type", "response-period-agreed", "--until", "2027-01-29",
                     "--text", "Agreed on the phone: six weeks, the records are off site."});
        CHECK(practice.clock(id, "response")["due_date"] == "2027-01-29");
        CHECK(practice.clock(id, "response")["agreed"] == true);
        CHECK(practice.clock(id, "response")["extended"] == false);
        practice.ok({"log", id, "--type", "response-period-agreed", "--until", "2027-02-26",
                     "--text", "Changed with her agreement: the locum's statement is awaited."});
        CHECK(practice.clock(id, "response")["due_date"] == "2027-02-26");
        CHECK(practice
                  .refused({"log", id, "--type", "response-period-agreed", "--text", "no date"},
                           k_usage)
                  .find("--until") != std::string::npos);
        CHECK(practice
                  .refused({"log", id, "--type", "response-period-agreed", "--until", "2026-11-01",
                            "--text", "x"},
                           k_usage)
                  .find("before the complaint was received") != std::string::npos);
        CHECK(practice
                  .refused({"log", id, "--type", "note", "--until", "2027-01-01", "--text", "x"},
                           k_usage)
                  .find("goes with a response period agreed") != std::string::npos);
    }

    TEST_CASE("no response within six months owes a written explanation, a longer agreed period "
              "moves it") {
        Practice practice;
        const auto late = practice.open_case("2026-05-11 09:00");
        CHECK(practice.clock(late, "explanation")["due_date"] == "2026-11-10");
        CHECK(practice.clock(late, "explanation")["state"] == "overdue");
        practice.ok({"respond", "delay", late, "--reason",
                     "The independent clinical review is not back yet."});
        CHECK(practice.clock(late, "explanation")["state"] == "met-late");

        const auto agreed = practice.open_case("2026-05-18 09:00");
        practice.ok({"log", agreed, "--type", "response-period-agreed", "--until", "2027-01-15",
                     "--at", "2026-06-01 10:00", "--text",
                     "Agreed eight months: an inquest comes first."});
        CHECK(practice.clock(agreed, "explanation")["due_date"] == "2027-01-15");
        CHECK(practice.clock(agreed, "explanation")["state"] == "running");
        const auto shorter = practice.open_case("2026-11-02 09:00");
        practice.ok({"log", shorter, "--type", "response-period-agreed", "--until", "2026-12-14",
                     "--text", "Agreed six weeks."});
        CHECK(practice.clock(shorter, "explanation")["due_date"] ==
              "2027-05-01"); // never sooner than six months
    }

    TEST_CASE("regulation 14(4): the six months commence on the day of receipt") {
        Practice practice;
        practice.now = "2027-01-10T10:00:00+00:00";
        const auto id = practice.open_case("2027-01-04 09:00");
        CHECK(practice.clock(id, "response")["due_date"] == "2027-07-03");
        CHECK(practice.clock(id, "explanation")["due_date"] == "2027-07-03");
        // No 31 February: six months from 31 August end with February.
        const auto august = practice.open_case("2026-08-31 09:00");
        CHECK(practice.clock(august, "response")["due_date"] == "2027-02-28");
    }

    TEST_CASE("regulations 13(7) and 14(4): the date agreed is the one the response is measured "
              "by, in respond send, show and the report") {
        Practice practice;
        practice.now = "2027-01-10T10:00:00+00:00";
        const auto early = practice.open_case("2027-01-04 09:00", {"--point", "Wrong dose"});
        const auto later = practice.open_case("2027-01-04 10:00", {"--point", "Lost referral"});
        practice.ok({"log", early, "--type", "response-period-agreed", "--until", "2027-02-05",
                     "--at", "2027-01-06", "--text", "Agreed a month on the phone."});
        practice.ok({"log", later, "--type", "response-period-agreed", "--until", "2027-03-31",
                     "--at", "2027-01-06", "--text", "Agreed: the hospital's notes come first."});
        practice.now = "2027-02-22T10:00:00+00:00";
        for (const auto& id : {early, later})
            practice.ok({"respond", "finding", id, "--point", "1", "--finding", "upheld",
                         "--conclusion", "It happened."});
        const auto sent = practice({"respond", "send", early, "--via", "letter"});
        CHECK(sent.out.find("late: due 2027-02-05, the date agreed with the complainant") !=
              std::string::npos);
        CHECK(practice({"respond", "send", later, "--via", "letter"})
                  .out.find("on time (due 2027-03-31, the date agreed with the complainant)") !=
              std::string::npos);
        CHECK(practice.clock(early, "response")["state"] == "met-late");
        CHECK(practice.clock(later, "response")["state"] == "met");
        const auto show = practice({"show", early}).out;
        CHECK(show.find("due 2027-02-05") != std::string::npos);
        CHECK(show.find("(agreed)") != std::string::npos);
        practice.now = "2027-04-10T10:00:00+00:00";
        const auto february =
            practice({"report", "--month", "2027-02", "--format", "json"}).json()["responses"];
        CHECK(february["due"] == 1); // the early one's agreed date; six months would say none
        CHECK(february["late"] == 1);
        CHECK(february["on_time"] == 0);
        const auto march =
            practice({"report", "--month", "2027-03", "--format", "json"}).json()["responses"];
        CHECK(march["due"] == 1);
        CHECK(march["on_time"] == 1);
    }

    TEST_CASE(
        "the response tells the complainant of the Parliamentary and Health Service Ombudsman") {
        Practice practice;
        const auto id =
            practice.open_case("2026-11-16 09:00", {"--point", "The referral was never sent"});
        practice.ok({"respond", "finding", id, "--point", "1", "--finding", "upheld",
                     "--conclusion", "It was not sent."});
        const auto letter = practice({"respond", "draft", id});
        CHECK(letter.exit_code == 0);
        CHECK(letter.out.find("Parliamentary and Health Service Ombudsman") != std::string::npos);
        CHECK(letter.out.find("Responsible person  \n") != std::string::npos);
        practice.ok({"respond", "send", id, "--via", "letter"});
        CHECK(practice.refused({"escalate", id, "--to", "iscas"}, k_usage).find("phso") !=
              std::string::npos);
        practice.ok({"escalate", id, "--to", "phso", "--ref", "PHSO-1"});
    }

    TEST_CASE("regulation 18(1)(c): a referral to the Ombudsman before the practice's response "
              "is recorded with why, and counted") {
        Practice practice;
        const auto id = practice.open_case("2026-11-02 09:00", {"--point", "Delayed diagnosis"});
        const auto refused = practice.refused({"escalate", id, "--to", "phso"}, k_refused);
        CHECK(refused.find("give --reason (why the Ombudsman is involved before the practice's "
                           "own response)") != std::string::npos);
        practice.ok({"escalate", id, "--to", "phso", "--reason",
                     "The complainant went to the Ombudsman directly; it asked for our file."});
        const auto shown = practice({"show", id}).out;
        CHECK(shown.find("The complainant went to the Ombudsman directly") != std::string::npos);
        // Regulation 8(1): a complaint the Ombudsman investigates is excluded.
        const auto other = practice.open_case("2026-11-03 09:00", {"--point", "Lost results"});
        practice.ok({"escalate", other, "--to", "phso", "--reason", "Went straight to them."});
        practice.ok({"exclude", other, "--reason", "under-independent-review", "--body", "phso",
                     "--reference", "PHSO-2", "--text", "The Ombudsman is investigating."});
        practice.now = "2026-12-10T10:00:00+00:00";
        const auto escalations =
            practice({"report", "--month", "2026-11", "--format", "json"}).json()["escalations"];
        CHECK(escalations["referred"] == 2);
        CHECK(escalations["by_body"]["phso"]["referred"] == 2);
    }

    TEST_CASE("regulation 12: a late complaint is refused as out of time with why, and counted "
              "as excluded, not resolved") {
        Practice practice;
        const auto late =
            practice.open_case("2026-11-16 09:00", {"--happened", "2025-09-01", "--point", "A"});
        CHECK(practice.refused({"exclude", late, "--reason", "out-of-time"}, k_refused)
                  .find("--text") != std::string::npos);
        practice.ok({"exclude", late, "--reason", "out-of-time", "--text",
                     "No reason given for the 14 months; the locum has left and the records "
                     "are incomplete."});
        const auto shown = practice({"show", late, "--format", "json"}).json();
        CHECK(shown["status"] == "closed");
        CHECK(shown["exclusion"]["reason"] == "out-of-time");
        practice.now = "2026-12-10T10:00:00+00:00";
        const auto november = practice({"report", "--month", "2026-11", "--format", "json"}).json();
        CHECK(november["received"]["by_kind"]["excluded"] == 1);
        CHECK(november["outcomes"]["resolved"] == 0);
        // The refusal is the practice's answer: the complainant may ask the
        // Ombudsman to review it (regulation 12(4)), with no reason needed.
        practice.ok({"escalate", late, "--to", "phso", "--ref", "PHSO-12"});
        CHECK(practice({"show", late, "--format", "json"}).json()["escalations"][0]["body"] ==
              "phso");

        const auto timely =
            practice.open_case("2026-11-16 10:00", {"--happened", "2026-10-01", "--point", "B"});
        CHECK(practice
                  .refused({"exclude", timely, "--reason", "out-of-time", "--text", "x"}, k_refused)
                  .find("was not made after the time limit") != std::string::npos);
        const auto accepted =
            practice.open_case("2026-11-16 11:00", {"--happened", "2025-09-01", "--point", "C"});
        practice.ok({"log", accepted, "--type", "late-complaint-accepted", "--text",
                     "In hospital for most of the year."});
        CHECK(
            practice
                .refused({"exclude", accepted, "--reason", "out-of-time", "--text", "x"}, k_refused)
                .find("was accepted although late") != std::string::npos);
    }

    TEST_CASE("regulations 4 and 14(2): the responsible person signs the response, the "
              "complaints manager the other letters, and the leaflet names both") {
        Practice practice;
        std::string config = test::read_text(practice.root / "complaints.yaml");
        config += "responsible_person: \"Dr Helen Ward, Senior Partner\"\n"
                  "complaints_manager: \"Jo Price, Practice Manager\"\n";
        test::write_text(practice.root / "complaints.yaml", config);
        const auto id = practice.open_case("2026-11-16 09:00", {"--point", "Rude reception"});
        const auto acknowledgement = practice({"respond", "acknowledge", id, "--draft"}).out;
        CHECK(acknowledgement.find("Yours sincerely,\n\nJo Price, Practice Manager  \n") !=
              std::string::npos);
        practice.ok({"respond", "finding", id, "--point", "1", "--finding", "upheld",
                     "--conclusion", "It was."});
        const auto response = practice({"respond", "draft", id}).out;
        CHECK(response.find("Yours sincerely,\n\nDr Helen Ward, Senior Partner  \n") !=
              std::string::npos);
        const auto leaflet = practice({"leaflet"}).out;
        CHECK(leaflet.find("Our complaints manager is Jo Price, Practice Manager. Dr Helen "
                           "Ward, Senior Partner is responsible") != std::string::npos);
        const auto sent = practice({"respond", "send", id, "--via", "letter"});
        CHECK(sent.err.find("is signed") == std::string::npos);
    }

    TEST_CASE("regulation 14(2): with no responsible person named, the response says where to "
              "name them, and sending it warns") {
        Practice practice;
        const auto id = practice.open_case("2026-11-16 09:00", {"--point", "Rude reception"});
        practice.ok({"respond", "finding", id, "--point", "1", "--finding", "upheld",
                     "--conclusion", "It was."});
        CHECK(practice({"respond", "draft", id})
                  .out.find("[The responsible person's name: set `responsible_person:` in "
                            "complaints.yaml]  \nResponsible person  \n") != std::string::npos);
        CHECK(practice({"respond", "send", id, "--via", "letter"})
                  .err.find("set `responsible_person:`") != std::string::npos);
    }

    TEST_CASE("regulation 14(2): a response signed by the signatory alone says so when sent") {
        Practice practice;
        std::string config = test::read_text(practice.root / "complaints.yaml");
        config += "signatory: \"Jo Price, Practice Manager\"\n";
        test::write_text(practice.root / "complaints.yaml", config);
        const auto id = practice.open_case("2026-11-16 09:00", {"--point", "Rude reception"});
        practice.ok({"respond", "finding", id, "--point", "1", "--finding", "upheld",
                     "--conclusion", "It was."});
        const auto sent = practice({"respond", "send", id, "--via", "letter"});
        CHECK(sent.exit_code == 0);
        CHECK(sent.err.find("the response is signed by Jo Price, Practice Manager, and the "
                            "regulations have the responsible person sign it") !=
              std::string::npos);
    }

    TEST_CASE("regulation 3(2)(d): the acknowledgement and the leaflet say where to get free "
              "help to complain, the local service when complaints.yaml names it") {
        Practice practice;
        const auto id = practice.open_case("2026-11-16 09:00", {"--point", "Rude reception"});
        CHECK(practice({"respond", "acknowledge", id, "--draft"})
                  .out.find("## Help with your complaint\n\nNHS Complaints Advocacy gives free, "
                            "independent help") != std::string::npos);
        CHECK(practice({"leaflet"}).out.find("NHS Complaints Advocacy") != std::string::npos);
        std::string config = test::read_text(practice.root / "complaints.yaml");
        config += "advocacy: \"POhWER gives free NHS complaints advocacy here: 0300 456 2370.\"\n";
        test::write_text(practice.root / "complaints.yaml", config);
        CHECK(practice({"leaflet"}).out.find("POhWER gives free NHS complaints advocacy") !=
              std::string::npos);
        const auto clinic = test::Repo("clinic", "CLX");
        CHECK(clinic({"leaflet"}).out.find("Advocacy") == std::string::npos);
    }

    TEST_CASE("regulation 13(8): when the complainant declines to discuss, the period the "
              "practice sets is the one the response is measured by") {
        Practice practice;
        const auto id = practice.open_case("2026-11-16 09:00", {"--point", "Rude reception"});
        practice.ok({"log", id, "--type", "response-period-set", "--until", "2026-12-18", "--at",
                     "2026-11-18 10:00", "--text",
                     "Declined our offer to discuss; we wrote that we will respond by 18 "
                     "December."});
        CHECK(practice.clock(id, "response")["due_date"] == "2026-12-18");
        CHECK(practice.clock(id, "response")["agreed"] == true);
        // Regulation 14(4) moves the explanation only for a period agreed.
        CHECK(practice.clock(id, "explanation")["due_date"] == "2027-05-15");
        CHECK(
            practice
                .refused({"log", id, "--type", "response-period-set", "--text", "no date"}, k_usage)
                .find("--until") != std::string::npos);
        const auto types = practice({"log", "--help"}).out;
        CHECK(types.find("response-period-set") != std::string::npos);
        // Set, not agreed: show and the sending say which.
        const auto shown = practice({"show", id}).out;
        CHECK(test::has(shown, "(set by us)"));
        CHECK_FALSE(test::has(shown, "(agreed)"));
        practice.ok({"respond", "finding", id, "--point", "1", "--finding", "upheld",
                     "--conclusion", "Yes."});
        const auto sent = practice({"respond", "send", id, "--via", "letter"});
        REQUIRE_MESSAGE(sent.exit_code == 0, sent.err);
        CHECK(test::has(sent.out, "on time (due 2026-12-18, the period the organisation set)"));
        // A period set past the six months moves the response, never the
        // explanation owed at six months (14(4) moves it only for one agreed).
        const auto longer = practice.open_case("2026-11-16 09:00", {"--point", "Lost records"});
        practice.ok({"log", longer, "--type", "response-period-set", "--until", "2027-06-30",
                     "--at", "2026-11-18 10:00", "--text", "Declined to discuss."});
        CHECK(practice.clock(longer, "response")["due_date"] == "2027-06-30");
        CHECK(practice.clock(longer, "explanation")["due_date"] == "2027-05-15");
    }

    TEST_CASE("a complaint made more than 12 months after the events is flagged, and goes ahead "
              "with a reason") {
        Practice practice;
        const auto id =
            practice.open_case("2026-11-16 09:00", {"--happened", "2025-10-01", "--point", "A"});
        const auto shown = practice({"show", id, "--format", "json"}).json();
        REQUIRE(shown["attention"].size() == 1);
        CHECK(shown["attention"][0].get<std::string>().find("more than 12 months") !=
              std::string::npos);
        CHECK(shown["happened"] == "2025-10-01");
        practice.ok({"respond", "finding", id, "--point", "1", "--finding", "upheld",
                     "--conclusion", "Yes."});
        CHECK(practice.refused({"respond", "send", id, "--via", "letter"}, k_refused)
                  .find("log --type late-complaint-accepted") != std::string::npos);
        practice.ok({"log", id, "--type", "late-complaint-accepted", "--text",
                     "Bereaved; still possible to investigate fairly: the records are complete."});
        CHECK(practice({"show", id, "--format", "json"}).json()["attention"].empty());
        practice.ok({"respond", "send", id, "--via", "letter"});
        const auto timely = practice.open_case("2026-11-16 09:00", {"--happened", "2026-01-10"});
        CHECK(practice({"show", timely, "--format", "json"}).json()["attention"].empty());
    }
}
