#!/usr/bin/env bash
# Benchmarks `ma-plan history` over COMMITS commits of a ~300-line plan against `git log -p` of the
# same file, in the same run (hyperfine interleaves nothing across commands, but both read the
# same repository with a warm cache). The figure is the ratio of the medians. Prints the numbers;
# they go into the report by hand.
#
# Usage: [COMMITS=200] [RUNS=10] bench/history/run.sh [path/to/ma-plan] [work dir]
# Needs: git, hyperfine, python3.
set -euo pipefail
here=$(cd "$(dirname "$0")" && pwd)
ma_plan=$(realpath "${1:-$here/../../build/apps/ma-plan/ma-plan}")
work=${2:-$(mktemp -d /tmp/ma-plan-bench-history-XXXXXX)}
commits=${COMMITS:-200}
runs=${RUNS:-10}
mkdir -p "$work"
cd "$work"
rm -rf repo && mkdir repo && cd repo
export GIT_CONFIG_NOSYSTEM=1 GIT_CONFIG_GLOBAL=/dev/null
git -c init.defaultBranch=main init -q
git config user.name "Bench User"
git config user.email bench@example.invalid

# The full example plus tracked tasks up to ~300 lines; each commit moves one task's status and
# due date, as a weekly review would.
python3 - "$here/../../config-examples/ja-manufacturer.yaml" "$commits" <<'PY'
import subprocess, sys
base = open(sys.argv[1], encoding="utf-8").read()
commits = int(sys.argv[2])
extra = 6
marker = "\n# ---- 3."
states = ["todo", "in_progress", "done", "blocked"]
for i in range(commits):
    tasks = "".join(
        f"  - id: t{k}\n    name: 追加タスク{k}\n    step: 5\n    roles: {{ marketing: 主担当, sales: 共有 }}\n"
        f"    status: {states[(i + k) % 4]}\n    due: 2026-{(k % 12) + 1:02d}-{(i % 28) + 1:02d}\n"
        for k in range(extra))
    plan = base.replace(marker, "\n" + tasks + marker, 1)
    open("plan.yaml", "w", encoding="utf-8").write(plan)
    subprocess.run(["git", "add", "plan.yaml"], check=True)
    date = f"2026-{(i // 28) % 12 + 1:02d}-{i % 28 + 1:02d}T10:00:00+0900"
    env = {"GIT_AUTHOR_DATE": date, "GIT_COMMITTER_DATE": date}
    import os
    env.update(os.environ)
    subprocess.run(["git", "commit", "-q", "-m", f"review {i}"], check=True, env=env)
PY
echo "plan: $(wc -l <plan.yaml) lines, $(git rev-list --count HEAD) commits"

hyperfine --runs "$runs" --warmup 1 --export-json "$work/history.json" \
    "'$ma_plan' history plan.yaml --format json" \
    "git --no-pager log -p --follow plan.yaml"

python3 - "$work/history.json" <<'PY'
import json, sys
r = json.load(open(sys.argv[1]))["results"]
m = [x["median"] for x in r]
print(f"median ma-plan history: {m[0]*1000:.1f} ms; git log -p: {m[1]*1000:.1f} ms; ratio {m[0]/m[1]:.1f}x")
PY
