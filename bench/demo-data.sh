#!/usr/bin/env bash
# Loads a seeded, real-looking demo year into a running service (./mvnw quarkus:dev in another terminal):
# about 17 000 stays in Helse Nord's 80 municipalities over the 365 days up to yesterday, 3 000 of them with
# discharge-ready days, through the service's REST API with dev tokens. Needs only the JDK and openssl.
#   bench/demo-data.sh                                   # --target nord --seed 2026 --url http://localhost:8080
#   bench/demo-data.sh --seed 7 --through 2026-06-30 --threads 8
# Run twice the same day, it repeats no effect (every request has an Idempotency-Key from the seed).
set -euo pipefail
cd "$(dirname "$0")/.."
source bench/find-jdk.sh

rm -rf target/demo-data-classes
mkdir -p target/demo-data-classes
"$JAVA_HOME/bin/javac" --release 21 -d target/demo-data-classes $(find bench/src/no/samhandling/discharge/bench/data -name '*.java')
exec "$JAVA_HOME/bin/java" -cp target/demo-data-classes no.samhandling.discharge.bench.data.DemoData "$@"
