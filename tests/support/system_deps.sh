#!/usr/bin/env bash
# Install the system packages the tests drive for real: PostgreSQL (review-store tests) and Debian's
# Chromium (the dashboard's browser tests, driven by Playwright at /usr/bin/chromium).
# Idempotent; a no-op when everything is already there.
set -euo pipefail
need=()
ls /usr/lib/postgresql/*/bin/initdb >/dev/null 2>&1 || need+=(postgresql)
[ -x /usr/bin/chromium ] || need+=(chromium)
if [ ${#need[@]} -gt 0 ]; then
  if [ "$(id -u)" = 0 ]; then SUDO=""; else SUDO="sudo"; fi
  $SUDO apt-get update -qq
  DEBIAN_FRONTEND=noninteractive $SUDO apt-get install -y -qq "${need[@]}" >/dev/null
fi
