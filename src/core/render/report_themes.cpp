// SPDX-License-Identifier: Apache-2.0
// The report's practitioner rows and its twelve months' themes.
#include "report_themes.hpp"

#include <algorithm>
#include <map>

namespace complaints {

namespace {

void most_first(std::vector<Count>& counts, std::size_t most) {
    std::stable_sort(counts.begin(), counts.end(), [](const Count& a, const Count& b) {
        return a.count != b.count ? a.count > b.count : a.name < b.name;
    });
    if (counts.size() > most)
        counts.resize(most);
}

// Whoever or whatever a complaint is about, a service too ("Reception"):
// the practitioners it names, its clinician by GMC number, and `about`
// unless one of those already says it.
void add_subjects(std::vector<Count>& counts, const Case& c) {
    for (const auto& practitioner : c.practitioners)
        add_practitioner(counts, practitioner, "");
    if (!c.gmc.empty())
        add_practitioner(counts, "", c.gmc);
    else if (!c.about.empty() && std::find(c.practitioners.begin(), c.practitioners.end(),
                                           c.about) == c.practitioners.end())
        add_practitioner(counts, c.about, "");
}

} // namespace

void add_practitioner(std::vector<Count>& counts, const std::string& name, const std::string& gmc) {
    for (auto& count : counts)
        if (gmc.empty() ? count.gmc.empty() && count.name == name : count.gmc == gmc) {
            ++count.count;
            return;
        }
    counts.push_back(Count{name, 1, gmc});
}

void add_practitioners(std::vector<Count>& counts, const Case& c) {
    for (const auto& practitioner : c.practitioners)
        add_practitioner(counts, practitioner, "");
    if (!c.practitioners.empty())
        return;
    if (!c.gmc.empty())
        add_practitioner(counts, "", c.gmc);
    // A clinical complaint names its clinician with `about` where it lists
    // no practitioner and no GMC number.
    else if (c.category == Category::clinical && !c.about.empty())
        add_practitioner(counts, c.about, "");
}

void name_practitioners(std::vector<Count>& counts, const KnownNames& names) {
    for (auto& count : counts)
        if (!count.gmc.empty()) {
            count.name = names.known_as(count.gmc);
            if (count.name.empty())
                count.name = "GMC " + count.gmc; // no case names them
        }
    std::map<std::string, int> rows_named;
    for (const auto& count : counts)
        ++rows_named[count.name];
    for (auto& count : counts)
        if (!count.gmc.empty() && rows_named[count.name] > 1)
            count.name += " (GMC " + count.gmc + ")";
}

void add_to_themes(Themes& themes, const Case& c, bool excluded, date::year_month_day received,
                   date::year_month_day from, date::year_month_day to) {
    if (excluded || received < from || received > to ||
        (c.kind != Kind::complaint && c.kind != Kind::concern))
        return;
    ++themes.received;
    if (!c.type.empty())
        count_one(themes.types, c.type);
    if (c.category)
        count_one(themes.categories, std::string(name_of(*c.category)));
    add_practitioners(themes.practitioners, c);
    add_subjects(themes.repeats, c);
}

void finish_themes(Themes& themes, const KnownNames& names) {
    most_first(themes.types, 5);
    most_first(themes.categories, 5);
    name_practitioners(themes.practitioners, names);
    most_first(themes.practitioners, 5);
    name_practitioners(themes.repeats, names);
    std::erase_if(themes.repeats, [](const Count& count) { return count.count < 2; });
    most_first(themes.repeats, themes.repeats.size());
}

void count_one(std::vector<Count>& counts, const std::string& name) {
    for (auto& count : counts)
        if (count.name == name) {
            ++count.count;
            return;
        }
    counts.push_back(Count{name, 1});
}

} // namespace complaints
