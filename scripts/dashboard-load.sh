#!/usr/bin/env bash
# Dashboard benchmark (issue 5): seeds 50 indicators × 10 years and a plan of 2,000 tasks into a throw-away data
# directory, then measures the county dashboard's data (/api/dashboard, signed in as demo-supervision) and page
# (/dashboard) with wrk. Target: p95 under 200 ms. Needs wrk (apt-get install wrk).
# Usage: scripts/dashboard-load.sh [duration, default 20s] [connections, default 4]
set -euo pipefail
cd "$(dirname "$0")/.."
DURATION=${1:-20s}
CONNECTIONS=${2:-4}
command -v wrk >/dev/null || { echo "wrk is not installed (apt-get install wrk)" >&2; exit 1; }
[ -f target/ronghe.jar ] || ./mvnw -B -q -DskipTests package
DIR=$(mktemp -d)
PORT=18090
PGPORT=15442
java -Xmx512m -jar target/ronghe.jar --server.port=$PORT --ronghe.data-dir="$DIR" --ronghe.embedded.port=$PGPORT \
    > "$DIR/app.out" 2>&1 &
APP=$!
trap 'kill $APP 2>/dev/null; wait $APP 2>/dev/null; rm -rf "$DIR"' EXIT
for _ in $(seq 1 120); do curl -sf localhost:$PORT/actuator/health >/dev/null && break; sleep 1; done
PG_JAR=$(find ~/.m2/repository/org/postgresql/postgresql -name 'postgresql-*.jar' ! -name '*sources*' | sort | tail -1)
java -cp "$PG_JAR" scripts/load/LoadSeed.java $PGPORT "$(cat "$DIR/pg.secret")" scripts/load/dashboard-seed.sql

JAR="$DIR/cookies"
TOKEN=$(curl -s -c "$JAR" -b "$JAR" localhost:$PORT/login | grep -o 'name="_csrf" value="[^"]*"' | sed 's/.*value="//;s/"$//')
curl -s -c "$JAR" -b "$JAR" -o /dev/null -d "username=demo-supervision&password=ronghe-demo&_csrf=$TOKEN" localhost:$PORT/login
SID=$(awk '$6 == "JSESSIONID" {print $7}' "$JAR")
echo "Dashboard data: $(curl -s -H "Cookie: JSESSIONID=$SID" localhost:$PORT/api/dashboard | wc -c) bytes;" \
     "tasks in the load plan: $(curl -s -H "Cookie: JSESSIONID=$SID" localhost:$PORT/api/plans | grep -o '"tasks":[0-9]*' | sort -t: -k2 -n | tail -1)"

run() {
    wrk -t1 -c"$CONNECTIONS" -d5s "$@" >/dev/null            # warm-up
    wrk -t1 -c"$CONNECTIONS" -d"$DURATION" -s scripts/load/p95.lua "$@"
}
echo "== /api/dashboard (data)"; run -H "Cookie: JSESSIONID=$SID" "http://localhost:$PORT/api/dashboard"
echo "== /dashboard (page)"; run -H "Cookie: JSESSIONID=$SID" "http://localhost:$PORT/dashboard"
