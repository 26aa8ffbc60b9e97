#!/usr/bin/env bash
# Dashboard benchmark (issue 5): seeds 50 indicators × 10 years and a plan of 2,000 tasks into a throw-away data
# directory, then measures the county dashboard's data (/api/dashboard, signed in as demo-supervision) and page
# (/dashboard) with wrk. Target: p95 under 200 ms. Needs wrk (apt-get install wrk).
# Usage: scripts/dashboard-load.sh [duration, default 20s] [connections, default 4]
set -euo pipefail
cd "$(dirname "$0")/.."
DURATION=${1:-20s}
CONNECTIONS=${2:-4}
PORT=18090
PGPORT=15442
source scripts/load/start.sh scripts/load/dashboard-seed.sql
sign_in demo-supervision
echo "Dashboard data: $(curl -s -H "Cookie: JSESSIONID=$SID" localhost:$PORT/api/dashboard | wc -c) bytes;" \
     "tasks in the load plan: $(curl -s -H "Cookie: JSESSIONID=$SID" localhost:$PORT/api/plans | grep -o '"tasks":[0-9]*' | sort -t: -k2 -n | tail -1)"

run() {
    wrk -t1 -c"$CONNECTIONS" -d5s "$@" >/dev/null            # warm-up
    wrk -t1 -c"$CONNECTIONS" -d"$DURATION" -s scripts/load/p95.lua "$@"
}
echo "== /api/dashboard (data)"; run -H "Cookie: JSESSIONID=$SID" "http://localhost:$PORT/api/dashboard"
echo "== /dashboard (page)"; run -H "Cookie: JSESSIONID=$SID" "http://localhost:$PORT/dashboard"
