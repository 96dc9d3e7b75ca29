#!/usr/bin/env bash
# SQLite throughput over REST (issue 5). Starts its own Valbox on a fresh data directory, then measures
# POST /v1/sqlite/execute with wrk (Debian package `wrk`):
#   1. inserts (one row per request, autocommit) into one user's database,
#   2. primary-key selects from that database,
#   3. inserts and selects spread over 8 users' databases (one connection each, so they run in parallel),
# next to the floor of any authenticated API call: GET /v1/me with the same token.
# Usage: bench/sqlite.sh [seconds per wrk run, default 10]. Needs the project built (bin/valbox builds it).
set -euo pipefail
here=$(cd "$(dirname "$0")" && pwd)
root=$(cd "$here/.." && pwd)
duration=${1:-10}
port=${BENCH_PORT:-18091}
connections=${BENCH_CONNECTIONS:-16}
users=8
data=$(mktemp -d "${TMPDIR:-/tmp}/valbox-sqlite-bench.XXXXXX")
site="http://127.0.0.1:$port"

command -v wrk >/dev/null || { echo "install wrk first: apt-get install wrk" >&2; exit 1; }
cleanup() { kill "$server" 2>/dev/null || true; wait 2>/dev/null || true; rm -rf "$data"; }
trap cleanup EXIT

VALBOX_JAVA_OPTS=${VALBOX_JAVA_OPTS:-} "$root/bin/valbox" run --port "$port" --data "$data" > "$data/server.log" 2>&1 &
server=$!
until curl -sf "$site/health" > /dev/null; do sleep 1; done

json() { sed -n "s/.*\"$1\":\"\([^\"]*\)\".*/\1/p"; }
signup() {
  curl -sf "$site/v1/signup" -H 'Content-Type: application/json' \
    -d "{\"username\":\"$1\",\"email\":\"$1@example.com\",\"password\":\"benchmark password\"}" | json token
}
execute() { # token, body
  curl -sf "$site/v1/sqlite/execute" -H "Authorization: Bearer $1" -H 'Content-Type: application/json' -d "$2" > /dev/null
}
create_table='{"statement":"CREATE TABLE notes (id INTEGER PRIMARY KEY, body TEXT NOT NULL, at INTEGER)"}'
insert='{"statement":{"sql":"INSERT INTO notes (body, at) VALUES (?, ?)","args":["a note of some forty characters, or so",1700000000]}}'
select='{"statement":{"sql":"SELECT id, body, at FROM notes WHERE id = ?","args":[42]}}'

tokens=()
for i in $(seq 1 $users); do
  tokens+=("$(signup "bench$i")")
  execute "${tokens[-1]}" "$create_table"
done

measure() { # label, tokens, body
  BENCH_TOKENS=$2 BENCH_BODY=$3 wrk -t2 -c"$connections" -d"${duration}s" --latency -s "$here/sqlite-post.lua" "$site" \
    > "$data/wrk.txt"
  local rps p50 p99 errors
  rps=$(awk '/Requests\/sec/ {print $2}' "$data/wrk.txt")
  p50=$(awk '$1 == "50%" {print $2}' "$data/wrk.txt")
  p99=$(awk '$1 == "99%" {print $2}' "$data/wrk.txt")
  errors=$(awk '/Non-2xx/ {print $4}' "$data/wrk.txt")
  printf '%-34s %10s req/s   p50 %8s   p99 %8s   %s\n' "$1" "$rps" "$p50" "$p99" "${errors:+non-2xx: $errors}"
}

echo "Valbox SQLite benchmark: wrk -t2 -c$connections -d${duration}s on $(nproc) cores"
execute "${tokens[0]}" "$insert"  # warm the path once
wrk -t2 -c"$connections" -d"${duration}s" -H "Authorization: Bearer ${tokens[0]}" "$site/v1/me" > /dev/null  # JIT warm-up
wrk -t2 -c"$connections" -d"${duration}s" --latency -H "Authorization: Bearer ${tokens[0]}" "$site/v1/me" > "$data/wrk.txt"
printf '%-34s %10s req/s   p50 %8s   p99 %8s\n' "floor: GET /v1/me (authenticated)" \
  "$(awk '/Requests\/sec/ {print $2}' "$data/wrk.txt")" "$(awk '$1 == "50%" {print $2}' "$data/wrk.txt")" \
  "$(awk '$1 == "99%" {print $2}' "$data/wrk.txt")"
measure "insert, 1 database" "${tokens[0]}" "$insert"
measure "select by id, 1 database" "${tokens[0]}" "$select"
measure "insert, $users databases" "${tokens[*]}" "$insert"
measure "select by id, $users databases" "${tokens[*]}" "$select"
rows=$(curl -sf "$site/v1/sqlite/execute" -H "Authorization: Bearer ${tokens[0]}" -H 'Content-Type: application/json' \
  -d '{"statement":"SELECT count(*) FROM notes"}' | sed -n 's/.*"rows":\[\[\([0-9]*\)\]\].*/\1/p')
echo "rows in the first database afterwards: $rows; its file: $(du -h "$data/sqlite" | tail -1 | cut -f1) for $users databases"
