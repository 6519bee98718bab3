#!/usr/bin/env bash
# The engine's share of the app's bundle: the engine alone (tools/size-floor: the engine
# calls the app makes, no view layer), built, bound, lowered and optimised as the app is (for Chromium 78). Prints
# its gzip size, all of it and the first screen's part, beside the app's core bundle from
# dist/ (run `bash scripts/build.sh` first for that line).
set -euo pipefail
cd "$(dirname "$0")/.."
source scripts/old-browser-env.sh
out=target/size-floor
# gzip level 9 through node's zlib, as tests/bench/app.bench.mjs measures the app.
gz() { node -e 'console.log(require("zlib").gzipSync(require("fs").readFileSync(process.argv[1]), { level: 9 }).length)' "$1"; }
kb() { awk -v b="$1" 'BEGIN { printf "%.1f KB", b / 1024 }'; }
measure() {
  cargo build -q -p ziping-size-floor --lib --target wasm32-unknown-unknown --release "$@"
  wasm-bindgen --target web --no-typescript --out-dir "$out" \
    "$CARGO_TARGET_DIR/wasm32-unknown-unknown/release/ziping_size_floor.wasm"
  node scripts/lower-js.mjs "$out"
  wasm_opt_floor "$out/ziping_size_floor_bg.wasm"
  echo "wasm $(kb "$(gz "$out"/ziping_size_floor_bg.wasm)") + JS $(kb "$(gz "$out"/ziping_size_floor.js)") gzip"
}
echo "engine alone, every call the app makes: $(measure)"
echo "engine alone, the first screen's calls only: $(measure --features first-load)"
if ls dist/*_bg.wasm >/dev/null 2>&1; then
  echo "the app's core bundle (dist/): wasm $(kb "$(gz dist/*_bg.wasm)") + JS $(kb "$(gz dist/ziping-app-*.js)") gzip"
fi
