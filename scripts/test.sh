#!/usr/bin/env bash
# Sets up a fresh machine, then runs every check: format, lints, engine and CLI tests,
# the release build, the engine module in Node, browser tests in headless Chromium and
# Playwright e2e.
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
cargo clippy -p ziping-app --target wasm32-unknown-unknown --all-targets -- -D warnings
cargo clippy -p ziping-engine --target wasm32-unknown-unknown --lib -- -D warnings
cargo clippy -p ziping-export --target wasm32-unknown-unknown --all-targets -- -D warnings
cargo clippy -p ziping-engine-js --target wasm32-unknown-unknown --all-targets -- -D warnings

step "engine and CLI tests (the office tests print the exports with LibreOffice)"
ZIPING_OFFICE_TESTS=require cargo test -p ziping-engine

step "browser tests of the mounted app and of storage (wasm-bindgen-test in headless Chromium)"
cargo test -p ziping-app --target wasm32-unknown-unknown --tests

step "release build (dist/ and the single-file dist/ziping.html)"
bash scripts/build.sh

step "the engine as a JavaScript module (Node, against dist/engine/ and the CLI)"
node --test tests/engine-js/

step "end-to-end tests (Playwright against the release dist/)"
npx playwright test
