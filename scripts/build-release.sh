#!/usr/bin/env bash
# The release build of the site and server: the wasm optimised for size,
# every file of the bundle precompressed (`.br`, and `.gz` at gzip -9:
# cargo-leptos's own `.gz` copies are ~20 % larger).
set -euo pipefail
cd "$(dirname "$0")/.."
cargo leptos build --release --precompress
for f in target/site/pkg/*.wasm target/site/pkg/*.js target/site/pkg/*.css; do
  gzip -9 -n -c "$f" > "$f.gz"
done
