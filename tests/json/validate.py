#!/usr/bin/env python3
# SPDX-License-Identifier: Apache-2.0
# Validates JSON documents against a JSON Schema (draft 2020-12) with an
# implementation that is not ours: Debian's python3-jsonschema. Each
# argument after the schema is a file; every error is printed, as
# "FILE: path: message", and the exit status is 1 when there is one.
# Dates and instants are checked by the schemas' patterns, so the result
# does not depend on which optional format checkers are installed.
import json
import sys

import jsonschema


def main(schema_file, documents):
    with open(schema_file, encoding="utf-8") as f:
        schema = json.load(f)
    jsonschema.Draft202012Validator.check_schema(schema)
    validator = jsonschema.Draft202012Validator(schema)
    bad = 0
    for document in documents:
        with open(document, encoding="utf-8") as f:
            instance = json.load(f)
        for error in validator.iter_errors(instance):
            where = "/".join(str(p) for p in error.absolute_path) or "(top)"
            print(f"{document}: {where}: {error.message}")
            bad = 1
    return bad


if __name__ == "__main__":
    if len(sys.argv) < 3:
        sys.exit("usage: validate.py SCHEMA DOCUMENT...")
    sys.exit(main(sys.argv[1], sys.argv[2:]))
