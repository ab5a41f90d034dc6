#!/usr/bin/env bash
# SPDX-License-Identifier: Apache-2.0
# Evidence coming in (issue #36): `intake` of a Maildir of N messages into a
# fresh repository, and one `open --from-email` into the repository that
# made, each against baselines run in the same call: one process reading
# every message (cat of the Maildir: the floor of reading them), and
# bench_generate writing as many cases through the core's writer (the floor
# of writing the files). Then list and report on the repository intake made,
# against cat of every case file, as bench/run.sh measures them: the
# attachments beside the cases must not slow the commands that read cases.
# Prints a Markdown table of medians and ratios.
#   bash bench/email.sh               # N=1000 RUNS=3
#   N=200 RUNS=5 bash bench/email.sh
source "$(dirname "$0")/common.sh"
build="${BUILD:-$here/build}"
n="${N:-1000}"
runs="${RUNS:-3}"
work="$(mktemp -d)"
trap 'rm -rf "$work"' EXIT
cmake --build "$build" -j2 --target complaints bench_generate >/dev/null
bin="$build/complaints"

# The mailbox: N messages as a mail server delivers them, one in five a
# reply to an earlier one (References), one in three with a PDF attached,
# bodies in UTF-8 quoted-printable, windows-1252 and base64 by turns.
python3 - "$n" "$work/Maildir.base" <<'PY'
import base64, os, random, sys
n = int(sys.argv[1]); box = sys.argv[2]; r = random.Random(36)
for sub in ("new", "cur", "tmp"):
    os.makedirs(os.path.join(box, sub))
names = ["Siân Evans", "Ben Okafor", "Zoë Clarke", "Grace Patel", "Tom Reid"]
pdf = base64.encodebytes(b"%PDF-1.4\n%\xe2\xe3\xcf\xd3\n1 0 obj\n<< /Type /Catalog >>\nendobj\n" +
                         bytes(r.randrange(256) for _ in range(3000))).decode()
for i in range(n):
    day = 1 + i * 300 // n
    stamp = f"{1 + day % 28} {['Jan','Mar','May','Jul','Sep','Nov'][day % 6]} 2026 10:{i % 60:02d}:00 +0000"
    who = names[i % len(names)]
    head = [f"Received: from mx.example by mail.clinic.example; {stamp}",
            f"From: {who} <person{i}@example.org>", "To: complaints@clinic.example",
            f"Date: {stamp}", f"Message-ID: <m{i}@example.org>", "MIME-Version: 1.0"]
    subject = f"Complaint about my appointment {i}"
    if i % 5 == 4 and i > 10:
        earlier = r.randrange(i - 10)
        subject = f"Re: Complaint about my appointment {earlier}"
        head += [f"In-Reply-To: <m{earlier}@example.org>", f"References: <m{earlier}@example.org>"]
    head.append(f"Subject: {subject}")
    kind = i % 3
    if kind == 0:
        body = ("Content-Type: text/plain; charset=UTF-8\nContent-Transfer-Encoding: quoted-printable\n\n"
                "I waited an hour at the caf=C3=A9 end of the branch =E2=80=94 nobody came.\n")
    elif kind == 1:
        body = ("Content-Type: text/plain; charset=windows-1252\nContent-Transfer-Encoding: quoted-printable\n\n"
                "The receptionist said it was =93not her job=94. I paid =A340 for nothing.\n")
    else:
        body = ("Content-Type: text/plain; charset=UTF-8\nContent-Transfer-Encoding: base64\n\n" +
                base64.encodebytes("My treatment left a burn; I want an explanation.\n".encode()).decode())
    if i % 3 == 0:
        text = "\n".join(head) + "\nContent-Type: multipart/mixed; boundary=b\n\n--b\n" + body + \
            f"\n--b\nContent-Type: application/pdf; name=\"record {i}.pdf\"\n" \
            f"Content-Disposition: attachment; filename=\"record {i}.pdf\"\n" \
            "Content-Transfer-Encoding: base64\n\n" + pdf + "\n--b--\n"
    else:
        text = "\n".join(head) + "\n" + body
    with open(os.path.join(box, "new", f"17620{i:05}.M{i}P1.mx"), "w", newline="\r\n") as out:
        out.write(text)
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

fresh="rm -rf '$work/repo' '$work/Maildir' && cp -a '$work/Maildir.base' '$work/Maildir' && '$bin' init '$work/repo' --preset clinic --organisation Bench --prefix LUM --no-git"
one="$(printf '%s\n' "$work"/Maildir.base/new/* | sed -n 1p)"
# A message of its own for open, new to the repository each time.
sed -e 's/<m0@example.org>/<bench-open@example.org>/' "$one" >"$work/open.eml"
undo_open="cd '$work/repo' && find cases -newer '$work/stamp' -name '*.yaml' -delete; find attachments -newer '$work/stamp' -mindepth 1 -delete; rm -f .complaints-cache"
declare -A seconds=(
  [cat-messages]="$(measure "cat '$work/Maildir.base'/new/* >/dev/null" true)"
  [generate]="$(measure "rm -rf '$work/gen' && '$build/bench_generate' '$work/gen' $n clinic 42" true)"
  [intake]="$(measure "cd '$work/repo' && '$bin' intake --maildir '$work/Maildir'" "$fresh")"
)
# The repository intake made: files older than the cache's settling time.
sleep 3
touch "$work/stamp"
sleep 1
seconds[open-from-email]="$(measure "cd '$work/repo' && '$bin' open --from-email '$work/open.eml'" "$undo_open")"
bash -c "$undo_open"
(cd "$work/repo" && "$bin" list --format json >/dev/null)
seconds[cat-cases]="$(measure "cd '$work/repo' && find cases -name '*.yaml' -print0 | xargs -0 cat" true)"
seconds[list]="$(measure "cd '$work/repo' && '$bin' list --format json" true)"
seconds[report]="$(measure "cd '$work/repo' && '$bin' report --month 2026-10 --format json" true)"
cases=$(find "$work/repo/cases" -name '*.yaml' | wc -l)
files=$(find "$work/repo/attachments" -type f | wc -l)
echo "intake made $cases cases keeping $files attachments from $n messages"
echo
echo "| messages | command | median (s) | x cat messages | x generate | x cat cases |"
echo "|---:|---|---:|---:|---:|---:|"
for name in cat-messages generate intake open-from-email cat-cases list report; do
  s="${seconds[$name]}"
  ratio() { awk -v a="$s" -v b="$1" 'BEGIN {printf "%.2f", a/b}'; }
  echo "| $n | $name | $s | $(ratio "${seconds[cat-messages]}") | $(ratio "${seconds[generate]}") | $(ratio "${seconds[cat-cases]}") |"
done
