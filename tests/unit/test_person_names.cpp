// SPDX-License-Identifier: Apache-2.0
#include "complaints/render/person_names.hpp"

#include <doctest/doctest.h>

using namespace complaints;

TEST_SUITE("person names") {
    TEST_CASE(
        "a letter greets a titled reader by title and surname, anyone else by the name given") {
        CHECK(salutation("Mrs Aisha Patel") == "Mrs Patel");
        CHECK(salutation("Mr  David   Okafor") == "Mr Okafor");
        CHECK(salutation("Dr. Sam Keane") == "Dr. Keane");
        CHECK(salutation("Mr Juan de la Cruz") == "Mr de la Cruz");
        CHECK(salutation("Mrs Anna van Dijk") == "Mrs van Dijk");
        CHECK(salutation("Mrs Anne Van Dijk") == "Mrs Van Dijk");
        CHECK(salutation("Mr Pierre Le Roux") == "Mr Le Roux");
        CHECK(salutation("Dr Jane Smith MBE") == "Dr Smith");
        CHECK(salutation("Mr John Smith Jr") == "Mr Smith");
        CHECK(salutation("Mr John Smith III") == "Mr Smith");
        CHECK(salutation("Ms Mary-Jane Smith-Jones") == "Ms Smith-Jones");
        CHECK(salutation("Sir John Smith") == "Sir John");
        CHECK(salutation("Dame Judi Dench") == "Dame Judi");
        CHECK(salutation("Mrs Patel") == "Mrs Patel");
        CHECK(salutation("Aisha Patel") == "Aisha Patel");
        CHECK(salutation("Practice manager") == "Practice manager");
        CHECK(salutation("Prof Dr Anna Weber") == "Prof Dr Anna Weber");
        CHECK(salutation("") == "");
    }
}
