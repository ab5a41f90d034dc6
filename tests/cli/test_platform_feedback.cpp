// SPDX-License-Identifier: Apache-2.0
// Feedback does not stay open for ever (issue #32): on the platform,
// informal feedback closes when its acknowledgement is logged, and one still
// open after the policy's `feedback_prompt` (5 working days) is on the
// agenda and in `list --attention` until it is.
#include "run.hpp"

#include <doctest/doctest.h>

#include <fstream>

namespace {

using test::has;

struct Feedback : test::Repo {
    std::string id;
    Feedback() : test::Repo("platform", "LAN") {
        now = "2026-11-16T10:00:00+00:00";
        id = open_case("2026-11-16 09:00", {"--kind", "feedback", "--complainant",
                                            "Practice manager", "--summary", "Locum was brusque"});
    }
    nlohmann::json agenda_item(const std::string& rule) const {
        const auto agenda = (*this)({"agenda", "--format", "json"});
        REQUIRE_MESSAGE(agenda.exit_code == 0, agenda.err);
        for (const auto& item : agenda.json("items"))
            if (item["rule"] == rule)
                return item;
        return nullptr;
    }
    bool needs_attention() const {
        const auto listed = (*this)({"list", "--attention", "--format", "json"});
        REQUIRE_MESSAGE(listed.exit_code == 0, listed.err);
        return listed.json("cases").size() == 1;
    }
    nlohmann::json november() const {
        const auto report = (*this)({"report", "--month", "2026-11", "--format", "json"});
        REQUIRE_MESSAGE(report.exit_code == 0, report.err);
        return report.json();
    }
};

} // namespace

TEST_SUITE("platform: feedback") {
    TEST_CASE("feedback open 5 working days is on the agenda and in list --attention until "
              "acknowledged") {
        Feedback repo;
        repo.now = "2026-11-20T10:00:00+00:00"; // 4 working days
        CHECK(repo.agenda_item("feedback-to-acknowledge").is_null());
        CHECK_FALSE(repo.needs_attention());
        repo.now = "2026-11-27T10:00:00+00:00"; // 9 working days
        const auto item = repo.agenda_item("feedback-to-acknowledge");
        REQUIRE_FALSE(item.is_null());
        CHECK(item["case"] == repo.id);
        CHECK(item["when"] == "pending");
        CHECK(item["what"] == "feedback open 9 working days: acknowledge it to close it");
        CHECK(repo.needs_attention());
        const auto shown = repo({"show", repo.id});
        CHECK(has(shown.out, "feedback open 9 working days: acknowledge it to close it (complaints "
                             "log " +
                                 repo.id + " --type acknowledged)"));
    }

    TEST_CASE("logging its acknowledgement closes the feedback, and the report counts it apart "
              "from complaints") {
        Feedback repo;
        repo.now = "2026-11-27T10:00:00+00:00";
        const auto said = repo({"log", repo.id, "--type", "acknowledged", "--text",
                                "Thanked the practice and passed it to the locum"});
        REQUIRE_MESSAGE(said.exit_code == 0, said.err);
        CHECK(has(said.out, "feedback closed on its acknowledgement"));
        const auto c = repo({"show", repo.id, "--format", "json"}).json();
        CHECK(c["status"] == "closed");
        CHECK(c["events"].back()["type"] == "closed");
        CHECK(repo.agenda_item("feedback-to-acknowledge").is_null());
        CHECK_FALSE(repo.needs_attention());
        const auto report = repo.november();
        CHECK(report["received"]["by_kind"]["feedback"] == 1);
        CHECK(report["open_at_end"]["total"] == 0);
        for (const auto& [outcome, count] : report["outcomes"].items())
            CHECK_MESSAGE(count == 0, outcome);
        const auto checked = repo({"check"});
        CHECK(checked.exit_code == 0);
        CHECK(has(checked.err, "0 problems"));
        // Closed, it is not acknowledged again.
        CHECK(has(repo.refused({"log", repo.id, "--type", "acknowledged", "--text", "Again"}, 5),
                  "was acknowledged on 2026-11-27"));
    }

    TEST_CASE("feedback_prompt in complaints.yaml sets the period, or turns the prompt off") {
        Feedback repo;
        repo.now = "2026-11-27T10:00:00+00:00";
        std::ofstream(repo.root / "complaints.yaml", std::ios::app)
            << "policy:\n  feedback_prompt: \"10 working days\"\n";
        CHECK(repo.agenda_item("feedback-to-acknowledge").is_null());
        repo.now = "2026-11-30T10:00:00+00:00";
        CHECK_FALSE(repo.agenda_item("feedback-to-acknowledge").is_null());
        std::string yaml = test::read_text(repo.root / "complaints.yaml");
        yaml.replace(yaml.find("\"10 working days\""), 17, "\"off\"");
        std::ofstream(repo.root / "complaints.yaml", std::ios::trunc) << yaml;
        CHECK(repo.agenda_item("feedback-to-acknowledge").is_null());
    }

    TEST_CASE("a complaint's acknowledgement does not close it, nor the clinic's feedback") {
        Feedback repo;
        const std::string complaint = repo.open_case(
            "2026-11-16 09:00", {"--complainant", "Practice manager", "--about", "Dr Sam Keane",
                                 "--gmc", "7123456", "--type", "late"});
        repo.ok({"log", complaint, "--type", "acknowledged", "--text", "Thanks"});
        CHECK(repo({"show", complaint, "--format", "json"}).json()["status"] == "open");
        test::Repo clinic;
        const std::string feedback = clinic.open_case("2026-11-10 09:00", {"--kind", "feedback"});
        clinic.ok({"log", feedback, "--type", "acknowledged", "--text", "Thanks"});
        CHECK(clinic({"show", feedback, "--format", "json"}).json()["status"] == "open");
    }
}
