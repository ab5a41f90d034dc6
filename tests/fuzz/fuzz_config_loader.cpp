// SPDX-License-Identifier: Apache-2.0
// Any bytes as complaints.yaml: a clear Error, or a configuration that
// writes out and reads back.
#include "complaints/base/error.hpp"
#include "complaints/codec/config.hpp"

#include <cstdint>
#include <cstdlib>

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
    const std::string_view text(reinterpret_cast<const char*>(data), size);
    complaints::Config config;
    try {
        config = complaints::read_config(text, "complaints.yaml");
    } catch (const complaints::Error&) {
        return 0;
    }
    const std::string written = complaints::write_config(config);
    if (complaints::write_config(complaints::read_config(written, "complaints.yaml")) != written)
        std::abort();
    return 0;
}
