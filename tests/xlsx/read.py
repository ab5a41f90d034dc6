#!/usr/bin/env python3
# SPDX-License-Identifier: Apache-2.0
# Reads a workbook with a reader that is not ours (Debian's python3-openpyxl)
# and prints it as JSON for the tests to look into: per sheet, its frozen
# pane, its filter, its charts, and every cell as {"type", "value", "format"},
# type "date" (a real date, not text that looks like one), "number",
# "text" or "empty".
import datetime
import json
import sys

import openpyxl


def cell_json(cell):
    value = cell.value
    if value is None:
        return {"type": "empty"}
    if isinstance(value, (datetime.datetime, datetime.date)):
        return {"type": "date", "value": value.strftime("%Y-%m-%d"), "format": cell.number_format}
    if isinstance(value, bool):
        return {"type": "text", "value": str(value)}
    if isinstance(value, (int, float)):
        return {"type": "number", "value": value, "format": cell.number_format}
    return {"type": "text", "value": str(value)}


def main(path):
    book = openpyxl.load_workbook(path)
    sheets = []
    for sheet in book.worksheets:
        sheets.append({
            "name": sheet.title,
            "frozen": sheet.freeze_panes,
            "filter": sheet.auto_filter.ref,
            "charts": len(sheet._charts),
            "rows": [[cell_json(c) for c in row] for row in sheet.iter_rows()],
        })
    json.dump({"sheets": sheets}, sys.stdout)
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1]))
