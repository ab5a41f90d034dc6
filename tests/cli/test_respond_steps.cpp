// SPDX-License-Identifier: Apache-2.0
// respond's steps are subcommands (respond send ID ...), which help and the
// man page list; the flag forms before them still work, with a note.
#include "run.hpp"

#include <doctest/doctest.h>

namespace {

constexpr int k_usage = 2;

using test::has;

// A clinic complaint with one point, received Monday 2 November 2026, its
// practitioner heard and its record agreed; now is Tuesday 10 November.
struct Clinic : test::Repo {
    std::string id;
    Clinic() {
        now = "2026-11-10T10:00:00+00:00";
        id = open_case("2026-11-02 09:30",
                       {"--complainant", "Mrs Grace Okafor", "--category", "clinical",
                        "--practitioner", "Dr Lena Marsh", "--point", "Burn after laser"});
        ok({"log", id, "--type", "record-agreed", "--text", "Agreed by email"});
        ok({"log", id, "--type", "interview", "--text", "Dr Marsh went through the settings",
            "--with", "Dr Lena Marsh"});
    }
    nlohmann::json shown() const { return (*this)({"show", id, "--format", "json"}).json(); }
};

constexpr const char* k_steps[] = {"acknowledge",   "finding", "apology", "enclose", "treatment",
                                   "practitioners", "draft",   "delay",   "send"};

} // namespace

TEST_SUITE("respond: a step per subcommand") {
    TEST_CASE("a manager's day: acknowledge, a finding, the apology, the draft, then send") {
        Clinic clinic;
        CHECK(clinic({"respond", "acknowledge", clinic.id, "--via", "email"}).out ==
              clinic.id + ": acknowledgement recorded, late: due 2026-11-05\n");
        CHECK(clinic({"respond", "finding", clinic.id, "--point", "1", "--finding", "upheld",
                      "--conclusion", "The laser setting was too high."})
                  .out == clinic.id + ": point 1 upheld\n");
        CHECK(
            clinic({"respond", "apology", clinic.id, "--text", "We are sorry for the burn."}).out ==
            clinic.id + ": apology recorded\n");
        CHECK(clinic({"respond", "enclose", clinic.id, "--text", "Aftercare leaflet"}).out ==
              clinic.id + ": the response encloses Aftercare leaflet\n");
        const auto draft = clinic({"respond", "draft", clinic.id});
        CHECK(has(draft.out, "We are sorry for the burn."));
        const auto sent = clinic({"respond", "send", clinic.id, "--via", "letter"});
        CHECK(sent.out ==
              clinic.id + ": Written response sent by letter, on time (due 2026-11-20)\n");
        CHECK_FALSE(has(sent.err, "deprecated"));
        const auto json = clinic.shown();
        CHECK(json["points"][0]["finding"] == "upheld");
        CHECK(json["apology"] == "We are sorry for the burn.");
    }

    TEST_CASE("the old flag form does the same step and names the subcommand to use") {
        Clinic clinic;
        const auto old = clinic({"respond", clinic.id, "--apology", "We are sorry."});
        CHECK(old.exit_code == 0);
        CHECK(old.out == clinic.id + ": apology recorded\n");
        CHECK(old.err == "complaints: note: 'respond ID --apology TEXT' is deprecated and goes in "
                         "a later version; next time: complaints respond apology " +
                             clinic.id + " --text TEXT\n");
        CHECK(clinic.shown()["apology"] == "We are sorry.");
        const auto sent = clinic({"respond", clinic.id, "--sent", "--via", "letter"});
        CHECK(sent.exit_code == 5); // the point has no finding: refused as before
        CHECK(has(sent.err, "next time: complaints respond send " + clinic.id));
    }

    TEST_CASE("a subcommand refuses the old flags and a second ID, writing nothing") {
        Clinic clinic;
        const auto before = clinic.shown();
        CHECK(clinic.refused({"respond", "send", clinic.id, "--via", "letter", "--sent"},
                             k_usage) == "complaints: respond send takes no --sent; see "
                                         "'complaints respond send --help'\n");
        CHECK(clinic.refused({"respond", "apology", clinic.id, "other", "--text", "x"}, k_usage) ==
              "complaints: respond apology takes one ID, not also 'other'\n");
        CHECK(clinic.refused({"respond"}, k_usage) ==
              "complaints: respond takes a step: complaints respond acknowledge, finding, "
              "apology, enclose, treatment, practitioners, draft, delay or send, then the "
              "case's ID\n");
        CHECK(clinic.refused({"respond", "send", clinic.id}, k_usage) ==
              "complaints: --via is required; see 'complaints respond send --help'\n");
        CHECK(clinic.shown() == before);
    }

    TEST_CASE("help and the man page list every step") {
        Clinic clinic;
        const std::string help = clinic({"respond", "--help"}).out;
        const std::string page = clinic({"__man", "respond"}).out;
        CHECK(has(help, "Usage: complaints respond SUBCOMMAND ID [OPTIONS]"));
        CHECK_FALSE(has(help, "--sent")); // the old forms are not taught
        for (const char* step : k_steps) {
            CAPTURE(step);
            CHECK(has(help, std::string("\n  ") + step + " "));
            CHECK(has(page, std::string(".B complaints respond ") + step + "\n"));
            CHECK(clinic({"respond", step, "--help"}).exit_code == 0);
        }
    }
}
