#!/usr/bin/env bash
# Runs the inbound message benchmark (see bench/README.md). Options are passed to the harness, e.g.
#   bench/run.sh --stays 750 --rate 50 --rate-seconds 60
set -euo pipefail
cd "$(dirname "$0")/.."

if [[ -z "${JAVA_HOME:-}" ]] || ! "$JAVA_HOME/bin/java" -version 2>&1 | grep -qE 'version "(2[1-9]|[3-9][0-9])'; then
  for candidate in /usr/lib/jvm/*; do
    if [[ -x "$candidate/bin/javac" ]] && "$candidate/bin/java" -version 2>&1 | grep -qE 'version "(2[1-9]|[3-9][0-9])'; then
      export JAVA_HOME="$candidate"
      break
    fi
  done
fi
echo "[bench] JDK: $JAVA_HOME"

# The packaged service, and the class path of the harness (the test class path: Kafka broker, embedded PostgreSQL, HAPI).
./mvnw -B -q -DskipTests package
./mvnw -B -q dependency:build-classpath -Dmdep.includeScope=test -Dmdep.outputFile=target/bench-classpath.txt
classpath="target/classes:$(cat target/bench-classpath.txt)"

rm -rf target/bench-classes
mkdir -p target/bench-classes
"$JAVA_HOME/bin/javac" --release 21 -d target/bench-classes -cp "$classpath" $(find bench/src -name '*.java')

exec "$JAVA_HOME/bin/java" -Xmx2g -Xlog:gc*:file=target/bench-harness-gc.log -cp "target/bench-classes:$classpath" no.samhandling.discharge.bench.InboundBenchmark "$@"
