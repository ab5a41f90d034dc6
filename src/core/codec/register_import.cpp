// SPDX-License-Identifier: Apache-2.0
#include "complaints/codec/register_import.hpp"

#include "complaints/base/error.hpp"
#include "complaints/base/strings.hpp"
#include "complaints/base/text.hpp"
#include "complaints/policy/patient_data.hpp"
#include "register_words.hpp"

#include <fmt/format.h>

#include <charconv>
#include <map>
#include <set>

namespace complaints {

namespace {

std::optional<int> number(std::string_view text) {
    int value = 0;
    const auto [end, ec] = std::from_chars(text.data(), text.data() + text.size(), value);
    if (ec != std::errc() || end != text.data() + text.size() || text.empty())
        return std::nullopt;
    return value;
}

// "14:05" or "14:05:30", the seconds dropped.
std::optional<std::chrono::minutes> read_time(std::string_view text) {
    if (text.size() != 5 && text.size() != 8)
        return std::nullopt;
    const auto hours = number(text.substr(0, 2)), minutes = number(text.substr(3, 2));
    if (text[2] != ':' || !hours || !minutes || *hours > 23 || *minutes > 59 ||
        (text.size() == 8 && (text[5] != ':' || !number(text.substr(6, 2)))))
        return std::nullopt;
    return std::chrono::hours(*hours) + std::chrono::minutes(*minutes);
}

// Day, month and year from "03/04/2026", "3-4-2026" or "03.04.2026".
std::optional<date::year_month_day> read_numeric_date(std::string_view text, DateOrder order) {
    const auto first = text.find_first_of("/-.");
    if (first == std::string_view::npos)
        return std::nullopt;
    const auto second = text.find(text[first], first + 1);
    if (second == std::string_view::npos || second - first > 3 || first > 2)
        return std::nullopt;
    const auto a = number(text.substr(0, first));
    const auto b = number(text.substr(first + 1, second - first - 1));
    const auto year = number(text.substr(second + 1));
    if (!a || !b || !year || text.size() - second - 1 != 4)
        return std::nullopt;
    const int day = order == DateOrder::day_first ? *a : *b;
    const int month = order == DateOrder::day_first ? *b : *a;
    if (month < 1 || month > 12 || day < 1)
        return std::nullopt;
    const date::year_month_day ymd{date::year(*year), date::month(static_cast<unsigned>(month)),
                                   date::day(static_cast<unsigned>(day))};
    return ymd.ok() && *year >= 1900 && *year <= 2999 ? std::optional(ymd) : std::nullopt;
}

} // namespace

std::optional<RegisterDate> read_register_date(std::string_view text, DateOrder order) {
    const std::string trimmed = util::trim(text);
    std::string_view rest = trimmed;
    std::optional<std::chrono::minutes> time;
    if (const auto space = rest.find_first_of(" T"); space != std::string_view::npos) {
        time = read_time(util::trim(rest.substr(space + 1)));
        if (!time)
            return std::nullopt;
        rest = rest.substr(0, space);
    }
    const bool iso = rest.size() == 10 && rest[4] == '-';
    const auto day = iso ? parse_date(rest) : read_numeric_date(rest, order);
    if (!day)
        return std::nullopt;
    return RegisterDate{*day, time};
}

namespace {

// One row's reading: the cells by field, and the bad ones found so far.
class RowReader {
  public:
    RowReader(const RegisterTable& table, const RegisterMap& map, const RegisterRow& row,
              const ImportSettings& settings, std::vector<BadCell>& bad)
        : m_table(table), m_map(map), m_row(row), m_settings(settings), m_bad(bad),
          m_bad_before(bad.size()) {}

    bool good() const { return m_bad.size() == m_bad_before; }

    // The cell holding `field`, trimmed; empty when none does.
    std::string text(RegisterField field) const {
        const auto index = column(field);
        return index ? util::trim(m_row.cells[*index]) : std::string{};
    }

    // Each cell a case would take that is not clean text, once.
    void check_texts() {
        for (std::size_t i = 0; i < m_map.columns.size(); ++i) {
            const RegisterField field = m_map.columns[i];
            if (field == RegisterField::ignore)
                continue;
            const std::string value = text(field);
            if (first_invalid_byte(value))
                fail(field, value, "it is not text (a byte that is not UTF-8, or a NUL)");
            else if (first_control(value))
                fail(field, value, "it holds a control character");
        }
    }

    void fail(RegisterField field, const std::string& value, std::string why) {
        const auto index = column(field);
        m_bad.push_back({m_row.number, index ? m_table.header[*index] : std::string(name_of(field)),
                         value, std::move(why)});
    }

    // The instant a date cell names, at its time or `default_hour` local.
    std::optional<Timestamp> instant(RegisterField field, int default_hour) {
        const std::string value = text(field);
        if (value.empty())
            return std::nullopt;
        const auto read = read_register_date(value, m_settings.order);
        if (!read) {
            fail(field, value,
                 fmt::format("not a date on the calendar ({} as YYYY-MM-DD or {})", name_of(field),
                             m_settings.order == DateOrder::day_first ? "DD/MM/YYYY"
                                                                      : "MM/DD/YYYY"));
            return std::nullopt;
        }
        const auto local =
            date::local_days{read->day} + read->time.value_or(std::chrono::hours(default_hour));
        const auto utc = m_settings.zone.to_sys(local, date::choose::earliest);
        if (utc > m_settings.now) {
            fail(field, value, "a date still to come");
            return std::nullopt;
        }
        return in_zone(utc, m_settings.zone);
    }

    // The tool's word for a cell of a field with a vocabulary: the map's
    // translation first, then the common words.
    template <class E> std::optional<E> word(RegisterField field) {
        const std::string value = text(field);
        if (value.empty())
            return std::nullopt;
        std::optional<std::string> word;
        if (const auto by_field = m_map.values.find(field); by_field != m_map.values.end())
            if (const auto found = by_field->second.find(folded(value));
                found != by_field->second.end())
                word = found->second;
        if (!word)
            word = recognised_word(field, value);
        const auto known = word ? enum_from<E>(*word) : std::nullopt;
        if (!known)
            fail(field, value,
                 fmt::format("not a {} the tool knows{}: give its word in a map's values",
                             name_of(field), register_words_hint(field)));
        return known;
    }

  private:
    std::optional<std::size_t> column(RegisterField field) const {
        for (std::size_t i = 0; i < m_map.columns.size(); ++i)
            if (m_map.columns[i] == field)
                return i;
        return std::nullopt;
    }
    const RegisterTable& m_table;
    const RegisterMap& m_map;
    const RegisterRow& m_row;
    const ImportSettings& m_settings;
    std::vector<BadCell>& m_bad;
    std::size_t m_bad_before;
};

Event imported_event(EventType type, const Timestamp& at, const ImportSettings& settings, int row,
                     std::string what) {
    Event event;
    event.at = at;
    event.type = type;
    event.by = settings.by;
    event.recorded = in_zone(settings.now, settings.zone);
    event.text = fmt::format("{} (imported from {} row {})", what, settings.file, row);
    return event;
}

// A step's date, checked against the receipt; the event when it is good.
void add_step(RowReader& reader, Case& c, RegisterField field, EventType type, int hour,
              const ImportSettings& settings, int row, const std::string& what) {
    const auto at = reader.instant(field, hour);
    if (!at)
        return;
    if (*at < c.received) {
        if (written_date(*at) < written_date(c.received)) {
            reader.fail(field, reader.text(field), "before the date received");
            return;
        }
        // The same day, with no time given: the step follows the receipt.
        add_event(c, imported_event(type, c.received, settings, row, what));
        return;
    }
    add_event(c, imported_event(type, *at, settings, row, what));
}

void read_people(RowReader& reader, Case& c) {
    c.complainant = reader.text(RegisterField::complainant);
    c.about = reader.text(RegisterField::about);
    c.type = reader.text(RegisterField::type);
    c.summary = reader.text(RegisterField::summary);
    c.category = reader.word<Category>(RegisterField::category);
}

void read_closing(RowReader& reader, Case& c, const ImportSettings& settings, int row) {
    const auto outcome = reader.word<Outcome>(RegisterField::outcome);
    const std::string closed_cell = reader.text(RegisterField::closed);
    c.learning = reader.text(RegisterField::learning);
    if (outcome && closed_cell.empty())
        reader.fail(RegisterField::closed, closed_cell,
                    "an outcome is given, but not the date the case was closed");
    if (!outcome && !closed_cell.empty() && reader.text(RegisterField::outcome).empty())
        reader.fail(RegisterField::outcome, "", "the case was closed, but with no outcome");
    if (!outcome || closed_cell.empty())
        return;
    c.status = Status::closed;
    c.outcome = outcome;
    add_step(reader, c, RegisterField::closed, EventType::closed, 17, settings, row,
             fmt::format("Closed: {}; {}", name_of(*outcome),
                         c.learning.empty() ? "no lessons in the register" : "lessons learnt"));
}

std::optional<Case> row_case(RowReader& reader, const RegisterRow& row,
                             const ImportSettings& settings) {
    Case c;
    reader.check_texts();
    const std::string reference = reader.text(RegisterField::reference);
    if (reference.empty())
        reader.fail(RegisterField::reference, "", "no reference: a row is matched by it");
    c.imported = Imported{reference, settings.file, row.number};
    const std::string received_cell = reader.text(RegisterField::received);
    const auto received = reader.instant(RegisterField::received, 9);
    if (received_cell.empty())
        reader.fail(RegisterField::received, "", "no date received");
    const auto channel = reader.word<Channel>(RegisterField::channel);
    if (reader.text(RegisterField::channel).empty())
        reader.fail(RegisterField::channel, "", "no channel (how the complaint was received)");
    read_people(reader, c);
    // A row without its receipt or channel makes no case, but its other
    // cells are still read, so that every bad cell is listed at once.
    if (received)
        c.received = *received;
    if (channel)
        c.channel = *channel;
    if (received && channel)
        c.events.push_back(
            imported_event(EventType::opened, c.received, settings, row.number,
                           fmt::format("Complaint received: {}", name_of(c.channel))));
    add_step(reader, c, RegisterField::acknowledged, EventType::acknowledged, 12, settings,
             row.number, "Acknowledged");
    add_step(reader, c, RegisterField::responded, EventType::response_sent, 12, settings,
             row.number, "Response sent");
    read_closing(reader, c, settings, row.number);
    if (const auto found = find_patient_data(c, settings.policy)) {
        const auto field = enum_from<RegisterField>(found->field.top_key);
        reader.fail(field.value_or(RegisterField::summary), found->text, describe(*found));
    }
    if (!received || !channel || !reader.good())
        return std::nullopt;
    return c;
}

} // namespace

ImportPlan plan_import(const RegisterTable& table, const RegisterMap& map,
                       const ImportSettings& settings) {
    ImportPlan plan;
    // Every row's reference, good or bad: a row mended later would still
    // share it with the other.
    std::map<std::string, int> first_row; // folded → the row that has it first
    for (const auto& row : table.rows) {
        RowReader reader(table, map, row, settings, plan.bad);
        auto c = row_case(reader, row, settings);
        const std::string reference = reader.text(RegisterField::reference);
        if (!reference.empty()) {
            const auto [at, fresh] = first_row.emplace(folded(reference), row.number);
            if (!fresh) {
                reader.fail(RegisterField::reference, reference,
                            fmt::format("row {} has this reference already", at->second));
                continue;
            }
        }
        if (c)
            plan.cases.push_back({row.number, std::move(*c)});
    }
    return plan;
}

namespace {

std::string date_of(const Event* event) {
    return event ? format_date(written_date(event->at)) : std::string("none");
}

void differ(std::vector<std::string>& found, std::string_view what, const std::string& before,
            const std::string& now, const std::string& id) {
    if (before != now)
        found.push_back(fmt::format("{}: '{}' in {}, '{}' in the register", what, before, id, now));
}

} // namespace

std::vector<std::string> import_differences(const Case& before, const Case& now,
                                            const date::time_zone& zone) {
    std::vector<std::string> found;
    const std::string& id = before.id;
    const auto name = [](const auto& value) {
        return value ? std::string(name_of(*value)) : std::string("none");
    };
    differ(found, "received", format_date(local_date(before.received.utc, zone)),
           format_date(local_date(now.received.utc, zone)), id);
    differ(found, "channel", std::string(name_of(before.channel)),
           std::string(name_of(now.channel)), id);
    differ(found, "complainant", before.complainant, now.complainant, id);
    differ(found, "about", before.about, now.about, id);
    differ(found, "category", name(before.category), name(now.category), id);
    differ(found, "type", before.type, now.type, id);
    differ(found, "summary", before.summary, now.summary, id);
    for (const auto type : {EventType::acknowledged, EventType::response_sent, EventType::closed})
        differ(found, name_of(type), date_of(first_event(before, type)),
               date_of(first_event(now, type)), id);
    differ(found, "outcome", name(before.outcome), name(now.outcome), id);
    differ(found, "lessons", before.learning, now.learning, id);
    return found;
}

} // namespace complaints
