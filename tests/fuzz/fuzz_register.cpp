// SPDX-License-Identifier: Apache-2.0
// Any bytes as a spreadsheet register: a table or a clear Error; a table's
// rows planned into cases or bad cells, never a crash; its map template
// read back against its own header, or a clear Error (a value left blank).
#include "complaints/base/error.hpp"
#include "complaints/codec/register_import.hpp"

#include <cstdint>

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
    using namespace complaints;
    static const Policy clinic = preset_policy("clinic");
    static const date::time_zone& zone = find_zone("Europe/London");
    try {
        const RegisterTable table =
            read_register(std::string_view(reinterpret_cast<const char*>(data), size), "r.csv");
        const ImportSettings settings{
            clinic, zone,    date::sys_days{date::year(2026) / 11 / 16},
            "Fuzz", "r.csv", size % 2 ? DateOrder::day_first : DateOrder::month_first};
        const ImportPlan plan = plan_import(table, recognised_map(table.header), settings);
        for (const auto& planned : plan.cases)
            import_differences(planned.c, planned.c, zone);
        read_register_map(register_map_template(table), "m.yaml", table.header);
    } catch (const Error&) {
    }
    return 0;
}
