#!/usr/bin/env bash
# Builds the export module (export/: .xlsx and .docx) into the Trunk build as export/,
# loaded by the page only when an Office file is asked for. Run by Trunk as a hook.
set -euo pipefail
cd "$(dirname "$0")/.."
out="${TRUNK_STAGING_DIR:?run by trunk}/export"
profile="${TRUNK_PROFILE:-debug}"
if [ "$profile" = release ]; then
  cargo build -q -p ziping-export --lib --target wasm32-unknown-unknown --release
else
  cargo build -q -p ziping-export --lib --target wasm32-unknown-unknown
fi
wasm-bindgen --target web --no-typescript --out-dir "$out" --out-name ziping_export \
  "target/wasm32-unknown-unknown/$profile/ziping_export.wasm"
if [ "$profile" = release ]; then
  wasm-opt -Oz --enable-bulk-memory --enable-nontrapping-float-to-int --enable-sign-ext \
    --enable-mutable-globals --enable-reference-types --enable-multivalue \
    "$out/ziping_export_bg.wasm" -o "$out/ziping_export_bg.wasm"
fi
