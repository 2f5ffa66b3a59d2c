#!/usr/bin/env bash
# Benchmarks `ma-plan domain check` on 200 domains against a local NSD and, in the same run,
# dig doing exactly the same lookups (the list of queries the check sent, taken from its own JSON
# output) from one batch file. Both use the same server, interleaved by hyperfine; the figure is
# the ratio of the medians. Prints the numbers; they go into RESULTS.md by hand.
#
# Usage: [DOMAINS=200] [RUNS=10] bench/domain/run.sh [path/to/ma-plan] [work dir]
# Needs: nsd, dig (bind9-dnsutils), hyperfine, openssl, python3 (MA_PLAN_SETUP_BENCH=1 setup.sh).
set -euo pipefail
here=$(cd "$(dirname "$0")" && pwd)
ma_plan=$(realpath "${1:-$here/../../build/apps/ma-plan/ma-plan}")
work=${2:-$(mktemp -d /tmp/ma-plan-bench-domain-XXXXXX)}
domains=${DOMAINS:-200}
runs=${RUNS:-10}
mkdir -p "$work"
cd "$work"

[[ -f key.b64 ]] || openssl genrsa 2048 2>/dev/null | openssl rsa -pubout -outform DER 2>/dev/null |
    base64 -w0 >key.b64
python3 "$here/generate.py" "$domains" bench.test.zone domains.txt "$(cat key.b64)"

# NSD in the foreground on a free port, as tests/domain/local_dns.hpp starts it.
port=$(python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1])')
cat >nsd.conf <<CONF
server:
  ip-address: 127.0.0.1
  port: $port
  username: ""
  chroot: ""
  database: ""
  zonesdir: "$work"
  zonelistfile: "$work/zone.list"
  xfrdfile: "$work/xfrd.state"
  xfrdir: "$work"
  pidfile: "$work/nsd.pid"
  logfile: "$work/nsd.log"
  server-count: 1
  verbosity: 0
remote-control:
  control-enable: no
zone:
  name: bench.test
  zonefile: bench.test.zone
CONF
nsd -d -c nsd.conf &
nsd_pid=$!
trap 'kill "$nsd_pid" 2>/dev/null; wait "$nsd_pid" 2>/dev/null || true' EXIT
for _ in $(seq 100); do
    dig +short +time=1 +tries=1 -p "$port" @127.0.0.1 d0001.bench.test TXT >/dev/null 2>&1 && break
    sleep 0.05
done

check=("$ma_plan" domain check --dns-server "127.0.0.1:$port" --selector s1 --format json)
# shellcheck disable=SC2046
"${check[@]}" $(cat domains.txt) >check.json || true
# The same questions for dig, one per line ("name type"), each once, as the check sent them.
python3 - <<'PY'
import json
d = json.load(open("check.json"))
seen = []
for dom in d["domains"]:
    for r in dom["records"]:
        q = (r["name"], r["type"])
        if q not in seen:
            seen.append(q)
open("dig.batch", "w").write("".join(f"{n} {t}\n" for n, t in seen))
errors = d["summary"]["errors"]
print(f"check: {len(d['domains'])} domains, {d['queries']} queries sent, {errors} errors, "
      f"{len(seen)} distinct questions for dig")
PY
dig_cmd="dig +tries=2 +time=2 -p $port @127.0.0.1 -f $work/dig.batch"
check_cmd="${check[*]} $(tr '\n' ' ' <domains.txt)"
# dig answers every question (sanity: no timeouts in the batch).
[[ $($dig_cmd | grep -c 'status: NOERROR') -eq $(wc -l <dig.batch) ]] ||
    echo "warning: dig did not get NOERROR for every question" >&2

echo "load average before: $(cut -d' ' -f1-3 /proc/loadavg)"
hyperfine --warmup 2 --runs "$runs" -N --ignore-failure --export-json hyperfine.json \
    -n "ma-plan domain check ($domains domains)" "$check_cmd" \
    -n "dig -f (same lookups)" "$dig_cmd" >hyperfine.txt
cat hyperfine.txt
python3 - <<'PY'
import json
r = json.load(open("hyperfine.json"))["results"]
check, dig = r[0]["median"], r[1]["median"]
print(f"median ma-plan {check * 1000:.1f} ms, median dig {dig * 1000:.1f} ms: "
      f"ratio of medians (ma-plan / dig) {check / dig:.2f}")
# CPU time (user + system, mean) is the steadier figure on a shared machine.
cpu = [x["user"] + x["system"] for x in r]
print(f"CPU ma-plan {cpu[0] * 1000:.1f} ms, CPU dig {cpu[1] * 1000:.1f} ms: "
      f"ratio {cpu[0] / cpu[1]:.2f}")
PY
