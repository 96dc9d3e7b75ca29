#!/usr/bin/env bash
# Saves per second with one author and with 8 authors saving at once (issue 16), for each number of compiler workers
# given (default: 1 2). For each, starts its own Valbox on a fresh data directory with valbox.compiler.workers set,
# signs up 8 users, waits for the compilers to warm up, then times: one author saving SAVES new versions one after
# another, and 8 authors each saving SAVES versions at the same time. Every save is new code (its number is in it), a
# small TypeScript val as people write them. Prints the rates and `uptime`. Needs the project built.
# Usage: bench/concurrent-saves.sh [workers ...]     env: SAVES (default 10), BENCH_PORT
set -euo pipefail
here=$(cd "$(dirname "$0")" && pwd)
root=$(cd "$here/.." && pwd)
port=${BENCH_PORT:-18094}
saves=${SAVES:-10}
site="http://127.0.0.1:$port"
[ $# -gt 0 ] || set -- 1 2

server=
data=
cleanup() { [ -z "$server" ] || kill "$server" 2>/dev/null || true; wait 2>/dev/null || true; [ -z "$data" ] || rm -rf "$data"; }
trap cleanup EXIT

now_ms() { date +%s%3N; }

code_of() { # author, n: a val's code, different for every save
  cat <<CODE | python3 -c 'import json,sys; print(json.dumps({"code": sys.stdin.read()}))'
interface Order { id: string; items: { sku: string; price: number; quantity: number }[] }
const TAX = 0.2;
export default async function total$1_$2(req: Request): Promise<Response> {
  const order: Order = await req.json().catch(() => ({ id: "none", items: [] }));
  const net = order.items.reduce((sum, { price, quantity }) => sum + price * quantity, 0);
  const lines = order.items.map(({ sku, quantity }) => \`\${sku} x\${quantity}\`);
  return Response.json({ id: order.id, net, gross: Math.round(net * (1 + TAX) * 100) / 100, lines, save: $2 });
}
CODE
}

author() { # index, count: saves count versions of the author's val, one after another
  local token=${tokens[$1]} id=${ids[$1]} n
  for n in $(seq 1 "$2"); do
    code_of "$1" "$n" | curl -sf -o /dev/null "$site/v1/vals/$id/versions" -H "Authorization: Bearer $token" \
      -H 'Content-Type: application/json' -d @- || echo "save $n of author $1 failed" >&2
  done
}

echo "Valbox concurrent saves on $(nproc) cores, $saves saves per author"
for workers in "$@"; do
  data=$(mktemp -d "${TMPDIR:-/tmp}/valbox-saves-bench.XXXXXX")
  VALBOX_COMPILER_WORKERS=$workers "$root/bin/valbox" run --port "$port" --data "$data" > "$data/server.log" 2>&1 &
  server=$!
  until curl -sf "$site/health" > /dev/null; do sleep 1; done
  tokens=(); ids=()
  for a in 0 1 2 3 4 5 6 7; do
    tokens[$a]=$(curl -sf "$site/v1/signup" -H 'Content-Type: application/json' \
      -d "{\"username\":\"author$a\",\"email\":\"author$a@example.com\",\"password\":\"benchmark password\"}" \
      | sed -n 's/.*"token":"\([^"]*\)".*/\1/p')
    ids[$a]=$(curl -sf "$site/v1/vals" -H "Authorization: Bearer ${tokens[$a]}" -H 'Content-Type: application/json' \
      -d '{"name":"total","code":"export default () => 1;"}' | sed -n 's/^{"id":"\([^"]*\)".*/\1/p')
  done
  # Every compiler warms up at boot; a few saves at once wait for all of them, and warm the server's save path.
  pids=(); for a in 0 1 2 3 4 5 6 7; do author "$a" 3 & pids+=($!); done; wait "${pids[@]}"
  start=$(now_ms); author 0 "$saves"; one=$(( $(now_ms) - start ))
  start=$(now_ms)
  pids=(); for a in 0 1 2 3 4 5 6 7; do author "$a" "$saves" & pids+=($!); done; wait "${pids[@]}"
  eight=$(( $(now_ms) - start ))
  awk -v w="$workers" -v s="$saves" -v one="$one" -v eight="$eight" 'BEGIN {
    r1 = s * 1000 / one; r8 = 8 * s * 1000 / eight;
    printf "compiler workers %d: one author %.1f saves/s (%.0f ms each), 8 authors %.1f saves/s, ratio %.2f\n", w, r1, one / s, r8, r8 / r1 }'
  kill "$server"; wait "$server" 2>/dev/null || true; server=
  rm -rf "$data"; data=
done
uptime
