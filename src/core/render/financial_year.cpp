// SPDX-License-Identifier: Apache-2.0
#include "financial_year.hpp"

#include <fmt/format.h>

#include <charconv>

namespace complaints {

namespace {

std::optional<int> number(std::string_view text) {
    int value = 0;
    const auto [end, ec] = std::from_chars(text.data(), text.data() + text.size(), value);
    if (ec != std::errc{} || end != text.data() + text.size())
        return std::nullopt;
    return value;
}

// The first calendar year of "2026-27", if the text is one.
std::optional<int> first_year(std::string_view text) {
    if (text.size() != 7 || text[4] != '-')
        return std::nullopt;
    const auto first = number(text.substr(0, 4));
    const auto second = number(text.substr(5, 2));
    if (!first || !second || *first < 1900 || *first > 9998 || (*first + 1) % 100 != *second)
        return std::nullopt;
    return first;
}

// Three months from the first of `first`, the label given.
Period months_from(date::year_month first, int months, std::string label) {
    const date::year_month last = first + date::months{months - 1};
    return Period{first / 1, date::year_month_day{last / date::last}, std::move(label)};
}

} // namespace

std::optional<Period> financial_year(std::string_view text) {
    const auto year = first_year(text);
    if (!year)
        return std::nullopt;
    return months_from(date::year{*year} / date::April, 12, std::string(text));
}

std::optional<Period> financial_quarter(std::string_view text) {
    if (text.size() != 10 || text.substr(7, 2) != "-Q")
        return std::nullopt;
    const auto year = first_year(text.substr(0, 7));
    const auto quarter = number(text.substr(9));
    if (!year || !quarter || *quarter < 1 || *quarter > 4)
        return std::nullopt;
    const date::year_month first =
        date::year{*year} / date::April + date::months{3 * (*quarter - 1)};
    return months_from(first, 3, std::string(text));
}

} // namespace complaints
