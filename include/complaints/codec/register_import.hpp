// SPDX-License-Identifier: Apache-2.0
#pragma once
// What each row of a register becomes: a case dated as it happened, its
// events recorded now, after the fact. Pure: the import command writes the
// cases this plans, and a second import compares them with those it wrote.
#include "complaints/codec/register_csv.hpp"
#include "complaints/model/model.hpp"
#include "complaints/policy/policy.hpp"

#include <optional>
#include <string>
#include <vector>

namespace complaints {

// How a date such as 03/04/2026 is read: ISO dates (2026-04-03) are read
// as they are whatever the order.
enum class DateOrder { day_first, month_first };
template <> struct EnumNames<DateOrder> {
    static constexpr std::string_view what = "date order";
    static constexpr std::array<std::pair<DateOrder, std::string_view>, 2> names{
        {{DateOrder::day_first, "day-first"}, {DateOrder::month_first, "month-first"}}};
};

// A register's date, with its time when the cell has one ("03/04/2026
// 14:05"): ISO, or day/month/year with `/`, `-` or `.` (the order as
// `order` says) and a four-digit year. Nothing when it is not a day on
// the calendar.
struct RegisterDate {
    date::year_month_day day;
    std::optional<std::chrono::minutes> time;
};
std::optional<RegisterDate> read_register_date(std::string_view text, DateOrder order);

// A cell the import cannot read, and why: rows as the spreadsheet numbers
// them, the column by its header.
struct BadCell {
    int row = 0;
    std::string column;
    std::string value;
    std::string why;
};

struct ImportSettings {
    const Policy& policy; // its patient-data guard refuses a row as `open` would
    const date::time_zone& zone;
    date::sys_seconds now; // when the events are recorded
    std::string by;        // who recorded them
    std::string file;      // the register's name, as the cases cite it
    DateOrder order = DateOrder::day_first;
};

struct PlannedCase {
    int row = 0;
    Case c; // no ID yet
};

struct ImportPlan {
    std::vector<PlannedCase> cases; // the good rows, in the register's order
    std::vector<BadCell> bad;       // every bad cell of every row
};

// Every row as a case: received (the clock's start), acknowledged, response
// sent and closed with its outcome and lessons, each event at its date and
// recorded at `now`, marked imported from the file's row; the reference
// kept on the case. A row with a bad cell makes no case, and each of its
// bad cells is listed: no reference, a reference an earlier row has, a
// date that is not one or comes before the receipt or after `now`, a word
// the tool does not know, text a case cannot hold (or patient data the policy refuses), an outcome
// with no date closed or a date closed with no outcome.
ImportPlan plan_import(const RegisterTable& table, const RegisterMap& map,
                       const ImportSettings& settings);

// What the register now says of a case imported before, fact by fact
// ("outcome: upheld in LUM-2026-ABC123, not-upheld in the register"):
// nothing when they agree. `before` is the case as imported (and kept
// since), `now` the case the row would make.
std::vector<std::string> import_differences(const Case& before, const Case& now,
                                            const date::time_zone& zone);

} // namespace complaints
