// SPDX-License-Identifier: Apache-2.0
#include "complaints/workflow/cautions.hpp"

#include "complaints/time/timestamp.hpp"

#include <fmt/format.h>
#include <fmt/ranges.h>

namespace complaints {

std::vector<std::string> delay_date_cautions(const Case& c, date::year_month_day new_date,
                                             const ClockContext& clocks) {
    std::vector<std::string> cautions;
    if (const auto clock = clock_met_by(c, clocks, EventType::response_sent);
        clock && new_date <= clock->due.day)
        cautions.push_back(fmt::format(
            "the new date {} is not after {}, when the response is due {}: an explanation of "
            "delay gives a later date; was the new date meant to be later?",
            format_date(new_date), format_date(clock->due.day),
            clock->extended ? "after the last explanation" : "under the policy"));
    if (!clocks.calendar.is_working_day(date::sys_days{new_date}))
        cautions.push_back(
            fmt::format("the new date {} is {}, when nobody works: the complainant may wait for "
                        "a letter that cannot be sent that day",
                        format_date(new_date), day_off_name(clocks.calendar, new_date)));
    return cautions;
}

std::optional<std::string> late_explanation_caution(const Case& c, const Timestamp& at,
                                                    const ClockContext& clocks) {
    const auto clock = clock_met_by(c, clocks, EventType::response_sent);
    if (!clock || at.utc < clock->due.at)
        return std::nullopt;
    return fmt::format("the response was due by {}: an explanation sent after that is already "
                       "late and moves nothing; the response stays overdue",
                       format_date(clock->due.day));
}

std::optional<std::string> back_dated_explanation_caution(const Case& c, const Event& explanation,
                                                          const ClockContext& clocks) {
    const auto clock = clock_met_by(c, clocks, EventType::response_sent);
    if (!clock || !explained_late_on_paper(explanation, *clock, clocks.calendar, clocks.zone))
        return std::nullopt;
    return fmt::format("dated before the response was due on {} but entered after it: it "
                       "counts as in time, and show and the report say it was explained in "
                       "time on paper only",
                       format_date(clock->policy_due.day));
}

std::optional<std::string> repeat_referral_caution(const Case& c, const ReviewBody& body,
                                                   const date::time_zone& zone) {
    for (auto it = c.escalations.rbegin(); it != c.escalations.rend(); ++it)
        if (it->body == body.key && !it->outcome.empty())
            return fmt::format(
                "{} already gave its outcome on {} ('{}'): a second referral is for a body that "
                "has agreed to look again; say so in the referral's note",
                body.name,
                format_date(local_date(it->outcome_at ? it->outcome_at->utc : it->at.utc, zone)),
                it->outcome);
    return std::nullopt;
}

std::optional<std::string> upheld_without_apology_caution(const Case& c) {
    if (!c.apology.empty())
        return std::nullopt;
    std::vector<std::string> upheld;
    for (const auto& point : c.points)
        if (point.finding == Finding::upheld || point.finding == Finding::partly_upheld)
            upheld.push_back(std::to_string(point.number));
    if (upheld.empty())
        return std::nullopt;
    return fmt::format("the response upholds point{} {} and makes no apology: is one "
                       "appropriate? (record it with 'respond apology {}')",
                       upheld.size() == 1 ? "" : "s", fmt::join(upheld, ", "), c.id);
}

} // namespace complaints
