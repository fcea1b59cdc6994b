#!/usr/bin/env bash
# Builds the release site and runs the server on the embedded SQLite database
# (data/mvno.db) with the demo: `--demo` loads the demo data and its logins
# into the database when it is empty. A plain `server serve` creates no login.
set -euo pipefail
cd "$(dirname "$0")/.."
scripts/setup.sh
scripts/build-release.sh
exec target/release/server serve --demo "$@"
