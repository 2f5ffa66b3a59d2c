#!/usr/bin/env python3
"""Checks plan files against docs/ma-plan.schema.json the way an editor would.

usage: check_plan_schema.py valid  SCHEMA PLAN.yaml
       check_plan_schema.py broken SCHEMA PLAN.yaml FINDINGS.json

YAML is read with the YAML 1.2 core schema (as yaml-language-server does, and as ma-plan's loader
does: `2026-01-01` is text, `yes` is text, only true/false are booleans), not PyYAML's YAML 1.1
resolvers. "broken": every line where `ma-plan validate --format json` reports a type error the
schema can express (SCHEMA-001/002/003/005/006) must also carry a schema error.
"""
import json
import re
import sys

try:
    import jsonschema
    import yaml
except ImportError as e:
    sys.exit(f"check_plan_schema.py: {e} (apt install python3-jsonschema python3-yaml)")

NULL = re.compile(r"^(~|null|Null|NULL|)$")
BOOL = re.compile(r"^(true|True|TRUE|false|False|FALSE)$")
INT = re.compile(r"^[-+]?[0-9]+$")
FLOAT = re.compile(r"^[-+]?(\.[0-9]+|[0-9]+(\.[0-9]*)?)([eE][-+]?[0-9]+)?$")
SCHEMA_EXPRESSIBLE = {"SCHEMA-001", "SCHEMA-002", "SCHEMA-003", "SCHEMA-005", "SCHEMA-006"}


def convert(node, path, lines):
    """YAML node → JSON value; records the 1-based line of every path and of every mapping key."""
    lines[path] = node.start_mark.line + 1
    if isinstance(node, yaml.ScalarNode):
        v = node.value
        if node.style is not None:  # quoted or block scalar: always text
            return v
        if NULL.match(v):
            return None
        if BOOL.match(v):
            return v.lower() == "true"
        if INT.match(v):
            return int(v)
        if FLOAT.match(v):
            return float(v)
        return v
    if isinstance(node, yaml.SequenceNode):
        return [convert(item, path + (i,), lines) for i, item in enumerate(node.value)]
    out = {}
    for k, v in node.value:
        key = k.value
        if key in out:
            continue  # the loader keeps the first of duplicate keys
        lines[("key",) + path + (key,)] = k.start_mark.line + 1
        out[key] = convert(v, path + (key,), lines)
    return out


def load_plan(path):
    with open(path, encoding="utf-8") as f:
        node = yaml.compose(f, Loader=yaml.SafeLoader)
    lines = {}
    return convert(node, (), lines), lines


def schema_errors(schema_path, instance):
    with open(schema_path, encoding="utf-8") as f:
        schema = json.load(f)
    cls = jsonschema.validators.validator_for(schema)
    cls.check_schema(schema)
    return list(cls(schema, format_checker=cls.FORMAT_CHECKER).iter_errors(instance))


def error_lines(error, instance, lines):
    """Lines an error can be said to be on: its value, and for unknown keys the keys' lines."""
    path = tuple(error.absolute_path)
    out = {lines.get(path)}
    if error.validator == "additionalProperties" and isinstance(error.instance, dict):
        allowed = set(error.schema.get("properties", {}))
        for key in error.instance:
            if key not in allowed:
                out.add(lines.get(("key",) + path + (key,)))
    for sub in error.context or []:
        out |= error_lines(sub, instance, lines)
    out.discard(None)
    return out


def main():
    mode, schema_path, plan = sys.argv[1:4]
    instance, lines = load_plan(plan)
    errors = schema_errors(schema_path, instance)
    if mode == "valid":
        for e in errors:
            where = "/".join(str(p) for p in e.absolute_path)
            print(f"{plan}:{lines.get(tuple(e.absolute_path), '?')}: /{where}: {e.message}",
                  file=sys.stderr)
        if errors:
            sys.exit(1)
        print(f"{plan}: valid")
        return
    with open(sys.argv[4], encoding="utf-8") as f:
        report = json.load(f)
    wanted = {}
    for file in report["files"]:
        for finding in file["findings"]:
            if finding["rule"] in SCHEMA_EXPRESSIBLE:
                wanted.setdefault(finding["line"], []).append(finding)
    if not wanted:
        sys.exit(f"{plan}: the loader reports no schema-expressible errors; not a broken example")
    covered = set()
    for e in errors:
        covered |= error_lines(e, instance, lines)
    missing = sorted(set(wanted) - covered)
    for line in missing:
        for finding in wanted[line]:
            print(f"{plan}:{line}: loader reports {finding['rule']} ({finding['message']}) "
                  f"but the schema accepts the line", file=sys.stderr)
    if missing:
        sys.exit(1)
    print(f"{plan}: {len(wanted)} lines with type errors, all schema errors too")


main()
