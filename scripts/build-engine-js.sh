#!/usr/bin/env bash
# Builds the engine as a JavaScript module (engine-js/) into the Trunk build as engine/,
# for other intranet pages to embed. Run by Trunk as a hook.
set -euo pipefail
cd "$(dirname "$0")/.."
out="${TRUNK_STAGING_DIR:?run by trunk}/engine"
profile="${TRUNK_PROFILE:-debug}"
if [ "$profile" = release ]; then
  cargo build -q -p ziping-engine-js --lib --target wasm32-unknown-unknown --release
else
  cargo build -q -p ziping-engine-js --lib --target wasm32-unknown-unknown
fi
wasm-bindgen --target web --no-typescript --out-dir "$out" --out-name ziping_engine \
  "target/wasm32-unknown-unknown/$profile/ziping_engine_js.wasm"
if [ "$profile" = release ]; then
  wasm-opt -Oz --enable-bulk-memory --enable-nontrapping-float-to-int --enable-sign-ext \
    --enable-mutable-globals --enable-reference-types --enable-multivalue \
    "$out/ziping_engine_bg.wasm" -o "$out/ziping_engine_bg.wasm"
fi
