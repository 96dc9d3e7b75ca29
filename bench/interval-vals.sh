#!/usr/bin/env bash
# Scheduler benchmark (issue 13): N interval vals (default 1,000) due in the same minute. Starts its own Valbox on a
# fresh data directory (embedded H2, or the database in VALBOX_DB_URL/VALBOX_DB_USER/VALBOX_DB_PASSWORD), signs up,
# creates the vals (a one-line default export each) with a far-away schedule, then gives all of them the schedule
# "M H * * *" of one minute T a little ahead. After T it reports, from the API:
#   - the claims: each val's lastRunAt is the instant its tick was claimed, so their spread is the time the scheduler
#     took to claim all N ticks (batches of 200 per transaction),
#   - the runs: the spread of the evaluations' starts and ends (dispatch through the worker pool),
#   - the load average sampled every second from T-5 s to the last run, and the server's CPU seconds.
# Usage: bench/interval-vals.sh [N]. Needs the project built (bin/valbox builds it) and python3.
set -euo pipefail
here=$(cd "$(dirname "$0")" && pwd)
root=$(cd "$here/.." && pwd)
count=${1:-1000}
port=${BENCH_PORT:-18092}
data=$(mktemp -d "${TMPDIR:-/tmp}/valbox-interval-bench.XXXXXX")
site="http://127.0.0.1:$port"

cleanup() { kill "$server" "${sampler:-}" 2>/dev/null || true; wait 2>/dev/null || true; rm -rf "$data"; }
trap cleanup EXIT

VALBOX_JAVA_OPTS=${VALBOX_JAVA_OPTS:-} "$root/bin/valbox" run --port "$port" --data "$data" > "$data/server.log" 2>&1 &
server=$!
until curl -sf "$site/health" > /dev/null; do sleep 1; done

token=$(curl -sf "$site/v1/signup" -H 'Content-Type: application/json' \
  -d '{"username":"bench","email":"bench@example.com","password":"benchmark password"}' \
  | sed -n 's/.*"token":"\([^"]*\)".*/\1/p')
auth="Authorization: Bearer $token"

echo "creating $count interval vals..." >&2
start=$(date +%s)
seq 1 "$count" | xargs -P 4 -I{} curl -sf "$site/v1/vals" -H "$auth" -H 'Content-Type: application/json' \
  -d '{"name":"tick{}","type":"interval","schedule":"0 0 1 1 *","code":"export default () => 1"}' -o /dev/null
echo "created in $(( $(date +%s) - start )) s" >&2
ids=$(python3 - "$site" "$token" <<'EOF'
import json, sys, urllib.request
site, token = sys.argv[1], sys.argv[2]
ids, url = [], site + "/v1/users/bench/vals?limit=100"
while url:
    page = json.load(urllib.request.urlopen(urllib.request.Request(url, headers={"Authorization": "Bearer " + token})))
    ids += [v["id"] for v in page["data"]]
    url = page["links"].get("next")
print("\n".join(ids))
EOF
)
[ "$(echo "$ids" | wc -l)" -eq "$count" ] || { echo "expected $count vals, found $(echo "$ids" | wc -l)" >&2; exit 1; }

# T: the minute after the schedules are set (setting them takes well under a minute).
due=$(( ($(date +%s) / 60 + 2) * 60 ))
cron="$(date -u -d "@$due" +'%-M %-H') * * *"
echo "scheduling all at $(date -u -d "@$due" +%H:%M) UTC ($cron)..." >&2
echo "$ids" | xargs -P 4 -I{} curl -sf -X PUT "$site/v1/vals/{}" -H "$auth" -H 'Content-Type: application/json' \
  -d "{\"schedule\":\"$cron\"}" -o /dev/null
[ "$(date +%s)" -lt "$due" ] || { echo "setting the schedules took past T; run again" >&2; exit 1; }

cpu() { ps -o times= -p "$server" | tr -d ' '; }
sleep $(( due - $(date +%s) - 5 ))
( while true; do echo "$(date +%s.%N) $(cut -d' ' -f1-3 /proc/loadavg)"; sleep 1; done ) > "$data/load" &
sampler=$!
cpu_before=$(cpu)
sleep 5
# Wait until every val has run once (its evaluation finished), at most 5 minutes.
echo "waiting for $count runs..." >&2
python3 - "$site" "$token" "$due" "$data/load" <<EOF
import json, sys, time, urllib.request, datetime
site, token, due, loadfile = sys.argv[1], sys.argv[2], int(sys.argv[3]), sys.argv[4]
ids = """$ids""".split()
def get(path):
    return json.load(urllib.request.urlopen(urllib.request.Request(site + path, headers={"Authorization": "Bearer " + token})))
def ts(iso):
    return datetime.datetime.fromisoformat(iso.replace("Z", "+00:00")).timestamp()
deadline = time.time() + 300
time.sleep(max(0, due + 10 - time.time()))
runs = {}
while len(runs) < len(ids) and time.time() < deadline:
    for i in ids:
        if i not in runs:
            finished = [e for e in get("/v1/vals/" + i + "/evaluations")["data"] if e["status"] != "running"]
            if finished:
                runs[i] = finished
    time.sleep(1)
claims, starts, ends, statuses = [], [], [], {}
for i in ids:
    claims.append(ts(get("/v1/vals/" + i)["lastRunAt"]))
    for e in runs.get(i, []):
        statuses[e["status"]] = statuses.get(e["status"], 0) + 1
        starts.append(ts(e["startedAt"]))
        ends.append(ts(e["startedAt"]) + (e["durationMs"] or 0) / 1000)
print(f"vals: {len(ids)}, evaluations: {len(starts)} {statuses}")
print(f"claims: first {min(claims) - due:.3f} s after T, all {len(claims)} claimed within {max(claims) - min(claims):.3f} s")
print(f"runs: first started {min(starts) - due:.3f} s after T, last started {max(starts) - due:.3f} s, last ended {max(ends) - due:.3f} s")
last = max(ends)
loads = [l.split() for l in open(loadfile)]
during = [float(l[1]) for l in loads if due - 5 <= float(l[0]) <= last + 1]
print(f"load average (1 min) during: min {min(during):.2f} max {max(during):.2f}; 5 min at the end {loads[-1][2]}")
EOF
echo "server CPU time: before $cpu_before, after $(cpu)" >&2
