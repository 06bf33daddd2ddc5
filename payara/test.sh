#!/usr/bin/env bash
# The test suite: installs what the browser tests need when it is missing (Debian's chromium and chromium-driver;
# never a downloaded browser), then runs `mvn verify` (unit tests, Arquillian integration tests on Payara Micro with an
# embedded PostgreSQL, browser tests). Extra arguments go to Maven.
set -euo pipefail

ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
cd "$ROOT"

if ! command -v chromium >/dev/null 2>&1 || ! command -v chromedriver >/dev/null 2>&1; then
  echo "[secureflows] Installing chromium and chromium-driver for the browser tests"
  if [ "$(id -u)" -eq 0 ]; then
    apt-get update -qq
    DEBIAN_FRONTEND=noninteractive apt-get install -y -qq chromium chromium-driver >/dev/null
  elif command -v sudo >/dev/null 2>&1; then
    sudo apt-get update -qq
    sudo DEBIAN_FRONTEND=noninteractive apt-get install -y -qq chromium chromium-driver >/dev/null
  else
    echo "The browser tests need Debian's chromium and chromium-driver; install them (apt-get install chromium" >&2
    echo "chromium-driver) or run this script as root." >&2
    exit 1
  fi
fi

if ! command -v mvn >/dev/null 2>&1; then
  echo "The tests build with Maven 3.8 or newer, which was not found on PATH (apt-get install maven)." >&2
  exit 1
fi
exec mvn verify "$@"
