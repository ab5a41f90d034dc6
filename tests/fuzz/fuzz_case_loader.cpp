// SPDX-License-Identifier: Apache-2.0
// Any bytes as a case file: either a clear Error, or a case that writes out
// and reads back to the same text.
#include "complaints/base/error.hpp"
#include "complaints/codec/codec.hpp"

#include <cstdint>
#include <cstdlib>

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
    const std::string_view text(reinterpret_cast<const char*>(data), size);
    complaints::Case c;
    try {
        c = complaints::read_case(text, "fuzz.yaml");
    } catch (const complaints::Error&) {
        return 0;
    }
    const std::string written = complaints::write_case(c);
    const complaints::Case again = complaints::read_case(written, "fuzz.yaml");
    if (complaints::write_case(again) != written)
        std::abort();
    return 0;
}
