// SPDX-License-Identifier: Apache-2.0
#include "parallel.hpp"

#include <sys/wait.h>
#include <unistd.h>
#include <vector>

namespace test {

bool in_parallel(int processes, const std::function<bool(int)>& work) {
    std::vector<pid_t> children;
    for (int p = 0; p < processes; ++p) {
        const pid_t pid = ::fork();
        if (pid == 0) {
            bool ok = false;
            try {
                ok = work(p);
            } catch (...) {
            }
            ::_exit(ok ? 0 : 1);
        }
        children.push_back(pid);
    }
    bool all_ok = true;
    for (const pid_t pid : children) {
        int status = 0;
        ::waitpid(pid, &status, 0);
        all_ok = all_ok && WIFEXITED(status) && WEXITSTATUS(status) == 0;
    }
    return all_ok;
}

} // namespace test
