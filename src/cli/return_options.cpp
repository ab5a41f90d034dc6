// SPDX-License-Identifier: Apache-2.0
#include "return_options.hpp"

#include "complaints/base/strings.hpp"

#include <unistd.h>

#include <algorithm>
#include <iostream>
#include <sstream>

namespace complaints::cli {

namespace {

std::vector<std::string> words_of(const std::string& line) {
    std::string spaced = line;
    std::replace(spaced.begin(), spaced.end(), ',', ' ');
    std::istringstream in(spaced);
    std::vector<std::string> words;
    for (std::string word; in >> word;)
        words.push_back(word);
    return words;
}

// Asks until the answer is empty or every code in it is on the list.
std::vector<std::string> ask(std::string_view question, const std::vector<std::string>& list,
                             bool several) {
    for (;;) {
        fmt::print(stderr, "{} ({}{}; Enter to leave it for later): ", question,
                   util::join(list, ", "), several ? "; several with commas" : "");
        std::fflush(stderr);
        std::string line;
        if (!std::getline(std::cin, line))
            return {};
        std::vector<std::string> given = words_of(line);
        const bool known = std::all_of(given.begin(), given.end(), [&](const std::string& code) {
            return std::find(list.begin(), list.end(), code) != list.end();
        });
        if (known && (several || given.size() <= 1))
            return given;
        fmt::print(stderr, "complaints: give {} of the codes listed\n", several ? "any" : "one");
    }
}

void ask_one(std::string& value, std::string_view question, const std::vector<std::string>& list) {
    if (!value.empty() || list.empty())
        return;
    const auto given = ask(question, list, false);
    if (!given.empty())
        value = given.front();
}

void ask_several(std::vector<std::string>& values, std::string_view question,
                 const std::vector<std::string>& list) {
    if (values.empty() && !list.empty())
        values = ask(question, list, true);
}

} // namespace

void add_return_options(CLI::App& command, ReturnOptions& options) {
    command
        .add_option("--age-band", options.age_band,
                    "for the annual return (KO41b): the patient's age band, such as 18-64")
        ->option_text("BAND");
    command
        .add_option("--complainant-status", options.complainant_status,
                    "for the annual return: who complained, such as patient or relative-or-carer")
        ->option_text("STATUS");
    command
        .add_option("--subject-area", options.subject_areas,
                    "for the annual return: a subject area it is about (repeat, or commas)")
        ->delimiter(',')
        ->option_text("AREA");
    command
        .add_option("--staff-group", options.staff_groups,
                    "for the annual return: a staff group it concerns (repeat, or commas)")
        ->delimiter(',')
        ->option_text("GROUP");
}

ReturnFields return_fields(const ReturnOptions& options) {
    ReturnFields fields;
    if (!options.age_band.empty())
        fields.age_band = options.age_band;
    if (!options.complainant_status.empty())
        fields.complainant_status = options.complainant_status;
    if (!options.subject_areas.empty())
        fields.subject_areas = options.subject_areas;
    if (!options.staff_groups.empty())
        fields.staff_groups = options.staff_groups;
    return fields;
}

void ask_return_fields(ReturnOptions& options, const Policy& policy) {
    if (!policy.returns.required || !::isatty(STDIN_FILENO) || !::isatty(STDERR_FILENO))
        return;
    const ReturnCodes& codes = policy.returns;
    ask_one(options.age_band, "The patient's age band", codes.age_bands);
    ask_one(options.complainant_status, "Who is complaining", codes.complainant_statuses);
    ask_several(options.subject_areas, "What it is about (subject areas)", codes.subject_areas);
    ask_several(options.staff_groups, "The staff groups it concerns", codes.staff_groups);
}

} // namespace complaints::cli
