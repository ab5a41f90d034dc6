#pragma once
// Clinicians as the platform's cases describe them: their complaints, the
// warnings those issued, and the standing the policy gives them on a day.
#include "complaints/model.hpp"
#include "complaints/policy.hpp"

#include <string>
#include <vector>

namespace complaints {

enum class ClinicianStatus { clear, warned, suspension_review, suspended };
template <> struct EnumNames<ClinicianStatus> {
    static constexpr std::string_view what = "clinician status";
    static constexpr std::array<std::pair<ClinicianStatus, std::string_view>, 4> names{
        {{ClinicianStatus::clear, "clear"},
         {ClinicianStatus::warned, "warned"},
         {ClinicianStatus::suspension_review, "suspension-review"},
         {ClinicianStatus::suspended, "suspended"}}};
};

struct IssuedWarning {
    std::string case_id;
    date::year_month_day issued;
    date::year_month_day expires; // the first day it no longer counts
};

struct Decision {
    std::string case_id;
    date::year_month_day on;
    bool suspended; // false: reinstated
    std::string reason;
};

struct Clinician {
    std::string key; // "gmc:7123456", or "name:dr sam keane" without a GMC number
    std::string name;
    std::string gmc;
    std::vector<std::string> case_ids;
    std::string latest_case; // the one received last
    std::vector<IssuedWarning> warnings;
    std::vector<Decision> decisions;
};

struct StatusChange {
    date::year_month_day on;
    ClinicianStatus status;
};

struct Standing {
    ClinicianStatus status = ClinicianStatus::clear;
    std::vector<IssuedWarning> active;
    std::vector<StatusChange> history; // every change up to the day asked about
};

// "dr sam keane": lower case, single spaces.
std::string normalised_name(std::string_view name);

// Groups the cases by clinician: by GMC number where known, and cases
// without one join the clinician of the same name.
std::vector<Clinician> clinicians(const std::vector<Case>& cases, const Policy& policy,
                                  const date::time_zone& zone);

// The clinicians a query names: a GMC number, or a name (whole, or part).
std::vector<const Clinician*> find_clinicians(const std::vector<Clinician>& all,
                                              std::string_view query);

// The standing on `day`: suspended by a recorded decision; in suspension
// review with the policy's number of warnings inside its window; warned with
// any active warning; clear otherwise.
Standing standing_on(const Clinician& clinician, const Policy& policy, date::year_month_day day);

// Issues the warning a closing outcome gives the clinician the case is about,
// as events on the case, and the suspension review it triggers when it is
// one too many inside the policy's window. Returns the review's text when one
// is due. Throws `refused` when the policy keeps no warnings or the case
// names no clinician. `others` are the repository's other cases.
std::optional<std::string> issue_warning(Case& c, const Event& closing, std::vector<Case> others,
                                         const Policy& policy, const date::time_zone& zone);

} // namespace complaints
