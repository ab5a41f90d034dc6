// SPDX-License-Identifier: Apache-2.0
#pragma once
// Where the tests find the built binary and the source tree's files. The
// paths are compiled into paths.cpp alone: as definitions on every test file
// they made each clone in another folder recompile the whole suite (ccache
// hashes the command line, and these are absolute paths).
#include <string>
#include <vector>

namespace test {

const char* binary_path();      // the built `complaints`
const char* examples_path();    // cases-example/
const char* test_data_path();   // tests/data/
const char* docs_path();        // docs/
const char* man_sources_path(); // man/, the pages' sources
const char* source_path();      // the source tree's root
const char* project_version();  // what --version's number should be
// The fault injector (support/fault_shim.cpp) to preload, "" in the
// sanitiser builds, which have none.
const char* fault_shim_path();

// The example repositories' names, one a preset: cases-example/'s folders,
// in order. A new preset's example joins every test of them by being there.
std::vector<std::string> example_names();

} // namespace test
