#!/usr/bin/env bash
# Runs the statistics benchmark (see bench/README.md): the generator's Helse Nord year (and with --national the
# national scale) through the packaged service, then the board queries. Options are passed to the harness, e.g.
#   bench/statistics.sh --repetitions 200 --national --national-share 0.01
set -euo pipefail
cd "$(dirname "$0")/.."
source bench/build.sh

# The harness holds the generated stays as request bodies: the whole national scale (1.84 million stays, about 1.3 kB of JSON each) does not fit in 1 GB.
exec "$JAVA_HOME/bin/java" -Xmx6g -cp "target/bench-classes:$classpath" no.samhandling.discharge.bench.StatisticsBenchmark "$@"
