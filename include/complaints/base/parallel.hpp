// SPDX-License-Identifier: Apache-2.0
#pragma once
// The one parallel loop: reading case files is most of a big command's time,
// and the files are independent.
#include <cstddef>
#include <functional>

namespace complaints::util {

// Runs `work(i)` for every i in [0, count) on up to 8 threads, this one
// included, each taking the next index when it finishes one. Up to
// `serial_up_to` items stay on this thread: starting threads would cost more
// than they save. When `work` throws, the exception of the lowest index that
// threw is rethrown once every thread has stopped, and indices after it may
// not run, as in a serial loop.
void parallel_for(std::size_t count, const std::function<void(std::size_t)>& work,
                  std::size_t serial_up_to = 0);

} // namespace complaints::util
