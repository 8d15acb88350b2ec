#!/usr/bin/env bash
# Extraction must be linear in the size of the notes (issue 3). This generates one note as a
# single long paragraph and one as a long list, each at 1x and 4x size, and times
# `recall import --dry-run` on them with the build's binary: a 4x note should take about 4x as
# long, not 16x. Usage: bench/extract_scaling.sh [path/to/recall]   (default build/recall)
set -euo pipefail
recall=${1:-build/recall}
dir=$(mktemp -d)
trap 'rm -rf "$dir"' EXIT
python3 - "$dir" <<'PY'
import random, sys
random.seed(7)
words = ['엔트로피는', '정보량의', '기댓값을', '의미한다.', 'BM25', 'is', 'a', 'ranking',
         'function.', '- term: def', '**bold**', '$x$', '(PTQ)', 'vs', 'Post', 'Training']
for n in (1, 4):
    with open(f'{sys.argv[1]}/paragraph{n}.md', 'w') as f:
        f.write(' '.join(random.choice(words) for _ in range(50000 * n)))
    with open(f'{sys.argv[1]}/list{n}.md', 'w') as f:
        f.write('\n'.join('- ' + ' '.join(random.choice(words) for _ in range(8))
                          for _ in range(20000 * n)))
    # Sections (issue 10): headings over a sentence, some aspects and bold lines, the section
    # rule's work; every tenth heading names an aspect of the one before.
    with open(f'{sys.argv[1]}/sections{n}.md', 'w') as f:
        for k in range(5000 * n):
            name = random.choice(['Limitations', '장점']) if k % 10 == 9 else f'Concept {k}'
            f.write(f'## {name}\n\n')
            f.write(' '.join(random.choice(words) for _ in range(20)) + f' Concept {k} is a thing.\n\n')
            if k % 7 == 0:
                f.write(f'**Bold {k}**\n\n- one\n- two\n\n')
PY
printf '%-14s %10s %10s %12s\n' note bytes seconds peak_kb
for note in paragraph1 paragraph4 list1 list4 sections1 sections4; do
  /usr/bin/time -f '%e %M' -o "$dir/time" "$recall" import "$dir/$note.md" --dry-run \
    --db "$dir/bench.db" >/dev/null 2>&1 || true
  read -r seconds kb <"$dir/time"
  printf '%-14s %10s %10s %12s\n' "$note" "$(stat -c %s "$dir/$note.md")" "$seconds" "$kb"
done
