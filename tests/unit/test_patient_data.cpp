// SPDX-License-Identifier: Apache-2.0
#include "complaints/base/error.hpp"
#include "complaints/policy/patient_data.hpp"

#include <doctest/doctest.h>

using namespace complaints;

namespace {

Policy guarded() {
    return preset_policy("platform");
}

} // namespace

TEST_SUITE("patient data") {
    TEST_CASE("NHS numbers: the modulus-11 check digit decides") {
        CHECK(valid_nhs_number("9434765919"));
        CHECK(valid_nhs_number("4010232137"));
        CHECK_FALSE(valid_nhs_number("9434765918"));
        CHECK_FALSE(valid_nhs_number("1234567890")); // check digit would be 10
        CHECK_FALSE(valid_nhs_number("943476591"));
    }

    TEST_CASE("found with spaces, dashes or none, and not inside longer numbers") {
        const Policy policy = guarded();
        for (const char* text :
             {"NHS 943 476 5919 seen", "943-476-5919", "9434765919", "(9434765919)"}) {
            const auto found = find_patient_data(text, policy);
            REQUIRE_MESSAGE(found, text);
            CHECK(found->what == "an NHS number");
        }
        const auto span = find_patient_data("NHS 943 476 5919 seen", policy);
        CHECK(span->offset == 4);
        CHECK(span->length == 12);
        for (const char* text : {"943 476 5918", "GMC 7123456", "call 0161 923 6602", "94347659190",
                                 "ref 1234567890", "03000 616161"})
            CHECK_MESSAGE(!find_patient_data(text, policy), text);
    }

    TEST_CASE("the clinic preset does not apply the rule, extra patterns can") {
        CHECK_FALSE(find_patient_data("943 476 5919", preset_policy("clinic")));
        Policy policy = guarded();
        policy.patient_data_patterns.push_back("[Dd]ate of birth");
        const auto found = find_patient_data("her date of birth is on file", policy);
        REQUIRE(found);
        CHECK(found->offset == 4);
        CHECK(found->what == "text matching the pattern '[Dd]ate of birth'");
    }

    TEST_CASE("the guard names the field and the span, in characters") {
        Case c;
        c.id = "LAN-2026-AAAAAA";
        c.summary = "Caf\xC3\xA9 patient 943 476 5919";
        try {
            guard_patient_data(c, guarded());
            FAIL("accepted");
        } catch (const Error& e) {
            CHECK(e.kind() == ErrorKind::refused);
            CHECK(std::string(e.what()).starts_with(
                "the summary contains an NHS number ('943 476 5919', characters 14-25)"));
        }
    }

    // What a write scans before the lock: under it, only changed texts.
    TEST_CASE("texts scanned clean are not scanned again, and the refusal is the same") {
        Case c;
        c.summary = "Seen at SW1A 1AA";
        c.complainant = "Jo";
        const CleanTexts clean = clean_texts(c, guarded());
        CHECK(clean.contains({"complainant", "complainant"}, "Jo"));
        CHECK_FALSE(clean.contains({"summary", "summary"}, c.summary));
        // A clean text in another field is scanned there: on_behalf_of
        // refuses any name.
        c.on_behalf_of = "Jo";
        const auto refusal = [&](const CleanTexts* known) {
            try {
                guard_patient_data(c, guarded(), known);
            } catch (const Error& e) {
                return std::string(e.what());
            }
            return std::string("accepted");
        };
        CHECK(refusal(&clean) == refusal(nullptr));
        CHECK(refusal(&clean) != "accepted");
        c.summary = "Seen";
        CHECK(refusal(&clean).starts_with("the case is made on behalf of 'Jo'"));
    }
}

namespace {

// What the guard finds in `text`: "what" of each span and the span's text.
std::vector<std::pair<std::string, std::string>> hits(std::string_view text,
                                                      const Policy& policy = guarded()) {
    std::vector<std::pair<std::string, std::string>> found;
    for (const auto& hit : find_all_patient_data(text, policy))
        found.emplace_back(hit.what, std::string(text.substr(hit.offset, hit.length)));
    return found;
}

bool refused(std::string_view text) {
    return find_patient_data(text, guarded()).has_value();
}

} // namespace

TEST_SUITE("patient data: what the guard finds") {
    TEST_CASE("NHS numbers in any grouping, separator or digit form") {
        for (const char* text :
             {"943.476.5919", "943/476/5919", "943  476   5919",
              "943\xC2\xA0"
              "476\xC2\xA0"
              "5919",
              "943\xE2\x80\xAF"
              "476\xE2\x80\xAF"
              "5919",
              "943\xE2\x80\x93"
              "476\xE2\x80\x93"
              "5919",
              "943\xE2\x80\x94"
              "476\xE2\x80\x94"
              "5919",
              "94 34 76 59 19", "9434 765 919", "\xEF\xBC\x99\xEF\xBC\x94\xEF\xBC\x93 476 5919",
              "NHS:9434765919."}) {
            const auto found = hits(text);
            REQUIRE_MESSAGE(found.size() == 1, text);
            CHECK_MESSAGE(found[0].first == "an NHS number", text);
        }
        // The span is the number, in bytes, whatever the separators.
        CHECK(hits("no. 943\xC2\xA0"
                   "476\xC2\xA0"
                   "5919 seen")[0]
                  .second == "943\xC2\xA0"
                             "476\xC2\xA0"
                             "5919");
    }

    TEST_CASE("a number shaped like an NHS number with a wrong check digit is a warning") {
        for (const char* text : {"943 476 5918", "9434765918"}) {
            const auto found = find_all_patient_data(text, guarded());
            REQUIRE_MESSAGE(found.size() == 1, text);
            CHECK_FALSE(found[0].refused);
            CHECK_FALSE(refused(text));
        }
        // Phone numbers: eleven digits, or international, are neither.
        for (const char* text : {"0161 923 6602", "+44 161 923 6602", "07700 900123", "£1,234.56",
                                 "GMC 7123456", "on 12/11/2026 at 10:00"})
            CHECK_MESSAGE(hits(text).empty(), text);
        // A case ID whose year and suffix make ten digits with a valid check
        // digit names a case, not a patient; the same digits alone are refused.
        CHECK(hits("see LAN-2026-396973.").empty());
        CHECK(refused("2026 396973"));
    }

    TEST_CASE("dates of birth by their label, before or after the date") {
        for (const char* text :
             {"DOB 12/03/1961", "D.O.B.: 12.03.61", "dob 1961-03-12", "born 12 March 1961",
              "Born on the 12th of March, 1961", "date of birth March 12, 1961",
              "12-Mar-1961 (date of birth)", "Date  of  Birth: 3/4/1950"}) {
            const auto found = hits(text);
            REQUIRE_MESSAGE(found.size() == 1, text);
            CHECK_MESSAGE(found[0].first == "a date of birth", text);
        }
        CHECK(hits("her DOB is 12/03/1961, seen")[0].second == "DOB is 12/03/1961");
        for (const char* text :
             {"DOB not given", "stubborn on 12/03/2026", "Osborne 12/03/2026", "airborne",
              "session on 12 March 2026", "born of frustration",
              "Seen 12/03/2026 by Dr Keane, born 1961", "born in Leeds. Seen 12/03/2026"})
            CHECK_MESSAGE(hits(text).empty(), text);
    }

    TEST_CASE("UK postcodes in their real format, any case, and not ordinary words") {
        for (const char* text : {"SW1A 1AA", "M1 1AE", "B33 8TH", "CR2 6XH", "DN55 1PT", "EC1A 1BB",
                                 "w1a0ax", "sw1a 1aa",
                                 "Cr2\xC2\xA0"
                                 "6xh",
                                 "lives at 10 High St, LS1  4DY."}) {
            const auto found = hits(text);
            REQUIRE_MESSAGE(found.size() == 1, text);
            CHECK_MESSAGE(found[0].first == "a postcode", text);
        }
        for (const char* text :
             {"room B12 3rd floor", "LAN-2026-EN58JJ", "XY1 2AB", "AB1 2CI", "COVID19 2AA",
              "A4 paper", "M25 motorway", "version 2.1 beta", "LAN-2026-AB12CD"})
            CHECK_MESSAGE(hits(text).empty(), text);
    }

    TEST_CASE("hospital and patient numbers after their label") {
        for (const char* text : {"MRN: RX1234567", "hospital number A123456", "Hosp. No. 55512",
                                 "hosp no 55512", "patient ID is P-00123", "NHS no 943 476 5918"}) {
            const auto found = hits(text);
            REQUIRE_MESSAGE(found.size() == 1, text);
            CHECK_MESSAGE(found[0].first == "a hospital or patient number", text);
            CHECK(refused(text));
        }
        for (const char* text : {"patient ID was not given", "the hospital number is on file",
                                 "MRN unknown", "patient no-show"})
            CHECK_MESSAGE(hits(text).empty(), text);
    }

    TEST_CASE("every hit in a text, in order") {
        const auto found = hits("DOB 1/2/1960, NHS 943 476 5919, lives SW1A 1AA");
        REQUIRE(found.size() == 3);
        CHECK(found[0].first == "a date of birth");
        CHECK(found[1].first == "an NHS number");
        CHECK(found[2].first == "a postcode");
    }

    TEST_CASE("patterns may ignore case, and a bad one says why") {
        Policy policy = guarded();
        policy.patient_data_patterns.push_back("(?i)ward \\d+");
        CHECK(find_patient_data("seen on WARD 7", policy));
        CHECK(find_patient_data("seen on ward 7", policy));
        CHECK_FALSE(bad_patient_data_pattern("(?i)ward \\d+"));
        CHECK(bad_patient_data_pattern("ward ("));
        CHECK(bad_patient_data_pattern("(?i)[z-a]"));
    }

    TEST_CASE("a pattern RE2 cannot run in linear time, a back-reference, is bad") {
        CHECK(bad_patient_data_pattern("(a)\\1"));
        CHECK(bad_patient_data_pattern("(?i)(ward) \\1"));
        CHECK_FALSE(bad_patient_data_pattern("(?i)([a-z0-9]+[._-]?)+@[a-z]+\\.nhs\\.uk"));
    }

    // ctest's TIMEOUT (tests/timeouts.cmake) fails this rather than a timing:
    // std::regex doubled its time with each letter and took minutes here.
    TEST_CASE("nested quantifiers against a 40-letter word: found, or not, at once") {
        Policy policy = guarded();
        policy.patient_data_patterns.push_back("(?i)([a-z0-9]+[._-]?)+@[a-z]+\\.nhs\\.uk");
        CHECK_FALSE(find_patient_data("Rang " + std::string(40, 'a') + " back", policy));
        const auto found = find_patient_data("To " + std::string(40, 'a') + "@x.NHS.uk", policy);
        REQUIRE(found);
        CHECK(found->offset == 3);
        CHECK(found->length == 49);
    }

    TEST_CASE("a user pattern that backtracks runs in windows: a 200 kB field, no crash") {
        Policy policy = guarded();
        policy.patient_data_patterns.push_back("(a|b)*c");
        std::string text;
        while (text.size() < 200'000)
            text += "ab";
        // In one piece std::regex recursed a frame or more per character and
        // overflowed the stack here; in windows it finds nothing, quickly.
        CHECK_FALSE(find_patient_data(text, policy));
        text[150'001] = 'c';
        const auto found = find_all_patient_data(text, policy);
        REQUIRE_FALSE(found.empty());
        CHECK(found.back().offset + found.back().length == 150'002);
        CHECK(found.back().what == "text matching the pattern '(a|b)*c'");
    }

    TEST_CASE("a user pattern finds a match that straddles two windows, once, anchors kept") {
        Policy policy = guarded();
        policy.patient_data_patterns.push_back("\\bMRN-\\d{6}\\b");
        policy.patient_data_patterns.push_back("^Ward \\d+$");
        for (const std::size_t at : {0, 150, 187, 190, 250, 400, 1000}) {
            CAPTURE(at);
            const std::string text = std::string(at, ' ') + "MRN-123456 " + std::string(300, ' ');
            const auto found = find_all_patient_data(text, policy);
            REQUIRE(found.size() == 1);
            CHECK(found[0].offset == at);
            CHECK(found[0].length == 10);
            // Glued to a word, \b fails there, at a window's edge too.
            if (at > 0)
                CHECK(find_all_patient_data(std::string(at, 'x') + "MRN-123456", policy).empty());
        }
        CHECK(find_all_patient_data("Ward 7", policy).size() == 1);
        CHECK(find_all_patient_data(std::string(500, 'x') + "Ward 7", policy).empty());
    }

    TEST_CASE("a case made on a patient's behalf is refused") {
        Case c;
        c.id = "LAN-2026-AAAAAA";
        c.on_behalf_of = "Mrs Jones";
        CHECK_THROWS_WITH_AS(guard_patient_data(c, guarded()),
                             doctest::Contains("the platform takes complaints from practices"),
                             Error);
        CHECK_NOTHROW(guard_patient_data(c, preset_policy("clinic")));
    }
}
