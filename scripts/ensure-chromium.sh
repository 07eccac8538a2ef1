#!/usr/bin/env bash
# Make sure the browser tests have what they need: Debian's Chromium (the real browser)
# and npm (axe-core, the accessibility audit, is installed from npm at test time).
# Installs them with apt-get when running as root; otherwise says what to run.
set -euo pipefail
CHROMIUM=${QUARTIERSATLAS_CHROMIUM:-/usr/bin/chromium}
packages=()
if [[ ! -x "$CHROMIUM" ]]; then
  packages+=(chromium fonts-dejavu-core)
fi
if ! command -v npm >/dev/null 2>&1; then
  packages+=(npm)
fi
if [[ ${#packages[@]} -eq 0 ]]; then
  exit 0
fi
if [[ $(id -u) -eq 0 ]] && command -v apt-get >/dev/null 2>&1; then
  echo "Installing ${packages[*]} for the browser tests ..."
  apt-get update -qq
  DEBIAN_FRONTEND=noninteractive apt-get install -y -qq "${packages[@]}" >/dev/null
  exit 0
fi
echo "Missing for the browser tests: ${packages[*]} (Debian/Ubuntu: sudo apt-get install ${packages[*]})." >&2
echo "Chromium may be elsewhere: set QUARTIERSATLAS_CHROMIUM to its path." >&2
echo "The browser tests (or the accessibility audit, without npm) are skipped without them." >&2
exit 0
