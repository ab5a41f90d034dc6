// SPDX-License-Identifier: Apache-2.0
#include "full_case.hpp"

#include "complaints/model/case_fields.hpp"

#include <fmt/format.h>

namespace complaints::testing {

namespace {

class Filler {
  public:
    // `replace` is the typed text to set to `text`: -1 sets none, -2 all.
    Filler(int replace, std::string text) : m_replace(replace), m_text(std::move(text)) {}

    void field(const fields::Key& key, std::string& value) {
        value = fmt::format("{} {}", key.name, ++m_counter);
        if (!key.typed)
            return;
        if (m_replace == -2 || m_replace == m_typed)
            value = m_text;
        ++m_typed;
    }
    void field(const fields::Key&, int& value) { value = ++m_counter; }
    template <class E>
    requires std::is_enum_v<E>
    void field(const fields::Key&, E& value) { value = EnumNames<E>::names.back().first; }
    void field(const fields::Key&, Timestamp& at) {
        at.utc = date::sys_days{date::year{2026} / 3 / 2} + std::chrono::hours(++m_counter);
        at.offset_minutes = 60;
    }
    void field(const fields::Key&, date::year_month_day& day) {
        day = date::year_month_day{date::sys_days{date::year{2026} / 3 / 2} +
                                   date::days(++m_counter)};
    }
    template <class T> void field(const fields::Key& key, std::optional<T>& value) {
        field(key, value.emplace());
    }
    template <fields::Record R> void field(const fields::Key&, R& record) {
        fields::describe(*this, record);
    }
    template <class T> void field(const fields::Key& key, std::vector<T>& items) {
        items.resize(2);
        for (auto& item : items)
            field(key, item);
    }
    void extras(std::vector<Extra>& unknown) {
        unknown = {Extra{"ward", fmt::format("ward {}", ++m_counter)}};
        if (m_replace == m_typed) // an unknown key's value is YAML: only plain text goes in
            unknown.front().yaml = m_text;
        ++m_typed;
    }
    void no_extras() {}
    int typed() const { return m_typed; }

  private:
    int m_replace;
    std::string m_text;
    int m_counter = 0;
    int m_typed = 0;
};

// What a file must hold to be read: a case ID, points numbered from 1.
Case readable(Case c) {
    c.id = "LUM-2026-7K3QMX";
    for (std::size_t i = 0; i < c.points.size(); ++i)
        c.points[i].number = static_cast<int>(i) + 1;
    return c;
}

Case filled(int replace, const std::string& text, int* typed = nullptr) {
    Case c;
    Filler filler(replace, text);
    fields::describe(filler, c);
    if (typed)
        *typed = filler.typed();
    return readable(std::move(c));
}

} // namespace

Case full_case(const std::string& text) {
    return filled(text.empty() ? -1 : -2, text);
}

int typed_text_count() {
    int typed = 0;
    filled(-1, {}, &typed);
    return typed;
}

Case case_with_typed_text(int k, const std::string& text) {
    return filled(k, text);
}

} // namespace complaints::testing
