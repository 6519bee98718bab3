#!/usr/bin/env bash
# Fuzzes the engine with cargo-fuzz (libFuzzer, on the pinned nightly), one target at a
# time at the lowest priority, each corpus seeded from the test files. No sanitizer: the
# engine forbids unsafe code, and AddressSanitizer cut the runs to a fifth of their speed.
#   bash scripts/fuzz.sh                      every target for 20 s (as CI runs it)
#   bash scripts/fuzz.sh parse_number -runs=10000000
# RELIABILITY.md records the long runs.
set -euo pipefail
cd "$(dirname "$0")/.."
NIGHTLY="$(sed -n 's/^OLD_BROWSER_NIGHTLY=//p' scripts/old-browser-env.sh)"
TARGETS=(decode_file paste_tsv parse_number assessment_outputs)

# The corpus of a target, seeded from the test files: every file for the file targets,
# the typed and pasted examples of the tests for the others.
seed() {
  local dir="fuzz/corpus/$1"
  mkdir -p "$dir"
  case "$1" in
    decode_file | assessment_outputs) cp engine/tests/data/*.json "$dir/" ;;
    *) cp "fuzz/seeds/$1"/* "$dir/" ;;
  esac
}

if [ $# -eq 0 ]; then
  set -- "${TARGETS[@]}"
  ARGS=(-max_total_time=20)
else
  TARGET_LIST=("$1")
  shift
  ARGS=("$@")
  set -- "${TARGET_LIST[@]}"
fi
for target in "$@"; do
  seed "$target"
  printf '\n== fuzz %s %s\n' "$target" "${ARGS[*]}"
  nice -n 19 cargo "+$NIGHTLY" fuzz run --fuzz-dir fuzz -s none "$target" "fuzz/corpus/$target" \
    -- -print_final_stats=1 "${ARGS[@]}"
done
