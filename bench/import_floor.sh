#!/usr/bin/env bash
# Cold import of the tldr corpus against its parsing floor, as paired runs: in each round,
# `recall import` into an empty database, then cmark-gfm with recall's extensions on every file
# (bench/cmark_floor.c), one right after the other, so that both see the same load on a shared
# machine. Also a dry run and an unchanged re-import. With BEFORE=path/to/other/recall, that
# binary runs in the same rounds too, interleaved, for a before/after table.
# Prints medians, medians of the per-round ratios, and peak memory (GNU time). Never run by ctest.
#
#   [BEFORE=old/recall] bench/import_floor.sh [path/to/recall] [ROUNDS=3] [tldr-pages.tar.gz]
set -euo pipefail
here=$(cd "$(dirname "$0")/.." && pwd)
recall=$(realpath "${1:-$here/build/recall}")
rounds=${2:-3}
tarball=${3:-$here/../shared/corpora/tldr-pages.tar.gz}
[ -x "$recall" ] || { echo "no recall binary at $recall (build first)" >&2; exit 2; }
binaries=(after="$recall")
[ -n "${BEFORE:-}" ] && binaries=(before="$(realpath "$BEFORE")" "${binaries[@]}")
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
cc -O2 -o "$work/cmark_floor" "$here/bench/cmark_floor.c" -lcmark-gfm-extensions -lcmark-gfm
tar -xzf "$tarball" -C "$work"
root=$(find "$work" -mindepth 1 -maxdepth 1 -type d | head -n 1)
find "$root" -name '*.md' | sort >"$work/files"

# run LABEL CMD...: appends "seconds peak-KiB" to $work/LABEL
run() {
  local label=$1
  shift
  /usr/bin/time -f '%e %M' -o "$work/one" "$@" >/dev/null 2>&1 || true
  cat "$work/one" >>"$work/$label"
}
for _ in $(seq "$rounds"); do
  for pair in "${binaries[@]}"; do
    name=${pair%%=*} bin=${pair#*=}
    rm -f "$work"/bench.db*
    run "$name.cold" "$bin" --db "$work/bench.db" import "$root"
    run "$name.floor" "$work/cmark_floor" -l "$work/files"
    run "$name.unchanged" "$bin" --db "$work/bench.db" import "$root"
    run "$name.dry" "$bin" --db "$work/none.db" import "$root" --dry-run
  done
done
python3 - "$work" "${binaries[@]%%=*}" <<'PY'
import statistics, sys
work = sys.argv[1]
for name in sys.argv[2:]:
    rows = {k: [tuple(map(float, l.split())) for l in open(f'{work}/{name}.{k}')]
            for k in ('cold', 'floor', 'unchanged', 'dry')}
    med = lambda k, i: statistics.median(x[i] for x in rows[k])
    pair = lambda a, b: statistics.median(x[0] / y[0] for x, y in zip(rows[a], rows[b]) if y[0] > 0)
    print(f'== {name} ({len(rows["cold"])} rounds)')
    print(f'cold import:         {med("cold", 0):6.2f} s, peak {med("cold", 1) / 1024:5.0f} MiB')
    print(f'cmark-gfm floor:     {med("floor", 0):6.2f} s, peak {med("floor", 1) / 1024:5.0f} MiB')
    print(f'cold / floor:        {pair("cold", "floor"):6.2f}x (median of rounds)')
    print(f'dry run:             {med("dry", 0):6.2f} s, peak {med("dry", 1) / 1024:5.0f} MiB')
    print(f'unchanged re-import: {med("unchanged", 0):6.2f} s, peak {med("unchanged", 1) / 1024:5.0f} MiB')
    print(f'unchanged / cold:    {pair("unchanged", "cold"):6.3f} (median of rounds)')
PY
