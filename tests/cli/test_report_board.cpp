// SPDX-License-Identifier: Apache-2.0
// `complaints report` as a board reads it. What was completed late in each
// month: a November complaint whose response went late in December is
// overdue in November's report and "sent late" in December's, in every
// format. Sections follow the preset; the CQC summary speaks people's times.
#include "run.hpp"

#include <doctest/doctest.h>

#include <cmath>
#include <regex>

namespace {

struct LateInDecember : test::Repo {
    std::string late;    // received 2 November, due 20 November, answered 3 December
    std::string on_time; // received 1 December, answered 10 December

    std::string emailed(const std::string& received) const {
        const auto opened = (*this)({"open", "--channel", "email", "--received", received,
                                     "--point", "What went wrong", "--summary", "A complaint"});
        REQUIRE_MESSAGE(opened.exit_code == 0, opened.err);
        return opened.out.substr(0, opened.out.size() - 1);
    }
    void answer(const std::string& id, const std::string& at) const {
        ok({"respond", "finding", id, "--point", "1", "--finding", "upheld", "--conclusion",
            "We got it wrong.", "--at", at});
        ok({"respond", "send", id, "--via", "email", "--at", at});
    }

    LateInDecember() {
        now = "2027-01-12T10:00:00+00:00";
        late = emailed("2026-11-02 10:00");
        answer(late, "2026-12-03 11:00");
        on_time = emailed("2026-12-01 10:00");
        answer(on_time, "2026-12-10 11:00");
    }

    test::Result report(const std::string& month, const std::string& format) const {
        auto result = (*this)({"report", "--month", month, "--format", format});
        REQUIRE_MESSAGE(result.exit_code == 0, result.err);
        return result;
    }
};

// WCAG 2's contrast ratio of a colour "#rrggbb" against white.
double contrast_on_white(const std::string& hex) {
    double luminance = 0;
    const double weights[] = {0.2126, 0.7152, 0.0722};
    for (int i = 0; i < 3; ++i) {
        const double c = std::stoi(hex.substr(1 + 2 * i, 2), nullptr, 16) / 255.0;
        luminance += weights[i] * (c <= 0.03928 ? c / 12.92 : std::pow((c + 0.055) / 1.055, 2.4));
    }
    return 1.05 / (luminance + 0.05);
}

} // namespace

TEST_SUITE("report") {
    TEST_CASE("a November response sent late in December is December's late response") {
        const LateInDecember repo;
        const auto november = repo.report("2026-11", "json").json();
        CHECK(november["responses"]["due"] == 1);
        CHECK(november["responses"]["still_open_overdue"] == 1);
        CHECK(november["completed"]["response"] ==
              nlohmann::json{{"done", 0}, {"late", 0}, {"late_explained", 0}});

        const auto december = repo.report("2026-12", "json").json();
        CHECK(december["responses"]["due"] == 1); // the December complaint, due in December
        CHECK(december["responses"]["on_time"] == 1);
        CHECK(december["completed"]["response"] ==
              nlohmann::json{{"done", 2}, {"late", 1}, {"late_explained", 0}});
        const auto& trend = december["trend"];
        CHECK(trend[10]["month"] == "2026-11");
        CHECK(trend[10]["completed_late"] == 0);
        CHECK(trend[11]["month"] == "2026-12");
        CHECK(trend[11]["completed_late"] == 1);

        const auto text = repo.report("2026-12", "text").out;
        CHECK(text.find("In the period, whenever due: 2 sent, 1 sent late.") != std::string::npos);
        CHECK(repo.report("2026-11", "text").out.find("1 sent late") == std::string::npos);
        const auto csv = repo.report("2026-12", "csv").out;
        CHECK(csv.find("completed.response.late,1\r\n") != std::string::npos);
        CHECK(csv.find("trend.2026-12.completed_late,1\r\n") != std::string::npos);
        CHECK(repo.report("2026-12", "html").out.find("1 sent late") != std::string::npos);
    }

    TEST_CASE("the quarter counts the late response once, in the quarter it went") {
        const LateInDecember repo;
        const auto q4 = repo({"report", "--quarter", "2026Q4", "--format", "json"}).json();
        CHECK(q4["completed"]["response"]["done"] == 2);
        CHECK(q4["completed"]["response"]["late"] == 1);
        CHECK(q4["responses"]["late"] == 1); // due in the quarter too: counted late there
        const auto q1 = repo({"report", "--quarter", "2027Q1", "--format", "json"}).json();
        CHECK(q1["completed"]["response"]["done"] == 0);
    }

    TEST_CASE(
        "a clinic's report has no warnings or GMC column, and counts a clinician by --about") {
        test::Repo repo;
        repo.open_case("2026-11-03 10:00", {"--category", "clinical", "--about", "Dr Alice Moss"});
        repo.open_case("2026-11-04 10:00", {"--category", "clinical", "--about", "Dr Alice Moss"});
        repo.open_case("2026-11-05 10:00", {"--category", "non-clinical", "--about", "Reception"});
        const auto json = repo({"report", "--month", "2026-11", "--format", "json"}).json();
        CHECK(json["received"]["by_practitioner"] == nlohmann::json{{"Dr Alice Moss", 2}});
        const auto text = repo({"report", "--month", "2026-11", "--format", "text"}).out;
        CHECK(text.find("Warnings and suspension reviews") == std::string::npos);
        CHECK(text.find("GMC") == std::string::npos);
        CHECK(text.find("Dr Alice Moss") != std::string::npos);
        CHECK(text.find("Being Open") != std::string::npos);
    }

    TEST_CASE("a platform's report has its warnings and GMC column, and no Being Open") {
        test::Repo repo("platform", "LAN");
        repo.open_case("2026-11-03 10:00", {"--complainant", "Practice manager", "--about",
                                            "Dr Sam Keane", "--gmc", "7123456"});
        const auto text = repo({"report", "--month", "2026-11", "--format", "text"}).out;
        CHECK(text.find("Warnings and suspension reviews") != std::string::npos);
        CHECK(text.find("GMC") != std::string::npos);
        CHECK(text.find("7123456") != std::string::npos);
        CHECK(text.find("Being Open") == std::string::npos);
    }

    TEST_CASE("the CQC summary writes times as people read them") {
        test::Repo repo;
        const auto id = repo.open_case("2026-11-02 10:00",
                                       {"--complainant", "Mrs Jane Example", "--on-behalf-of",
                                        "Mr Tom Example", "--summary", "Mr Example was hurt"});
        const auto out =
            repo({"report", "--month", "2026-11", "--cqc-summary", "--format", "markdown"}).out;
        CHECK(out.find("## " + id + ": received Mon 2 Nov 2026 10:00") != std::string::npos);
        CHECK(out.find("2026-11-02T10:00") == std::string::npos);
        CHECK(out.find("[patient] was hurt") != std::string::npos);
        CHECK(out.find("[complainant] was hurt") == std::string::npos);
    }

    TEST_CASE("HTML prints on A4, headed on every page, every label readable, tables captioned") {
        const LateInDecember repo;
        const auto html = repo.report("2026-12", "html").out;
        CHECK(html.find("@page { size: A4;") != std::string::npos);
        CHECK(html.find("@top-left { content: \"Complaints report 2026-12: ") != std::string::npos);
        // Every colour a text is drawn in, in the charts and the styles.
        const std::regex text_fill(R"re(<text [^>]*fill="(#[0-9a-fA-F]{6})")re");
        const std::regex css_colour(R"re([;{ ]color: (#[0-9a-fA-F]{6}))re");
        int colours = 0;
        for (const auto& pattern : {text_fill, css_colour})
            for (std::sregex_iterator it(html.begin(), html.end(), pattern), end; it != end;
                 ++it, ++colours) {
                CAPTURE((*it)[1].str());
                CHECK(contrast_on_white((*it)[1].str()) >= 4.5);
            }
        CHECK(colours > 20);
        const auto occurrences = [&](const std::string& part) {
            std::size_t count = 0;
            for (auto at = html.find(part); at != std::string::npos; at = html.find(part, at + 1))
                ++count;
            return count;
        };
        const std::size_t tables = occurrences("<table>");
        const std::size_t captions = occurrences("<table>\n<caption>");
        const std::size_t headers = occurrences("<th ") + occurrences("<th>");
        const std::size_t scoped = occurrences("<th scope=\"");
        CHECK(tables > 5);
        CHECK(captions == tables);
        CHECK(scoped == headers);
        // Categories and types are two charts, not bars of both on one scale.
        CHECK(html.find("aria-label=\"Received by category\"") != std::string::npos);
        CHECK(html.find("type: ") == std::string::npos);
    }

    TEST_CASE("a status per section against the deadlines, and the month in a sentence first") {
        const LateInDecember repo;
        const auto november = repo.report("2026-11", "json").json();
        CHECK(november["status"]["responses"]["rag"] == "red");
        CHECK(november["status"]["actions"]["rag"] == "green");
        const auto december = repo.report("2026-12", "json").json();
        CHECK(december["status"]["responses"] ==
              nlohmann::json{{"rag", "green"},
                             {"words", "Every response due was sent within 14 working days, or "
                                       "is not yet due."}});
        CHECK(december["narrative"] ==
              "1 received (1 formal complaint), as many as 2026-11; 1 of 1 response due sent on "
              "time; 1 sent late in the period; 2 cases open at the end.");
        const auto text = repo.report("2026-11", "text").out;
        CHECK(text.find("Status: RED. 1 of the 1 response due missed the deadline") !=
              std::string::npos);
        CHECK(text.find("0 of 1 response due sent on time; 1 overdue at its end") !=
              std::string::npos);
        const auto html = repo.report("2026-11", "html").out;
        CHECK(html.find("<p class=\"status status-red\"><strong>Status: Red.</strong>") !=
              std::string::npos);
        CHECK(repo.report("2026-12", "csv").out.find("status.responses,green\r\n") !=
              std::string::npos);
    }

    TEST_CASE("themes over twelve months, with repeat complaints about a person or service") {
        test::Repo repo;
        repo.now = "2027-01-12T10:00:00+00:00";
        const auto about = [&](const std::string& received, const std::string& category,
                               const std::string& who, const std::string& type) {
            repo.open_case(received, {"--category", category, "--about", who, "--type", type});
        };
        about("2025-12-15 10:00", "clinical", "Dr Alice Moss", "treatment"); // before the window
        about("2026-02-03 10:00", "clinical", "Dr Alice Moss", "treatment");
        about("2026-11-03 10:00", "clinical", "Dr Alice Moss", "attitude");
        about("2026-11-10 10:00", "non-clinical", "Reception", "attitude");
        about("2026-12-01 10:00", "non-clinical", "Reception", "attitude");
        about("2026-12-02 10:00", "non-clinical", "Billing", "fees");
        const auto themes =
            repo({"report", "--month", "2026-12", "--format", "json"}).json()["themes"];
        CHECK(themes["received"] == 5);
        CHECK(themes["types"] == nlohmann::json{{"attitude", 3}, {"fees", 1}, {"treatment", 1}});
        CHECK(themes["categories"] == nlohmann::json{{"clinical", 2}, {"non-clinical", 3}});
        REQUIRE(themes["practitioners"].size() == 1);
        CHECK(themes["practitioners"][0]["name"] == "Dr Alice Moss");
        CHECK(themes["practitioners"][0]["received"] == 2);
        REQUIRE(themes["repeats"].size() == 2);
        // Equal counts read by name.
        CHECK(themes["repeats"][0]["name"] == "Dr Alice Moss");
        CHECK(themes["repeats"][0]["received"] == 2);
        CHECK(themes["repeats"][1]["name"] == "Reception");
        const auto text = repo({"report", "--month", "2026-12", "--format", "text"}).out;
        CHECK(text.find("Themes over twelve months") != std::string::npos);
        CHECK(text.find("2 people or services complained about more than once in twelve months") !=
              std::string::npos);
    }
}
