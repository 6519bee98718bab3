#!/usr/bin/env bash
# The release build: dist/ for any static server (root or sub-path).
set -euo pipefail
cd "$(dirname "$0")/.."
export PATH="$PWD/node_modules/.bin:$PATH"
trunk build --release
node scripts/single-file.mjs dist
