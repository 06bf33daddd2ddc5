#!/usr/bin/env bash
# The test suite: installs what the browser tests and the cluster test need when it is missing (Debian's chromium,
# chromium-driver and haproxy; never a downloaded browser), then runs `mvn verify` (unit tests, Arquillian integration
# tests on Payara Micro with an embedded PostgreSQL, the two-node cluster behind HAProxy, browser tests). Extra
# arguments go to Maven.
set -euo pipefail

ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
cd "$ROOT"

. payara/packages.sh
sf_install_packages "the browser tests" chromium chromium chromium-driver
sf_install_packages "the browser tests" chromedriver chromium chromium-driver
sf_install_packages "the cluster test" haproxy haproxy

if ! command -v mvn >/dev/null 2>&1; then
  echo "The tests build with Maven 3.8 or newer, which was not found on PATH (apt-get install maven)." >&2
  exit 1
fi
exec mvn verify "$@"
