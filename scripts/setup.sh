#!/usr/bin/env bash
# Installs what a fresh machine lacks for building and testing ziping; skips what is present.
set -euo pipefail
cd "$(dirname "$0")/.."

TRUNK_VERSION=0.21.14
WASM_BINDGEN_VERSION=0.2.130

log() { printf '[setup] %s\n' "$*"; }

if ! rustup target list --installed | grep -qx wasm32-unknown-unknown; then
  log "adding rust target wasm32-unknown-unknown"
  rustup target add wasm32-unknown-unknown
fi

# The pinned nightly with rust-src: the wasm modules are built with it for Chromium 78
# (scripts/old-browser-env.sh says why); everything else stays on stable.
NIGHTLY="$(sed -n 's/^OLD_BROWSER_NIGHTLY=//p' scripts/old-browser-env.sh)"
if ! rustup toolchain list | grep -q "^$NIGHTLY" \
  || ! rustup component list --toolchain "$NIGHTLY" --installed | grep -q '^rust-src'; then
  log "installing rust $NIGHTLY with rust-src"
  rustup toolchain install "$NIGHTLY" --profile minimal --component rust-src
fi

if ! trunk --version 2>/dev/null | grep -q "$TRUNK_VERSION"; then
  log "installing trunk $TRUNK_VERSION (about 7 minutes)"
  cargo install trunk --version "$TRUNK_VERSION" --locked
fi

# Without --locked: one dependency locked by wasm-bindgen-cli is gone from the registry.
if ! wasm-bindgen --version 2>/dev/null | grep -q "$WASM_BINDGEN_VERSION"; then
  log "installing wasm-bindgen-cli $WASM_BINDGEN_VERSION (about 3 minutes)"
  cargo install wasm-bindgen-cli --version "$WASM_BINDGEN_VERSION"
fi

# The crates the wasm builds need, std's own included (build-std resolves them from the
# nightly's rust-src): Trunk runs cargo offline, so on a fresh machine they must be here first.
(
  source scripts/old-browser-env.sh
  cargo fetch --target wasm32-unknown-unknown --quiet
)

# cargo-fuzz (scripts/fuzz.sh) and cargo-mutants (mutation testing, RELIABILITY.md).
if ! cargo fuzz --version >/dev/null 2>&1; then
  log "installing cargo-fuzz (about 3 minutes)"
  cargo install cargo-fuzz --locked
fi
if ! cargo mutants --version >/dev/null 2>&1; then
  log "installing cargo-mutants (about 4 minutes)"
  cargo install cargo-mutants --locked
fi

# Chromium for the browser tests; poppler-utils to read the printed report back; a CJK
# font so the printed PDF holds real Chinese glyphs.
if [ ! -x /usr/bin/chromium ] || [ ! -x /usr/bin/chromedriver ] || [ ! -x /usr/bin/pdftotext ] \
  || [ ! -d /usr/share/fonts/truetype/wqy ]; then
  log "installing chromium, chromium-driver, poppler-utils and fonts-wqy-microhei"
  export DEBIAN_FRONTEND=noninteractive
  apt-get update -qq
  apt-get install -y -qq chromium chromium-driver poppler-utils fonts-wqy-microhei >/dev/null
fi

# LibreOffice (Calc and Writer, headless) prints the exported .xlsx, .docx and .html to PDF
# in the engine's office tests, as the staff who receive the files would open them.
if [ ! -x /usr/bin/soffice ] || ! dpkg -s libreoffice-calc libreoffice-writer >/dev/null 2>&1; then
  log "installing libreoffice-calc and libreoffice-writer (about 5 minutes)"
  export DEBIAN_FRONTEND=noninteractive
  apt-get update -qq
  apt-get install -y -qq --no-install-recommends libreoffice-calc libreoffice-writer >/dev/null
fi

# From npm: binaryen (wasm-opt 132), esbuild, Playwright, and the old Chromium builds
# (chrome-aws-lambda 1.20.4 is Chromium 78, 5.3.1 is 86) with puppeteer-core 5.3.1 to drive
# them. The stamp skips a repeat install.
if [ ! -f node_modules/.setup-stamp ] || [ package-lock.json -nt node_modules/.setup-stamp ]; then
  log "installing npm packages"
  PLAYWRIGHT_SKIP_BROWSER_DOWNLOAD=1 npm ci --no-audit --no-fund --loglevel=error
  touch node_modules/.setup-stamp
fi

# The old Chromium builds unpacked (brotli, node's zlib) into target/old-chromium/ once.
if [ ! -f target/old-chromium/78/.unpacked ] || [ ! -f target/old-chromium/86/.unpacked ]; then
  log "unpacking Chromium 78 and 86"
  node tests/old-chromium/chromium.mjs
fi

log "ready"
