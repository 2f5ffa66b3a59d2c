#!/usr/bin/env bash
# Benchmarks the lists pipeline (import + audit + extract) at 10k, 100k and 1M rows and, in the
# same run, sqlite3's own `.import` of the same 1M-row file into an empty database: the cost of
# merely loading the file. Prints Markdown tables; figures go into RESULTS.md by hand.
#
# Usage: [REPEAT=5] bench/lists/run.sh [path/to/ma-plan] [work dir]
# Needs: python3, sqlite3 (CLI), GNU time (/usr/bin/time).
set -euo pipefail
here=$(cd "$(dirname "$0")" && pwd)
ma_plan=${1:-$here/../../build-lists/apps/ma-plan/ma-plan}
work=${2:-$(mktemp -d /tmp/ma-plan-bench-XXXXXX)}
mkdir -p "$work"
cd "$work"

# Runs a command under GNU time; prints "elapsed_s cpu_s peak_kb". CPU time (user + system) is
# the fairer figure on a shared machine; elapsed is what a user waits.
measure() {
    local label=$1
    shift
    /usr/bin/time -f "%e %U %S %M" -o "$label.time" "$@" >/dev/null
    read -r secs user sys kb <"$label.time"
    echo "$secs $(echo "$user + $sys" | bc) $kb"
}

echo "ma-plan: $ma_plan"
echo "work dir: $work"
echo "machine: $(nproc) cores, $(awk '/MemTotal/ {printf "%.0f GB", $2/1048576}' /proc/meminfo), sqlite3 $(sqlite3 --version | cut -d' ' -f1)"
echo
echo "load average before: $(cut -d' ' -f1-3 /proc/loadavg)"
echo
echo "| rows | file | import s | audit s | extract s | pipeline s (elapsed) | pipeline s (CPU) | peak RSS MB | CPU s per 100k rows |"
echo "|---:|---|---:|---:|---:|---:|---:|---:|---:|"
for rows in 10000 100000 1000000; do
    for enc in utf8 cp932; do
        csv="contacts-$rows-$enc.csv"
        [[ -f $csv ]] || python3 "$here/generate.py" "$rows" "$csv" $([[ $enc == cp932 ]] && echo --cp932)
        # CP932 is measured at 100k only: it shows the decoding cost without doubling the run.
        [[ $enc == cp932 && $rows != 100000 ]] && continue
        rm -f ws.sqlite ws.sqlite-journal out.csv
        "$ma_plan" lists init --db ws.sqlite >/dev/null
        read -r t_imp c_imp kb_imp < <(measure import "$ma_plan" lists import "$csv" --source crm --db ws.sqlite)
        read -r t_aud c_aud kb_aud < <(measure audit "$ma_plan" lists audit --db ws.sqlite --format json)
        read -r t_ext c_ext kb_ext < <(measure extract "$ma_plan" lists extract --db ws.sqlite --out out.csv)
        total=$(echo "$t_imp + $t_aud + $t_ext" | bc)
        cpu=$(echo "$c_imp + $c_aud + $c_ext" | bc)
        peak=$(printf '%s\n' "$kb_imp" "$kb_aud" "$kb_ext" | sort -n | tail -1)
        per=$(echo "scale=3; $cpu * 100000 / $rows" | bc)
        echo "| $rows | $enc | $t_imp | $t_aud | $t_ext | $total | $cpu | $((peak / 1024)) | $per |"
    done
done

# The goal's figure, at 1M rows: the pipeline against sqlite3's own .import of the same file,
# interleaved run by run (so both see the same machine), then the medians. A shared machine makes
# single runs swing by 20%, so one run is not a measurement.
repeat=${REPEAT:-5}
median() { sort -n | awk '{v[NR]=$1} END {print (NR % 2) ? v[(NR + 1) / 2] : (v[NR / 2] + v[NR / 2 + 1]) / 2}'; }
csv=contacts-1000000-utf8.csv
: >pipeline.runs
: >bare.runs
echo
echo "1M rows, $repeat interleaved runs (elapsed seconds):"
echo
echo "| run | import | audit | extract | pipeline | sqlite3 .import | ratio |"
echo "|---:|---:|---:|---:|---:|---:|---:|"
for run in $(seq "$repeat"); do
    rm -f ws.sqlite ws.sqlite-journal out.csv bare.sqlite
    "$ma_plan" lists init --db ws.sqlite >/dev/null
    read -r t_imp _ _ < <(measure import "$ma_plan" lists import "$csv" --source crm --db ws.sqlite)
    read -r t_aud _ _ < <(measure audit "$ma_plan" lists audit --db ws.sqlite --format json)
    read -r t_ext _ _ < <(measure extract "$ma_plan" lists extract --db ws.sqlite --out out.csv)
    read -r t_bare _ _ < <(measure bare sqlite3 bare.sqlite ".import --csv $csv contacts")
    total=$(echo "$t_imp + $t_aud + $t_ext" | bc)
    echo "$total" >>pipeline.runs
    echo "$t_bare" >>bare.runs
    echo "| $run | $t_imp | $t_aud | $t_ext | $total | $t_bare | $(echo "scale=2; $total / $t_bare" | bc) |"
done
m_pipe=$(median <pipeline.runs)
m_bare=$(median <bare.runs)
echo
echo "median pipeline ${m_pipe} s, median sqlite3 .import ${m_bare} s: ratio of medians $(echo "scale=2; $m_pipe / $m_bare" | bc)"
echo "load average after: $(cut -d' ' -f1-3 /proc/loadavg)"
