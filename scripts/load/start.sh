# Sourced by the load scripts: starts target/ronghe.jar on a throw-away data directory ($DIR) at $PORT with its
# embedded PostgreSQL at $PGPORT, stops and removes it on exit, and runs the seed SQL file given as $1 (pass "" to
# seed later; PG_JAR is the PostgreSQL driver for that). RONGHE_JAR runs another build (default target/ronghe.jar).
command -v wrk >/dev/null || { echo "wrk is not installed (apt-get install wrk)" >&2; exit 1; }
JAR=${RONGHE_JAR:-target/ronghe.jar}
[ -f "$JAR" ] || ./mvnw -B -q -DskipTests package
DIR=$(mktemp -d)
java -Xmx512m -jar "$JAR" --server.port=$PORT --ronghe.data-dir="$DIR" --ronghe.embedded.port=$PGPORT \
    > "$DIR/app.out" 2>&1 &
APP=$!
trap 'kill $APP 2>/dev/null; wait $APP 2>/dev/null; rm -rf "$DIR"' EXIT
for _ in $(seq 1 120); do curl -sf localhost:$PORT/actuator/health >/dev/null && break; sleep 1; done
PG_JAR=$(find ~/.m2/repository/org/postgresql/postgresql -name 'postgresql-*.jar' ! -name '*sources*' | sort | tail -1)
[ -z "$1" ] || java -cp "$PG_JAR" scripts/load/LoadSeed.java $PGPORT "$(cat "$DIR/pg.secret")" "$1"

# signs in as $2 and sets SID to the session id
sign_in() {
    local jar="$DIR/cookies" token
    token=$(curl -s -c "$jar" -b "$jar" localhost:$PORT/login | grep -o 'name="_csrf" value="[^"]*"' | sed 's/.*value="//;s/"$//')
    curl -s -c "$jar" -b "$jar" -o /dev/null -d "username=$1&password=ronghe-demo&_csrf=$token" localhost:$PORT/login
    SID=$(awk '$6 == "JSESSIONID" {print $7}' "$jar")
}
