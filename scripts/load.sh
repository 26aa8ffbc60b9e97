#!/usr/bin/env bash
# Load test for proposal handling (issue 4): seeds 10,000 proposals into a throw-away data directory, then measures
# the public disclosure list (/public/replies, no login) and a unit's to-do list (/todo, signed in as
# demo-unit-agri) with wrk at 50 concurrent connections. Target: p99 under 100 ms. Needs wrk (apt-get install wrk).
# Usage: scripts/load.sh [duration, default 30s]
set -euo pipefail
cd "$(dirname "$0")/.."
DURATION=${1:-30s}
PORT=18080
PGPORT=15432
source scripts/load/start.sh scripts/load/seed.sql
echo "Seeded: $(curl -s localhost:$PORT/public/replies | grep -c '（压测）') disclosed load-test replies on the first page"

sign_in demo-unit-agri
ROWS=$(curl -s -H "Cookie: JSESSIONID=$SID" localhost:$PORT/todo | grep -c '（压测）' || true)
echo "To-do list of demo-unit-agri: $ROWS load-test items"

run() {
    wrk -t2 -c50 -d5s "$@" >/dev/null            # warm-up
    wrk -t2 -c50 -d"$DURATION" --latency "$@"
}
echo "== /public/replies (anonymous)"; run "http://localhost:$PORT/public/replies"
echo "== /todo (demo-unit-agri)"; run -H "Cookie: JSESSIONID=$SID" "http://localhost:$PORT/todo"
