#!/usr/bin/env bash
# Import benchmark: the tldr corpus (about 38,000 small markdown pages) imported cold into an empty
# database, again unchanged, and again after changing 1% of the files: first only their modification
# time (`touch`), then with a line appended. Never run by ctest; results go in docs/benchmarks.md.
#
# Usage: bench/import_tldr.sh [path/to/recall] [path/to/tldr-pages.tar.gz] [repetitions]
# Defaults: build/recall (a RelWithDebInfo build), ../shared/corpora/tldr-pages.tar.gz, 3.
# Prints a markdown table: wall time (best of the repetitions, seconds), peak resident memory
# (largest of the repetitions, MiB) and the import's own summary of the last repetition.
set -euo pipefail
here=$(cd "$(dirname "$0")/.." && pwd)
recall=$(realpath "${1:-$here/build/recall}")
tarball=${2:-$here/../shared/corpora/tldr-pages.tar.gz}
reps=${3:-3}
[ -x "$recall" ] || { echo "no recall binary at $recall (build first)" >&2; exit 2; }
[ -f "$tarball" ] || { echo "no corpus at $tarball" >&2; exit 2; }

work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
tar -xzf "$tarball" -C "$work"  # keeps the archive's modification times: all are old
root=$(find "$work" -mindepth 1 -maxdepth 1 -type d | head -n 1)
files=$(find "$root" -name '*.md' | wc -l)

# timed OUTFILE: runs the import, writing "seconds peak-KiB" to $work/time. GNU time when it is
# installed, else Python's getrusage of the child.
timed() {
  local cmd=("$recall" --db "$work/bench.db" import "$root")
  if [ -x /usr/bin/time ]; then
    /usr/bin/time -f '%e %M' -o "$work/time" "${cmd[@]}" >"$1" 2>/dev/null || true
  else
    python3 - "$work/time" "$1" "${cmd[@]}" <<'EOF'
import resource, subprocess, sys, time
start = time.monotonic()
with open(sys.argv[2], "w") as out:
    subprocess.run(sys.argv[3:], stdout=out, stderr=subprocess.DEVNULL)
secs = time.monotonic() - start
kib = resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss
open(sys.argv[1], "w").write(f"{secs:.2f} {kib}\n")
EOF
  fi
}

# measure LABEL PREPARE: PREPARE (untimed) then a timed import, $reps times. Sets $best.
measure() {
  local label=$1 prepare=$2 mem=0 secs kib
  best=""
  for _ in $(seq "$reps"); do
    eval "$prepare"
    timed "$work/out"
    read -r secs kib <"$work/time"
    if [ -z "$best" ] || awk "BEGIN{exit !($secs < $best)}"; then best=$secs; fi
    [ "$kib" -gt "$mem" ] && mem=$kib
  done
  printf '| %s | %s | %d | %s |\n' "$label" "$best" $((mem / 1024)) "$(tail -n 1 "$work/out")"
}

# The 1% of files changed: every hundredth in sorted order, the same ones each time.
one_percent() { find "$root" -name '*.md' | sort | awk 'NR % 100 == 0'; }
touch_one_percent() { one_percent | xargs -d '\n' touch; }
append_one_percent() {
  one_percent | while read -r f; do printf '\n- Benchmark edit:\n\n`true`\n' >>"$f"; done
}
# Back to the database as the cold import left it, before each changed-files repetition.
restore_db() { cp "$work/base.db" "$work/bench.db"; rm -f "$work"/bench.db-wal "$work"/bench.db-shm; }

echo "Machine: $(nproc) cores, $(grep -m1 'model name' /proc/cpuinfo | cut -d: -f2- | sed 's/^ //');" \
  "$(df -T "$work" | awk 'NR==2{print $2}') temp folder; $files files; $reps repetitions."
echo
echo "| run | seconds (best) | peak MiB | summary |"
echo "| --- | --- | --- | --- |"
measure "cold (empty database)" 'rm -f "$work"/bench.db*'
cold=$best
cp "$work/bench.db" "$work/base.db"
measure "unchanged re-import" ':'
unchanged=$best
measure "1% touched (time only)" 'restore_db; touch_one_percent'
measure "1% edited (line appended)" 'restore_db; append_one_percent'
echo
awk "BEGIN{printf \"Unchanged re-import / cold import: %.3f (acceptance: under 0.1)\\n\", $unchanged / $cold}"
