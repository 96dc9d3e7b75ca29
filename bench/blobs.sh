#!/usr/bin/env bash
# Blob throughput benchmark (issue 5). Starts its own Valbox on a fresh data directory (embedded H2, or the
# database in VALBOX_DB_URL/VALBOX_DB_USER/VALBOX_DB_PASSWORD), signs up, then measures with wrk (Debian package
# `wrk`) storing and reading 1 KB and 1 MB blobs over /v1/blob, 16 keys in turn, and reports requests and MB
# (MiB of blob bytes) per second, next to GET /v1/me as the floor of an authenticated API call. Every write
# replaces a key, so the quota is never reached.
# Usage: bench/blobs.sh [seconds per wrk run, default 10]. Needs the project built (bin/valbox builds it).
set -euo pipefail
here=$(cd "$(dirname "$0")" && pwd)
root=$(cd "$here/.." && pwd)
duration=${1:-10}
port=${BENCH_PORT:-18091}
connections=${BENCH_CONNECTIONS:-8}
keys=16
data=$(mktemp -d "${TMPDIR:-/tmp}/valbox-blob-bench.XXXXXX")
site="http://127.0.0.1:$port"

command -v wrk >/dev/null || { echo "install wrk first: apt-get install wrk" >&2; exit 1; }
cleanup() { kill "$server" 2>/dev/null || true; wait 2>/dev/null || true; rm -rf "$data"; }
trap cleanup EXIT

VALBOX_JAVA_OPTS=${VALBOX_JAVA_OPTS:-} "$root/bin/valbox" run --port "$port" --data "$data" > "$data/server.log" 2>&1 &
server=$!
until curl -sf "$site/health" > /dev/null; do sleep 1; done

token=$(curl -sf "$site/v1/signup" -H 'Content-Type: application/json' \
  -d '{"username":"bench","email":"bench@example.com","password":"benchmark password"}' \
  | sed -n 's/.*"token":"\([^"]*\)".*/\1/p')

measure() { # label, method, body file, size in bytes[, fixed path]
  local label=$1 method=$2 body=$3 size=$4 path=${5:-}
  BENCH_METHOD=$method BENCH_KEYS=$keys BENCH_TOKEN=$token BENCH_BODY=$body BENCH_PATH=$path \
    wrk -t2 -c"$connections" -d"${duration}s" --latency -s "$here/blobs.lua" "$site" > "$data/wrk.txt"
  local rps p50 p99 errors
  rps=$(awk '/Requests\/sec/ {print $2}' "$data/wrk.txt")
  p50=$(awk '$1 == "50%" {print $2}' "$data/wrk.txt")
  p99=$(awk '$1 == "99%" {print $2}' "$data/wrk.txt")
  errors=$(awk '/Non-2xx/ {print $4}' "$data/wrk.txt")
  printf '%-16s %10s req/s %9s MB/s   p50 %8s   p99 %8s   %s\n' "$label" "$rps" \
    "$(awk -v r="$rps" -v s="$size" 'BEGIN {printf "%.2f", r * s / 1048576}')" "$p50" "$p99" \
    "${errors:+non-2xx: $errors}"
}

echo "Valbox blob benchmark: wrk -t2 -c$connections -d${duration}s, $keys keys, on $(nproc) cores" \
  "(${VALBOX_DB_URL:-embedded H2})"
# Warm the JIT on the paths measured below, then the floor: an authenticated API call that reads the token and
# answers a small JSON object.
head -c 1024 /dev/urandom > "$data/body.bin"
for i in $(seq 1 $keys); do
  curl -sf -o /dev/null -H "Authorization: Bearer $token" --data-binary "@$data/body.bin" "$site/v1/blob/blob-$i"
done
for method in POST GET; do
  BENCH_METHOD=$method BENCH_KEYS=$keys BENCH_TOKEN=$token BENCH_BODY=$data/body.bin \
    wrk -t2 -c"$connections" -d5s -s "$here/blobs.lua" "$site" > /dev/null
done
measure "GET /v1/me" GET /dev/null 0 /v1/me
for size in 1024 1048576; do
  head -c "$size" /dev/urandom > "$data/body.bin"
  label=$([ "$size" = 1024 ] && echo "1 KB" || echo "1 MB")
  for i in $(seq 1 $keys); do  # every key exists before the reads, and the first writes are not timed
    curl -sf -o /dev/null -H "Authorization: Bearer $token" --data-binary "@$data/body.bin" "$site/v1/blob/blob-$i"
  done
  measure "write $label" POST "$data/body.bin" "$size"
  measure "read $label" GET "$data/body.bin" "$size"
done
echo "server RSS after the run: $(ps -o rss= -p "$(pgrep -f "rootDir $data/payara" | head -1)" | awk '{printf "%d MB", $1/1024}')"
