#!/usr/bin/env bash
# Benchmark: `ma-plan report` (md and html) against `ma-plan validate` of the same large plan
# (2,000 tasks, 200 communications), in the same run. The report runs the validate pipeline and
# then builds and renders its model; issue 14 asks that it cost less than 2× validate.
#   bench/report/run.sh [RUNS] [TASKS] [COMMS]
# Medians of RUNS runs of each command, timed in-process by python's time.perf_counter.
set -euo pipefail
cd "$(dirname "$0")/../.."
runs=${1:-15}
bin=build/apps/ma-plan/ma-plan
data=$(mktemp -d)
trap 'rm -rf "$data"' EXIT
python3 bench/report/generate.py "$data/plan.yaml" "${2:-2000}" "${3:-200}"
echo "plan: $(wc -l < "$data/plan.yaml") lines, $(du -h "$data/plan.yaml" | cut -f1)"
python3 - "$bin" "$data" "$runs" <<'PY'
import statistics, subprocess, sys, time
bin, data, runs = sys.argv[1], sys.argv[2], int(sys.argv[3])
plan = f"{data}/plan.yaml"
commands = {
    "validate": [bin, "validate", plan, "--fail-on", "error"],
    "report md": [bin, "report", plan, "--today", "2027-06-01", "-o", f"{data}/r.md"],
    "report html": [bin, "report", plan, "--today", "2027-06-01", "--format", "html",
                    "-o", f"{data}/r.html"],
}
times = {name: [] for name in commands}
for _ in range(runs):  # interleaved, so a slow moment of the machine hits every command alike
    for name, cmd in commands.items():
        start = time.perf_counter()
        subprocess.run(cmd, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL, check=False)
        times[name].append(time.perf_counter() - start)
base = statistics.median(times["validate"])
print(f"{'command':12} {'median ms':>10} {'vs validate':>12}")
for name, t in times.items():
    m = statistics.median(t)
    print(f"{name:12} {m * 1000:10.1f} {m / base:11.2f}x")
PY
