#!/usr/bin/env bash
# Mutation testing of the engine with cargo-mutants, against the engine tests that run
# fast (the office tests, which need LibreOffice, and the CLI tests are left out).
#   bash scripts/mutants.sh engine/src/score.rs …    every mutant of these files
#   bash scripts/mutants.sh --in-diff [BASE]        the mutants on lines changed since BASE
#                                                   (default: the merge base with origin/main;
#                                                   CI passes .ci/mutants-base, the commit the
#                                                   last stop landed, renewed at each stop)
# RELIABILITY.md records the runs.
set -euo pipefail
cd "$(dirname "$0")/.."
# The property tests run 64 cases a property here, not 2,000: a mutant takes 10 s, not 25.
export PROPTEST_CASES="${PROPTEST_CASES:-64}"
TESTS=(--lib --test seed --test rules --test validate --test whatif --test report --test properties
  --test project --test next_year --test schemes --test published --test file --test summary
  --test unscored --test cli)
if [ "${1:-}" = "--in-diff" ]; then
  base="${2:-$(git merge-base HEAD origin/main 2>/dev/null || echo HEAD~1)}"
  diff="$(mktemp)"
  git diff "$base" -- engine/src >"$diff"
  if [ ! -s "$diff" ]; then
    echo "no engine source changed since $base: no mutants to test"
    exit 0
  fi
  nice -n 10 cargo mutants -p ziping-engine --in-diff "$diff" --copy-target=false --timeout 120 ${MUTANTS_OUT:+-o "$MUTANTS_OUT"} -j 1 -- "${TESTS[@]}"
else
  files=()
  for f in "$@"; do files+=(-f "$f"); done
  nice -n 10 cargo mutants -p ziping-engine "${files[@]}" --copy-target=false --timeout 120 ${MUTANTS_OUT:+-o "$MUTANTS_OUT"} -j 1 -- "${TESTS[@]}"
fi
