#!/usr/bin/env bash
# The create benchmark: builds the release site (server + wasm), then runs
# mvno-bench, which starts the release server on fresh databases (SQLite,
# PostgreSQL) with 0, 1,000 and 100,000 accounts beforehand, creates
# accounts over HTTP, and runs the same statements with plain sqlx as the
# baseline, then times a customer's account list (a page of 100) through its
# service. Results: target/bench/results.md.
#   scripts/bench.sh                          everything (about 10 minutes after the build)
#   scripts/bench.sh --db sqlite --accounts 0 one run; see `--help` for the rest
# Not part of the test command: figures need a quiet machine.
set -euo pipefail
cd "$(dirname "$0")/.."
scripts/setup.sh

echo "==> Release build (server and wasm)"
scripts/build-release.sh
cargo build --release -p bench

mkdir -p target/bench
{
  echo "Measured $(date -u '+%Y-%m-%d %H:%M UTC') on $(nproc) cores, $(git rev-parse --short HEAD)."
  echo
  target/release/mvno-bench "$@"
  echo
  echo "What the browser is sent (release build):"
  echo
  scripts/weight.sh target/release/server target/site
} | tee target/bench/results.md
