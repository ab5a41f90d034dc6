// SPDX-License-Identifier: Apache-2.0
#pragma once
// complaints.yaml: who the organisation is and which policy it runs.
#include <array>
#include <optional>
#include <string>
#include <string_view>
#include <utility>

#include "complaints/model/model.hpp"
#include "complaints/policy/policy.hpp"
#include "complaints/time/calendar.hpp"
#include "complaints/workflow/agents.hpp"

namespace complaints {

// 25 MB: what mail servers commonly let through, so an email's attachments fit.
inline constexpr int k_default_attachment_limit_mb = 25;
// An attachment's size is kept as an int of bytes.
inline constexpr int k_largest_attachment_limit_mb = 1024;

// Whether a practitioner works for the organisation or practises there
// independently under practising privileges.
enum class Engagement { staff, independent };
template <> struct EnumNames<Engagement> {
    static constexpr std::string_view what = "engagement";
    static constexpr std::array<std::pair<Engagement, std::string_view>, 2> names{
        {{Engagement::staff, "staff"}, {Engagement::independent, "independent"}}};
};

// One row of the practitioners' register: who may treat here, in what role,
// and when an independent practitioner's practising privileges are next
// reviewed.
struct Practitioner {
    std::string name;
    std::string role;
    Engagement engagement = Engagement::staff;
    std::optional<date::year_month_day> privileges_review;

    friend bool operator==(const Practitioner&, const Practitioner&) = default;
};

struct Config {
    std::string organisation;
    std::string preset = "clinic";
    std::string prefix;
    Region region = Region::england_and_wales;
    std::string timezone = "Europe/London";
    std::string author;    // who writes when the command names nobody and the user has no name
    std::string signatory; // who signs response letters
    // Regulation 4's two people, by name and role: the response is signed
    // by the responsible person where the policy says so, other letters by
    // the complaints manager; both name the signatory's place when set.
    std::string responsible_person;
    std::string complaints_manager;
    std::string advocacy;                // the local advocacy service, for the preset's words
    std::vector<std::string> enclosures; // policies enclosed with a response
    // The support agents `assign --to` takes; empty: any name that is not blank.
    std::vector<std::string> agents;
    // Those of them marked `left: DATE`, in roster order.
    std::vector<AgentLeft> agents_left;
    // The practitioners' register; empty: any practitioner's name is taken.
    std::vector<Practitioner> practitioners;
    // The organisation's page for complaints (the form's link), which the
    // acknowledgement, the leaflet and a link sent to a complainant give.
    std::string website;
    // Rules as complaints.yaml overrides them, as written, in file order.
    std::vector<std::pair<std::string, std::string>> policy_overrides;
    Policy policy;                         // the preset with the overrides applied
    bool review_bodies_overridden = false; // complaints.yaml lists its own
    // The return's code lists complaints.yaml's `returns:` gives, as written.
    std::vector<std::pair<std::string, std::vector<std::string>>> return_lists;
    std::optional<bool> returns_required; // `returns: required:`, when given
    CalendarSettings calendar;            // closures and bank holiday changes
    // The largest file `attach` keeps, in megabytes (2^20 bytes): evidence
    // past it belongs in git LFS or a document store (README).
    int attachment_limit_mb = k_default_attachment_limit_mb;
};

// The preset's signatory and enclosures where complaints.yaml names none.
std::string letter_signatory(const Config& config);
// Who signs a letter (the response, or any other), by name, from
// complaints.yaml; empty while it names nobody for that letter.
std::string letter_signer(const Config& config, bool response);
// The help to complain the letters and leaflet offer; empty: none.
std::string letter_advocacy(const Config& config);
std::vector<std::string> letter_enclosures(const Config& config);

// The register's row for `name` (case and spacing aside), or null.
const Practitioner* find_practitioner(const Config& config, std::string_view name);

// The complaints manager by name: `complaints_manager`, else the
// signatory's name (before any comma and role); empty when neither is set.
std::string complaints_manager_name(const Config& config);

// The organisation's working-day calendar.
WorkingCalendar working_calendar(const Config& config);

// Throws a usage error unless the prefix is 2-6 capital letters or digits,
// starting with a letter.
void check_prefix(std::string_view prefix);

Config read_config(std::string_view text, const std::string& file);
std::string write_config(const Config& config);

} // namespace complaints
