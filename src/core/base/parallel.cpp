// SPDX-License-Identifier: Apache-2.0
#include "complaints/base/parallel.hpp"

#include <algorithm>
#include <atomic>
#include <exception>
#include <mutex>
#include <thread>
#include <vector>

namespace complaints::util {

void parallel_for(std::size_t count, const std::function<void(std::size_t)>& work,
                  std::size_t serial_up_to) {
    std::atomic<std::size_t> next{0};
    // Past a failure no index needs running: only an earlier one could fail first.
    std::atomic<std::size_t> failed_at{count};
    std::mutex failure_lock;
    std::exception_ptr failure;
    const auto run = [&] {
        for (std::size_t i = next++; i < failed_at; i = next++) {
            try {
                work(i);
            } catch (...) {
                const std::lock_guard lock(failure_lock);
                if (i < failed_at) {
                    failed_at = i;
                    failure = std::current_exception();
                }
            }
        }
    };
    const std::size_t threads_wanted =
        std::min<std::size_t>({std::thread::hardware_concurrency(), 8, count});
    {
        std::vector<std::jthread> helpers;
        for (std::size_t t = 1; t < threads_wanted && count > serial_up_to; ++t)
            helpers.emplace_back(run);
        run();
    }
    if (failure)
        std::rethrow_exception(failure);
}

} // namespace complaints::util
