#include "complaints/clinicians.hpp"

#include "complaints/text.hpp"

#include <algorithm>
#include <cctype>
#include <map>
#include <set>

namespace complaints {

std::string normalised_name(std::string_view name) { return folded(name); }

namespace {

void add_case(Clinician& clinician, const Case& c, const Policy& policy, const date::time_zone& zone,
              std::map<std::string, Timestamp>& latest_received) {
    clinician.case_ids.push_back(c.id);
    auto [latest, fresh] = latest_received.emplace(clinician.key, c.received);
    if (fresh || latest->second < c.received) {
        latest->second = c.received;
        clinician.latest_case = c.id;
    }
    if (c.warning && policy.warning_kept) {
        const auto issued = local_date(c.warning->utc, zone);
        clinician.warnings.push_back({c.id, issued, add_months(issued, policy.warning_kept->amount)});
    }
    for (const auto& event : c.events)
        if (event.type == "suspended" || event.type == "reinstated")
            clinician.decisions.push_back({c.id, local_date(event.at.utc, zone), event.type == "suspended", event.text});
}

void sort_record(Clinician& clinician) {
    std::sort(clinician.warnings.begin(), clinician.warnings.end(),
              [](const IssuedWarning& a, const IssuedWarning& b) { return a.issued < b.issued; });
    std::stable_sort(clinician.decisions.begin(), clinician.decisions.end(),
                     [](const Decision& a, const Decision& b) { return a.on < b.on; });
}

ClinicianStatus status_on(const Clinician& clinician, const Policy& policy, date::year_month_day day,
                          std::vector<IssuedWarning>* active) {
    bool suspended = false;
    for (const auto& decision : clinician.decisions)
        if (decision.on <= day)
            suspended = decision.suspended;
    std::size_t in_window = 0, live = 0;
    for (const auto& warning : clinician.warnings) {
        if (warning.issued > day)
            continue;
        if (day < warning.expires) {
            ++live;
            if (active)
                active->push_back(warning);
        }
        if (policy.suspension_review_window &&
            day < add_months(warning.issued, policy.suspension_review_window->amount))
            ++in_window;
    }
    if (suspended)
        return ClinicianStatus::suspended;
    if (policy.suspension_review_warnings > 0 && in_window >= static_cast<std::size_t>(policy.suspension_review_warnings))
        return ClinicianStatus::suspension_review;
    return live > 0 ? ClinicianStatus::warned : ClinicianStatus::clear;
}

} // namespace

std::vector<Clinician> clinicians(const std::vector<Case>& cases, const Policy& policy, const date::time_zone& zone) {
    std::map<std::string, Clinician> by_key;
    std::map<std::string, std::string> key_of_name;
    std::map<std::string, Timestamp> latest_received;
    for (const auto& c : cases) {
        if (c.gmc.empty())
            continue;
        Clinician& clinician = by_key["gmc:" + c.gmc];
        clinician.key = "gmc:" + c.gmc;
        clinician.gmc = c.gmc;
        if (clinician.name.empty())
            clinician.name = c.about;
        key_of_name.emplace(normalised_name(c.about), clinician.key);
        add_case(clinician, c, policy, zone, latest_received);
    }
    for (const auto& c : cases) {
        if (!c.gmc.empty() || normalised_name(c.about).empty())
            continue;
        const std::string name = normalised_name(c.about);
        const auto known = key_of_name.find(name);
        const std::string key = known != key_of_name.end() ? known->second : "name:" + name;
        Clinician& clinician = by_key[key];
        if (clinician.key.empty()) {
            clinician.key = key;
            clinician.name = c.about;
        }
        add_case(clinician, c, policy, zone, latest_received);
    }
    std::vector<Clinician> all;
    for (auto& [key, clinician] : by_key) {
        sort_record(clinician);
        all.push_back(std::move(clinician));
    }
    return all;
}

std::vector<const Clinician*> find_clinicians(const std::vector<Clinician>& all, std::string_view query) {
    std::vector<const Clinician*> exact, partial;
    const std::string wanted = normalised_name(query);
    for (const auto& clinician : all) {
        const std::string name = normalised_name(clinician.name);
        if (clinician.gmc == query || name == wanted || clinician.key == query)
            exact.push_back(&clinician);
        else if (!wanted.empty() && name.find(wanted) != std::string::npos)
            partial.push_back(&clinician);
    }
    return exact.empty() ? partial : exact;
}

Standing standing_on(const Clinician& clinician, const Policy& policy, date::year_month_day day) {
    Standing standing;
    standing.status = status_on(clinician, policy, day, &standing.active);
    // The standing can only change on a day a warning starts or stops
    // counting, or a decision is made.
    std::set<date::sys_days> turns;
    for (const auto& w : clinician.warnings) {
        turns.insert(date::sys_days{w.issued});
        turns.insert(date::sys_days{w.expires});
        if (policy.suspension_review_window)
            turns.insert(date::sys_days{add_months(w.issued, policy.suspension_review_window->amount)});
    }
    for (const auto& d : clinician.decisions)
        turns.insert(date::sys_days{d.on});
    ClinicianStatus last = ClinicianStatus::clear;
    for (const auto turn : turns) {
        if (turn > date::sys_days{day})
            break;
        const auto status = status_on(clinician, policy, date::year_month_day{turn}, nullptr);
        if (status != last)
            standing.history.push_back({date::year_month_day{turn}, status});
        last = status;
    }
    return standing;
}

} // namespace complaints
