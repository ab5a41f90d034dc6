// SPDX-License-Identifier: Apache-2.0
// Any bytes through the checks issue #17 added in front of the record: the
// UTF-8 check of every input, the 8 MB bound on what is read, the rendering
// of control characters for a terminal, and the cache's decoder behind its
// checksum. Each either answers or refuses cleanly, and each answer keeps
// its promise (checked here, so a wrong answer is a crash).
#include "complaints/base/error.hpp"
#include "complaints/base/text.hpp"
#include "complaints/base/utf8.hpp"
#include "complaints/store/atomic_file.hpp"
#include "complaints/store/case_cache.hpp"

#include <cstdint>
#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <stdexcept>
#include <unistd.h>

namespace {

// A file of this process's own in the temporary folder, rewritten per input.
const std::filesystem::path& scratch() {
    static const std::filesystem::path path =
        std::filesystem::temp_directory_path() / ("fuzz-inputs-" + std::to_string(::getpid()));
    return path;
}

void write_scratch(const std::string& bytes) {
    std::ofstream(scratch(), std::ios::binary | std::ios::trunc) << bytes;
}

// UTF-8 validation: a text is refused exactly when a byte breaks it or it
// holds a control character (first_control), and everything before a bad
// byte decodes.
void utf8_check(const std::string& text) {
    const auto bad = complaints::first_invalid_byte(text);
    bool refused = false;
    try {
        complaints::require_clean_text(text, "--text");
    } catch (const complaints::Error& e) {
        refused = e.kind() == complaints::ErrorKind::usage;
    }
    if (refused != (bad.has_value() || complaints::first_control(text).has_value()))
        std::abort();
    const std::size_t end = bad.value_or(text.size());
    for (std::size_t pos = 0; pos < end;)
        if (!complaints::util::decode_utf8(text, pos))
            std::abort();
}

// Terminal rendering: no control character but newline, tab and the CR of
// a CRLF survives, and a valid text stays valid.
void rendering(const std::string& text) {
    const std::string shown = complaints::visible_controls(text);
    const bool valid = !complaints::first_invalid_byte(text);
    for (std::size_t i = 0; i < shown.size(); ++i) {
        const auto byte = static_cast<unsigned char>(shown[i]);
        const bool line_end = byte == '\r' && i + 1 < shown.size() && shown[i + 1] == '\n';
        if ((byte < 0x20 && byte != '\n' && byte != '\t' && !line_end) || byte == 0x7f)
            std::abort();
        // U+0080-U+009F (C1) is C2 80 - C2 9F in UTF-8.
        if (valid && byte == 0xc2 && i + 1 < shown.size() &&
            static_cast<unsigned char>(shown[i + 1]) < 0xa0)
            std::abort();
    }
    if (valid && complaints::first_invalid_byte(shown))
        std::abort();
}

// The size bound: a file larger than `most` is refused as bad data without
// being read whole; one within it is read byte for byte.
void size_bound(const std::string& bytes) {
    write_scratch(bytes);
    const std::size_t most = bytes.empty() ? 0 : static_cast<unsigned char>(bytes[0]) * 16;
    try {
        if (complaints::read_plain_file(scratch(), "case.yaml", most) != bytes ||
            bytes.size() > most)
            std::abort();
    } catch (const complaints::Error& e) {
        if (e.kind() != complaints::ErrorKind::bad_data || bytes.size() <= most)
            std::abort();
    }
}

// The cache: whatever a damaged .complaints-cache holds, each entry gives a
// case or a runtime_error (the case is then read from its file), a case
// decoded encodes and decodes to itself, and the names read are whole.
void cache(const std::string& bytes) {
    write_scratch(bytes);
    complaints::CacheReader reader(scratch());
    for (const auto& entry : reader.entries()) {
        try {
            const complaints::Case c = complaints::decode_case(reader.payload(entry));
            if (!(complaints::decode_case(complaints::encode_case(c)) == c))
                std::abort();
        } catch (const std::runtime_error&) {
        }
    }
    // The names part: each name in a folder it lists, or no names at all.
    const complaints::CachedNames names = complaints::read_case_names(scratch());
    names.each([&](std::string_view, std::uint32_t folder) {
        if (folder >= names.folders().size())
            std::abort();
    });
    // A payload alone, as the cache's encoder would give it.
    try {
        const complaints::Case c = complaints::decode_case(bytes);
        if (!(complaints::decode_case(complaints::encode_case(c)) == c))
            std::abort();
    } catch (const std::runtime_error&) {
    }
}

} // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
    const std::string bytes(reinterpret_cast<const char*>(data), size);
    utf8_check(bytes);
    rendering(bytes);
    size_bound(bytes);
    cache(bytes);
    return 0;
}
