// SPDX-License-Identifier: Apache-2.0
// Names withheld from what leaves the organisation: each person by their
// own role, the complainant as [complainant], the patient as [patient].
#include "complaints/render/report.hpp"

#include <doctest/doctest.h>

using namespace complaints;

TEST_SUITE("redaction") {
    TEST_CASE("a patient who is not the complainant is withheld as the patient") {
        Case c;
        c.complainant = "Mrs Jane Example";
        c.on_behalf_of = "Mr Tom Example";
        CHECK(without_names(c, "Mrs Example rang about Mr Example's appointment.") ==
              "[complainant] rang about [patient]'s appointment.");
        CHECK(without_names(c, "Jane Example complained for Tom Example.") ==
              "[complainant] complained for [patient].");
        CHECK(without_names(c, "Jane Example’s letter") == "[complainant]’s letter");
        // A surname alone could be either of them.
        CHECK(without_names(c, "The Example family.") == "The [name] family.");
    }

    TEST_CASE("an apostrophe inside a name goes on: O'Brien is not O") {
        Case c;
        c.complainant = "Mrs Ann O";
        CHECK(without_names(c, "Mrs O'Brien saw Mrs O.") == "Mrs O'Brien saw [complainant].");
    }

    TEST_CASE("a title neither name records could be either person") {
        Case c;
        c.complainant = "Jane Example";
        c.on_behalf_of = "Tom Example";
        CHECK(without_names(c, "Dr Example called.") == "[name] called.");
        c.on_behalf_of = "Tom Other";
        CHECK(without_names(c, "Dr Example called; Mr Other did not.") ==
              "[complainant] called; [patient] did not.");
    }
}
