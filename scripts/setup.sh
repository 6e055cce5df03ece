#!/usr/bin/env bash
# Installs the Debian packages chainrisk needs to build and test (zlib and SQLite headers, the sqlite3 shell, OpenBLAS
# for LAPACK, Chromium for the browser test, PostgreSQL for the store tests, openpyxl for the workbook tests), when
# missing.
# Idempotent and quick when everything is there. Runs as root (CI, developer machines) or through sudo.
set -euo pipefail

needed=()
[ -f /usr/include/zlib.h ] || needed+=(zlib1g-dev)
[ -f /usr/include/sqlite3.h ] || needed+=(libsqlite3-dev)
# The sqlite3 shell, for the store tests that VACUUM, dump and back up a store as an operator would.
command -v sqlite3 >/dev/null 2>&1 || needed+=(sqlite3)
ls /usr/lib/*/libopenblas.so >/dev/null 2>&1 || needed+=(libopenblas-dev)
command -v python3 >/dev/null 2>&1 || needed+=(python3)
# openpyxl, so the tests read the xlsx workbooks back as Excel users' tools do.
# (Debian's package serves the system Python, /usr/bin/python3, which the tests prefer.)
/usr/bin/python3 -c "import openpyxl" >/dev/null 2>&1 || python3 -c "import openpyxl" >/dev/null 2>&1 || needed+=(python3-openpyxl)
# Headless Chromium for the dashboard's browser test (ServeBrowserTests); the test skips without it.
[ -x /usr/bin/chromium ] || needed+=(chromium)
# PostgreSQL server binaries for the store tests against a real server (they start a throwaway cluster; see
# scripts/postgres-throwaway.sh); the tests skip, saying so, without them.
if ! command -v initdb >/dev/null 2>&1 && ! ls /usr/lib/postgresql/*/bin/initdb >/dev/null 2>&1; then needed+=(postgresql); fi
command -v psql >/dev/null 2>&1 || needed+=(postgresql-client)

if [ ${#needed[@]} -gt 0 ]; then
    sudo_cmd=""
    [ "$(id -u)" -eq 0 ] || sudo_cmd="sudo"
    echo "setup: installing ${needed[*]}" >&2
    $sudo_cmd apt-get update -qq
    DEBIAN_FRONTEND=noninteractive $sudo_cmd apt-get install -y -qq "${needed[@]}" >/dev/null
fi

command -v swift >/dev/null 2>&1 || { echo "setup: swift (6.0 or later) is not on PATH" >&2; exit 1; }
