#!/usr/bin/env bash
# The suite and the hostile corpus under AddressSanitizer and UndefinedBehaviorSanitizer, in a
# second build directory (build-asan), as CI runs it after the normal suite (.ci/run).
#   scripts/sanitize.sh             core, rules and e2e tests, then every command on the hostile
#                                   corpus and the examples
#   MA_PLAN_SANITIZE_ALL=1 ...      every test (ci, docs, reports, lists too: twice the build)
# The default keeps CI (2 cores) within minutes: the sanitized build is the slow part. The
# reports code is still run on every corpus plan below, and the e2e tests run lists commands.
# Any sanitizer report fails the run, also from a binary a test ran through the shell (whose
# exit code a test may not look at): reports go to files under build-asan/sanitizer-logs, and
# the run fails if one exists. Needs scripts/setup.sh first (same packages, same compiler).
set -euo pipefail
cd "$(dirname "$0")/.."

flags="-fsanitize=address,undefined,float-cast-overflow -fno-sanitize-recover=all"
flags+=" -fno-omit-frame-pointer"
launcher=()
if command -v ccache >/dev/null; then launcher=(-DCMAKE_CXX_COMPILER_LAUNCHER=ccache); fi
cmake -S . -B build-asan -G Ninja -DCMAKE_BUILD_TYPE=RelWithDebInfo "${launcher[@]}" \
    -DCMAKE_CXX_FLAGS="$flags" -DCMAKE_EXE_LINKER_FLAGS="-fsanitize=address,undefined" >/dev/null
tests='^(core|rules|e2e):'
if [[ "${MA_PLAN_SANITIZE_ALL:-0}" == 1 ]]; then
    cmake --build build-asan
    tests='.'
else
    cmake --build build-asan --target ma-plan test_core test_rules test_e2e
fi

logs="$PWD/build-asan/sanitizer-logs"
rm -rf "$logs"
mkdir -p "$logs"
# exitcode=99: a report must never look like exit 1 ("findings") to a test.
export ASAN_OPTIONS="log_path=$logs/asan:exitcode=99:detect_leaks=1:strict_string_checks=1"
export UBSAN_OPTIONS="log_path=$logs/ubsan:exitcode=99:print_stacktrace=1:halt_on_error=1"

status=0
ctest --test-dir build-asan --output-on-failure -j "$(nproc)" -R "$tests" || status=$?

# The hostile corpus and the examples, every command that reads a plan.
bin=build-asan/apps/ma-plan/ma-plan
for plan in tests/hostile/*.yaml config-examples/*.yaml; do
    # --max-findings 0 on alias-findings.yaml would render 780,000 findings under ASan: minutes.
    uncapped="validate --max-findings 0"
    [[ "$plan" == */alias-findings.yaml ]] && uncapped="validate --max-findings 1000"
    for args in "validate" "validate --format json" "validate --format sarif" \
                "validate --format junit" "validate --format github" "$uncapped"; do
        code=0
        $bin $args "$plan" >/dev/null 2>&1 || code=$?
        if ((code > 4)); then
            echo "sanitize: $bin $args $plan: exit $code" >&2
            status=1
        fi
    done
    for report in "status --format text" "checklist" "raci"; do
        code=0
        $bin $report "$plan" >/dev/null 2>&1 || code=$?
        if ((code > 4)); then
            echo "sanitize: $bin $report $plan: exit $code" >&2
            status=1
        fi
    done
done

if compgen -G "$logs/*" >/dev/null; then
    echo "sanitize: sanitizer reports:" >&2
    cat "$logs"/* >&2
    status=1
fi
if ((status == 0)); then echo "sanitize: clean (ASan + UBSan + float-cast-overflow)"; fi
exit "$status"
