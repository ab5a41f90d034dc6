// SPDX-License-Identifier: Apache-2.0
#include "register_words.hpp"

#include "complaints/base/strings.hpp"
#include "complaints/base/text.hpp"
#include "complaints/model/model.hpp"

#include <fmt/format.h>

#include <algorithm>
#include <utility>

namespace complaints {

namespace {

using Alias = std::pair<std::string_view, std::string_view>;

// Headers as registers write them, folded, and the fact each names.
// clang-format off
constexpr std::pair<std::string_view, RegisterField> k_headers[] = {
    {"ref", RegisterField::reference}, {"ref no", RegisterField::reference},
    {"ref.", RegisterField::reference}, {"reference", RegisterField::reference},
    {"reference number", RegisterField::reference}, {"complaint ref", RegisterField::reference},
    {"complaint reference", RegisterField::reference}, {"complaint no", RegisterField::reference},
    {"date received", RegisterField::received}, {"received", RegisterField::received},
    {"received on", RegisterField::received}, {"date of receipt", RegisterField::received},
    {"received date", RegisterField::received}, {"date complaint received", RegisterField::received},
    {"complainant", RegisterField::complainant}, {"complainant name", RegisterField::complainant},
    {"name of complainant", RegisterField::complainant},
    {"how received", RegisterField::channel}, {"channel", RegisterField::channel},
    {"received via", RegisterField::channel}, {"method received", RegisterField::channel},
    {"method of receipt", RegisterField::channel}, {"how made", RegisterField::channel},
    {"category", RegisterField::category}, {"clinical/non-clinical", RegisterField::category},
    {"type", RegisterField::type}, {"complaint type", RegisterField::type},
    {"type of complaint", RegisterField::type}, {"subject", RegisterField::type},
    {"about", RegisterField::about}, {"staff member", RegisterField::about},
    {"staff involved", RegisterField::about}, {"practitioner", RegisterField::about},
    {"clinician", RegisterField::about},
    {"summary", RegisterField::summary}, {"description", RegisterField::summary},
    {"details", RegisterField::summary}, {"complaint details", RegisterField::summary},
    {"complaint summary", RegisterField::summary}, {"nature of complaint", RegisterField::summary},
    {"date acknowledged", RegisterField::acknowledged}, {"acknowledged", RegisterField::acknowledged},
    {"acknowledgement date", RegisterField::acknowledged},
    {"date of acknowledgement", RegisterField::acknowledged},
    {"acknowledgement sent", RegisterField::acknowledged},
    {"date responded", RegisterField::responded}, {"responded", RegisterField::responded},
    {"response date", RegisterField::responded}, {"date of response", RegisterField::responded},
    {"response sent", RegisterField::responded}, {"date response sent", RegisterField::responded},
    {"outcome", RegisterField::outcome}, {"result", RegisterField::outcome},
    {"date closed", RegisterField::closed}, {"closed", RegisterField::closed},
    {"closed date", RegisterField::closed}, {"date of closure", RegisterField::closed},
    {"closure date", RegisterField::closed},
    {"lessons", RegisterField::learning}, {"lessons learnt", RegisterField::learning},
    {"lessons learned", RegisterField::learning}, {"learning", RegisterField::learning},
    {"learning points", RegisterField::learning},
};

constexpr Alias k_channels[] = {
    {"website", "web-form"}, {"website form", "web-form"}, {"web form", "web-form"},
    {"online", "web-form"}, {"online form", "web-form"}, {"web", "web-form"},
    {"phone call", "phone"}, {"telephone", "phone"}, {"tel", "phone"}, {"call", "phone"},
    {"in person", "in-person"}, {"face to face", "in-person"}, {"face-to-face", "in-person"},
    {"at reception", "in-person"}, {"verbal", "in-person"},
    {"e-mail", "email"}, {"by email", "email"},
    {"post", "letter"}, {"by post", "letter"}, {"written", "letter"},
};
constexpr Alias k_categories[] = {
    {"non clinical", "non-clinical"}, {"nonclinical", "non-clinical"},
    {"administrative", "non-clinical"}, {"admin", "non-clinical"},
};
constexpr Alias k_outcomes[] = {
    {"fully upheld", "upheld"}, {"partially upheld", "partly-upheld"},
    {"partly upheld", "partly-upheld"}, {"part upheld", "partly-upheld"},
    {"not upheld", "not-upheld"}, {"rejected", "not-upheld"},
    {"resolved informally", "resolved"}, {"local resolution", "resolved"},
};
// clang-format on

// The header folded, a trailing colon or question mark aside.
std::string header_key(std::string_view header) {
    std::string key = folded(header);
    while (!key.empty() && (key.back() == ':' || key.back() == '?'))
        key.pop_back();
    return folded(key);
}

template <class E> std::optional<std::string> own_or_alias(std::string_view value, auto& aliases) {
    const std::string key = folded(value);
    for (const auto& [v, name] : EnumNames<E>::names)
        if (key == name)
            return std::string(name);
    for (const auto& [from, to] : aliases)
        if (key == from)
            return std::string(to);
    return std::nullopt;
}

template <class E> std::string hint() {
    return fmt::format(" (one of: {})", util::join(enum_names<E>(), ", "));
}

} // namespace

std::optional<RegisterField> recognised_column(std::string_view header) {
    const std::string key = header_key(header);
    for (const auto& [name, field] : k_headers)
        if (key == name)
            return field;
    return std::nullopt;
}

std::optional<std::string> recognised_word(RegisterField field, std::string_view value) {
    switch (field) {
    case RegisterField::channel:
        return own_or_alias<Channel>(value, k_channels);
    case RegisterField::category:
        return own_or_alias<Category>(value, k_categories);
    case RegisterField::outcome:
        return own_or_alias<Outcome>(value, k_outcomes);
    default:
        return std::string(value);
    }
}

bool check_register_word(RegisterField field, std::string_view word) {
    switch (field) {
    case RegisterField::channel:
        return enum_from<Channel>(word).has_value();
    case RegisterField::category:
        return enum_from<Category>(word).has_value();
    case RegisterField::outcome:
        return enum_from<Outcome>(word).has_value();
    default:
        return true;
    }
}

std::string register_words_hint(RegisterField field) {
    switch (field) {
    case RegisterField::channel:
        return hint<Channel>();
    case RegisterField::category:
        return hint<Category>();
    case RegisterField::outcome:
        return hint<Outcome>();
    default:
        return {};
    }
}

} // namespace complaints
