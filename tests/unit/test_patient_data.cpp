#include "complaints/error.hpp"
#include "complaints/patient_data.hpp"

#include <doctest/doctest.h>

using namespace complaints;

namespace {

Policy guarded() {
    return preset_policy(Preset::platform);
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
        CHECK_FALSE(find_patient_data("943 476 5919", preset_policy(Preset::clinic)));
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
}
