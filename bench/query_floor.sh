#!/usr/bin/env bash
# Issue 13's query rows on the 1M-card, 10M-review collection (bench/stats_bench.sh makes it), each
# figure against its floor in the same run: PAIRS alternating pairs (figure, then floor), medians
# of wall time, of CPU time (user + sys) and of peak memory (max RSS), and the median of the
# per-pair ratios; CPU time and peak memory come from GNU time (`/usr/bin/time -f`). One unpaired
# run first warms the page cache. With BEFORE=path/to/other/recall, that binary runs in the same
# pairs too (figure, floor, before), for a before/after table. Never run by ctest.
#
#   [BEFORE=old/recall [BEFORE_DB=copy.db]] bench/query_floor.sh MEASURE [path/to/recall] [PAIRS=5] [DB]
#
# MEASURE:
#   cards-json  `recall cards --format json` (stdout to /dev/null) against `sqlite3 -json` running
#               the same SELECT (same columns, order and per-card review count).
#   section     `recall stats --by section`; floor: `recall stats` (the same figures, groups by deck
#               from the per-card totals), for scale. Target: at most 1 s.
#   since       `recall stats --since 2026-01-01`; floor as for section. Target: at most 1 s.
#   first-card  time until the first question of a piped `recall review` is on the pipe, against
#               the sqlite3 CLI running the session's first query (the next due card, in the queue's
#               order); process start-up is included on both sides. The recall process is then
#               told `q`, so its CPU time and memory cover the whole run.
#
# `before` must read a database at its own schema version, or it refuses it (a newer recall
# migrates the collection on first open): BEFORE_DB=copy made before migrating.
set -euo pipefail
here=$(cd "$(dirname "$0")/.." && pwd)
measure=${1:?usage: bench/query_floor.sh cards-json|section|since|first-card [recall] [pairs] [db]}
recall=$(realpath "${2:-$here/build/recall}")
pairs=${3:-5}
db=${4:-/tmp/recall-bench/collection.db}
[ -x "$recall" ] || { echo "no recall binary at $recall (build first)" >&2; exit 2; }
[ -f "$db" ] || { echo "no collection at $db (run bench/stats_bench.sh first)" >&2; exit 2; }
export RECALL_NOW=2026-03-01T09:30:00+09:00 NO_COLOR=1
uptime
exec python3 - "$measure" "$recall" "$pairs" "$db" "${BEFORE:-}" "${BEFORE_DB:-}" <<'PY'
import atexit, os, statistics, subprocess, sys, time

measure, recall, pairs, db, before, before_db = (sys.argv[1], sys.argv[2], int(sys.argv[3]),
                                                 sys.argv[4], sys.argv[5], sys.argv[6] or sys.argv[4])
today = "2026-03-01"

# The SELECT of `recall cards` (store/card_manage.cpp, kCardColumns), as JSON columns.
cards_sql = (
    "SELECT c.key, c.deck, c.question, c.answer, c.kind, c.rule, c.state, c.due, "
    "c.interval_days AS interval, c.ef_centi / 100.0 AS ef, c.repetitions, c.lapses, "
    "(SELECT count(*) FROM reviews r WHERE r.card_id = c.id) AS reviews, c.source, c.line, "
    "c.context, c.tags FROM cards c ORDER BY c.deck, c.source, c.ord, c.id")
# The session's first query (store/review_actions.cpp, select_queue): due cards in queue order.
first_sql = (
    "SELECT c.id, c.deck FROM cards c INDEXED BY cards_due_queue WHERE c.state IN "
    "('learning', 'review') AND c.due <= '%s' AND (c.buried_until IS NULL OR "
    "c.buried_until <= '%s') ORDER BY c.due, c.deck, c.source, c.ord LIMIT 1" % (today, today))

peak_file = os.path.join(os.environ.get("TMPDIR", "/tmp"), "query_floor.%d" % os.getpid())

def run(argv, until=None, stdin_after=None):
    """Runs argv under GNU time with stdout piped; returns (wall s until `until` is on the pipe,
    else until exit; CPU s, user + sys; peak RSS MiB)."""
    start = time.monotonic()
    p = subprocess.Popen(["/usr/bin/time", "-f", "%U %S %M", "-o", peak_file] + argv,
                         stdin=subprocess.PIPE if stdin_after else subprocess.DEVNULL,
                         stdout=subprocess.PIPE, stderr=subprocess.DEVNULL)
    wall = None
    seen = b""
    while True:
        chunk = p.stdout.read1(1 << 16)
        if not chunk:
            break
        if until is not None and wall is None:
            seen = (seen + chunk)[-4096:]
            if until in seen:
                wall = time.monotonic() - start
                if stdin_after:
                    p.stdin.write(stdin_after)
                    p.stdin.close()
    p.wait()
    if wall is None:
        wall = time.monotonic() - start
    if until is not None and until not in seen:
        sys.exit("%s: no %r on stdout" % (argv, until))
    user, system, peak = open(peak_file).read().split()[-3:]
    return wall, float(user) + float(system), float(peak) / 1024

def figure_argv(binary, db=db):
    return {
        "cards-json": ([binary, "--db", db, "cards", "--format", "json"], None, None),
        "section": ([binary, "--db", db, "stats", "--by", "section"], None, None),
        "since": ([binary, "--db", db, "stats", "--since", "2026-01-01"], None, None),
        "first-card": ([binary, "--db", db, "review"], b"\nQ: ", b"q\n"),
    }[measure]

floor = {
    "cards-json": (["sqlite3", "-readonly", "-json", db, cards_sql], None, None),
    "section": ([recall, "--db", db, "stats"], None, None),
    "since": ([recall, "--db", db, "stats"], None, None),
    "first-card": (["sqlite3", "-readonly", db, first_sql], None, None),
}[measure]

rows = {"recall": [], "floor": []}
atexit.register(lambda: os.path.exists(peak_file) and os.remove(peak_file))
runs = [("recall", figure_argv(recall)), ("floor", floor)]
if before:
    rows["before"] = []
    runs.append(("before", figure_argv(before, before_db)))
run(*runs[0][1])  # warms the page cache
for _ in range(pairs):
    for name, spec in runs:
        rows[name].append(run(*spec))

def line(name):
    r = rows[name]
    med = lambda i: statistics.median(x[i] for x in r)
    return "%-8s wall %8.3f s  cpu %8.3f s  peak %7.1f MiB" % (name, med(0), med(1), med(2))

print("%s: %d pairs, medians" % (measure, pairs))
for name in rows:
    print(line(name))
for name in [n for n in rows if n != "floor"]:
    ratios = [a[0] / b[0] for a, b in zip(rows[name], rows["floor"]) if b[0] > 0]
    cpu = [a[1] / b[1] for a, b in zip(rows[name], rows["floor"]) if b[1] > 0]
    print("%-8s / floor: wall %.2fx, cpu %.2fx (medians of the pairs' ratios)" %
          (name, statistics.median(ratios), statistics.median(cpu) if cpu else float("nan")))
PY
