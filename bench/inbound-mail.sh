#!/usr/bin/env bash
# Inbound mail benchmark (issue 13): how many messages a second the SMTP listener takes and turns into email val runs.
# Starts its own Valbox on a fresh data directory (embedded H2, or the database in VALBOX_DB_URL/USER/PASSWORD), signs
# up, creates one email val (it returns the subject's length), then C SMTP clients (default 4: the listener allows a
# quarter of valbox.email.max-connections=20 from one address) each send their share of N messages (default 1,000) on
# one connection, a message per MAIL/RCPT/DATA. It reports:
#   - accepted: messages answered 250 after DATA, per second of the sending (end to end: a 250 means the run is done),
#   - refused: any other answer (with the codes); a 421 asking to reconnect is followed, as a sending server does,
#   - runs: the email val's evaluations recorded, by status,
#   - the load average before and after, and the server's CPU seconds.
# Usage: bench/inbound-mail.sh [N] [C]. Needs the project built (bin/valbox builds it) and python3.
set -euo pipefail
here=$(cd "$(dirname "$0")" && pwd)
root=$(cd "$here/.." && pwd)
count=${1:-1000}
clients=${2:-4}
port=${BENCH_PORT:-18093}
smtp=${BENCH_SMTP_PORT:-12525}
data=$(mktemp -d "${TMPDIR:-/tmp}/valbox-mail-bench.XXXXXX")
site="http://127.0.0.1:$port"

cleanup() { kill "$server" 2>/dev/null || true; wait 2>/dev/null || true; rm -rf "$data"; }
trap cleanup EXIT

VALBOX_EMAIL_SMTP_PORT=$smtp VALBOX_EMAIL_SMTP_BIND=127.0.0.1 VALBOX_EMAIL_DOMAIN=mail.bench.test \
  "$root/bin/valbox" run --port "$port" --data "$data" > "$data/server.log" 2>&1 &
server=$!
until curl -sf "$site/health" > /dev/null; do sleep 1; done

token=$(curl -sf "$site/v1/signup" -H 'Content-Type: application/json' \
  -d '{"username":"bench","email":"bench@example.com","password":"benchmark password"}' \
  | sed -n 's/.*"token":"\([^"]*\)".*/\1/p')
id=$(curl -sf "$site/v1/vals" -H "Authorization: Bearer $token" -H 'Content-Type: application/json' \
  -d '{"name":"inbox","type":"email","code":"export default (email) => email.subject.length"}' \
  | sed -n 's/^{"id":"\([^"]*\)".*/\1/p')
[ -n "$id" ] || { echo "could not create the email val" >&2; exit 1; }

cpu() { ps -o times= -p "$server" | tr -d ' '; }
python3 - "$smtp" "$count" "$clients" "$site" "$token" "$id" "$(cpu)" <<'EOF'
import json, smtplib, sys, threading, time, urllib.request, os
from email.message import EmailMessage
smtp_port, count, clients, site, token, val, cpu_before = int(sys.argv[1]), int(sys.argv[2]), int(sys.argv[3]), sys.argv[4], sys.argv[5], sys.argv[6], sys.argv[7]

def message(n):
    m = EmailMessage()
    m["From"], m["To"], m["Subject"] = "sender@example.com", "bench.inbox@mail.bench.test", f"invoice {n}"
    m.set_content(f"Hello, this is message {n}.\n" + "Some text of an ordinary mail. " * 20)
    return m

def warm():
    with smtplib.SMTP("127.0.0.1", smtp_port, timeout=60) as s:
        s.send_message(message(0))

accepted, refused, reconnects, lock = [0], {}, [0], threading.Lock()
def sender(share, first):
    # As a sending server does: a connection carries messages until the listener's per-connection allowance is used up
    # (421 ... reconnect), then the client opens a new one and sends the refused message again.
    s = smtplib.SMTP("127.0.0.1", smtp_port, timeout=60)
    n = first
    while n < first + share:
        try:
            s.send_message(message(n))
            with lock: accepted[0] += 1
            n += 1
        except (smtplib.SMTPSenderRefused, smtplib.SMTPServerDisconnected) as e:
            if isinstance(e, smtplib.SMTPSenderRefused) and e.smtp_code != 421:
                raise
            with lock: reconnects[0] += 1
            try: s.close()
            except Exception: pass
            s = smtplib.SMTP("127.0.0.1", smtp_port, timeout=60)
        except smtplib.SMTPResponseException as e:
            with lock: refused[e.smtp_code] = refused.get(e.smtp_code, 0) + 1
            n += 1
            s.rset()
    s.quit()

warm()
print(f"load average before: {open('/proc/loadavg').read().split()[:3]}")
shares = [count // clients + (1 if i < count % clients else 0) for i in range(clients)]
threads, first = [], 1
for share in shares:
    threads.append(threading.Thread(target=sender, args=(share, first)))
    first += share
start = time.time()
for t in threads: t.start()
for t in threads: t.join()
took = time.time() - start
print(f"{accepted[0]} of {count} messages accepted in {took:.1f} s by {clients} clients: {accepted[0] / took:.1f} messages/s")
print(f"refused: {refused or 'none'}; reconnections after 421 (the per-connection message allowance): {reconnects[0]}")
print(f"load average after: {open('/proc/loadavg').read().split()[:3]}")

statuses, url = {}, f"{site}/v1/vals/{val}/evaluations?limit=100"
while url:
    page = json.load(urllib.request.urlopen(urllib.request.Request(url, headers={"Authorization": "Bearer " + token})))
    for e in page["data"]:
        statuses[e["status"]] = statuses.get(e["status"], 0) + 1
    url = page["links"].get("next")
print(f"evaluations of the email val (1 warm-up included): {statuses}")
print(f"server CPU time before the run: {cpu_before}")
EOF
echo "server CPU time after: $(cpu)"
