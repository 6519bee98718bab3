#!/usr/bin/env bash
# Trunk's post-build hook: makes the app Trunk built run in Chromium 78 (its wasm optimised
# within Chromium 78's features, its JS glue lowered, the page's integrity hashes renewed),
# then builds the lazily loaded modules beside it, the same way.
set -euo pipefail
cd "$(dirname "$0")/.."
source scripts/old-browser-env.sh
staging="${TRUNK_STAGING_DIR:?run by trunk}"
if [ "${TRUNK_PROFILE:-debug}" = release ]; then
  for wasm in "$staging"/*_bg.wasm; do wasm_opt_floor "$wasm"; done
fi
node scripts/lower-js.mjs "$staging"

# One line per extra module: <cargo-package> <dir under dist/> <out-name>.
bash scripts/build-module.sh ziping-export export ziping_export
bash scripts/build-module.sh ziping-engine-js engine ziping_engine
