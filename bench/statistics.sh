#!/usr/bin/env bash
# Runs the statistics benchmark (see bench/README.md): the generator's Helse Nord year (and with --national the
# national scale) through the packaged service, then the board queries. Options are passed to the harness, e.g.
#   bench/statistics.sh --repetitions 200 --national --national-share 0.01
set -euo pipefail
cd "$(dirname "$0")/.."
source bench/build.sh

exec "$JAVA_HOME/bin/java" -Xmx1g -cp "target/bench-classes:$classpath" no.samhandling.discharge.bench.StatisticsBenchmark "$@"
