// SPDX-License-Identifier: Apache-2.0
#pragma once
// Runs `work(process_number)` in that many forked processes at once and
// says whether every one of them returned true.
#include <functional>

namespace test {

bool in_parallel(int processes, const std::function<bool(int)>& work);

} // namespace test
