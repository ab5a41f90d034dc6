// SPDX-License-Identifier: Apache-2.0
// `complaints leaflet`: the complaints information a patient is given, from
// complaints.yaml and the policy, so that what it promises is what the
// clocks run on.
#include "run.hpp"

#include <doctest/doctest.h>

namespace {

constexpr int k_usage = 2;

bool has(const std::string& text, const std::string& part) {
    return text.find(part) != std::string::npos;
}

} // namespace

TEST_SUITE("leaflet: telling patients how to complain") {
    TEST_CASE("the clinic's leaflet gives the channels, the policy's deadline and the stage 2 "
              "bodies with their contacts") {
        test::Repo repo;
        const auto result = repo({"leaflet"});
        REQUIRE(result.exit_code == 0);
        const std::string& out = result.out;
        CHECK(has(out, "# How to make a complaint"));
        CHECK(has(out, "on behalf of a patient"));
        CHECK(has(out, "complaint form on our website: this is the way we prefer"));
        CHECK(has(out, "agree that written record with you"));
        CHECK(has(out, "by email or by letter addressed to the manager"));
        CHECK(has(out, "within 14 working days, or, where this is not possible, an explanation"));
        CHECK(has(out, "- The Independent Sector Complaints Adjudication Service (ISCAS): "
                       "https://iscas.cedr.com/"));
        CHECK(has(out, "03000 616161, enquiries@cqc.org.uk"));
        CHECK(has(out, "A complaint by a member of staff about their employment."));
    }

    TEST_CASE("the numbers follow a policy override in complaints.yaml") {
        test::Repo repo;
        test::write_text(repo.root / "complaints.yaml",
                         "organisation: Lumiere\npreset: clinic\nprefix: LUM\npolicy:\n"
                         "  response: 10 working days\n");
        const auto result = repo({"leaflet"});
        REQUIRE(result.exit_code == 0);
        CHECK(has(result.out, "within 10 working days"));
        CHECK_FALSE(has(result.out, "14 working days"));
    }

    TEST_CASE("review bodies from complaints.yaml replace the preset's, with their contacts") {
        test::Repo repo;
        test::write_text(repo.root / "complaints.yaml",
                         "organisation: Lumiere\npreset: clinic\nprefix: LUM\nreview_bodies:\n"
                         "  - key: ombuds\n    name: the Skin Ombudsman\n"
                         "    contact: 0800 123 456, help@skin-ombuds.example\n"
                         "    after_response: true\n    clinical_only: false\n");
        const auto result = repo({"leaflet"});
        REQUIRE(result.exit_code == 0);
        CHECK(has(result.out, "- The Skin Ombudsman: 0800 123 456, help@skin-ombuds.example"));
        CHECK_FALSE(has(result.out, "ISCAS"));
    }

    TEST_CASE("the platform's leaflet speaks of clinicians, 48 hours and 3 weeks") {
        test::Repo repo("platform", "LAN");
        const auto result = repo({"leaflet"});
        REQUIRE(result.exit_code == 0);
        CHECK(has(result.out, "Within 48 hours, your complaint is assigned to a support agent"));
        CHECK(has(result.out, "between 5 working days and 10 working days"));
        CHECK(has(result.out, "within 3 weeks of receiving it"));
        CHECK(has(result.out, "never send us patient details"));
        CHECK(has(result.out, "General Medical Council (GMC): 0161 923 6602"));
        CHECK_FALSE(has(result.out, "website: this is the way we prefer"));
    }

    TEST_CASE("a custom platform policy gets a leaflet that tells the truth about it") {
        test::Repo repo("platform", "LAN");
        test::write_text(repo.root / "complaints.yaml",
                         "organisation: Lantum\npreset: platform\nprefix: LAN\npolicy:\n"
                         "  resolution: 4 weeks\n  patient_data_guard: off\n"
                         "  warning_kept: off\n  investigation_earliest: off\n");
        const auto result = repo({"leaflet"});
        REQUIRE_MESSAGE(result.exit_code == 0, result.err);
        const std::string& out = result.out;
        CHECK(has(out, "within 4 weeks of receiving it"));
        CHECK_FALSE(has(out, "3 weeks"));
        // No guard: patient details are not refused, and a complaint may be made for a patient.
        CHECK_FALSE(has(out, "never send us patient details"));
        CHECK(has(out, "on behalf of a patient"));
        // No warnings kept: none is promised.
        CHECK_FALSE(has(out, "warning on the clinician's record"));
        CHECK(has(out, "We investigate, contacting everyone involved, within 10 working days."));
        // Still about clinicians, with the platform's form and its informal feedback.
        CHECK(has(out, "# Complaints about a clinician: Lantum"));
        CHECK(has(out, "Fill in our complaint form and send it to Customer Support."));
        CHECK(has(out, "you can leave informal feedback instead"));
    }

    TEST_CASE("a clinic with no acknowledgement and only advice services says so") {
        test::Repo repo;
        test::write_text(repo.root / "complaints.yaml",
                         "organisation: Lumiere\npreset: clinic\nprefix: LUM\npolicy:\n"
                         "  acknowledgement: off\nreview_bodies:\n"
                         "  - key: advice\n    name: Citizens Advice\n"
                         "    contact: https://www.citizensadvice.org.uk\n"
                         "    after_response: false\n    clinical_only: false\n"
                         "    advice: true\n");
        const auto result = repo({"leaflet"});
        REQUIRE_MESSAGE(result.exit_code == 0, result.err);
        CHECK_FALSE(has(result.out, "We acknowledge your complaint"));
        CHECK_FALSE(has(result.out, "Once you have our response"));
        CHECK(has(result.out, "At any time, you can contact:\n\n- Citizens Advice: "
                              "https://www.citizensadvice.org.uk"));
        CHECK_FALSE(has(result.out, "ISCAS"));
        CHECK(has(result.out, "patient safety incident"));
    }

    TEST_CASE("the NHS leaflet lists what the regulations exclude, from the policy's own list") {
        test::Repo repo("nhs-england", "GP");
        const auto result = repo({"leaflet"});
        REQUIRE_MESSAGE(result.exit_code == 0, result.err);
        CHECK(has(result.out, "## What this process does not cover"));
        CHECK(has(result.out, "- A complaint about another service."));
        // Regulation 8(1)(c): the Ombudsman's investigation, not the clinic's ISCAS.
        CHECK(has(result.out, "- A complaint that is being investigated by the Parliamentary and "
                              "Health Service Ombudsman."));
        CHECK_FALSE(has(result.out, "independent complaints service"));
        CHECK_FALSE(has(result.out, "this is the way we prefer"));
        CHECK_FALSE(has(result.out, "patient safety incident")); // no Being Open step
    }

    TEST_CASE("the NHS leaflet gives the acknowledgement, the agreed period and the Ombudsman") {
        test::Repo repo("nhs-england", "GP");
        const auto result = repo({"leaflet"});
        REQUIRE(result.exit_code == 0);
        CHECK(has(result.out, "acknowledge your complaint within 3 working days"));
        CHECK(has(result.out, "within 6 months"));
        CHECK(has(result.out, "within 12 months of what happened"));
        CHECK(has(result.out, "Parliamentary and Health Service Ombudsman: 0345 015 4033"));
    }

    TEST_CASE("the HTML page is standalone and escapes the organisation's name") {
        test::Repo repo;
        test::write_text(repo.root / "complaints.yaml",
                         "organisation: \"Skin <b>& Co</b>\"\npreset: clinic\nprefix: LUM\n");
        const auto result = repo({"leaflet", "--format", "html"});
        REQUIRE(result.exit_code == 0);
        CHECK(result.out.starts_with("<!DOCTYPE html>"));
        CHECK(has(result.out, "</html>"));
        CHECK(has(result.out, "Skin &lt;b&gt;&amp; Co&lt;/b&gt;"));
        CHECK_FALSE(has(result.out, "<b>"));
    }

    TEST_CASE("--out writes a new file and will not replace one without --force") {
        test::Repo repo;
        const auto path = repo.dir.path() / "leaflet.html";
        const auto first = repo({"leaflet", "--format", "html", "--out", path.string()});
        REQUIRE(first.exit_code == 0);
        CHECK(first.out.empty());
        CHECK(test::read_text(path).starts_with("<!DOCTYPE html>"));
        const auto again = repo({"leaflet", "--out", path.string()});
        CHECK(again.exit_code == k_usage);
        CHECK(has(again.err, "--force"));
        CHECK(test::read_text(path).starts_with("<!DOCTYPE html>"));
        CHECK(repo({"leaflet", "--out", path.string(), "--force"}).exit_code == 0);
        CHECK(test::read_text(path).starts_with("# How to make a complaint"));
    }

    TEST_CASE("an unknown format is a usage error naming the choices") {
        test::Repo repo;
        const auto result = repo({"leaflet", "--format", "pdf"});
        CHECK(result.exit_code == k_usage);
        CHECK(has(result.err, "unknown format 'pdf'; choose markdown or html"));
        CHECK(result.out.empty());
    }
}
