#!/usr/bin/env bash
# SPDX-License-Identifier: Apache-2.0
# `import` of a 10,000-row spreadsheet register (issue #37), against two
# baselines run in the same call: bench_generate writing as many cases
# through the core's writer (the floor of writing the files), and Python's
# csv module reading the register (the floor of reading it). Also the
# second run over the same file, which creates nothing (every row found by
# its reference). Prints a Markdown table of medians and ratios.
#   bash bench/import.sh              # N=10000 RUNS=3
#   N=1000 RUNS=5 bash bench/import.sh
source "$(dirname "$0")/common.sh"
build="${BUILD:-$here/build}"
n="${N:-10000}"
runs="${RUNS:-3}"
work="$(mktemp -d)"
trap 'rm -rf "$work"' EXIT
cmake --build "$build" -j2 --target complaints bench_generate >/dev/null
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

# Runs a shell command $runs times, each after `prepare`; prints the median seconds.
measure() {
  local times=()
  for _ in $(seq "$runs"); do
    bash -c "$2" >/dev/null 2>&1
    local start end
    start=$(date +%s%N)
    bash -c "$1" >/dev/null
    end=$(date +%s%N)
    times+=("$(( (end - start) / 1000 ))")
  done
  printf '%s\n' "${times[@]}" | sort -n | awk '{a[NR]=$1} END {printf "%.3f", a[int((NR+1)/2)]/1e6}'
}

fresh="rm -rf '$work/repo' && '$bin' init '$work/repo' --preset clinic --organisation Bench --prefix LUM --no-git"
declare -A seconds=(
  [generate]="$(measure "rm -rf '$work/gen' && '$build/bench_generate' '$work/gen' $n clinic 42" true)"
  [python-csv]="$(measure "python3 -c 'import csv,sys; sum(1 for _ in csv.reader(open(sys.argv[1], newline=\"\", encoding=\"utf-8\")))' '$work/register.csv'" true)"
  [import]="$(measure "cd '$work/repo' && '$bin' import --csv '$work/register.csv'" "$fresh")"
  [import-again]="$(measure "cd '$work/repo' && '$bin' import --csv '$work/register.csv'" true)"
  [dry-run]="$(measure "cd '$work/repo' && '$bin' import --csv '$work/register.csv' --dry-run" true)"
)
echo "| rows | command | median (s) | x generate | x python csv |"
echo "|---:|---|---:|---:|---:|"
for name in generate python-csv import import-again dry-run; do
  s="${seconds[$name]}"
  echo "| $n | $name | $s | $(awk -v a="$s" -v b="${seconds[generate]}" 'BEGIN {printf "%.2f", a/b}') | $(awk -v a="$s" -v b="${seconds[python-csv]}" 'BEGIN {printf "%.2f", a/b}') |"
done
