#!/usr/bin/env bash
# Builds the release site and runs the server on the embedded SQLite database
# (data/mvno.db; demo data is loaded on its first start).
set -euo pipefail
cd "$(dirname "$0")/.."
scripts/setup.sh
cargo leptos build --release
exec target/release/server serve "$@"
