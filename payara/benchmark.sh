#!/usr/bin/env bash
# The benchmarks (docs/performance.md): installs pgbench when it is missing (Debian's postgresql-client), then runs
# `mvn verify -Pbenchmark` (no test suite: the *Benchmark classes only) and prints every table they wrote under
# target/benchmark/. Extra arguments go to Maven, for example -Dit.test=ApiLoadBenchmark for one benchmark, or
# -Dbenchmark.load.runs=5.
set -euo pipefail

ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
cd "$ROOT"

if ! command -v pgbench >/dev/null 2>&1; then
  echo "[secureflows] Installing postgresql-client for pgbench (the database baseline)"
  if [ "$(id -u)" -eq 0 ]; then
    apt-get update -qq
    DEBIAN_FRONTEND=noninteractive apt-get install -y -qq postgresql-client >/dev/null
  elif command -v sudo >/dev/null 2>&1; then
    sudo apt-get update -qq
    sudo DEBIAN_FRONTEND=noninteractive apt-get install -y -qq postgresql-client >/dev/null
  else
    echo "The database baseline needs pgbench; install it (apt-get install postgresql-client) or run this" >&2
    echo "script as root." >&2
    exit 1
  fi
fi

if ! command -v mvn >/dev/null 2>&1; then
  echo "The benchmarks build with Maven 3.8 or newer, which was not found on PATH (apt-get install maven)." >&2
  exit 1
fi

rm -f target/benchmark/*.md
# A benchmark that misses "errors 0" fails the build; its table is printed all the same.
status=0
mvn verify -Pbenchmark "$@" || status=$?
echo
echo "──────────────────────────── secureFlows benchmarks ────────────────────────────"
for table in target/benchmark/api-load.md target/benchmark/session-search.md target/benchmark/rewrap.md \
    target/benchmark/audit-export.md; do
  if [ -f "$table" ]; then
    cat "$table"
  fi
done
echo "JSON beside each table in target/benchmark/."
exit "$status"
