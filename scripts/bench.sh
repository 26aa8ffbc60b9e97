#!/usr/bin/env bash
# Runs the JMH benchmarks (src/test/java/**/bench). Not part of the test suite.
# Usage: scripts/bench.sh [JMH options], e.g. scripts/bench.sh -wi 2 -i 3 -f 1 -w 2s -r 2s ReplyBenchmarks.extractSeed
set -euo pipefail
cd "$(dirname "$0")/.."
./mvnw -B -q test-compile
./mvnw -B -q dependency:build-classpath -Dmdep.includeScope=test -Dmdep.outputFile=target/bench-classpath.txt
exec java -cp "target/test-classes:target/classes:$(cat target/bench-classpath.txt)" org.openjdk.jmh.Main "${@:--wi 2 -i 3 -f 1 -w 2s -r 2s}"
