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

echo "==> the release build (server and wasm, as deployed)"
scripts/build-release.sh

echo "==> Playwright on the release build (JavaScript on and off; the wasm's size budget)"
cd end2end
E2E_SERVER_BIN=../target/release/server npx playwright test
