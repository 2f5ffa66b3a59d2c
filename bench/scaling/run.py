#!/usr/bin/env python3
"""Scaling benchmark: `ma-plan validate` on one plan of 1k / 10k / 50k tasks, written as block
YAML and as one-line (minified) JSON, which is valid YAML too. Positions used to cost a walk from
the line start per node, so the one-line plan was quadratic; both must now grow linearly and the
one-line plan must stay within 2x of the block plan.

Medians of RUNS runs each, all in the same run of this script. The figure is CPU time (user +
sys of the ma-plan process), which a shared or busy machine does not distort the way it
distorts wall-clock time; wall-clock medians are printed beside it.
usage: bench/scaling/run.py [RUNS] [SIZES...]     (from the repository root; default 5 1000 10000 50000)
Needs python3-yaml (installed by scripts/setup.sh).
"""
import json
import os
import statistics
import subprocess
import sys
import tempfile
import time

import yaml

BIN = os.path.join("build", "apps", "ma-plan", "ma-plan")


def plan(tasks):
    stakeholders = [
        {"id": "marketing", "name": "マーケティング部", "kind": "marketing"},
        {"id": "sales", "name": "営業部", "kind": "sales"},
        {"id": "it", "name": "情報システム部", "kind": "internal_systems"},
        {"id": "legal", "name": "法務部", "kind": "privacy_legal"},
    ]
    return {
        "ma_plan": 1,
        "project": {"name": "スケール試験", "tool": "marketo", "owner": "marketing"},
        "stakeholders": stakeholders,
        "tasks": [
            {
                "id": f"t{i}",
                "name": f"タスク {i}",
                "step": i % 7 + 1,
                "roles": {"marketing": "主担当", "sales": "共有"},
                "status": "todo",
                "due": "2027-03-31",
            }
            for i in range(tasks)
        ],
    }


def median_seconds(path, runs):
    """(median CPU seconds, median wall seconds) of `ma-plan validate -j 1 path`."""
    cpu, wall = [], []
    for _ in range(runs):
        start = time.perf_counter()
        proc = subprocess.Popen([BIN, "validate", "-j", "1", path], stdout=subprocess.DEVNULL,
                                stderr=subprocess.DEVNULL)
        _, status, usage = os.wait4(proc.pid, 0)
        wall.append(time.perf_counter() - start)
        cpu.append(usage.ru_utime + usage.ru_stime)
        code = os.waitstatus_to_exitcode(status)
        if code not in (0, 1):
            sys.exit(f"{path}: exit {code}")
    return statistics.median(cpu), statistics.median(wall)


def main():
    runs = int(sys.argv[1]) if len(sys.argv) > 1 else 5
    sizes = [int(s) for s in sys.argv[2:]] or [1000, 10000, 50000]
    with tempfile.TemporaryDirectory() as tmp:
        print(f"{'tasks':>6} {'bytes block':>12} {'block cpu s':>11} {'1-line cpu s':>12} "
              f"{'1-line/block':>12} {'us/task block':>13} {'us/task 1-line':>14} "
              f"{'wall block':>10} {'wall 1-line':>11}")
        for n in sizes:
            p = plan(n)
            block = os.path.join(tmp, f"block-{n}.yaml")
            line = os.path.join(tmp, f"line-{n}.yaml")
            with open(block, "w", encoding="utf-8") as f:
                yaml.safe_dump(p, f, allow_unicode=True, sort_keys=False, default_flow_style=False)
            with open(line, "w", encoding="utf-8") as f:
                f.write(json.dumps(p, ensure_ascii=False, separators=(",", ":")) + "\n")
            b, bw = median_seconds(block, runs)
            l, lw = median_seconds(line, runs)
            print(f"{n:>6} {os.path.getsize(block):>12} {b:>11.3f} {l:>12.3f} {l / b:>12.2f} "
                  f"{b / n * 1e6:>13.1f} {l / n * 1e6:>14.1f} {bw:>10.3f} {lw:>11.3f}",
                  flush=True)


if __name__ == "__main__":
    main()
