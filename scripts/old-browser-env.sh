# Sourced by every wasm build of the app: the route to modules that Chromium 78 runs (the
# cores of 360安全浏览器 12 and 13; issue #12). Stable Rust 1.82+ turns on reference-types
# and multi-value for wasm32, and wasm-bindgen then binds through externref (Chromium 96+);
# the pinned nightly rebuilds std for the MVP CPU instead. Native tests and the CLI stay
# on stable: only what sources this file uses the nightly.
OLD_BROWSER_NIGHTLY=nightly-2026-05-20
export RUSTUP_TOOLCHAIN="$OLD_BROWSER_NIGHTLY"
# erase_components: Leptos' own switch that type-erases views, for a smaller app module.
# location-detail=none: panic messages without file names and lines, 8 KB gzip less.
export RUSTFLAGS="-Ctarget-cpu=mvp --cfg erase_components -Zlocation-detail=none"
export CARGO_UNSTABLE_BUILD_STD="std,panic_abort"
# A target dir of its own: stable's checks and tests keep theirs warm.
export CARGO_TARGET_DIR="$PWD/target/old-browsers"
export PATH="$PWD/node_modules/.bin:$PATH"

# wasm-opt -Oz allowed only what Chromium 78 validates (tools/wasm-features checks the result).
wasm_opt_floor() {
  wasm-opt -Oz --mvp-features --enable-mutable-globals --enable-sign-ext \
    --enable-nontrapping-float-to-int --enable-bulk-memory "$1" -o "$1"
}
