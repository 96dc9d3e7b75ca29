#!/usr/bin/env bash
# Save time of vals importing npm packages (issue 12). Starts its own Valbox on a fresh data directory, resolving
# packages from the registry npm on this machine is configured with (or VALBOX_NPM_REGISTRY), signs up, then for each
# import given saves a val importing it twice: cold (metadata, tarball, unpack, compile every file reached) and warm
# (a second val with the same import: the store answers), and runs the warm one once. Prints the times and `uptime`.
# Usage: bench/npm-save.sh [import ...], default: npm:hono npm:nanoid. Needs the project built (bin/valbox builds it).
set -euo pipefail
here=$(cd "$(dirname "$0")" && pwd)
root=$(cd "$here/.." && pwd)
port=${BENCH_PORT:-18093}
data=$(mktemp -d "${TMPDIR:-/tmp}/valbox-npm-bench.XXXXXX")
site="http://127.0.0.1:$port"
[ $# -gt 0 ] || set -- npm:hono npm:nanoid

cleanup() { kill "$server" 2>/dev/null || true; wait 2>/dev/null || true; rm -rf "$data"; }
trap cleanup EXIT

"$root/bin/valbox" run --port "$port" --data "$data" > "$data/server.log" 2>&1 &
server=$!
until curl -sf "$site/health" > /dev/null; do sleep 1; done
token=$(curl -sf "$site/v1/signup" -H 'Content-Type: application/json' \
  -d '{"username":"bench","email":"bench@example.com","password":"benchmark password"}' \
  | sed -n 's/.*"token":"\([^"]*\)".*/\1/p')
# The compiler warms up in the background at boot; one plain save waits for it, so it is not counted below.
curl -sf -o /dev/null "$site/v1/vals" -H "Authorization: Bearer $token" -H 'Content-Type: application/json' \
  -d '{"name":"warmup","code":"export default () => 1;"}'

packages_pattern='"packages":{[^}]*}'

save() { # name, import: prints milliseconds and the answer's packages
  local code body packages
  code=$(printf 'import * as m from "%s"; export default () => Object.keys(m).length;' "$2")
  body="{\"name\":\"$1\",\"code\":\"${code//\"/\\\"}\"}"
  curl -s -o "$data/answer.json" -w '%{time_total} %{http_code}' "$site/v1/vals" -H "Authorization: Bearer $token" \
    -H 'Content-Type: application/json' -d "$body" \
    | awk '{printf "%6.0f ms (HTTP %s)", $1 * 1000, $2}'
  packages=$(grep -o "$packages_pattern" "$data/answer.json" || head -c 300 "$data/answer.json")
  echo "  $packages"
}

echo "Valbox npm save benchmark on $(nproc) cores; registry: ${VALBOX_NPM_REGISTRY:-as npm is configured}"
i=0
for spec in "$@"; do
  i=$((i + 1))
  printf '%-28s cold ' "$spec"; save "cold_$i" "$spec"
  printf '%-28s warm ' "$spec"; save "warm_$i" "$spec"
  printf '%-28s run  %s\n' "$spec" "$(curl -s -w ' (%{time_total} s)' -H "Authorization: Bearer $token" "$site/v1/run/bench.warm_$i")"
done
uptime
