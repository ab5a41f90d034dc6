#!/usr/bin/env bash
# SPDX-License-Identifier: Apache-2.0
# Builds the libFuzzer targets with clang and runs each for SECONDS (default
# 60) from the seed corpus in tests/fuzz/corpus, which it leaves untouched.
# A crash leaves its input in the work folder printed at the end: add it to
# the corpus and turn it into a regression test.
#
#   tests/fuzz/run.sh [SECONDS]
#   tests/fuzz/run.sh build          # only build them
#
# COMPLAINTS_CMAKE_FLAGS adds to the configuration (scripts/test-all sets it).
set -euo pipefail
seconds=${1:-60}
cd "$(dirname "$0")/../.."
# shellcheck disable=SC2086 # the flags are words
CC=clang CXX=clang++ cmake -S . -B build-fuzz -DCOMPLAINTS_FUZZ=ON -DCMAKE_BUILD_TYPE=RelWithDebInfo \
    ${COMPLAINTS_CMAKE_FLAGS:-} > /dev/null
cmake --build build-fuzz -j2 --target fuzz_case_loader fuzz_config_loader fuzz_parsers fuzz_inputs fuzz_register > /dev/null
[ "$seconds" != build ] || exit 0
work=$(mktemp -d)
trap 'echo "fuzzing failed: the crashing input is in $work" >&2' ERR
for target in case_loader config_loader parsers inputs register; do
    mkdir -p "$work/$target"
    cp tests/fuzz/corpus/$target/* "$work/$target/"
    echo "fuzzing $target for ${seconds}s"
    (cd "$work" && "$OLDPWD/build-fuzz/tests/fuzz/fuzz_$target" -max_total_time="$seconds" -max_len=65536 \
        -timeout=10 -rss_limit_mb=2048 -print_final_stats=1 "$work/$target" 2>&1 | tail -n 12)
done
rm -rf "$work"
