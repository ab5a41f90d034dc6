#!/usr/bin/env bash
# SPDX-License-Identifier: Apache-2.0
# `import` of a 10,000-row spreadsheet register (issue #37), against
# baselines run in the same call: `cat` of every case file the import
# wrote (one process reading every case file: the read floor run.sh
# compares with), bench_generate writing as many cases through the core's
# writer without fsync (the floor of making the files), and Python's csv
# module reading the register (the floor of reading it). Also the dry run
# over an empty repository (every row read and checked, nothing written)
# and the second run over the same file, which creates nothing (every row
# found by its reference). Prints a Markdown table of medians (wall, and
# user+sys cpu) and cpu ratios.
#   bash bench/import.sh              # N=10000 RUNS=3
#   N=1000 RUNS=5 bash bench/import.sh
#   BUILD=/path/to/build SKIP_BUILD=1 bash bench/import.sh
# Needs /usr/bin/time (Debian's `time`).
source "$(dirname "$0")/common.sh"
build="${BUILD:-$here/build}"
n="${N:-10000}"
runs="${RUNS:-3}"
work="$(mktemp -d)"
trap 'rm -rf "$work"' EXIT
# SKIP_BUILD=1: time the binaries already built (while another build runs).
[ -n "${SKIP_BUILD:-}" ] || cmake --build "$build" -j2 --target complaints bench_generate >/dev/null
bin="$build/complaints"

# The register: dates in both styles, quoted summaries over two lines,
# three fates (open, answered and closed, withdrawn), as a practice keeps it.
python3 - "$n" >"$work/register.csv" <<'PY'
import csv, datetime, random, sys
n = int(sys.argv[1]); r = random.Random(37)
out = csv.writer(sys.stdout, lineterminator="\r\n")
out.writerow(["Ref", "Date received", "Complainant", "How received", "Category", "Summary",
              "Date acknowledged", "Date responded", "Outcome", "Date closed", "Lessons learnt"])
start = datetime.date(2016, 1, 4)
for i in range(n):
    got = start + datetime.timedelta(days=r.randrange(3600))
    style = (lambda d: d.isoformat()) if i % 2 else (lambda d: d.strftime("%d/%m/%Y"))
    fate = r.randrange(10)
    row = [f"R-{i:06}", style(got), r.choice(["Siân Evans", "Mr Ben Okafor", "Zoë Clarke"]),
           r.choice(["Phone call", "Website form", "Email", "Letter"]),
           r.choice(["Clinical", "Non-clinical"]), "Waited too long,\nthen turned away",
           style(got + datetime.timedelta(days=2)), "", "", "", ""]
    if fate >= 2:
        sent = got + datetime.timedelta(days=r.randrange(3, 30))
        row[7:10] = [style(sent), r.choice(["Upheld", "Partially upheld", "Not upheld"]),
                     style(sent + datetime.timedelta(days=2))]
        row[10] = "Call back sooner"
    elif fate == 1:
        row[8:10] = ["Withdrawn", style(got + datetime.timedelta(days=5))]
    out.writerow(row)
PY

# Runs shell command $1 $runs times, each after $2 (not timed); prints
# "median-wall-seconds median-cpu-seconds" (cpu: user + sys, children too).
measure() {
  local walls=() cpus=()
  for _ in $(seq "$runs"); do
    bash -c "$2" >/dev/null 2>&1
    local start end cpu
    start=$(date +%s%N)
    cpu=$(/usr/bin/time -f '%U %S' bash -c "$1" 2>&1 >/dev/null | tail -1 | awk '{print $1 + $2}')
    end=$(date +%s%N)
    walls+=("$(( (end - start) / 1000 ))")
    cpus+=("$cpu")
  done
  local wall
  wall=$(printf '%s\n' "${walls[@]}" | sort -n | awk '{a[NR]=$1} END {printf "%.3f", a[int((NR+1)/2)]/1e6}')
  cpu=$(printf '%s\n' "${cpus[@]}" | sort -g | awk '{a[NR]=$1} END {printf "%.2f", a[int((NR+1)/2)]}')
  echo "$wall $cpu"
}

fresh="rm -rf '$work/repo' && '$bin' init '$work/repo' --preset clinic --organisation Bench --prefix LUM --no-git"
in_repo="cd '$work/repo' && '$bin' import --csv '$work/register.csv'"
declare -A wall=() cpu=()
# In this order: the dry run on an empty repository, the import (which
# leaves the repository imported), then what reads what it wrote.
read -r wall[generate] cpu[generate] <<<"$(measure "rm -rf '$work/gen' && '$build/bench_generate' '$work/gen' $n clinic 42" true)"
read -r wall[python-csv] cpu[python-csv] <<<"$(measure "python3 -c 'import csv,sys; sum(1 for _ in csv.reader(open(sys.argv[1], newline=\"\", encoding=\"utf-8\")))' '$work/register.csv'" true)"
read -r wall[dry-run] cpu[dry-run] <<<"$(measure "$in_repo --dry-run" "$fresh")"
read -r wall[import] cpu[import] <<<"$(measure "$in_repo" "$fresh")"
read -r wall[import-again] cpu[import-again] <<<"$(measure "$in_repo" true)"
read -r wall[cat] cpu[cat] <<<"$(measure "cd '$work/repo' && find cases -name '*.yaml' -print0 | xargs -0 cat" true)"
made=$(find "$work/repo/cases" -name '*.yaml' | wc -l)
echo "$n rows, $made case files; load average $(cut -d' ' -f1-3 /proc/loadavg) at the end"
echo
echo "| rows | command | wall (s) | cpu (s) | cpu x cat | cpu x generate | cpu x python csv |"
echo "|---:|---|---:|---:|---:|---:|---:|"
ratio() { awk -v a="$1" -v b="$2" 'BEGIN {if (b > 0) printf "%.2f", a/b; else printf "-"}'; }
for name in cat generate python-csv dry-run import import-again; do
  c="${cpu[$name]}"
  echo "| $n | $name | ${wall[$name]} | $c | $(ratio "$c" "${cpu[cat]}") | $(ratio "$c" "${cpu[generate]}") | $(ratio "$c" "${cpu[python-csv]}") |"
done
