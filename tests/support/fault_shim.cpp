// SPDX-License-Identifier: Apache-2.0
// A fault injector for tests/cli/test_fault_injection.cpp, loaded into the
// `complaints` binary with LD_PRELOAD: it counts the command's own calls
// that change files (creating opens, writes, syncs, renames, links, folder
// makes, removals, mode changes) and fails the one numbered
// COMPLAINTS_FAULT_AT (from 1) with errno COMPLAINTS_FAULT_ERRNO. With
// COMPLAINTS_FAULT_COUNT, the number of calls counted is written there at
// exit, so a run without a fault tells the harness how many there are.
// With COMPLAINTS_FAULT_KILL set, the process kills itself (SIGKILL) at that
// call instead, before it happens: a crash or power cut at that moment.
// LD_PRELOAD is taken out of the environment at once, so a child (git) runs
// as it would and only the command's own calls count.
#include <dlfcn.h>

#include <errno.h>
#include <fcntl.h>
#include <signal.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <sys/syscall.h>
#include <unistd.h>

extern "C" {

static long g_count = 0;
static long g_fail_at = 0;
static int g_errno = EIO;
static const char* g_count_file = NULL;
static int g_kill = 0;

__attribute__((constructor)) static void fault_start(void) {
    const char* at = getenv("COMPLAINTS_FAULT_AT");
    const char* code = getenv("COMPLAINTS_FAULT_ERRNO");
    g_fail_at = at ? atol(at) : 0;
    g_errno = code ? atoi(code) : EIO;
    g_count_file = getenv("COMPLAINTS_FAULT_COUNT");
    g_kill = getenv("COMPLAINTS_FAULT_KILL") != NULL;
    unsetenv("LD_PRELOAD");
}

__attribute__((destructor)) static void fault_end(void) {
    if (!g_count_file)
        return;
    char text[32];
    const int length = snprintf(text, sizeof text, "%ld\n", g_count);
    const long fd = syscall(SYS_openat, AT_FDCWD, g_count_file, O_WRONLY | O_CREAT | O_TRUNC, 0600);
    if (fd >= 0) {
        syscall(SYS_write, fd, text, static_cast<size_t>(length));
        syscall(SYS_close, fd);
    }
}

// Whether this call is the one to fail (and counts it).
static int fail_now(void) {
    ++g_count;
    if (g_count == g_fail_at) {
        if (g_kill)
            raise(SIGKILL);
        errno = g_errno;
        return 1;
    }
    return 0;
}

#define NEXT(name) ((__typeof__(&name))dlsym(RTLD_NEXT, #name))

static int changes(int flags) {
    return (flags & (O_CREAT | O_WRONLY | O_RDWR | O_TRUNC)) != 0;
}

int open(const char* path, int flags, ...) {
    va_list args;
    va_start(args, flags);
    const mode_t mode = va_arg(args, mode_t);
    va_end(args);
    if (changes(flags) && fail_now())
        return -1;
    return NEXT(open)(path, flags, mode);
}

int open64(const char* path, int flags, ...) {
    va_list args;
    va_start(args, flags);
    const mode_t mode = va_arg(args, mode_t);
    va_end(args);
    if (changes(flags) && fail_now())
        return -1;
    return NEXT(open64)(path, flags, mode);
}

int openat(int at, const char* path, int flags, ...) {
    va_list args;
    va_start(args, flags);
    const mode_t mode = va_arg(args, mode_t);
    va_end(args);
    if (changes(flags) && fail_now())
        return -1;
    return NEXT(openat)(at, path, flags, mode);
}

int openat64(int at, const char* path, int flags, ...) {
    va_list args;
    va_start(args, flags);
    const mode_t mode = va_arg(args, mode_t);
    va_end(args);
    if (changes(flags) && fail_now())
        return -1;
    return NEXT(openat64)(at, path, flags, mode);
}

int mkstemp(char* pattern) {
    if (fail_now())
        return -1;
    return NEXT(mkstemp)(pattern);
}

int mkstemps(char* pattern, int suffix) {
    if (fail_now())
        return -1;
    return NEXT(mkstemps)(pattern, suffix);
}

ssize_t write(int fd, const void* data, size_t size) {
    if (fail_now())
        return -1;
    return NEXT(write)(fd, data, size);
}

ssize_t pwrite(int fd, const void* data, size_t size, off_t at) {
    if (fail_now())
        return -1;
    return NEXT(pwrite)(fd, data, size, at);
}

ssize_t pwrite64(int fd, const void* data, size_t size, off_t at) {
    if (fail_now())
        return -1;
    return NEXT(pwrite64)(fd, data, size, at);
}

int fsync(int fd) {
    if (fail_now())
        return -1;
    return NEXT(fsync)(fd);
}

int ftruncate(int fd, off_t length) {
    if (fail_now())
        return -1;
    return NEXT(ftruncate)(fd, length);
}

int ftruncate64(int fd, off_t length) {
    if (fail_now())
        return -1;
    return NEXT(ftruncate64)(fd, length);
}

int fchmod(int fd, mode_t mode) {
    if (fail_now())
        return -1;
    return NEXT(fchmod)(fd, mode);
}

int chmod(const char* path, mode_t mode) {
    if (fail_now())
        return -1;
    return NEXT(chmod)(path, mode);
}

int rename(const char* from, const char* to) {
    if (fail_now())
        return -1;
    return NEXT(rename)(from, to);
}

int renameat(int from_at, const char* from, int to_at, const char* to) {
    if (fail_now())
        return -1;
    return NEXT(renameat)(from_at, from, to_at, to);
}

int renameat2(int from_at, const char* from, int to_at, const char* to, unsigned flags) {
    if (fail_now())
        return -1;
    return NEXT(renameat2)(from_at, from, to_at, to, flags);
}

int link(const char* from, const char* to) {
    if (fail_now())
        return -1;
    return NEXT(link)(from, to);
}

int linkat(int from_at, const char* from, int to_at, const char* to, int flags) {
    if (fail_now())
        return -1;
    return NEXT(linkat)(from_at, from, to_at, to, flags);
}

int mkdir(const char* path, mode_t mode) {
    if (fail_now())
        return -1;
    return NEXT(mkdir)(path, mode);
}

int mkdirat(int at, const char* path, mode_t mode) {
    if (fail_now())
        return -1;
    return NEXT(mkdirat)(at, path, mode);
}

int unlink(const char* path) {
    if (fail_now())
        return -1;
    return NEXT(unlink)(path);
}

int unlinkat(int at, const char* path, int flags) {
    if (fail_now())
        return -1;
    return NEXT(unlinkat)(at, path, flags);
}

int rmdir(const char* path) {
    if (fail_now())
        return -1;
    return NEXT(rmdir)(path);
}

} // extern "C"
