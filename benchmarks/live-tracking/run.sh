#!/usr/bin/env bash
# Live tracking benchmark: raw Kafka produce ceiling, Stride's end-to-end rate (gateway → live-tracking) and
# device → live-state latency at a fixed load, in one run on this machine. Run it as
#   ./stride bench [--samples 300000] [--latency-rate 20000] ...
# (the stride script picks the JDK). Extra arguments go to io.stride.benchmarks.load.LiveTrackingBenchmark, whose
# class comment lists every parameter and default. Writes benchmarks/results/<date>-live-tracking.md.
set -euo pipefail
ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)"
cd "$ROOT"
: "${JAVA_HOME:?run through ./stride bench, which selects a JDK 25}"

mkdir -p target
./stride up --devices 0 > target/bench-platform.log 2>&1 &
PLATFORM=$!
# SIGTERM: a background job of a non-interactive shell ignores SIGINT.
trap 'kill -TERM $PLATFORM 2>/dev/null; wait $PLATFORM 2>/dev/null || true' EXIT
deadline=$((SECONDS + 600))
for port in 8081 8082 8083; do
    until curl -sf -o /dev/null "http://127.0.0.1:$port/q/health/ready"; do
        if ! kill -0 $PLATFORM 2>/dev/null || grep -q "exited, see" target/bench-platform.log || ((SECONDS > deadline)); then
            echo "platform did not start, see target/bench-platform.log" >&2
            exit 1
        fi
        sleep 1
    done
done
"$JAVA_HOME/bin/java" -cp "benchmarks/load/target/classes:$(cat benchmarks/load/target/load.classpath)" \
    io.stride.benchmarks.load.LiveTrackingBenchmark "$@"
