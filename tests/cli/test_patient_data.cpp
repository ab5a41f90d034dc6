// SPDX-License-Identifier: Apache-2.0
// The platform's "Patient details should not be shared with Lantum under any
// circumstances", through the real binary: what is refused, in which
// fields, what is only a warning, the repository's own patterns, `check`.
#include "run.hpp"

#include <doctest/doctest.h>

#include <algorithm>

namespace {

constexpr int k_refused = 5;
constexpr int k_bad_data = 4;

struct Platform : test::Repo {
    Platform() : test::Repo("platform", "LAN") { now = "2026-11-20T10:00:00+00:00"; }
    std::string open(std::vector<std::string> more = {}) const {
        more.insert(more.begin(), {"--complainant", "Practice manager", "--about", "Dr Sam Keane",
                                   "--gmc", "7123456"});
        return open_case("2026-11-16 09:00", more);
    }
    // What a refused command said, having checked its exit code and that no
    // file changed.
    std::string refused(std::vector<std::string> args) const {
        return test::Repo::refused(std::move(args), k_refused);
    }
    void config(const std::string& more) const {
        test::write_text(root / "complaints.yaml",
                         "organisation: Lantum\npreset: platform\nprefix: LAN\n" + more);
    }
};

bool has(const std::string& text, const std::string& part) {
    return text.find(part) != std::string::npos;
}

} // namespace

TEST_SUITE("platform: patient data refused") {
    TEST_CASE("NHS numbers in any grouping, separator or digits, naming field and characters") {
        Platform platform;
        CHECK(platform.refused(
                  {"open", "--channel", "email", "--summary", "Patient 943.476.5919 was upset"}) ==
              "complaints: the summary contains an NHS number ('943.476.5919', characters 9-20): "
              "the platform's policy forbids patient details in its records; refer to the "
              "patient another way\n");
        const std::string id = platform.open();
        for (const std::string number :
             {"943/476/5919", "943  476  5919", "943\u00A0476\u00A05919", "943\u202F476\u202F5919",
              "943\u2013476\u20135919", "943\u2014476\u20145919", "94 34 76 59 19",
              "\uFF19\uFF14\uFF13\uFF14\uFF17\uFF16\uFF15\uFF19\uFF11\uFF19"}) {
            const std::string said = platform.refused({"log", id, "--text", "NHS " + number});
            CHECK_MESSAGE(has(said, "the event 2 (note) text contains an NHS number ('" + number +
                                        "', characters 5-"),
                          said);
        }
    }

    TEST_CASE(
        "a number shaped like an NHS number with a wrong check digit is kept, with a warning") {
        Platform platform;
        const std::string id = platform.open();
        const auto result = platform({"log", id, "--text", "Call back on 943 476 5918"});
        CHECK(result.exit_code == 0);
        CHECK(result.err ==
              "complaints: warning: the event 2 (note) text holds a number shaped like an NHS "
              "number (its check digit is wrong) ('943 476 5918', characters 14-25): kept, since "
              "it may be a phone number or a reference; if it is an NHS number, remove it\n");
        CHECK(has(platform.case_file(id), "943 476 5918"));
        // A phone number with its leading 0 is neither.
        const auto phone = platform({"log", id, "--text", "Call back on 0161 923 6602"});
        CHECK(phone.exit_code == 0);
        CHECK(phone.err.empty());
    }

    TEST_CASE("dates of birth, postcodes and labelled hospital numbers") {
        Platform platform;
        const std::string id = platform.open();
        for (const auto& [text, what] : std::vector<std::pair<std::string, std::string>>{
                 {"DOB 12/03/1961", "a date of birth ('DOB 12/03/1961', characters 1-14)"},
                 {"Patient D.O.B. 12.03.61",
                  "a date of birth ('D.O.B. 12.03.61', characters 9-23)"},
                 {"She was born on 12 March 1961", "a date of birth ('born on 12 March 1961'"},
                 {"Her date of birth: 1961-03-12", "a date of birth ('date of birth: 1961-03-12'"},
                 {"Lives at SW1A 1AA", "a postcode ('SW1A 1AA', characters 10-17)"},
                 {"lives at m1 1ae", "a postcode ('m1 1ae'"},
                 {"B33 8TH", "a postcode"},
                 {"CR2 6XH", "a postcode"},
                 {"DN55 1PT", "a postcode"},
                 {"MRN: RX1234567", "a hospital or patient number ('MRN: RX1234567'"},
                 {"Hospital number A123456", "a hospital or patient number"},
                 {"hosp no 55512", "a hospital or patient number"},
                 {"patient ID P-00123", "a hospital or patient number"},
             }) {
            const std::string said = platform.refused({"log", id, "--text", text});
            CHECK_MESSAGE(has(said, "the event 2 (note) text contains " + what), said);
        }
        // Ordinary words and dates are not patient data.
        platform.ok({"log", id, "--text",
                     "Session on 12 March 2026 in room B12 3rd floor; DOB not given; the M25 was "
                     "closed; patient ID not known"});
    }

    TEST_CASE("every field a person types, whichever command sets it") {
        Platform platform;
        const std::string id = platform.open({"--type", "patient-care"});
        CHECK(has(platform.refused({"log", id, "--text", "Call", "--by", "Agent 943.476.5919"}),
                  "the event 2 (note) by contains an NHS number"));
        CHECK(has(platform.refused({"assign", id, "--to", "Agent at LS1 4DY"}),
                  "contains a postcode ('LS1 4DY'"));
        CHECK(has(platform.refused({"action", id, "add", "--text", "Train", "--lead", "MRN 1234567",
                                    "--due", "2026-12-01"}),
                  "the action 1 lead contains a hospital or patient number ('MRN 1234567'"));
        CHECK(has(platform.refused({"escalate", id, "--to", "gmc", "--ref", "943.476.5919"}),
                  "contains an NHS number ('943.476.5919'"));
        CHECK(has(platform.refused({"escalate", id, "--to", "gmc", "--note", "DOB 1/2/1960"}),
                  "contains a date of birth ('DOB 1/2/1960'"));
        CHECK(has(platform.refused({"log", id, "--type", "mediation", "--text", "Call",
                                    "--attendee", "Mrs X of B33 8TH"}),
                  "the event 2 (mediation) attendees contains a postcode ('B33 8TH'"));
    }

    TEST_CASE("a key added to the file by hand is read too: later writes refuse, check reports") {
        Platform platform;
        const std::string id = platform.open();
        const auto path = platform.root / "cases" / (id + ".yaml");
        test::write_text(path, test::read_text(path) + "by_hand: \"born 12 March 1961\"\n");
        CHECK(has(platform.refused({"log", id, "--text", "Call"}),
                  "the by_hand contains a date of birth ('born 12 March 1961'"));
        const auto check = platform({"check"});
        CHECK(check.exit_code == 1);
        CHECK(has(check.out, "the by_hand contains a date of birth"));
    }

    TEST_CASE("the platform takes no complaint on a patient's behalf") {
        Platform platform;
        const std::string said =
            platform.refused({"open", "--channel", "email", "--complainant", "Practice manager",
                              "--on-behalf-of", "Mrs Jones", "--consent", "yes"});
        CHECK(said == "complaints: the case is made on behalf of 'Mrs Jones': the platform takes "
                      "complaints from practices, not for patients (--on-behalf-of), and its "
                      "policy forbids patient details in its records\n");
    }
}

TEST_SUITE("platform: patient data patterns") {
    TEST_CASE("a pattern may ignore case, by (?i) or ignore_case") {
        Platform platform;
        platform.config("patient_data_patterns:\n  - '(?i)ward \\d+'\n"
                        "  - pattern: 'bed [0-9]+'\n    ignore_case: true\n");
        const std::string id = platform.open();
        CHECK(
            has(platform.refused({"log", id, "--text", "Seen on WARD 7"}),
                "contains text matching the pattern '(?i)ward \\d+' ('WARD 7', characters 9-14)"));
        CHECK(has(platform.refused({"log", id, "--text", "in BED 12"}),
                  "matching the pattern '(?i)bed [0-9]+' ('BED 12'"));
        platform.ok({"log", id, "--text", "Awarded 7 points"});
    }

    TEST_CASE("a bad pattern is an error at load naming its line, for every command") {
        Platform platform;
        const std::string id = platform.open();
        platform.config("patient_data_patterns:\n  - 'ok'\n  - 'ward ('\n");
        for (const std::vector<std::string>& args :
             {std::vector<std::string>{"list"}, {"show", id}, {"check"}}) {
            const auto result = platform(args);
            CHECK(result.exit_code == k_bad_data);
            CHECK(has(result.err, "complaints: complaints.yaml:6:5: 'ward (' is not a valid "
                                  "pattern"));
        }
        platform.config("patient_data_patterns:\n  - pattern: '(?i)[z-a]'\n");
        CHECK(has(platform({"list"}).err, "complaints.yaml:5:14: '(?i)[z-a]' is not a valid"));
    }

    // std::regex took seconds for 24 letters and doubled its time with each
    // letter more, holding the lock; ctest's TIMEOUT (tests/timeouts.cmake)
    // fails this test rather than a timing in it.
    TEST_CASE("a pattern of nested quantifiers against a 40-letter word finishes") {
        Platform platform;
        platform.config("patient_data_patterns:\n  - '(?i)([a-z0-9]+[._-]?)+@[a-z]+\\.nhs\\.uk'\n");
        const std::string id = platform.open();
        platform.ok({"log", id, "--text", "Rang " + std::string(40, 'a') + " back"});
        CHECK(has(platform.refused({"log", id, "--text", "Wrote to Jane.Doe@trust.NHS.uk"}),
                  "('Jane.Doe@trust.NHS.uk', characters 10-30)"));
    }

    TEST_CASE("a back-reference, which RE2 cannot run, is refused naming the pattern and line") {
        Platform platform;
        const std::string id = platform.open();
        platform.config("patient_data_patterns:\n  - '(ward)\\s\\1'\n");
        for (const std::vector<std::string>& args :
             {std::vector<std::string>{"check"}, {"log", id, "--text", "Call"}}) {
            const auto result = platform(args);
            CHECK(result.exit_code == k_bad_data);
            CHECK(has(result.err, "complaints: complaints.yaml:5:5: '(ward)\\s\\1' is not a "
                                  "valid pattern"));
        }
    }
}

TEST_SUITE("platform: check finds patient data") {
    TEST_CASE("every hit in a file, each at its own line") {
        Platform platform;
        const std::string id = platform.open();
        platform.ok({"log", id, "--text", "First call"});
        const auto path = platform.root / "cases" / (id + ".yaml");
        std::string text = test::read_text(path);
        text = test::replaced(text, "summary: \"\"",
                              "summary: |-\n  Complaint about the session.\n  Patient NHS "
                              "943.476.5919, lives SW1A 1AA.\n  DOB 12/03/1961");
        text = test::replaced(text, "First call", "First call, MRN 1234567");
        test::write_text(path, text);
        const auto result = platform({"check"});
        CHECK(result.exit_code == 1);
        const auto line_of = [&](const std::string& needle) {
            const auto at = text.find(needle);
            REQUIRE(at != std::string::npos);
            return std::to_string(1 + std::count(text.begin(), text.begin() + at, '\n'));
        };
        const std::string file = "cases/" + id + ".yaml:";
        CHECK(has(result.out, file + line_of("943.476.5919") +
                                  ": the summary contains an NHS number ('943.476.5919'"));
        CHECK(has(result.out, file + line_of("SW1A") + ": the summary contains a postcode"));
        CHECK(has(result.out, file + line_of("DOB 12") + ": the summary contains a date of birth"));
        CHECK(has(result.out, file + line_of("MRN") +
                                  ": the event 2 (note) text contains a "
                                  "hospital or patient number"));
        CHECK(line_of("MRN") != line_of("DOB 12"));
    }
}
