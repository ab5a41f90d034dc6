// SPDX-License-Identifier: Apache-2.0
// The clinic policy's people and first contact, through the binary: the
// investigating officer, the practitioners' register, the insurer told of
// an incident, the exclusions that name what they rest on, the link to the
// form sent before the form arrives, and the agreed record signed.
#include "run.hpp"
#include "temp_dir.hpp"

#include <doctest/doctest.h>

#include <fstream>

namespace {

constexpr int k_usage = 2;
constexpr int k_not_found = 3;
constexpr int k_refused = 5;

bool has(const std::string& text, const std::string& part) {
    return text.find(part) != std::string::npos;
}

// The clinic with its manager, its register and its website in
// complaints.yaml, as a clinic keeps them.
struct Clinic : test::Repo {
    Clinic() {
        now = "2026-11-16T10:00:00+00:00";
        std::ofstream(root / "complaints.yaml", std::ios::app)
            << "complaints_manager: \"Morag Campbell\"\n"
               "website: \"https://lumiere.example/complaints\"\n"
               "practitioners:\n"
               "  - name: Dr Ann Baxter\n"
               "    role: Aesthetic doctor\n"
               "    engagement: independent\n"
               "    privileges_review: 2027-03-01\n"
               "  - name: Nurse Jo Reid\n"
               "    role: Aesthetic nurse\n"
               "    engagement: staff\n";
    }
    nlohmann::json json(const std::string& id) const {
        return (*this)({"show", id, "--format", "json"}).json();
    }
    std::string draft(const std::string& id) const {
        const auto drafted = (*this)({"respond", "draft", id});
        REQUIRE_MESSAGE(drafted.exit_code == 0, drafted.err);
        return drafted.out + drafted.err;
    }
};

} // namespace

TEST_SUITE("clinic policy: the people it names") {
    TEST_CASE("the clinic manager is each case's investigating officer unless another is named") {
        Clinic clinic;
        const std::string id = clinic.open_case("2026-11-10 09:00", {"--complainant", "Ms Hale"});
        CHECK(has(clinic({"show", id}).out, "Officer:     Morag Campbell"));
        const auto agenda = clinic({"agenda", "--format", "json"}).json();
        REQUIRE(!agenda["items"].empty());
        CHECK(agenda["items"][0]["person"] == "Morag Campbell");
        const std::string other = clinic.open_case(
            "2026-11-10 09:30", {"--complainant", "Mr Okafor", "--officer", "Dr Ann Baxter"});
        CHECK(clinic.json(other)["agent"] == "Dr Ann Baxter");
        CHECK(has(clinic({"respond", "draft", other}).out,
                  "investigated by Dr Ann Baxter under our complaints policy"));
        CHECK(has(clinic.refused({"open", "--channel", "phone", "--officer", "  "}, k_usage),
                  "investigating officer"));
    }

    TEST_CASE("the platform assigns after opening: open --officer is refused there") {
        test::Repo platform("platform", "LAN");
        CHECK(has(
            platform.refused({"open", "--channel", "email", "--officer", "Priya Shah"}, k_usage),
            "assign"));
    }

    TEST_CASE("a practitioner off the register is refused with the nearest name, and the "
              "letter says who practises under privileges") {
        Clinic clinic;
        CHECK(has(clinic.refused({"open", "--channel", "phone", "--category", "clinical",
                                  "--practitioner", "Dr Ann Baxtor"},
                                 k_usage),
                  "did you mean 'Dr Ann Baxter'"));
        const std::string id = clinic.open_case(
            "2026-11-10 09:00", {"--complainant", "Ms Hale", "--category", "clinical",
                                 "--practitioner", "dr ann baxter", "--point", "Burn"});
        CHECK(clinic.json(id)["practitioners"][0] == "Dr Ann Baxter");
        CHECK(has(clinic({"show", id}).out,
                  "Dr Ann Baxter (Aesthetic doctor, practising privileges, review 2027-03-01)"));
        CHECK_FALSE(has(clinic({"show", id}).out, "About:"));
        CHECK(has(clinic.draft(id), "Dr Ann Baxter (Aesthetic doctor, an independent "
                                    "practitioner with practising privileges at Lumiere"));
        CHECK(has(
            clinic.refused({"respond", "practitioners", id, "--practitioner", "Nurse Jo"}, k_usage),
            "did you mean 'Nurse Jo Reid'"));
        clinic.ok({"respond", "practitioners", id, "--practitioner", "Dr Ann Baxter",
                   "--practitioner", "nurse jo reid"});
        CHECK(clinic.json(id)["practitioners"][1] == "Nurse Jo Reid");
    }
}

TEST_SUITE("clinic policy: insurance") {
    TEST_CASE("a safety incident prompts the insurer, owed on the agenda until it is logged "
              "with its reference, and counted in the report") {
        Clinic clinic;
        const auto opened =
            clinic({"open", "--channel", "phone", "--received", "2026-11-10 09:00", "--complainant",
                    "Ms Hale", "--safety-incident", "Burn after laser"});
        REQUIRE_MESSAGE(opened.exit_code == 0, opened.err);
        const std::string id = opened.out.substr(0, opened.out.size() - 1);
        CHECK(has(opened.err, "the indemnity insurer has not been told"));
        CHECK(has(opened.err, "--type insurer-notified --reference REF"));
        CHECK(has(clinic({"agenda"}).out, "the indemnity insurer has not been told"));
        CHECK(has(clinic({"agenda", "--format", "json"}).out, "\"insurer-to-tell\""));
        CHECK(has(clinic({"show", id}).out, "indemnity insurer"));
        CHECK(
            has(clinic.refused({"log", id, "--type", "note", "--text", "x", "--reference", "HX-22"},
                               k_usage),
                "insurer-notified"));
        clinic.now = "2026-11-12T10:00:00+00:00";
        clinic.ok({"log", id, "--type", "insurer-notified", "--reference", "HX-22"});
        CHECK_FALSE(has(clinic({"agenda"}).out, "indemnity insurer"));
        const auto events = clinic.json(id)["events"];
        CHECK(events.back()["reference"] == "HX-22");
        CHECK(events.back()["text"] ==
              "The indemnity insurer was told of the patient safety incident");
        const auto report = clinic({"report", "--month", "2026-11", "--format", "json"}).json();
        CHECK(report["being_open"]["insurer_told"] == 1);
        CHECK(report["being_open"]["insurer_owed"] == 0);
    }
}

TEST_SUITE("clinic policy: exclusions name what they rest on") {
    TEST_CASE("already resolved names the earlier case, under review the body and its "
              "reference") {
        Clinic clinic;
        const std::string earlier =
            clinic.open_case("2026-11-02 09:00", {"--complainant", "Ms Hale"});
        const std::string id = clinic.open_case("2026-11-10 09:00", {"--complainant", "Ms Hale"});
        CHECK(has(clinic.refused({"exclude", id, "--reason", "already-resolved"}, k_usage),
                  "--earlier-case"));
        clinic.refused(
            {"exclude", id, "--reason", "already-resolved", "--earlier-case", "LUM-NOPE"},
            k_not_found);
        CHECK(
            has(clinic.refused(
                    {"exclude", id, "--reason", "already-resolved", "--earlier-case", id}, k_usage),
                "earlier case of itself"));
        CHECK(
            has(clinic.refused({"exclude", id, "--reason", "employment", "--earlier-case", earlier},
                               k_usage),
                "goes with --reason already-resolved"));
        clinic.ok({"exclude", id, "--reason", "already-resolved", "--earlier-case", earlier});
        CHECK(clinic.json(id)["exclusion"]["earlier_case"] == earlier);
        CHECK(has(clinic({"show", id}).out, "Excluded:    already-resolved as " + earlier));

        const std::string other = clinic.open_case("2026-11-10 10:00", {"--complainant", "Mr O"});
        const std::string said = clinic.refused(
            {"exclude", other, "--reason", "under-independent-review", "--body", "iscass"},
            k_usage);
        CHECK(has(said, "did you mean 'iscas'"));
        CHECK(has(said, "--reference"));
        clinic.ok({"exclude", other, "--reason", "under-independent-review", "--body", "iscas",
                   "--reference", "ISC-7781"});
        const auto exclusion = clinic.json(other)["exclusion"];
        CHECK(exclusion["body"] == "iscas");
        CHECK(exclusion["reference"] == "ISC-7781");
        CHECK(has(clinic({"show", other}).out, "by iscas (reference ISC-7781)"));
    }
}

TEST_SUITE("clinic policy: first contact and the record") {
    TEST_CASE("the link to the form is logged before the form arrives, from the website set") {
        Clinic clinic;
        const auto opened = clinic({"open", "--channel", "web-form", "--received",
                                    "2026-11-12 09:00", "--complainant", "Ms Hale"});
        REQUIRE_MESSAGE(opened.exit_code == 0, opened.err);
        const std::string id = opened.out.substr(0, opened.out.size() - 1);
        clinic.ok({"log", id, "--type", "form-link-sent", "--at", "2026-11-09 16:00"});
        const auto events = clinic.json(id)["events"];
        CHECK(events[0]["type"] == "form-link-sent");
        CHECK(events[0]["text"] ==
              "Link to the complaint form sent: https://lumiere.example/complaints");
        CHECK(clinic({"check"}).exit_code == 0);
        CHECK(has(
            clinic.refused({"log", id, "--type", "call", "--text", "x", "--at", "2026-11-09 16:00"},
                           k_usage),
            "before the case was received"));
        CHECK(has(clinic({"leaflet"}).out, "https://lumiere.example/complaints"));
        const std::string phoned = clinic.open_case("2026-11-10 09:00", {"--complainant", "Mr O"});
        CHECK(has(clinic({"respond", "acknowledge", phoned, "--draft"}).out,
                  "on our website: https://lumiere.example/complaints"));
    }

    TEST_CASE("the agreed record is signed once agreed, and the letter says so") {
        Clinic clinic;
        const std::string id =
            clinic.open_case("2026-11-10 09:00", {"--complainant", "Ms Hale", "--point", "Rude"});
        CHECK(has(clinic.refused({"log", id, "--type", "record-signed"}, k_refused),
                  "record-agreed first"));
        clinic.ok({"log", id, "--type", "record-agreed", "--text", "Agreed by phone"});
        clinic.ok({"log", id, "--type", "record-signed"});
        CHECK(has(clinic.draft(id), "you signed our written record of your complaint"));
    }
}

TEST_SUITE("clinic policy: the letter speaks to the complainant") {
    TEST_CASE("a point's words to the complainant replace the record's in the letter, and the "
              "draft names the points without them") {
        Clinic clinic;
        const std::string id = clinic.open_case(
            "2026-11-10 09:00", {"--complainant", "Ms Hale", "--point",
                                 "Her left eyelid has drooped", "--point", "She was not warned"});
        clinic.ok(
            {"point", id, "wording", "1", "--for-complainant", "Your left eyelid has drooped"});
        const std::string draft = clinic.draft(id);
        CHECK(has(draft, "### 1. Your left eyelid has drooped"));
        CHECK_FALSE(has(draft, "Her left eyelid"));
        CHECK(has(draft, "point 2 has no words for the complainant"));
        CHECK(has(clinic({"respond", "acknowledge", id, "--draft"}).out,
                  "1. Your left eyelid has drooped"));
        clinic.ok({"point", id, "add", "--text", "She was charged twice", "--for-complainant",
                   "You were charged twice"});
        CHECK(clinic.json(id)["points"][2]["for_complainant"] == "You were charged twice");
        CHECK(has(clinic.refused({"point", id, "wording", "9", "--for-complainant", "x"}, k_usage),
                  "has no point 9"));
    }

    TEST_CASE("after the response, a point's words change only as a correction") {
        Clinic clinic;
        const std::string id =
            clinic.open_case("2026-11-10 09:00", {"--complainant", "Ms Hale", "--category",
                                                  "non-clinical", "--point", "Rude"});
        clinic.ok({"log", id, "--type", "record-agreed", "--text", "Agreed"});
        clinic.ok({"respond", "finding", id, "--point", "1", "--finding", "not-upheld",
                   "--conclusion", "Not so."});
        clinic.ok({"respond", "send", id, "--via", "letter"});
        clinic.refused({"point", id, "wording", "1", "--for-complainant", "You found us rude"},
                       k_refused);
        clinic.ok({"point", id, "wording", "1", "--for-complainant", "You found us rude",
                   "--correction", "Worded for her"});
        CHECK(clinic.json(id)["events"].back()["corrects"] == "point 1 wording");
    }

    TEST_CASE("an internal statement informs the findings and is never quoted") {
        Clinic clinic;
        const std::string id =
            clinic.open_case("2026-11-10 09:00", {"--complainant", "Ms Hale", "--point", "Rude"});
        clinic.ok({"log", id, "--type", "statement", "--internal", "--with", "Nurse Jo Reid",
                   "--text", "She was shouting at reception"});
        clinic.ok({"log", id, "--type", "statement", "--with", "Dr Ann Baxter", "--text",
                   "I apologised at the time"});
        const std::string draft = clinic.draft(id);
        CHECK(has(draft, "we took a written statement from Nurse Jo Reid"));
        CHECK_FALSE(has(draft, "She was shouting"));
        CHECK(has(draft, "> I apologised at the time"));
        int internal = 0;
        const auto shown = clinic.json(id);
        for (const auto& event : shown["events"])
            internal += event["visibility"] == "internal";
        CHECK(internal == 1);
        CHECK(
            has(clinic.refused({"log", id, "--type", "call", "--internal", "--text", "x"}, k_usage),
                "statement or interview"));
    }
}

TEST_SUITE("clinic policy: what the complainant wants") {
    TEST_CASE("the response recalls the outcome the complainant asked for") {
        Clinic clinic;
        const std::string id = clinic.open_case(
            "2026-11-10 09:00", {"--complainant", "Ms Hale", "--point", "Rude", "--desired-outcome",
                                 "An apology from the receptionist"});
        CHECK(has(clinic.draft(id), "You told us what you would like to come of your complaint: "
                                    "An apology from the receptionist."));
    }
}

TEST_SUITE("clinic policy: blank is not a value") {
    TEST_CASE("an action led by spaces is refused, and nothing is written") {
        Clinic clinic;
        const std::string id = clinic.open_case("2026-11-10 09:00", {"--complainant", "Ms Hale"});
        CHECK(has(clinic.refused({"action", id, "add", "--text", "Retrain reception", "--lead",
                                  "   ", "--due", "2026-12-18"},
                                 k_usage),
                  "who leads it"));
    }
}
