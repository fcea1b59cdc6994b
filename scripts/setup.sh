#!/usr/bin/env bash
# Installs what building, running and testing need, skipping what is there.
#   scripts/setup.sh           build tools (wasm32 target, cargo-leptos, wasm-bindgen, wasm-opt)
#   scripts/setup.sh --test    also Debian's Chromium and the Playwright packages
set -euo pipefail
cd "$(dirname "$0")/.."

# Versions this toolchain builds (newer cargo-leptos needs a newer rustc).
CARGO_LEPTOS_VERSION=0.3.10
WASM_BINDGEN_VERSION=0.2.129   # must equal the wasm-bindgen crate pinned in Cargo.toml
WASM_OPT_VERSION=116.0.0       # Debian's binaryen (108) breaks the release wasm

say() { printf '\033[1m==> %s\033[0m\n' "$*"; }
# Some installs run in the background: a failure stops them too.
trap 'kill $(jobs -p) 2>/dev/null || true' EXIT
# Tools only: built without LTO they install in a fraction of the time.
fast_install() {
  CARGO_PROFILE_RELEASE_LTO=false CARGO_PROFILE_RELEASE_CODEGEN_UNITS=16 \
    CARGO_PROFILE_RELEASE_OPT_LEVEL="${CARGO_PROFILE_RELEASE_OPT_LEVEL:-1}" cargo install --locked "$@"
}

# The browser and the test packages download while the tools compile.
test_tools() {
  if [[ ! -x /usr/bin/chromium ]]; then
    say "Installing Debian's Chromium"
    SUDO=""; [[ $(id -u) -ne 0 ]] && SUDO="sudo"
    $SUDO apt-get update -qq || true
    DEBIAN_FRONTEND=noninteractive $SUDO apt-get install -y -qq chromium
  fi
  if [[ ! -d end2end/node_modules/@playwright/test ]]; then
    say "Installing the Playwright packages (no browser download)"
    (cd end2end && PLAYWRIGHT_SKIP_BROWSER_DOWNLOAD=1 npm ci --no-audit --no-fund)
  fi
}
test_job=""
if [[ "${1:-}" == "--test" ]]; then
  test_tools & test_job=$!
fi

if ! rustup target list --installed | grep -qx wasm32-unknown-unknown; then
  say "Adding the wasm32-unknown-unknown target"
  rustup target add wasm32-unknown-unknown
fi

# The two compile side by side: each leaves a core idle for minutes (build
# scripts, the final crates, linking) that the other fills.
bindgen_job=""
if ! wasm-bindgen --version 2>/dev/null | grep -q "$WASM_BINDGEN_VERSION"; then
  say "Installing wasm-bindgen-cli $WASM_BINDGEN_VERSION"
  fast_install --quiet wasm-bindgen-cli --version "$WASM_BINDGEN_VERSION" & bindgen_job=$!
fi

if ! cargo leptos --version 2>/dev/null | grep -q "$CARGO_LEPTOS_VERSION"; then
  # Unoptimised it compiles in about two thirds of the time (5.5 minutes
  # against 8 on a 2-core machine), and builds the same site; only its
  # brotli copies take seconds longer (~10 s a build).
  say "Installing cargo-leptos $CARGO_LEPTOS_VERSION (5 to 10 minutes, once)"
  CARGO_PROFILE_RELEASE_OPT_LEVEL=0 fast_install cargo-leptos --version "$CARGO_LEPTOS_VERSION" --features no_downloads
fi

if [[ -n "$bindgen_job" ]]; then
  wait "$bindgen_job"
fi

if ! wasm-opt --version 2>/dev/null | grep -q "version 116"; then
  # Binaryen's own npm package carries wasm-opt ready-built (as WebAssembly run
  # by Node.js): seconds to install, where compiling the C++ takes minutes.
  say "Installing wasm-opt $WASM_OPT_VERSION from the npm package binaryen"
  tools="${CARGO_HOME:-$HOME/.cargo}"
  npm install --no-audit --no-fund --silent --prefix "$tools/binaryen" "binaryen@$WASM_OPT_VERSION"
  ln -sf "$tools/binaryen/node_modules/binaryen/bin/wasm-opt" "$tools/bin/wasm-opt"
fi

if [[ -n "$test_job" ]]; then
  wait "$test_job"
fi
