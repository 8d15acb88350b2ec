#!/usr/bin/env bash
# Times `recall stats`, `recall report` and the first card of `recall review` on a synthetic
# collection of 1,000,000 cards and 10,000,000 reviews over 3 years (bench/gen_collection.cpp).
# The collection (about 2 GB) is made once and kept; figures are recorded in docs/stats.md.
#
#   bench/stats_bench.sh [BUILD_DIR=build] [BENCH_DIR=/tmp/recall-bench]
#
# Never run by ctest. Needs g++, libsqlite3-dev and python3 (for the time to the first card).
set -euo pipefail
cd "$(dirname "$0")/.."
build=${1:-build}
dir=${2:-/tmp/recall-bench}
recall="$build/recall"
db="$dir/collection.db"
export RECALL_NOW=2026-03-01T09:30:00+09:00 NO_COLOR=1
[ -x "$recall" ] || { echo "build recall first: cmake --build $build" >&2; exit 2; }
mkdir -p "$dir"

if [ ! -f "$db" ]; then
  g++ -std=c++20 -O2 -o "$dir/gen_collection" bench/gen_collection.cpp -lsqlite3
  # An empty database at the current schema (`stats` only reads: it no longer creates one).
  mkdir -p "$dir/empty" && "$recall" --db "$db.tmp" import "$dir/empty" >/dev/null
  /usr/bin/time -f "generated in %es" "$dir/gen_collection" "$db.tmp" 1000000 10000000 2026-03-01
  mv "$db.tmp" "$db"
  rm -f "$db.tmp-wal" "$db.tmp-shm"
fi
ls -l "$db" | awk '{printf "collection: %.0f MB\n", $5 / 1048576}'

# Best and worst of 5 runs (the first warms the page cache).
measure() {
  local label=$1
  shift
  local times=()
  for _ in 1 2 3 4 5; do
    local start end
    start=$(date +%s%N)
    "$@" >/dev/null
    end=$(date +%s%N)
    times+=($(((end - start) / 1000000)))
  done
  printf '%-44s first %5d ms, then best %5d ms, worst %5d ms\n' "$label" "${times[0]}" \
    "$(printf '%s\n' "${times[@]:1}" | sort -n | head -1)" \
    "$(printf '%s\n' "${times[@]:1}" | sort -n | tail -1)"
}

measure "recall stats" "$recall" --db "$db" stats
measure "recall stats --json" "$recall" --db "$db" stats --json
measure "recall stats --by file" "$recall" --db "$db" stats --by file
measure "recall stats --by section" "$recall" --db "$db" stats --by section
measure "recall stats --since 2026-01-01" "$recall" --db "$db" stats --since 2026-01-01
measure "recall stats --deck topic7 (5,000 cards)" "$recall" --db "$db" stats --deck topic7
measure "recall report --html" "$recall" --db "$db" report --html "$dir/report.html"

# Time from start until the first question is on stdout (piped session), 5 runs.
python3 - "$recall" "$db" <<'EOF'
import subprocess, sys, time
recall, db = sys.argv[1], sys.argv[2]
times = []
for _ in range(5):
    start = time.monotonic()
    p = subprocess.Popen([recall, "--db", db, "review"], stdin=subprocess.PIPE,
                         stdout=subprocess.PIPE, stderr=subprocess.DEVNULL)
    seen = b""
    while b"\nQ: " not in seen:
        chunk = p.stdout.read1(65536)
        if not chunk:
            break
        seen += chunk
    times.append((time.monotonic() - start) * 1000)
    p.stdin.write(b"q\n")
    p.stdin.close()
    p.wait()
print("%-44s first %5.0f ms, then best %5.0f ms, worst %5.0f ms" %
      ("recall review: first card shown", times[0], min(times[1:]), max(times[1:])))
EOF
