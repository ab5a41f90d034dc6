// SPDX-License-Identifier: Apache-2.0
#include "json_output.hpp"

#include "case_json.hpp"

#include <fmt/format.h>

namespace complaints::cli {

void print_json(std::FILE* out, const Json& value) {
    fmt::print(out, "{}\n", value.dump(2));
}

Json json_document(std::string_view key, Json list) {
    return Json{{"schema_version", k_json_schema_version}, {std::string(key), std::move(list)}};
}

void print_case_json(const Case& c, const std::vector<Clock>& clocks, const Store& store) {
    std::string out;
    write_case_json(out, 0, c, clocks, store.zone(), store.config().policy, CaseDetail::full);
    fmt::print("{}\n", out);
}

} // namespace complaints::cli
