#!/usr/bin/env python3
# SPDX-License-Identifier: Apache-2.0
"""The baseline a user would otherwise write: load every case file with
PyYAML's C loader and count the month's received cases and the responses
due in it that went on time (14 working days, weekends skipped; bank
holidays ignored, which only flatters this baseline).

usage: pyyaml_monthly.py REPO YYYY-MM"""
import datetime
import os
import sys

import yaml

Loader = yaml.CSafeLoader


def parse(value):
    if isinstance(value, datetime.datetime):
        return value
    return datetime.datetime.fromisoformat(str(value))


def working_days_after(day, n):
    while n > 0:
        day += datetime.timedelta(days=1)
        if day.weekday() < 5:
            n -= 1
    return day


def main():
    root, month = sys.argv[1], sys.argv[2]
    received = due = on_time = 0
    for folder, _, files in os.walk(os.path.join(root, "cases")):
        for name in files:
            if not name.endswith(".yaml"):
                continue
            with open(os.path.join(folder, name), "rb") as f:
                case = yaml.load(f, Loader=Loader)
            got = parse(case["received"])
            if got.strftime("%Y-%m") == month:
                received += 1
            if case.get("kind", "complaint") != "complaint" or case.get("exclusion"):
                continue
            deadline = working_days_after(got.date(), 14)
            if deadline.strftime("%Y-%m") != month:
                continue
            due += 1
            sent = [parse(e["at"]) for e in case.get("events", []) if e["type"] == "response-sent"]
            if sent and sent[0].date() <= deadline:
                on_time += 1
    print(f"received {received} due {due} on_time {on_time}")


main()
