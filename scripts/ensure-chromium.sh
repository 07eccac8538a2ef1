#!/usr/bin/env bash
# Make sure Debian's Chromium is present for the real-browser tests.
# Installs it with apt-get when running as root; otherwise says what to run.
set -euo pipefail
CHROMIUM=${QUARTIERSATLAS_CHROMIUM:-/usr/bin/chromium}
if [[ -x "$CHROMIUM" ]]; then
  exit 0
fi
if [[ $(id -u) -eq 0 ]] && command -v apt-get >/dev/null 2>&1; then
  echo "Installing Debian's chromium for the browser tests ..."
  apt-get update -qq
  DEBIAN_FRONTEND=noninteractive apt-get install -y -qq chromium fonts-dejavu-core >/dev/null
  exit 0
fi
echo "Chromium not found at $CHROMIUM. Install it (Debian/Ubuntu: sudo apt-get install chromium)" >&2
echo "or set QUARTIERSATLAS_CHROMIUM to its path. The browser tests will be skipped without it." >&2
exit 0
