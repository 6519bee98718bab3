#!/usr/bin/env bash
# The floor under the app's bundle budget: the engine alone (tools/size-floor, every engine
# call the app makes, no view layer), built, bound and optimised as the app is. Prints the
# gzip size of its wasm + JS beside the app's from dist/ (run `bash scripts/build.sh` first).
set -euo pipefail
cd "$(dirname "$0")/.."
export PATH="$PWD/node_modules/.bin:$PATH"
out=target/size-floor
cargo build -q -p ziping-size-floor --lib --target wasm32-unknown-unknown --release
wasm-bindgen --target web --no-typescript --out-dir "$out" \
  target/wasm32-unknown-unknown/release/ziping_size_floor.wasm
wasm-opt -Oz --enable-bulk-memory --enable-nontrapping-float-to-int --enable-sign-ext \
  --enable-mutable-globals --enable-reference-types --enable-multivalue \
  "$out/ziping_size_floor_bg.wasm" -o "$out/ziping_size_floor_bg.wasm"
# gzip level 9 through node's zlib, as tests/bench/app.bench.mjs measures the app.
gz() { node -e 'console.log(require("zlib").gzipSync(require("fs").readFileSync(process.argv[1]), { level: 9 }).length)' "$1"; }
kb() { awk -v b="$1" 'BEGIN { printf "%.1f KB", b / 1024 }'; }
floor=$(gz "$out"/ziping_size_floor_bg.wasm)
floor_js=$(gz "$out"/ziping_size_floor.js)
echo "engine alone (no view layer): wasm $(kb "$floor") + JS $(kb "$floor_js") gzip"
if ls dist/*_bg.wasm >/dev/null 2>&1; then
  app=$(gz dist/*_bg.wasm)
  app_js=$(gz dist/ziping-app-*.js)
  echo "the app's core bundle (dist/): wasm $(kb "$app") + JS $(kb "$app_js") gzip"
fi
