// SPDX-License-Identifier: Apache-2.0
#include "rounds.hpp"

#include <algorithm>
#include <cstdlib>
#include <string>

namespace test {

namespace {

int divisor() {
    const char* value = std::getenv("COMPLAINTS_TEST_ROUNDS_DIVISOR");
    if (value == nullptr || *value == '\0')
        return 1;
    return std::max(1, std::stoi(value));
}

} // namespace

int rounds(int rounds) {
    static const int by = divisor();
    return std::max(1, rounds / by);
}

} // namespace test
