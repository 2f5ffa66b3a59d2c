#!/usr/bin/env bash
# Benchmark: `ma-plan validate` (schema + every semantic rule) against yamllint's syntax-only pass
# over the same 1,000 generated plans, in the same run. Medians of several runs (hyperfine).
#   bench/validate/run.sh [COUNT] [RUNS]   (no warm-up run: the sanity pass below reads every file)
# Needs: MA_PLAN_SETUP_BENCH=1 scripts/setup.sh  (installs yamllint, hyperfine)
set -euo pipefail
cd "$(dirname "$0")/../.."
count=${1:-1000}
runs=${2:-3}
bin=build/apps/ma-plan/ma-plan
data=$(mktemp -d)
trap 'rm -rf "$data"' EXIT
python3 bench/validate/generate.py "$data/plans" "$count"
echo "plans: $count files, $(du -sh "$data/plans" | cut -f1) in total"
# yamllint's syntax-only pass: every rule off, so it only parses (its fastest possible mode).
printf 'rules: {}\n' > "$data/yamllint.yaml"
# Sanity: both tools must accept every file before timing means anything.
"$bin" validate "$data/plans" --fail-on error >/dev/null
yamllint -c "$data/yamllint.yaml" "$data/plans" >/dev/null

hyperfine --style basic --runs "$runs" --warmup 0 --export-json "$data/result.json" \
    -n "ma-plan validate -j1" "$bin validate -j 1 $data/plans --fail-on error" \
    -n "ma-plan validate (all cores)" "$bin validate $data/plans --fail-on error" \
    -n "yamllint (syntax only)" "yamllint -c $data/yamllint.yaml $data/plans" >/dev/null 2>&1 || \
hyperfine --style basic --runs "$runs" --warmup 0 --export-json "$data/result.json" \
    -n "ma-plan validate" "$bin validate $data/plans --fail-on error" \
    -n "yamllint (syntax only)" "yamllint -c $data/yamllint.yaml $data/plans" >/dev/null

python3 - "$data/result.json" "$count" <<'PY'
import json, statistics, sys
results = json.load(open(sys.argv[1]))["results"]
count = int(sys.argv[2])
med = {r["command"]: statistics.median(r["times"]) for r in results}
peer = med["yamllint (syntax only)"]
print(f"{'command':32} {'median s':>9} {'ms/file':>8} {'vs yamllint':>12}")
for name, t in med.items():
    print(f"{name:32} {t:9.3f} {t / count * 1000:8.3f} {peer / t:11.1f}x")
PY
