#!/usr/bin/env bash
# libFuzzer on the targets of tests/fuzz (note reading + extraction, front matter, the review
# screen's markdown renderer), each with its seed corpus, one process at a time.
#   bench/fuzz.sh [SECONDS_PER_TARGET] [TARGET...]   (default 60 s; targets: note front_matter render)
# Builds build-fuzz with clang (-fsanitize=fuzzer,address,undefined) the first time. New inputs
# go to build-fuzz/corpus/<target> (the seed corpus in the repository is only read); crashes,
# leaks and timeouts stop the run and leave their input in build-fuzz/artifacts/. Prints each
# target's total executions and executions per second.
set -euo pipefail
cd "$(dirname "$0")/.."
seconds="${1:-60}"
shift || true
targets=("$@")
[ ${#targets[@]} -eq 0 ] && targets=(note front_matter render)
build=build-fuzz
if [ ! -f "$build/build.ninja" ]; then
  # -O1 with line tables: quick to build, readable stack traces.
  CXX="${CXX_FUZZ:-clang++}" cmake -S . -B "$build" -G Ninja -DCMAKE_BUILD_TYPE=Release \
    -DCMAKE_CXX_FLAGS_RELEASE="-O1 -gline-tables-only" -DRECALL_FUZZ=ON \
    -DRECALL_BUILD_TESTS=OFF >/dev/null
fi
cmake --build "$build" --target "${targets[@]/#/fuzz_}"
mkdir -p "$build/artifacts"
status=0
for target in "${targets[@]}"; do
  mkdir -p "$build/corpus/$target"
  log="$build/fuzz_$target.log"
  # -rss_limit_mb: a single input must not need more; -timeout: seconds for one input.
  if ! "$build/tests/fuzz/fuzz_$target" "$build/corpus/$target" "tests/fuzz/corpus/$target" \
      -max_total_time="$seconds" -timeout=10 -rss_limit_mb=2048 -max_len=65536 \
      -artifact_prefix="$build/artifacts/$target-" -print_final_stats=1 >"$log" 2>&1; then
    status=1
    echo "$target: FAILED (see $log)"
    grep -E 'ERROR|SUMMARY' "$log" | head -5
  fi
  execs=$(grep -E '^stat::number_of_executed_units' "$log" | awk '{print $2}')
  rate=$(grep -E '^stat::average_exec_per_sec' "$log" | awk '{print $2}')
  echo "$target: ${execs:-?} executions, ${rate:-?}/s on average (at most ${seconds} s)"
done
exit "$status"
