#!/usr/bin/env bash
# Load test for proposal handling (issue 4): seeds 10,000 proposals into a throw-away data directory, then measures
# the public disclosure list (/public/replies, no login) and a unit's to-do list (/todo, signed in as
# demo-unit-agri) with wrk at 50 concurrent connections. Target: p99 under 100 ms. Needs wrk (apt-get install wrk).
# Usage: scripts/load.sh [duration, default 30s]
set -euo pipefail
cd "$(dirname "$0")/.."
DURATION=${1:-30s}
command -v wrk >/dev/null || { echo "wrk is not installed (apt-get install wrk)" >&2; exit 1; }
[ -f target/ronghe.jar ] || ./mvnw -B -q -DskipTests package
DIR=$(mktemp -d)
PORT=18080
PGPORT=15432
java -Xmx512m -jar target/ronghe.jar --server.port=$PORT --ronghe.data-dir="$DIR" --ronghe.embedded.port=$PGPORT \
    > "$DIR/app.out" 2>&1 &
APP=$!
trap 'kill $APP 2>/dev/null; wait $APP 2>/dev/null; rm -rf "$DIR"' EXIT
for _ in $(seq 1 120); do curl -sf localhost:$PORT/actuator/health >/dev/null && break; sleep 1; done
PG_JAR=$(find ~/.m2/repository/org/postgresql/postgresql -name 'postgresql-*.jar' ! -name '*sources*' | sort | tail -1)
java -cp "$PG_JAR" scripts/load/LoadSeed.java $PGPORT "$(cat "$DIR/pg.secret")" scripts/load/seed.sql
echo "Seeded: $(curl -s localhost:$PORT/public/replies | grep -c '（压测）') disclosed load-test replies on the first page"

JAR="$DIR/cookies"
TOKEN=$(curl -s -c "$JAR" -b "$JAR" localhost:$PORT/login | grep -o 'name="_csrf" value="[^"]*"' | sed 's/.*value="//;s/"$//')
curl -s -c "$JAR" -b "$JAR" -o /dev/null -d "username=demo-unit-agri&password=ronghe-demo&_csrf=$TOKEN" localhost:$PORT/login
SID=$(awk '$6 == "JSESSIONID" {print $7}' "$JAR")
ROWS=$(curl -s -H "Cookie: JSESSIONID=$SID" localhost:$PORT/todo | grep -c '（压测）' || true)
echo "To-do list of demo-unit-agri: $ROWS load-test items"

run() {
    wrk -t2 -c50 -d5s "$@" >/dev/null            # warm-up
    wrk -t2 -c50 -d"$DURATION" --latency "$@"
}
echo "== /public/replies (anonymous)"; run "http://localhost:$PORT/public/replies"
echo "== /todo (demo-unit-agri)"; run -H "Cookie: JSESSIONID=$SID" "http://localhost:$PORT/todo"
