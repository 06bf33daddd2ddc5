# Sourced by the scripts in payara/: finds a JDK 21 or newer and exports JAVA_HOME and SF_JAVA.
# Order: JAVA_HOME if new enough, then the JDKs installed under the usual places, newest first.

sf_java_major() {
  "$1/bin/java" -XshowSettings:properties -version 2>&1 | sed -n 's/^ *java\.specification\.version = //p' | head -n1
}

sf_find_jdk() {
  local candidate major
  for candidate in "${JAVA_HOME:-}" \
      $(ls -d /usr/lib/jvm/* /usr/java/* /opt/java/* /opt/jdk* "$HOME"/.sdkman/candidates/java/* \
            /Library/Java/JavaVirtualMachines/*/Contents/Home 2>/dev/null | sort -rV); do
    [ -n "$candidate" ] && [ -x "$candidate/bin/java" ] && [ -x "$candidate/bin/javac" ] || continue
    major=$(sf_java_major "$candidate")
    major=${major%%.*}
    if [ -n "$major" ] && [ "$major" -ge 21 ] 2>/dev/null; then
      echo "$candidate"
      return 0
    fi
  done
  return 1
}

if ! SF_JDK=$(sf_find_jdk); then
  echo "secureFlows needs a JDK 21 or newer (Payara Micro 7 does not run on older Java)." >&2
  echo "None was found in JAVA_HOME or under /usr/lib/jvm, /usr/java, /opt/java, ~/.sdkman." >&2
  echo "Install one (for example: apt-get install openjdk-21-jdk) or set JAVA_HOME to it." >&2
  exit 1
fi
export JAVA_HOME="$SF_JDK"
export SF_JAVA="$SF_JDK/bin/java"
