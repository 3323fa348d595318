#!/usr/bin/env bash
# The README test command's second half: provide what the tests need (Chromium, PostgreSQL), then run every test.
set -euo pipefail
cd "$(dirname "$0")/.."

bash scripts/provide-test-packages.sh

# A throwaway PostgreSQL cluster on a loopback port for the PostgreSQL half of the store contract suite.
source scripts/test-postgres.sh
start_test_postgres
trap stop_test_postgres EXIT

# The whole suite also checks the code's habits: ESLint, then Prettier's layout (npm run format fixes the layout).
if [ $# -eq 0 ]; then npm run -s lint; fi

npx vitest run "$@"
