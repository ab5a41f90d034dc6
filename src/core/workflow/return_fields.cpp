// SPDX-License-Identifier: Apache-2.0
#include "complaints/workflow/return_fields.hpp"

#include "complaints/base/strings.hpp"

#include <fmt/format.h>

#include <algorithm>

namespace complaints {

namespace {

bool listed(const std::vector<std::string>& list, const std::string& code) {
    return std::find(list.begin(), list.end(), code) != list.end();
}

void check_codes(std::vector<Problem>& problems, std::string_view field,
                 const std::vector<std::string>& given, const std::vector<std::string>& list) {
    if (list.empty()) {
        problems.emplace_back(
            ProblemCode::not_in_policy,
            fmt::format("{{{}}}: this policy makes no return that counts it", field));
        return;
    }
    for (const auto& code : given)
        if (!listed(list, code))
            problems.emplace_back(ProblemCode::value_invalid,
                                  fmt::format("{{{}}}: '{}' is not one of {}{}", field, code,
                                              util::join(list, ", "), did_you_mean(code, list)));
}

} // namespace

std::vector<Problem> unknown_return_codes(const ReturnFields& fields, const Policy& policy) {
    std::vector<Problem> problems;
    const ReturnCodes& codes = policy.returns;
    if (fields.age_band)
        check_codes(problems, "age_band", {*fields.age_band}, codes.age_bands);
    if (fields.complainant_status)
        check_codes(problems, "complainant_status", {*fields.complainant_status},
                    codes.complainant_statuses);
    if (fields.subject_areas)
        check_codes(problems, "subject_area", *fields.subject_areas, codes.subject_areas);
    if (fields.staff_groups)
        check_codes(problems, "staff_group", *fields.staff_groups, codes.staff_groups);
    return problems;
}

void set_return_fields(Case& c, const ReturnFields& fields, const Policy& policy) {
    if (auto problems = unknown_return_codes(fields, policy); !problems.empty())
        throw Error(ErrorKind::usage,
                    c.id.empty() ? std::string("cannot record the annual return's fields")
                                 : fmt::format("cannot classify {}", c.id),
                    std::move(problems));
    if (fields.age_band)
        c.age_band = *fields.age_band;
    if (fields.complainant_status)
        c.complainant_status = *fields.complainant_status;
    if (fields.subject_areas)
        c.subject_areas = *fields.subject_areas;
    if (fields.staff_groups)
        c.staff_groups = *fields.staff_groups;
}

bool counted_by_return(const Case& c) {
    return c.kind == Kind::complaint && !c.exclusion;
}

std::vector<Problem> missing_return_fields(const Case& c, const Policy& policy) {
    std::vector<Problem> problems;
    if (!policy.returns.required || !counted_by_return(c))
        return problems;
    const auto missing = [&](bool lacks, std::string_view field, std::string_view what) {
        if (lacks)
            problems.emplace_back(ProblemCode::return_fields_missing,
                                  fmt::format("{{{}}} is not recorded: the annual return counts "
                                              "each complaint by {}",
                                              field, what),
                                  c.id);
    };
    missing(c.age_band.empty(), "age_band", "the patient's age band");
    missing(c.complainant_status.empty(), "complainant_status", "who complained");
    missing(c.subject_areas.empty(), "subject_area", "its subject areas");
    missing(c.staff_groups.empty(), "staff_group", "the staff groups it concerns");
    return problems;
}

} // namespace complaints
