// SPDX-License-Identifier: Apache-2.0
#pragma once
// JSON written straight into a string, laid out as nlohmann's dump(2): for
// `list`, which prints 100,000 cases and cannot afford a tree per case.
#include <string>
#include <string_view>
#include <vector>

namespace complaints::cli {

class JsonWriter {
  public:
    // Appends to `out`; `depth` is the nesting the first value starts at.
    JsonWriter(std::string& out, int depth) : m_out(out), m_depth(depth) {}

    JsonWriter& begin_object();
    JsonWriter& end_object();
    JsonWriter& begin_array();
    JsonWriter& end_array();
    JsonWriter& key(std::string_view name);
    JsonWriter& text(std::string_view value);
    JsonWriter& number(long long value);
    JsonWriter& boolean(bool value);
    JsonWriter& null();
    // A text, or null when empty-and-absent is meant (`present` false).
    JsonWriter& text_or_null(bool present, std::string_view value);

  private:
    void before_value();
    void quoted(std::string_view value);
    void newline();
    std::string& m_out;
    int m_depth;
    std::vector<bool> m_empty; // per open container: nothing in it yet
    bool m_after_key = false;
};

} // namespace complaints::cli
