#!/bin/sh
# Checks the real binary's output with real validators. usage: check_outputs.sh BIN SRC TOOLS CHECK
# TOOLS is build/tools, where scripts/setup.sh --tests installs the npm validators; nothing outside
# the repository and its build directory is read.
set -eu
bin=$1 src=$2 tools=$3 check=$4
tmp=$(mktemp -d "${TMPDIR:-/tmp}/ma-plan-ci-check-XXXXXX")
trap 'rm -rf "$tmp"' EXIT
data=$src/tests/ci/data
unset MA_PLAN_LANG MA_PLAN_FAIL_ON MA_PLAN_CONFIG MA_PLAN_FORMAT MA_PLAN_JOBS GITHUB_ACTIONS || true

# Expected exit code of a validate run; anything else (a crash, a usage error) fails the check.
expect() {
    want=$1; shift
    set +e; "$@"; got=$?; set -e
    if [ "$got" != "$want" ]; then echo "exit code $got, expected $want: $*" >&2; exit 1; fi
}

case $check in
sarif)
    # Findings, a file that cannot be read, and the bundled examples, in English and Japanese.
    expect 2 "$bin" validate "$data/findings.yaml" "$data/missing.yaml" "$src"/config-examples/*.yaml \
        "$src/tests/ime/colon-fullwidth.yaml" --format "sarif=$tmp/en.sarif" --lang en
    expect 1 "$bin" validate "$data/findings.yaml" --format "sarif=$tmp/ja.sarif" --lang ja
    # Microsoft's SARIF multitool (npm @microsoft/sarif-multitool) and the SARIF 2.1.0 JSON
    # Schema shipped in the same package.
    multitool_dir=$tools/node_modules/@microsoft/sarif-multitool-linux
    [ -x "$multitool_dir/Sarif.Multitool" ] ||
        { echo "no SARIF multitool in $tools: run scripts/setup.sh --tests" >&2; exit 1; }
    for f in "$tmp/en.sarif" "$tmp/ja.sarif"; do
        python3 "$src/tests/ci/check_json_schema.py" "$multitool_dir/sarif-2.1.0.json" "$f"
    done
    python3 "$src/tests/ci/check_sarif.py" "$multitool_dir/Sarif.Multitool" "$tmp" \
        "$tmp/en.sarif" "$tmp/ja.sarif"
    grep -q '"executionSuccessful": false' "$tmp/en.sarif"
    grep -q '"columnKind": "unicodeCodePoints"' "$tmp/en.sarif"
    grep -q '"startLine": 5' "$tmp/en.sarif"
    # An input-method slip stops its file; the notification links the rule that explains it.
    grep -A2 '"associatedRule"' "$tmp/en.sarif" | grep -q '"id": "YAML-002"'
    ;;
junit)
    expect 2 "$bin" validate "$data/findings.yaml" "$data/missing.yaml" "$src"/config-examples/*.yaml \
        --format "junit=$tmp/report.xml"
    python3 "$src/tests/ci/check_junit.py" "$tmp/report.xml"
    # The checker must fire: a miscounted suite and an element inside <system-out>.
    sed 's/failures="\([1-9][0-9]*\)" errors="0" skipped/failures="0" errors="0" skipped/' \
        "$tmp/report.xml" >"$tmp/miscounted.xml"
    sed '0,/<system-out>/s//<system-out><b\/>/' "$tmp/report.xml" >"$tmp/nested.xml"
    for bad in miscounted nested; do
        if python3 "$src/tests/ci/check_junit.py" "$tmp/$bad.xml" 2>"$tmp/$bad.err"; then
            echo "check_junit.py accepted the broken $bad.xml" >&2; exit 1
        fi
    done
    grep -q 'failures="0" but the suite has' "$tmp/miscounted.err"
    grep -q 'holds elements' "$tmp/nested.err"
    grep -q '<error type="unreadable"' "$tmp/report.xml"
    grep -q '<testcase name="SCHEMA-005" classname="[^"]*findings.yaml">' "$tmp/report.xml"
    ;;
examples)
    for f in "$src"/config-examples/*.yaml; do
        case $(basename "$f") in broken*) continue ;; esac
        python3 "$src/tests/ci/check_plan_schema.py" valid "$src/docs/ma-plan.schema.json" "$f"
    done
    ;;
broken)
    found=0
    for f in "$src"/config-examples/broken*.yaml "$data/schema-broken.yaml"; do
        [ -f "$f" ] || continue
        found=$((found + 1))
        expect 1 "$bin" validate --format json "$f" >"$tmp/findings.json"
        python3 "$src/tests/ci/check_plan_schema.py" broken "$src/docs/ma-plan.schema.json" "$f" \
            "$tmp/findings.json"
    done
    [ "$found" -gt 0 ]
    ;;
bash-completion)
    "$bin" completion bash >"$tmp/ma-plan.bash"
    bash -n "$tmp/ma-plan.bash"
    # Complete "ma-plan validate --fail-on w" and "ma-plan sch" as bash would.
    out=$(bash -c '. "$1"; COMP_WORDS=(ma-plan validate --fail-on w); COMP_CWORD=3; _ma_plan;
                   echo "${COMPREPLY[*]}"; COMP_WORDS=(ma-plan sch); COMP_CWORD=1; _ma_plan;
                   echo "${COMPREPLY[*]}"; COMP_WORDS=(ma-plan validate --no-inl); COMP_CWORD=2;
                   _ma_plan; echo "${COMPREPLY[*]}"' _ "$tmp/ma-plan.bash")
    expected=$(printf 'warning\nschema\n--no-inline-suppressions')
    if [ "$out" != "$expected" ]; then echo "completion gave: $out" >&2; exit 1; fi
    ;;
*)
    echo "unknown check $check" >&2; exit 1 ;;
esac
echo "ok: $check"
