#!/usr/bin/env bash
# Measures what each coordination engine costs a Payara Micro member (docs/architecture.md, "A cluster"): the time from
# `java -jar` to /health UP and the server JVM's RSS then, for one member and for two started together, with Payara's
# Hazelcast data grid (TCP/IP discovery on 127.0.0.1) and without it (--nohazelcast, as bin/valbox runs members that
# coordinate through PostgreSQL). Needs the built WAR and payara-micro.jar and the local PostgreSQL (trust auth).
# Run it through /work/tools/slot --both on a shared machine. Usage: bench/cluster-engines.sh [ROUNDS [MODES]], MODES
# "nohazelcast hazelcast" by default.
set -euo pipefail
root=$(cd "$(dirname "$0")/.." && pwd)
war="$root/web-module/target/valbox.war"
micro="$root/web-module/target/payara-micro.jar"
rounds=${1:-2}
modes=${2:-nohazelcast hazelcast}
work=$(mktemp -d)
db=valbox_bench_engines_$$
psql -q -h 127.0.0.1 -U postgres -d postgres -c "CREATE DATABASE $db"
pids=()
cleanup() {
    for p in "${pids[@]}"; do kill -9 "$p" 2>/dev/null || true; done
    sleep 1
    psql -q -h 127.0.0.1 -U postgres -d postgres -c "DROP DATABASE IF EXISTS $db WITH (FORCE)" || true
    rm -rf "$work"
}
trap cleanup EXIT
key=$(head -c 32 /dev/urandom | base64)

# start NAME PORT HZPORT MODE: starts one member in the background, sets $started_pid.
start() {
    local name=$1 port=$2 hzport=$3 mode=$4 grid
    mkdir -p "$work/$name/payara" "$work/$name/tmp"
    if [ "$mode" = hazelcast ]; then
        grid="--clustermode tcpip:127.0.0.1:5900,127.0.0.1:5901 --startport $hzport --clustername valboxbench"
    else
        grid=--nohazelcast
    fi
    VALBOX_DB_URL="jdbc:postgresql://127.0.0.1:5432/$db" VALBOX_DB_USER=postgres VALBOX_SECRETS_KEY=$key \
        java -Xmx512m -XX:+UseParallelGC -Djava.io.tmpdir="$work/$name/tmp" -Dvalbox.data="$work/$name" \
        -Dvalbox.email.smtp-port=0 -Dvalbox.runner.workers=1 \
        -jar "$micro" $grid --rootDir "$work/$name/payara" --port "$port" \
        --prebootcommandfile "$root/domain-config/pre-boot.asadmin" \
        --postbootcommandfile "$root/domain-config/post-boot.asadmin" \
        --deploy "$war:/" >"$work/$name.log" 2>&1 &
    started_pid=$!
    pids+=("$started_pid")
}

# up PORT PID T0: waits for /health UP, prints "seconds rss_mb".
up() {
    local port=$1 pid=$2 t0=$3
    for _ in $(seq 1 600); do
        if curl -sf "http://127.0.0.1:$port/health" 2>/dev/null | grep -q '"UP"'; then
            local t1 rss
            t1=$(date +%s.%N)
            rss=$(awk '/VmRSS/ {print int($2/1024)}' "/proc/$pid/status")
            echo "$(echo "$t1 - $t0" | bc | cut -c1-5) $rss"
            return
        fi
        kill -0 "$pid" 2>/dev/null || { echo "died"; return; }
        sleep 0.25
    done
    echo "timeout"
}

for round in $(seq 1 "$rounds"); do
    for mode in $modes; do
        t0=$(date +%s.%N); start one 18080 5900 $mode; p=$started_pid
        echo "round $round $mode one member: $(up 18080 $p "$t0") (s to UP, MB RSS) load $(cut -d' ' -f1-3 /proc/loadavg)"
        kill -9 $p 2>/dev/null || true; wait $p 2>/dev/null || true; rm -rf "$work/one"
        t0=$(date +%s.%N); start a 18081 5900 $mode; pa=$started_pid; start b 18082 5901 $mode; pb=$started_pid
        ra=$(up 18081 $pa "$t0"); rb=$(up 18082 $pb "$t0")
        members=$(grep -ho 'DG Size: [0-9]*' "$work/a.log" "$work/b.log" | sort -u | tr '\n' ' ' || true)
        echo "round $round $mode two members: A $ra, B $rb $members load $(cut -d' ' -f1-3 /proc/loadavg)"
        kill -9 $pa $pb 2>/dev/null || true; wait $pa $pb 2>/dev/null || true; rm -rf "$work/a" "$work/b"
    done
done
