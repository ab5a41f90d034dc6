#!/usr/bin/env bash
# SPDX-License-Identifier: Apache-2.0
# 100,000 `calendar add` queries through `-`, against piping the same input
# through `cat` (the floor: reading the queries and writing lines), in one run
# on the same machine. Prints the medians and their ratio.
#
#   bench/calendar.sh [BINARY] [QUERIES] [RUNS]
set -euo pipefail
binary=${1:-build/complaints}
queries=${2:-100000}
runs=${3:-7}
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT

# Deterministic queries: start dates over 1995-2100, spans of 0-60 working days.
awk -v n="$queries" 'BEGIN {
    srand(20261122);
    for (i = 0; i < n; i++) {
        y = 1995 + int(rand() * 106); m = 1 + int(rand() * 12); d = 1 + int(rand() * 28);
        printf "%04d-%02d-%02d %d\n", y, m, d, int(rand() * 61);
    }
}' > "$work/queries"

now_ns() { date +%s%N; }
time_one() { # prints elapsed nanoseconds of "$@" < queries > /dev/null
    local start end
    start=$(now_ns)
    "$@" < "$work/queries" > /dev/null
    end=$(now_ns)
    echo $((end - start))
}
median() { sort -n | awk '{ a[NR] = $1 } END { print a[int((NR + 1) / 2)] }'; }

"$binary" calendar add - < "$work/queries" > "$work/answers" # warm-up, and a check
test "$(wc -l < "$work/answers")" -eq "$queries"
cd "$work"
: > tool.ns; : > cat.ns
for _ in $(seq "$runs"); do # interleaved, so drift hits both alike
    time_one "$OLDPWD/$binary" calendar add - >> tool.ns
    time_one cat >> cat.ns
done
tool=$(median < tool.ns); floor=$(median < cat.ns)
awk -v q="$queries" -v t="$tool" -v c="$floor" -v r="$runs" 'BEGIN {
    printf "| what | median of %d runs | per query | ratio to cat |\n|---|---|---|---|\n", r;
    printf "| cat (floor) | %.1f ms | %.2f us | 1 |\n", c / 1e6, c / q / 1e3;
    printf "| complaints calendar add - | %.1f ms | %.2f us | %.1f |\n", t / 1e6, t / q / 1e3, t / c;
}'
