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

// The organisation's working-day calendar.
WorkingCalendar working_calendar(const Config& config);

// Throws a usage error unless the prefix is 2-6 capital letters or digits,
// starting with a letter.
void check_prefix(std::string_view prefix);

Config read_config(std::string_view text, const std::string& file);
std::string write_config(const Config& config);

} // namespace complaints
