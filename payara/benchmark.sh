#!/usr/bin/env bash
# The benchmarks (docs/performance.md): installs pgbench when it is missing (Debian's postgresql-client), then runs
# `mvn verify -Pbenchmark` (no test suite: the *Benchmark classes only) and prints every table they wrote under
# target/benchmark/. Extra arguments go to Maven, for example -Dit.test=ApiLoadBenchmark for one benchmark, or
# -Dbenchmark.load.runs=5.
set -euo pipefail

ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
cd "$ROOT"

. payara/packages.sh
sf_install_packages "the database baseline (pgbench)" pgbench postgresql-client

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
