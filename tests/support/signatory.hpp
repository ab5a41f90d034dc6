// SPDX-License-Identifier: Apache-2.0
#pragma once
// A repository whose complaints.yaml names who signs the letters, filled in
// as a manager fills in the commented line `init` leaves.
#include "run.hpp"

#include <doctest/doctest.h>

#include <filesystem>
#include <string>

namespace test {

inline void sign_letters(const std::filesystem::path& root,
                         const std::string& signatory = "Claire Dunn, Clinic Manager") {
    std::string config = read_text(root / "complaints.yaml");
    const std::string commented = "# signatory: \"Your Name, Clinic Manager\"";
    REQUIRE(config.find(commented) != std::string::npos);
    config.replace(config.find(commented), commented.size(), "signatory: \"" + signatory + "\"");
    write_text(root / "complaints.yaml", config);
}

} // namespace test
