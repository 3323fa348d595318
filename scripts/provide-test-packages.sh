#!/usr/bin/env bash
# Debian's Chromium (browser tests, the forms benchmark) and PostgreSQL (the store's PostgreSQL half, the list and
# reports benchmarks), installed when missing: what `npm test` and `npm run bench` both need on a fresh machine.
set -euo pipefail

need_apt=()
command -v chromium >/dev/null 2>&1 || need_apt+=(chromium)
ls /usr/lib/postgresql/*/bin/initdb >/dev/null 2>&1 || need_apt+=(postgresql)
if [ ${#need_apt[@]} -gt 0 ]; then
  echo "Installing Debian packages the tests and benchmarks need: ${need_apt[*]}"
  if [ "$(id -u)" != 0 ]; then echo "Run as root, or install: apt-get install -y ${need_apt[*]}" >&2; exit 1; fi
  apt-get update -qq
  DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends "${need_apt[@]}" >/dev/null
fi
