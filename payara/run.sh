#!/usr/bin/env bash
# The one-command run: builds the WAR if needed, starts PostgreSQL (embedded unless SF_DB_URL is set) and Payara Micro,
# waits until secureFlows is ready and prints where to click. Ctrl-C stops everything. Settings: README, "Configuration".
set -euo pipefail

ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
cd "$ROOT"
. payara/jdk.sh

if ! command -v mvn >/dev/null 2>&1; then
  echo "secureFlows builds with Maven 3.8 or newer, which was not found on PATH (apt-get install maven)." >&2
  exit 1
fi

WAR="target/secureflows.war"
LAUNCHER_LIB="target/launcher-lib"
if [ ! -f "$WAR" ] || [ ! -f "$LAUNCHER_LIB/payara-micro.jar" ] \
    || [ -n "$(find pom.xml src liquibase payara -newer "$WAR" -type f -print -quit)" ]; then
  echo "[secureflows] Building the WAR (first run downloads dependencies; this takes a few minutes)"
  mvn -B -q -Dmaven.test.skip=true package
fi

export SF_DATA_DIR="${SF_DATA_DIR:-${XDG_DATA_HOME:-$HOME/.local/share}/secureflows}"

# The launcher runs in a session of its own, so Ctrl-C reaches only this script, which then asks the launcher to stop
# the server first and the database after it (a terminal's Ctrl-C would otherwise hit all of them at once).
setsid "$SF_JAVA" -cp "target/classes:$LAUNCHER_LIB/*" io.secureflows.launcher.Launcher \
  "$WAR" "$LAUNCHER_LIB/payara-micro.jar" payara/pre-boot-commands.asadmin &
LAUNCHER_PID=$!
stopping=0
trap 'stopping=1; kill -TERM "$LAUNCHER_PID" 2>/dev/null || true' INT TERM HUP
status=0
wait "$LAUNCHER_PID" || status=$?
# A trapped signal ends the first wait early; wait again until the launcher has stopped everything.
if kill -0 "$LAUNCHER_PID" 2>/dev/null; then
  wait "$LAUNCHER_PID" || status=$?
fi
# Stopped on request (Ctrl-C): a clean stop, whatever signal the launcher's JVM exited with.
[ "$stopping" = 1 ] && exit 0
exit "$status"
