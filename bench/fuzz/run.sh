#!/usr/bin/env bash
# Fuzzes the plan loader (tests/fuzz/loader_fuzz.cpp) with libFuzzer for a bounded time, under
# ASan and UBSan, seeded from config-examples/ and the hostile corpus (tests/hostile/). Not in CI.
#   bench/fuzz/run.sh [SECONDS] [JOBS]       default 300 seconds, 1 job
# Needs clang (Debian's clang-14 ships libFuzzer). Crashes land in build-fuzz/findings/; the
# corpus grown by the run stays in build-fuzz/corpus/ for the next one.
set -euo pipefail
cd "$(dirname "$0")/../.."
seconds=${1:-300}
jobs=${2:-1}
flags="-fsanitize=address,undefined,float-cast-overflow -fno-sanitize-recover=all"
flags+=" -fno-omit-frame-pointer -fsanitize=fuzzer-no-link"
launcher=()
if command -v ccache >/dev/null; then launcher=(-DCMAKE_CXX_COMPILER_LAUNCHER=ccache); fi
cmake -S . -B build-fuzz -G Ninja -DCMAKE_BUILD_TYPE=RelWithDebInfo "${launcher[@]}" \
    -DCMAKE_CXX_COMPILER=clang++ -DMA_PLAN_BUILD_FUZZ=ON -DMA_PLAN_BUILD_TESTS=OFF \
    -DCMAKE_CXX_FLAGS="$flags" -DCMAKE_EXE_LINKER_FLAGS="-fsanitize=address,undefined" >/dev/null
cmake --build build-fuzz --target loader_fuzz
mkdir -p build-fuzz/corpus build-fuzz/findings
# alias-findings.yaml is left out: it provokes 780,000 findings by design (2 s, over 10 s with
# the fuzzer's instrumentation), which would only slow every mutation of it down.
cp config-examples/*.yaml build-fuzz/corpus/
for f in tests/hostile/*.yaml; do
    [[ "$f" == */alias-findings.yaml ]] || cp "$f" build-fuzz/corpus/
done
# YAML keywords and the characters the lexical pass and the escapes care about.
cat > build-fuzz/yaml.dict <<'DICT'
"ma_plan: 1\x0a"
"project:"
"tasks:"
"stakeholders:"
"roles:"
"notes: |\x0a"
"# ma-plan: disable-file "
"# ma-plan: disable-next-line "
"RACI-002"
"&a "
"*a"
"!!int "
"!!str "
"- "
": "
"\x22"
"'"
"\x5c"
"\x0d"
"\x1b"
"\xe2\x80\x8b"
"\xe2\x80\xae"
"{"
"}"
"["
"]"
DICT
# -jobs makes libFuzzer write one log per job into the current directory: run inside build-fuzz.
parallel=()
if ((jobs > 1)); then parallel=(-jobs="$jobs" -workers="$jobs"); fi
export ASAN_OPTIONS="detect_leaks=1"
export UBSAN_OPTIONS="print_stacktrace=1:halt_on_error=1"
(cd build-fuzz && ./loader_fuzz -max_total_time="$seconds" "${parallel[@]}" \
    -max_len=65536 -timeout=10 -rss_limit_mb=2048 -dict=yaml.dict \
    -artifact_prefix=findings/ -print_final_stats=1 corpus 2>&1) |
    tee build-fuzz/last-run.log | grep -E "^#[0-9]+ +(DONE|INITED)|stat::|ERROR|SUMMARY|crash-|timeout-|oom-" || true
echo "findings: $(ls build-fuzz/findings | wc -l) file(s) in build-fuzz/findings/"
