# Sourced by the bench/ scripts: sets JAVA_HOME to a JDK >= 21 (JAVA_HOME when it is one, else the first under /usr/lib/jvm).
if [[ -z "${JAVA_HOME:-}" ]] || ! "$JAVA_HOME/bin/java" -version 2>&1 | grep -qE 'version "(2[1-9]|[3-9][0-9])'; then
  for candidate in /usr/lib/jvm/*; do
    if [[ -x "$candidate/bin/javac" ]] && "$candidate/bin/java" -version 2>&1 | grep -qE 'version "(2[1-9]|[3-9][0-9])'; then
      export JAVA_HOME="$candidate"
      break
    fi
  done
fi
