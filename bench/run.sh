#!/usr/bin/env bash
# Runs the inbound message benchmark (see bench/README.md). Options are passed to the harness, e.g.
#   bench/run.sh --stays 750 --rate 50 --rate-seconds 60
set -euo pipefail
cd "$(dirname "$0")/.."

source bench/build.sh

exec "$JAVA_HOME/bin/java" -Xmx2g -Xlog:gc*:file=target/bench-harness-gc.log -cp "target/bench-classes:$classpath" no.samhandling.discharge.bench.InboundBenchmark "$@"
