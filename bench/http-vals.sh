#!/usr/bin/env bash
# Load benchmark for HTTP vals (issue 4). Starts its own Valbox on a fresh data directory, then measures with wrk
# (Debian package `wrk`), in one run on the same server:
#   1. the servlet floor: a static file served by the same WAR,
#   2. one hello HTTP val: throughput and p50/p99 at 32 connections,
#   3. the first request after saving a new val,
#   4. 1,000 distinct vals requested round-robin,
#   5. Node.js answering the same hello, as the outside reference.
# Each line also gives the CPU time the server and its worker JVMs spent per request (ps, whole seconds).
# Usage: bench/http-vals.sh [seconds per wrk run, default 15]. Needs the project built (bin/valbox builds it).
# BENCH_WARMUP (default 60: the JIT needs about a minute of load to settle) is the untimed warm-up in seconds, BENCH_RR_WARMUP
# (default 20) the untimed round-robin pass before the 1,000 vals are timed; VALBOX_JAVA_OPTS passes JVM options to the server.
set -euo pipefail
here=$(cd "$(dirname "$0")" && pwd)
root=$(cd "$here/.." && pwd)
duration=${1:-15}
port=${BENCH_PORT:-18090}
node_port=$((port + 9))
connections=32
vals=1000
data=$(mktemp -d "${TMPDIR:-/tmp}/valbox-bench.XXXXXX")
site="http://127.0.0.1:$port"
run_host="run.localhost:$port"

command -v wrk >/dev/null || { echo "install wrk first: apt-get install wrk" >&2; exit 1; }
cleanup() { kill "$server" "$node" 2>/dev/null || true; wait 2>/dev/null || true; rm -rf "$data"; }
trap cleanup EXIT

VALBOX_JAVA_OPTS=${VALBOX_JAVA_OPTS:-} "$root/bin/valbox" run --port "$port" --data "$data" > "$data/server.log" 2>&1 &
server=$!
node "$here/hello-node.js" "$node_port" &
node=$!
until curl -sf "$site/health" > /dev/null; do sleep 1; done

json() { sed -n "s/.*\"$1\":\"\([^\"]*\)\".*/\1/p"; }
user=bench
token=$(curl -sf "$site/v1/signup" -H 'Content-Type: application/json' \
  -d "{\"username\":\"$user\",\"email\":\"bench@example.com\",\"password\":\"benchmark password\"}" | json token)
hello='export default () => new Response(\"Hello, world!\")'
create() {
  curl -sf "$site/v1/vals" -H "Authorization: Bearer $token" -H 'Content-Type: application/json' \
    -d "{\"name\":\"$1\",\"type\":\"http\",\"privacy\":\"public\",\"code\":\"$hello\"}" > /dev/null
}

# CPU seconds used so far by the server and the worker JVMs it started.
cpu_seconds() {
  local pid; pid=$(pgrep -f "rootDir $data/payara" | head -1)
  ps -o times= -p "$pid" --ppid "$pid" | awk '{s += $1} END {print s}'
}

measure() { # label, then wrk arguments
  local label=$1; shift
  local cpu_before; cpu_before=$(cpu_seconds)
  wrk -t2 -c"$connections" -d"${duration}s" --latency "$@" > "$data/wrk.txt"
  local cpu_after; cpu_after=$(cpu_seconds)
  local rps p50 p99 requests
  rps=$(awk '/Requests\/sec/ {print $2}' "$data/wrk.txt")
  requests=$(awk '/requests in/ {print $1}' "$data/wrk.txt")
  p50=$(awk '$1 == "50%" {print $2}' "$data/wrk.txt")
  p99=$(awk '$1 == "99%" {print $2}' "$data/wrk.txt")
  local errors; errors=$(awk '/Non-2xx/ {print $NF}' "$data/wrk.txt")
  printf '%-34s %10s req/s   p50 %8s   p99 %8s   %6s ms CPU/req   %s\n' "$label" "$rps" "$p50" "$p99" \
    "$(awk -v c=$((cpu_after - cpu_before)) -v n="$requests" 'BEGIN {printf "%.2f", n ? c * 1000 / n : 0}')" \
    "${errors:+non-2xx: $errors}"
  echo "$rps"> "$data/last.rps"
}

echo "Valbox HTTP val benchmark: wrk -t2 -c$connections -d${duration}s on $(nproc) cores"
create hello
curl -sf -H "Host: $user-hello.web.$run_host" "http://127.0.0.1:$port/" > /dev/null  # compile and warm once
# Let the JIT compilers of the server and the workers settle on both paths before anything is timed.
wrk -t2 -c"$connections" -d"${BENCH_WARMUP:-60}s" -H "Host: $user-hello.web.$run_host" "http://127.0.0.1:$port/" > /dev/null
wrk -t2 -c"$connections" -d5s "$site/robots.txt" > /dev/null
measure "servlet floor (static file)" "$site/robots.txt"; floor=$(cat "$data/last.rps")
measure "hello val" -H "Host: $user-hello.web.$run_host" "http://127.0.0.1:$port/"; single=$(cat "$data/last.rps")

first=()
for i in $(seq 1 10); do
  create "fresh$i"
  first+=("$(curl -s -o /dev/null -w '%{time_total}' -H "Host: $user-fresh$i.web.$run_host" "http://127.0.0.1:$port/")")
done
printf '%-34s %s s (10 new vals, each timed once)\n' "first request after save" "$(printf '%s\n' "${first[@]}" | sort -n | tr '\n' ' ')"

for i in $(seq 1 $vals); do create "hello$i"; done
export BENCH_USER=$user BENCH_VALS=$vals BENCH_RUN_HOST=$run_host
# One untimed pass over the vals first: each val's first request (timed above) builds its Global; this measures the
# steady state of many vals in turn.
wrk -t2 -c"$connections" -d"${BENCH_RR_WARMUP:-20}s" -s "$here/round-robin.lua" "http://127.0.0.1:$port/" > /dev/null
measure "$vals vals round-robin" -s "$here/round-robin.lua" "http://127.0.0.1:$port/"; many=$(cat "$data/last.rps")
measure "Node.js http (reference)" "http://127.0.0.1:$node_port/"; nodejs=$(cat "$data/last.rps")

awk -v f="$floor" -v s="$single" -v m="$many" -v n="$nodejs" 'BEGIN {
  printf "ratios: val/floor %.2f (target >= 0.5), 1000 vals/single %.2f (target >= 0.3), val/node %.3f\n", s/f, m/s, s/n }'
echo "server RSS after the run: $(ps -o rss= -p "$(pgrep -f "rootDir $data/payara" | head -1)" | awk '{printf "%d MB", $1/1024}')"
