#!/usr/bin/env python3
"""Validates a JSON document against a JSON Schema with python3-jsonschema (Debian package).

usage: check_json_schema.py SCHEMA INSTANCE
The validator class follows the schema's own "$schema" (draft-04 for SARIF, draft-07 for
ma-plan's schema). A missing jsonschema module is a failure, not a skip: CI must have it.
"""
import json
import sys

try:
    import jsonschema
except ImportError:
    sys.exit("check_json_schema.py: python3-jsonschema is not installed (apt install python3-jsonschema)")


def main():
    if len(sys.argv) != 3:
        sys.exit(__doc__)
    with open(sys.argv[1], encoding="utf-8") as f:
        schema = json.load(f)
    with open(sys.argv[2], encoding="utf-8") as f:
        instance = json.load(f)
    cls = jsonschema.validators.validator_for(schema)
    cls.check_schema(schema)
    errors = sorted(cls(schema).iter_errors(instance), key=lambda e: list(e.absolute_path))
    for e in errors:
        path = "/".join(str(p) for p in e.absolute_path)
        print(f"{sys.argv[2]}: /{path}: {e.message}", file=sys.stderr)
    if errors:
        sys.exit(1)
    print(f"{sys.argv[2]}: valid against {schema.get('$id', sys.argv[1])}")


main()
