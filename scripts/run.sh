#!/usr/bin/env bash
# Builds the release site and runs the server on the embedded SQLite database
# (data/mvno.db) with the demo: `--demo` loads the demo data and its logins
# into the database when it is empty. A plain `server serve` creates no login.
set -euo pipefail
cd "$(dirname "$0")/.."
scripts/setup.sh
cargo leptos build --release --precompress
# cargo-leptos's own .gz copies are ~20 % larger than gzip -9's.
for f in target/site/pkg/*.wasm target/site/pkg/*.js target/site/pkg/*.css; do
  gzip -9 -n -c "$f" > "$f.gz"
done
exec target/release/server serve --demo "$@"
