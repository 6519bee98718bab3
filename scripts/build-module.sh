#!/usr/bin/env bash
# Builds one more wasm module into the Trunk build, for Chromium 78 and later: cargo on the
# pinned nightly for the MVP CPU, wasm-bindgen --target web, the JS glue lowered by esbuild,
# and in release wasm-opt within Chromium 78's features. Run from the Trunk hook
# (scripts/post-build.sh), one line per module:
#   build-module.sh <cargo-package> <out-dir-under-dist> <out-name>
# e.g. `build-module.sh ziping-export export ziping_export` gives dist/export/ziping_export.js
# and ziping_export_bg.wasm. The package's lib must be a cdylib named after the package.
set -euo pipefail
cd "$(dirname "$0")/.."
source scripts/old-browser-env.sh
package="${1:?cargo package}"
out="${TRUNK_STAGING_DIR:?run by trunk}/${2:?out dir}"
name="${3:?out name}"
profile="${TRUNK_PROFILE:-debug}"
release=()
if [ "$profile" = release ]; then release=(--release); fi
cargo build -q -p "$package" --lib --target wasm32-unknown-unknown "${release[@]}"
wasm-bindgen --target web --no-typescript --out-dir "$out" --out-name "$name" \
  "$CARGO_TARGET_DIR/wasm32-unknown-unknown/$profile/${package//-/_}.wasm"
node scripts/lower-js.mjs "$out"
if [ "$profile" = release ]; then wasm_opt_floor "$out/${name}_bg.wasm"; fi
