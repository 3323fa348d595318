#!/usr/bin/env bash
# The README test command's second half: provide what the tests need (Chromium, PostgreSQL), then run every test.
set -euo pipefail
cd "$(dirname "$0")/.."

need_apt=()
command -v chromium >/dev/null 2>&1 || need_apt+=(chromium)
ls /usr/lib/postgresql/*/bin/initdb >/dev/null 2>&1 || need_apt+=(postgresql)
if [ ${#need_apt[@]} -gt 0 ]; then
  echo "Installing Debian packages the tests need: ${need_apt[*]}"
  if [ "$(id -u)" != 0 ]; then echo "Run as root, or install: apt-get install -y ${need_apt[*]}" >&2; exit 1; fi
  apt-get update -qq
  DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends "${need_apt[@]}" >/dev/null
fi

# A throwaway PostgreSQL cluster on a loopback port for the PostgreSQL half of the store contract suite.
source scripts/test-postgres.sh
start_test_postgres
trap stop_test_postgres EXIT

# The whole suite also checks the code's habits: ESLint, then Prettier's layout (npm run format fixes the layout).
if [ $# -eq 0 ]; then npm run -s lint; fi

npx vitest run "$@"
