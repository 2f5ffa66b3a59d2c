#!/usr/bin/env python3
"""Validates SARIF files with Microsoft's SARIF multitool (npm @microsoft/sarif-multitool, which
scripts/setup.sh --tests installs into build/tools) and proves on the spot that it still catches
mistakes: a copy of the first file with two deliberate errors must get both reported.

usage: check_sarif.py MULTITOOL WORKDIR FILE.sarif...
Fails on any error or warning the multitool reports for FILE (its notes are style advice such as
"prefer relative URIs", not validity). A missing multitool is a failure, never a skip.
"""
import json
import os
import subprocess
import sys
from urllib.parse import unquote, urlparse


def broken_copy(source, target):
    """Our own output with two errors the SARIF 2.1.0 spec forbids."""
    with open(source, encoding="utf-8") as f:
        log = json.load(f)
    run = log["runs"][0]
    del run["tool"]["driver"]["name"]  # toolComponent.name is required (JSON schema)
    result = next(r for r in run["results"] if r.get("locations"))
    result["locations"][0]["physicalLocation"]["region"]["startLine"] = 0  # minimum is 1
    with open(target, "w", encoding="utf-8") as f:
        json.dump(log, f)


def findings_by_file(multitool, workdir, files):
    out = os.path.join(workdir, "multitool.sarif")
    cmd = [multitool, "validate", "--output", out, *files]
    done = subprocess.run(cmd, stdout=subprocess.PIPE, stderr=subprocess.STDOUT, text=True)
    if done.returncode != 0 or not os.path.exists(out):
        sys.exit(f"check_sarif.py: {' '.join(cmd)} failed ({done.returncode}):\n{done.stdout}")
    with open(out, encoding="utf-8") as f:
        log = json.load(f)
    found = {os.path.realpath(p): [] for p in files}
    for run in log["runs"]:
        for result in run.get("results", []):
            if result.get("level", "warning") not in ("error", "warning"):
                continue
            uri = result["locations"][0]["physicalLocation"]["artifactLocation"]["uri"]
            path = os.path.realpath(unquote(urlparse(uri).path))
            args = ", ".join(result.get("message", {}).get("arguments", []))
            found.setdefault(path, []).append(f"{result['ruleId']} {result['level']}: {args}")
    return found


def main():
    if len(sys.argv) < 4:
        sys.exit(__doc__)
    multitool, workdir, files = sys.argv[1], sys.argv[2], sys.argv[3:]
    if not os.access(multitool, os.X_OK):
        sys.exit(f"check_sarif.py: no SARIF multitool at {multitool}; run scripts/setup.sh --tests")
    broken = os.path.join(workdir, "must-fail.sarif")
    broken_copy(files[0], broken)
    found = findings_by_file(multitool, workdir, [broken, *files])
    ok = True
    caught = found[os.path.realpath(broken)]
    # JSON1002: a required property is missing; JSON1008: a number below its minimum.
    for rule, detail in (("JSON1002", "tool.driver, name"), ("JSON1008", "startLine, 0")):
        if not any(line.startswith(rule) and detail in line for line in caught):
            print(f"check_sarif.py: the multitool missed the deliberate error ({rule} {detail}): "
                  f"got {caught}", file=sys.stderr)
            ok = False
    for path in files:
        for line in found[os.path.realpath(path)]:
            print(f"{path}: {line}", file=sys.stderr)
            ok = False
    if not ok:
        sys.exit(1)
    print(f"valid SARIF (multitool): {' '.join(files)}")


main()
