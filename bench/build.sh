# Sourced by the bench/ harness scripts: finds a JDK, builds the packaged service and compiles the harness
# against the test class path (Kafka broker, embedded PostgreSQL, HAPI); sets $classpath.
source bench/find-jdk.sh
echo "[bench] JDK: $JAVA_HOME"

./mvnw -B -q -DskipTests package
./mvnw -B -q dependency:build-classpath -Dmdep.includeScope=test -Dmdep.outputFile=target/bench-classpath.txt
classpath="target/classes:$(cat target/bench-classpath.txt)"

rm -rf target/bench-classes
mkdir -p target/bench-classes
"$JAVA_HOME/bin/javac" --release 21 -d target/bench-classes -cp "$classpath" $(find bench/src -name '*.java')
