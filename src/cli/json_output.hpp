// SPDX-License-Identifier: Apache-2.0
#pragma once
// The JSON documents commands print: only the files that print JSON pay
// for nlohmann's header.
#include "complaints/model/model.hpp"
#include "complaints/store/store.hpp"
#include "complaints/workflow/clocks.hpp"

#include <nlohmann/json.hpp>

#include <cstdio>
#include <string_view>
#include <vector>

namespace complaints::cli {

using Json = nlohmann::ordered_json;

void print_json(std::FILE* out, const Json& value);

// The version of the JSON language every document the tool prints carries
// as its first key (docs/json.md): raised when a key is removed, renamed
// or changes meaning, so a script can tell which language it reads.
inline constexpr int k_json_schema_version = 3;
// A document around a list: {"schema_version": 3, "<key>": [...]}. Lists
// are wrapped, never printed bare, so every document is an object that
// says its version.
Json json_document(std::string_view key, Json list);

// The case as JSON (see case_json.hpp), whole, as `show` and `open` print it.
void print_case_json(const Case& c, const std::vector<Clock>& clocks, const Store& store);

} // namespace complaints::cli
