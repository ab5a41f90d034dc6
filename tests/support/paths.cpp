// SPDX-License-Identifier: Apache-2.0
#include "paths.hpp"

#include <algorithm>
#include <filesystem>

namespace test {

const char* binary_path() {
    return COMPLAINTS_BINARY;
}
const char* examples_path() {
    return COMPLAINTS_SOURCE_DIR "/cases-example";
}
const char* test_data_path() {
    return COMPLAINTS_SOURCE_DIR "/tests/data";
}
const char* docs_path() {
    return COMPLAINTS_SOURCE_DIR "/docs";
}
const char* man_sources_path() {
    return COMPLAINTS_SOURCE_DIR "/man";
}
const char* source_path() {
    return COMPLAINTS_SOURCE_DIR;
}
const char* project_version() {
    return COMPLAINTS_PROJECT_VERSION;
}

const char* fault_shim_path() {
#ifdef COMPLAINTS_FAULT_SHIM
    return COMPLAINTS_FAULT_SHIM;
#else
    return "";
#endif
}

std::vector<std::string> example_names() {
    std::vector<std::string> names;
    for (const auto& entry : std::filesystem::directory_iterator(examples_path()))
        if (entry.is_directory())
            names.push_back(entry.path().filename().string());
    std::sort(names.begin(), names.end());
    return names;
}

} // namespace test
