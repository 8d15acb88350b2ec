#!/usr/bin/env bash
# Crash trials (tests/crash/test_crash.cpp): SIGKILLs at random, seeded moments during re-imports
# and piped reviews of the real binary, then integrity, before-or-after and logged-answer checks.
#   bench/crash.sh [TRIALS] [SEED]    (default 200 trials, seed 12; uses ./build)
# Prints the tally; exits non-zero if any trial found a corrupt database, a half-applied import
# or a lost answer.
set -euo pipefail
cd "$(dirname "$0")/.."
trials="${1:-200}"
seed="${2:-12}"
build="${BUILD_DIR:-build}"
cmake --build "$build" --target recall recall_crash_tests >/dev/null
RECALL_CRASH_TRIALS="$trials" RECALL_CRASH_SEED="$seed" "$build/tests/recall_crash_tests" "[crash]" \
  | grep -E '^crash trials:|passed|failed|FAILED' || true
exit "${PIPESTATUS[0]}"
