#!/usr/bin/env bash
# One large note, dry-run: time and peak memory of `recall import --dry-run` against the parsing
# floor (cmark-gfm with recall's extensions on the same file, bench/cmark_floor.c), as paired runs
# in the same session, interleaved, reporting medians and the median of the per-pair ratios.
# The note is made by concatenating the study-note corpora in ../shared until it has SIZE MiB.
# Never run by ctest; figures go in docs/benchmarks.md.
#
#   bench/big_note.sh [path/to/recall] [SIZE_MIB=20] [PAIRS=3] [corpus folder...]
set -euo pipefail
here=$(cd "$(dirname "$0")/.." && pwd)
recall=$(realpath "${1:-$here/build/recall}")
size=${2:-20}
pairs=${3:-3}
shift $(($# < 3 ? $# : 3))
corpora=("$@")
[ ${#corpora[@]} -gt 0 ] || corpora=("$here/../shared/dev-notes/corpora" "$here/../shared/corpora/ko-tech-interview")
[ -x "$recall" ] || { echo "no recall binary at $recall (build first)" >&2; exit 2; }

work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
cc -O2 -o "$work/cmark_floor" "$here/bench/cmark_floor.c" -lcmark-gfm-extensions -lcmark-gfm
python3 - "$work/note.md" "$size" "${corpora[@]}" <<'PY'
import pathlib, sys
out, size = sys.argv[1], int(sys.argv[2]) * 1024 * 1024
files = sorted(p for root in sys.argv[3:] for p in pathlib.Path(root).rglob('*.md'))
one = '\n\n'.join(p.read_text(encoding='utf-8', errors='replace') for p in files).encode()
data = (one * (size // len(one) + 1))[:size].decode('utf-8', 'ignore')
pathlib.Path(out).write_text(data, encoding='utf-8')
PY

# run LABEL CMD...: appends "seconds peak-KiB" to $work/LABEL
run() {
  local label=$1
  shift
  /usr/bin/time -f '%e %M' -o "$work/one" "$@" >/dev/null 2>&1 || true
  cat "$work/one" >>"$work/$label"
}
for _ in $(seq "$pairs"); do
  run recall "$recall" --db "$work/none.db" import "$work/note.md" --dry-run --max-note-size 1G
  run floor "$work/cmark_floor" "$work/note.md"
done
python3 - "$work" "$size" <<'PY'
import statistics, sys
work, size = sys.argv[1], sys.argv[2]
rows = {k: [tuple(map(float, l.split())) for l in open(f'{work}/{k}')] for k in ('recall', 'floor')}
ratios = [r[0] / f[0] for r, f in zip(rows['recall'], rows['floor']) if f[0] > 0]
med = lambda k, i: statistics.median(x[i] for x in rows[k])
print(f'note: {size} MiB, {len(rows["recall"])} pairs')
print(f'recall dry-run: {med("recall", 0):.2f} s, peak {med("recall", 1) / 1024:.0f} MiB')
print(f'cmark-gfm floor: {med("floor", 0):.2f} s, peak {med("floor", 1) / 1024:.0f} MiB')
print(f'ratio (median of pairs): {statistics.median(ratios):.1f}x')
PY
