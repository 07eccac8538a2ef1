#!/usr/bin/env bash
# Make sure the tests have the real parts they drive: Debian's Chromium (the browser
# tests), npm (axe-core, the accessibility audit, is installed from npm at test time) and
# PostgreSQL with PostGIS (the inventory store's tests run on it as well as on SQLite;
# tests/postgres_server.py starts a server of its own on a free port).
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
if ! compgen -G "/usr/lib/postgresql/*/bin/pg_ctl" >/dev/null \
  || ! compgen -G "/usr/share/postgresql/*/extension/postgis.control" >/dev/null; then
  packages+=(postgresql postgresql-postgis)
fi
if [[ ${#packages[@]} -eq 0 ]]; then
  exit 0
fi
if [[ $(id -u) -eq 0 ]] && command -v apt-get >/dev/null 2>&1; then
  echo "Installing ${packages[*]} for the tests ..."
  apt-get update -qq
  DEBIAN_FRONTEND=noninteractive apt-get install -y -qq "${packages[@]}" >/dev/null
  exit 0
fi
echo "Missing for the tests: ${packages[*]} (Debian/Ubuntu: sudo apt-get install ${packages[*]})." >&2
echo "Chromium may be elsewhere: set QUARTIERSATLAS_CHROMIUM to its path." >&2
echo "Without them the browser tests, the accessibility audit (npm) or the PostgreSQL runs" >&2
echo "of the store tests are skipped, each with its reason (in CI they fail instead)." >&2
exit 0
