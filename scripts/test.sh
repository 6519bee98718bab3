#!/usr/bin/env bash
# Sets up a fresh machine, then runs every check: format, lints, engine and CLI tests,
# the release build and the features its wasm modules use, the engine module in Node,
# browser tests in headless Chromium, Playwright e2e, and the main flow in Chromium 78 and 86.
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
cargo clippy -p ziping-wasm-features --all-targets -- -D warnings

step "engine and CLI tests (the office tests print the exports with LibreOffice)"
ZIPING_OFFICE_TESTS=require cargo test -p ziping-engine
cargo test -p ziping-wasm-features

step "fuzzing: each engine target for 20 s (cargo-fuzz on nightly; RELIABILITY.md has the long runs)"
bash scripts/fuzz.sh

step "mutation testing of the engine lines changed since the last landed stop (.ci/mutants-base)"
bash scripts/mutants.sh --in-diff "$(cat .ci/mutants-base)"

step "browser tests of the mounted app and of storage (wasm-bindgen-test in headless Chromium)"
cargo test -p ziping-app --target wasm32-unknown-unknown --tests

step "release build (dist/ and the single-file dist/ziping.html)"
bash scripts/build.sh

step "every wasm module in dist/ uses only features Chromium 78 has"
cargo run -q -p ziping-wasm-features -- dist

step "the engine as a JavaScript module (Node, against dist/engine/ and the CLI)"
node --test tests/engine-js/

step "end-to-end tests (Playwright against the release dist/, $(chromium --version 2>/dev/null))"
npx playwright test

step "the main flow in Chromium 78 and 86 (chrome-aws-lambda, puppeteer-core)"
node --test --test-concurrency=1 --test-timeout=180000 tests/old-chromium/
