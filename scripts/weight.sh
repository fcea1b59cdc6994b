#!/usr/bin/env bash
# What the browser is sent: each file of the site's bundle (raw, gzip -9,
# and the brotli copy the server sends when one was built), and the bytes a
# first visit to /signup transfers on a cold cache (the page, then every
# stylesheet, script and wasm it loads, as served with
# `Accept-Encoding: br, gzip`). Prints a Markdown table.
#   scripts/weight.sh [SERVER_BINARY [SITE_ROOT]]
# defaults: target/release/server and target/site (build them first, e.g.
# with `scripts/build-release.sh`).
set -euo pipefail
cd "$(dirname "$0")/.."
bin=${1:-target/release/server}
site=${2:-target/site}
[[ -x "$bin" ]] || { echo "$bin is missing: build it first" >&2; exit 1; }

echo "| File | Raw bytes | gzip -9 | brotli (as served) |"
echo "|---|---:|---:|---:|"
for f in "$site"/pkg/*.wasm "$site"/pkg/*.js "$site"/pkg/*.css; do
  [[ -f "$f" ]] || continue
  br="–"
  [[ -f "$f.br" ]] && br=$(stat -c %s "$f.br")
  echo "| \`${f#"$site"/}\` | $(stat -c %s "$f") | $(gzip -9 -n -c "$f" | wc -c) | $br |"
done

# A server of its own on a throwaway database, for the first visit.
work=$(mktemp -d)
port=$(python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1])')
DATABASE_URL="sqlite://$work/weight.db?mode=rwc" LEPTOS_SITE_ADDR="127.0.0.1:$port" \
  LEPTOS_SITE_ROOT="$site" LEPTOS_OUTPUT_NAME=mvno RUST_LOG=warn \
  "$bin" serve --demo --mail-dir "$work/mail" >"$work/log" 2>&1 &
server=$!
trap 'kill $server 2>/dev/null; rm -rf "$work"' EXIT
base="http://127.0.0.1:$port"
for _ in $(seq 100); do
  curl -sf -o /dev/null "$base/signup" && break
  sleep 0.2
done

# Bytes on the wire (compressed as served) of one request.
jar="$work/cookies"
wire() { curl -s -b "$jar" -o /dev/null -H 'Accept-Encoding: br, gzip' -w '%{size_download}' "$1"; }

# A first visit to a page on a cold cache: the page, then its own files
# (stylesheets, scripts, and the wasm its script loads).
first_visit() {
  local page=$1 html total files wasm n
  html=$(curl -s -b "$jar" "$base$page")
  total=$(wire "$base$page")
  echo
  echo "First visit to \`$page\` on a cold cache, as served (\`Accept-Encoding: br, gzip\`):"
  echo
  echo "| Request | Bytes transferred |"
  echo "|---|---:|"
  echo "| \`$page\` (HTML) | $total |"
  files=$(grep -oE '(href|src)="/pkg/[^"]+"' <<<"$html" | sed -E 's/^(href|src)="//; s/"$//' | sort -u || true)
  wasm=$(grep -oE '/pkg/[A-Za-z0-9._-]+\.wasm' <<<"$html" | sort -u || true)
  for path in $(printf '%s\n' $files $wasm | sort -u); do
    n=$(wire "$base$path")
    total=$((total + n))
    echo "| \`$path\` | $n |"
  done
  echo "| **All** | **$total** |"
}

first_visit /signup
# The wizard's first step, signed in as the demo reseller.
curl -s -c "$jar" -o /dev/null -d 'username=reseller@nordlys.dk&password=demo1234' "$base/login"
first_visit /new/number
