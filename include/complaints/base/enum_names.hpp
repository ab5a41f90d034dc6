// SPDX-License-Identifier: Apache-2.0
#pragma once
// The spelling of each enum value in files, on the command line and in JSON:
// one table per enum, specialised beside the enum.
#include <array>
#include <optional>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

namespace complaints {

template <class E> struct EnumNames;

template <class E> std::string_view name_of(E value) {
    for (const auto& [v, name] : EnumNames<E>::names)
        if (v == value)
            return name;
    return "?";
}

template <class E> std::optional<E> enum_from(std::string_view text) {
    for (const auto& [v, name] : EnumNames<E>::names)
        if (name == text)
            return v;
    return std::nullopt;
}

template <class E> std::vector<std::string> enum_names() {
    std::vector<std::string> all;
    for (const auto& entry : EnumNames<E>::names)
        all.emplace_back(entry.second);
    return all;
}

} // namespace complaints
