#!/usr/bin/env bash
# The Debian package on this machine, as a user gets it: build it with cpack, install it with
# dpkg -i, use recall from PATH (version, man page, completion, import and review), remove it
# with dpkg -r and check nothing is left. Needs root and dpkg; exit 77 (skipped) without them,
# or when a recall package is already installed (the test will not replace the user's).
# Usage: test_deb.sh BUILD_DIR SOURCE_DIR
set -euo pipefail
build=$1
source=$2
if [ "$(id -u)" -ne 0 ] || ! command -v dpkg >/dev/null || ! command -v cpack >/dev/null; then
  echo "skipped: needs root, dpkg and cpack"
  exit 77
fi
if dpkg-query -W -f='${Status}' recall 2>/dev/null | grep -q 'install ok installed' ||
   [ -e /usr/bin/recall ]; then
  echo "skipped: recall is already installed here"
  exit 77
fi

work=$(mktemp -d)
installed=no
cleanup() {
  if [ "$installed" = yes ]; then dpkg -r recall >/dev/null 2>&1 || true; fi
  rm -rf "$work"
}
trap cleanup EXIT

cpack -G DEB --config "$build/CPackConfig.cmake" -B "$work/pkg" >"$work/cpack.log" ||
  { cat "$work/cpack.log"; exit 1; }
deb=$(ls "$work"/pkg/recall_*.deb)
echo "package: $(basename "$deb")"
dpkg-deb -c "$deb" | awk '{print $6}'

dpkg -i "$deb"
installed=yes

# From PATH, not from the build folder.
[ "$(command -v recall)" = /usr/bin/recall ]
version=$(recall --version)
echo "$version"
[[ "$version" == "recall "* ]]

# The man page, through man-db when it is installed.
test -s /usr/share/man/man1/recall.1*
if command -v man >/dev/null; then
  MANPAGER=cat MANWIDTH=80 man recall >"$work/man.txt" 2>/dev/null
  grep -q 'recall review' "$work/man.txt"
  grep -q 'completion' "$work/man.txt"
else
  echo "man-db missing: man page checked only as a file"
fi

# The bash completion as bash-completion would load it: `recall rev<TAB>` and
# `recall review --bu<TAB>` and `recall --color <TAB>`.
complete_words() {
  bash -c '
    source /usr/share/bash-completion/completions/recall
    COMP_WORDS=("$@"); COMP_CWORD=$(($# - 1))
    _recall
    printf "%s\n" "${COMPREPLY[@]}"' _ "$@"
}
[ "$(complete_words recall rev)" = review ]
[ "$(complete_words recall review --bu)" = --buttons ]
[ "$(complete_words recall --color "")" = "$(printf 'auto\nalways\nnever')" ]
test -s /usr/share/zsh/vendor-completions/_recall
test -s /usr/share/fish/vendor_completions.d/recall.fish
if command -v zsh >/dev/null; then zsh -n /usr/share/zsh/vendor-completions/_recall; fi
if command -v fish >/dev/null; then fish -n /usr/share/fish/vendor_completions.d/recall.fish; fi

# A first session from PATH: import a note, review it from a pipe.
export RECALL_DB="$work/recall.db" RECALL_NOW=2026-03-01T09:30:00+09:00 HOME="$work/home"
unset XDG_CONFIG_HOME XDG_DATA_HOME
mkdir -p "$work/notes"
printf '# Deck\n\nQ: Alpha?\nA: first\n' >"$work/notes/deck.md"
recall import "$work/notes" >/dev/null
review=$(printf '5\n' | recall review)
echo "$review" | grep -q 'Q: Alpha?'
echo "$review" | grep -q '1 card reviewed'

dpkg -r recall
installed=no
if dpkg -L recall >/dev/null 2>&1 && dpkg-query -W -f='${Status}' recall | grep -q installed; then
  echo "recall still installed after dpkg -r" >&2
  exit 1
fi
for f in /usr/bin/recall /usr/share/man/man1/recall.1 /usr/share/man/man1/recall.1.gz \
         /usr/share/bash-completion/completions/recall \
         /usr/share/zsh/vendor-completions/_recall /usr/share/fish/vendor_completions.d/recall.fish; do
  if [ -e "$f" ]; then echo "left behind: $f" >&2; exit 1; fi
done
echo "ok: installed, used from PATH and removed"
