#!/usr/bin/env bash
# Land matching benchmark (issue 6): seeds a registry of 100,000 parcels over the county's villages, 20,000 open
# supply listings and eight demands into a throw-away data directory (scripts/load/land-match-seed.sql), then measures
# the ranked matches of each demand (GET /api/land/demand/{id}/matches, signed in as demo-unit-agri) with wrk: one
# connection per demand (p50/p95/p99), then all demands in turn over several connections, then one demand's page
# (/land/demand/{id}). Each line also gives the CPU time the application and its database spent per request and how
# busy the machine was, since other work on a shared machine moves latency a lot. Target: p95 under 100 ms for one
# demand. Needs wrk (apt-get install wrk). RONGHE_JAR=other.jar measures another build.
# Usage: scripts/land-match-load.sh [duration per run, default 10s] [connections of the mixed run, default 10]
set -euo pipefail
cd "$(dirname "$0")/.."
DURATION=${1:-10s}
CONNECTIONS=${2:-10}
PORT=18622
PGPORT=15622
echo "Machine: $(nproc) cores; load average before: $(cut -d' ' -f1-3 /proc/loadavg)"
source scripts/load/start.sh ""
SEEDED=$(date +%s)
OUT=$(java -cp "$PG_JAR" scripts/load/LandSeed.java $PGPORT "$(cat "$DIR/pg.secret")" "$DIR/land.key" \
    scripts/load/land-match-seed.sql)
echo "$OUT" | awk -F'\t' -v s=$(( $(date +%s) - SEEDED )) '$1 == "data" {
    print "Seeded in " s " s: " $2 " parcels, " $3 " households, " $4 " collectives, " $5 " open supply listings over " $6 " parcels" }'
DEMANDS=$(echo "$OUT" | awk -F'\t' '$1 == "demand" { print $2 }')
sign_in demo-unit-agri
COOKIE="Cookie: JSESSIONID=$SID"
URL="http://localhost:$PORT"

PATHS=()
for id in $DEMANDS; do PATHS+=("/api/land/demand/$id/matches"); done
wrk -t2 -c4 -d10s -s scripts/load/rotate.lua -H "$COOKIE" "$URL" -- "${PATHS[@]}" >/dev/null   # warm-up (JIT, caches)

# CPU time (clock ticks) used so far by the application and its database, which is less disturbed than latency by
# other work on the machine
PM=$(pgrep -f -- "-p $PGPORT" | head -1)
ticks() {
    local t=0 p
    for p in $APP $PM $(pgrep -P "$PM"); do
        [ -r /proc/$p/stat ] && t=$((t + $(awk '{ print $14 + $15 }' /proc/$p/stat 2>/dev/null || echo 0)))
    done
    echo $t
}
TICK_MS=$((1000 / $(getconf CLK_TCK)))
# busy and total clock ticks of the whole machine (all cores), to tell how busy it was during a measurement
machine() { awk '/^cpu / { print $2 + $3 + $4 + $7 + $8 + $9, $2 + $3 + $4 + $5 + $6 + $7 + $8 + $9 }' /proc/stat; }

# runs wrk with the given options (p95.lua or rotate.lua) and prints "p50 / p95 / p99 ms, req/s (requests, CPU of
# the application and database per request; how busy the whole machine was meanwhile: this run, wrk and whatever
# else runs on it)"
measure() {
    local t0 m0 out
    t0=$(ticks)
    m0=$(machine)
    out=$(wrk --timeout 10s "$@")
    echo "$out" | awk -v t0="$t0" -v t1="$(ticks)" -v m0="$m0" -v m1="$(machine)" -v ms=$TICK_MS '
        BEGIN { split(m0, a, " "); split(m1, b, " ") }
        /requests in/ { n = $1 } /^p95 latency/ { p95 = $3 }
        /^p50 latency/ { p50 = $3; p99 = $7 } /^Requests\/sec/ { rps = $2 }
        /Non-2xx|Socket errors/ { sub(/^ +/, ""); bad = bad " (" $0 ")" }
        END { printf "%s / %s / %s ms, %s req/s (%s requests, CPU %.0f ms each; machine %.0f%% busy)%s\n",
                     p50, p95, p99, rps, n, (n > 0 ? (t1 - t0) * ms / n : 0),
                     (b[2] > a[2] ? 100 * (b[1] - a[1]) / (b[2] - a[2]) : 0), bad }'
}

echo "== GET /api/land/demand/{id}/matches, one connection, $DURATION each: p50 / p95 / p99, requests/s"
echo "$OUT" | awk -F'\t' '$1 == "demand"' | while IFS=$'\t' read -r _ id name; do
    size=$(curl -s -H "$COOKIE" -o "$DIR/matches.json" -w '%{size_download}' "$URL/api/land/demand/$id/matches")
    count=$(grep -o '"supplyId"' "$DIR/matches.json" | wc -l || true)
    wrk -t1 -c1 -d3s -H "$COOKIE" "$URL/api/land/demand/$id/matches" >/dev/null
    printf '%-4s %s: %5d matches, %4d kB; %s\n' "$id" "$name" "$count" $(( size / 1024 )) \
        "$(measure -t1 -c1 -d"$DURATION" -s scripts/load/p95.lua -H "$COOKIE" "$URL/api/land/demand/$id/matches")"
done

echo "== all eight demands in turn, $CONNECTIONS connections, $DURATION"
measure -t2 -c"$CONNECTIONS" -d"$DURATION" -s scripts/load/rotate.lua -H "$COOKIE" "$URL" -- "${PATHS[@]}"

FIRST=$(echo "$DEMANDS" | head -1)
echo "== the page /land/demand/$FIRST, one connection, $DURATION"
measure -t1 -c1 -d"$DURATION" -s scripts/load/p95.lua -H "$COOKIE" "$URL/land/demand/$FIRST"
echo "Load average after: $(cut -d' ' -f1-3 /proc/loadavg)"
