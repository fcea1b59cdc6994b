#!/usr/bin/env bash
# Runs every test: unit and integration tests (SQLite, and PostgreSQL, which
# is mandatory when CI is set), schemathesis against the OpenAPI document,
# then the Playwright suite in Debian's Chromium.
set -euo pipefail
cd "$(dirname "$0")/.."
scripts/setup.sh --test

# A one-off build: incremental caches would only take disk.
export CARGO_INCREMENTAL="${CARGO_INCREMENTAL:-0}"

# PostgreSQL for the data-layer tests: each run makes its own database there.
export MVNO_TEST_PG_URL="${MVNO_TEST_PG_URL:-postgres://postgres@127.0.0.1:5432/postgres}"

echo "==> cargo test (unit, integration on SQLite and PostgreSQL)"
cargo test --workspace

echo "==> schemathesis against the served OpenAPI document"
SERVER_BIN=target/debug/server scripts/schemathesis.sh

echo "==> cargo leptos build (server and wasm)"
cargo leptos build

echo "==> Playwright (JavaScript on and off)"
cd end2end
npx playwright test
