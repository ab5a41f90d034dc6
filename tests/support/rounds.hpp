// SPDX-License-Identifier: Apache-2.0
#pragma once
// How many rounds a stress test runs. The normal suite runs every round its
// name states; the sanitiser stage of scripts/test-all sets
// COMPLAINTS_TEST_ROUNDS_DIVISOR=4 and runs a quarter of them, because there
// each command starts ten times slower and what it proves is memory safety on
// the same paths, which a quarter of the rounds walks as well as all of them.

namespace test {

// `rounds` divided by the divisor in the environment, never below 1.
int rounds(int rounds);

} // namespace test
