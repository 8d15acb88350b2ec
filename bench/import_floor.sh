#!/usr/bin/env bash
# Cold import of the tldr corpus against its parsing floor, as paired runs: in each round,
# `recall import` into an empty database, then cmark-gfm with recall's extensions on every file
# (bench/cmark_floor.c), one right after the other, so that both see the same load on a shared
# machine. Also a dry run and an unchanged re-import. With BEFORE=path/to/other/recall, that
# binary runs in the same rounds too, interleaved, for a before/after table.
# Prints medians of wall time, CPU time (user + sys) and peak memory (GNU time), and medians of
# the per-round ratios of wall and of CPU time, with `uptime` at the start. Never run by ctest.
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

# run LABEL CMD...: appends "seconds peak-KiB user-seconds sys-seconds" to $work/LABEL
run() {
  local label=$1
  shift
  /usr/bin/time -f '%e %M %U %S' -o "$work/one" "$@" >/dev/null 2>&1 || true
  cat "$work/one" >>"$work/$label"
}
uptime
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
    cpu = lambda k: statistics.median(x[2] + x[3] for x in rows[k])
    pair = lambda a, b: statistics.median(x[0] / y[0] for x, y in zip(rows[a], rows[b]) if y[0] > 0)
    cpair = lambda a, b: statistics.median((x[2] + x[3]) / (y[2] + y[3])
                                           for x, y in zip(rows[a], rows[b]) if y[2] + y[3] > 0)
    line = lambda label, k: print(f'{label:<21}{med(k, 0):6.2f} s wall, {cpu(k):6.2f} s CPU, '
                                  f'peak {med(k, 1) / 1024:5.0f} MiB')
    print(f'== {name} ({len(rows["cold"])} rounds)')
    line('cold import:', 'cold')
    line('cmark-gfm floor:', 'floor')
    print(f'cold / floor:        {pair("cold", "floor"):6.2f}x wall, {cpair("cold", "floor"):6.2f}x CPU '
          '(medians of rounds)')
    line('dry run:', 'dry')
    line('unchanged re-import:', 'unchanged')
    print(f'unchanged / cold:    {pair("unchanged", "cold"):6.3f} wall (median of rounds)')
PY
