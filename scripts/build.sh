#!/usr/bin/env bash
# The release build: dist/ for any static server (root or sub-path), and for Chromium 78
# and later (scripts/old-browser-env.sh: the nightly that Trunk's cargo runs).
set -euo pipefail
cd "$(dirname "$0")/.."
source scripts/old-browser-env.sh
trunk build --release
node scripts/single-file.mjs dist
