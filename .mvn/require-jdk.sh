# Sourced by ./mvnw (POSIX sh) before it downloads anything: this project needs a JDK 21 or newer
# (maven.compiler.release in pom.xml). When JAVA_HOME, or else the java on the PATH, is older, it picks the
# newest JDK >= 21 it finds (as .ci/run does), or stops at once saying what to set.
#   MVNW_JDK_DIRS   where to look, space-separated (default: the usual install folders of Linux and macOS)

mvnw_required_jdk=21

# The Java major version of a java executable (17, 21, 25), or nothing when it does not run.
mvnw_java_major() {
  "$1" -XshowSettings:properties -version 2>&1 | sed -n 's/^ *java\.specification\.version = \([0-9][0-9.]*\).*/\1/p' | sed 's/^1\.//; s/\..*//'
}

mvnw_require_jdk() {
  if [ -n "${JAVA_HOME-}" ]; then
    mvnw_java="$JAVA_HOME/bin/java"
    mvnw_what="JAVA_HOME ($JAVA_HOME)"
  else
    mvnw_java="$(command -v java 2>/dev/null || :)"
    mvnw_what="the java on your PATH (${mvnw_java:-none})"
  fi
  mvnw_major=""
  [ -z "$mvnw_java" ] || [ ! -x "$mvnw_java" ] || mvnw_major="$(mvnw_java_major "$mvnw_java")"
  if [ -n "$mvnw_major" ] && [ "$mvnw_major" -ge "$mvnw_required_jdk" ]; then
    mvnw_quiet_unsafe_warning "$mvnw_major"
    return 0
  fi

  mvnw_best="" mvnw_best_major=0
  set +f
  for mvnw_dir in ${MVNW_JDK_DIRS-/usr/lib/jvm /usr/java /opt/java "$HOME/.sdkman/candidates/java" /Library/Java/JavaVirtualMachines}; do
    for mvnw_home in "$mvnw_dir"/* "$mvnw_dir"/*/Contents/Home; do
      [ -x "$mvnw_home/bin/java" ] && [ -x "$mvnw_home/bin/javac" ] || continue
      mvnw_candidate="$(mvnw_java_major "$mvnw_home/bin/java")"
      if [ -n "$mvnw_candidate" ] && [ "$mvnw_candidate" -ge "$mvnw_required_jdk" ] && [ "$mvnw_candidate" -gt "$mvnw_best_major" ]; then
        mvnw_best="$mvnw_home" mvnw_best_major="$mvnw_candidate"
      fi
    done
  done
  set -f

  if [ -z "$mvnw_best" ]; then
    printf '%s\n' "mvnw: this project needs a JDK $mvnw_required_jdk or newer, but $mvnw_what is ${mvnw_major:+Java }${mvnw_major:-not a working JDK}," \
      "and none was found in ${MVNW_JDK_DIRS-/usr/lib/jvm, /usr/java, /opt/java, ~/.sdkman/candidates/java, /Library/Java/JavaVirtualMachines}." \
      "Install a JDK $mvnw_required_jdk or newer (e.g. Eclipse Temurin 21) and run: export JAVA_HOME=/path/to/that/jdk" >&2
    exit 1
  fi
  printf '%s\n' "mvnw: $mvnw_what is ${mvnw_major:+Java }${mvnw_major:-not a working JDK}; using JDK $mvnw_best_major at $mvnw_best (set JAVA_HOME to choose another)" >&2
  JAVA_HOME="$mvnw_best"
  PATH="$JAVA_HOME/bin:$PATH"
  export JAVA_HOME PATH
  mvnw_quiet_unsafe_warning "$mvnw_best_major"
}

# Maven 3.9's own Guice calls sun.misc.Unsafe, which JDK 24 and newer warn about in four lines at every
# start; the option that allows it does not exist before JDK 23, so it is added only where it is known.
mvnw_quiet_unsafe_warning() {
  if [ "$1" -ge 24 ]; then
    case " ${MAVEN_OPTS-} " in
    *" --sun-misc-unsafe-memory-access="*) ;;
    *) MAVEN_OPTS="${MAVEN_OPTS:+$MAVEN_OPTS }--sun-misc-unsafe-memory-access=allow"; export MAVEN_OPTS ;;
    esac
  fi
}

mvnw_require_jdk
