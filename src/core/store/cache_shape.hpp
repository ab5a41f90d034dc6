// SPDX-License-Identifier: Apache-2.0
#pragma once
// The cache's version, derived: the cache holds each case's fields in the
// field description's order (model/case_fields.hpp), so a hash of every
// key's name and kind tells an old cache from a new
// one without anybody bumping a number when a field is added. constexpr, so
// a compiler that can (g++ 12) may fold it; the cache works it out once.
#include "complaints/model/case_fields.hpp"

#include <cstdint>
#include <string_view>

namespace complaints::cache_shape {

// FNV-1a over the keys and kinds, each closed by a separator byte.
class Shape {
  public:
    std::uint64_t hash = 14695981039346656037ULL;

    constexpr void mix(std::string_view text) {
        for (const char ch : text)
            step(static_cast<unsigned char>(ch));
        step(0xFF);
    }
    constexpr void field(const fields::Key& key, const std::string&) { named(key, "text"); }
    constexpr void field(const fields::Key& key, int) { named(key, "int"); }
    template <class E>
    requires std::is_enum_v<E>
    constexpr void field(const fields::Key& key, E) {
        // The cache holds an enum by its number: the names' count marks a
        // value added or taken away.
        named(key, EnumNames<E>::what);
        mix(std::string_view("0123456789abcdefghijklmnopqrstuvwxyz")
                .substr(EnumNames<E>::names.size() % 36, 1));
    }
    constexpr void field(const fields::Key& key, const Timestamp&) { named(key, "stamp"); }
    constexpr void field(const fields::Key& key, const date::year_month_day&) { named(key, "day"); }
    template <fields::Record R> constexpr void field(const fields::Key& key, const R& record) {
        named(key, "{");
        fields::describe(*this, record);
        mix("}");
    }
    template <class T> constexpr void field(const fields::Key& key, const std::optional<T>&) {
        mix("?");
        field(key, T{});
    }
    template <class T> constexpr void field(const fields::Key& key, const std::vector<T>&) {
        mix("[]");
        field(key, T{});
    }
    constexpr void extras(const std::vector<Extra>&) { mix("extras"); }
    constexpr void no_extras() {}

  private:
    constexpr void step(unsigned char byte) {
        hash ^= byte;
        hash *= 1099511628211ULL;
    }
    constexpr void named(const fields::Key& key, std::string_view kind) {
        mix(key.name);
        mix(kind);
    }
};

constexpr std::uint64_t of_case() {
    Shape shape;
    Case c{};
    fields::describe(shape, c);
    return shape.hash;
}

} // namespace complaints::cache_shape
