#!/usr/bin/env bash
# Shell completions and manual pages in the real programs: bash loads the completion script
# and registers it, zsh and fish parse theirs (where installed), and man/groff render every
# page without a warning. Run by .ci/e2e with ONER (the binary) and WORK (a scratch folder)
# set, from the repository root.
set -euo pipefail
: "${ONER:?}" "${WORK:?}"

# The README's one-liner, exactly.
bash --norc -c "source <(\"$ONER\" completions bash); complete -p oner" | grep -q -- '-F _oner oner' \
  || { echo "bash did not register the oner completion" >&2; exit 1; }
# Completing `oner ch` offers check (the function bash would call on Tab).
got=$(bash --norc -c "source <(\"$ONER\" completions bash)
COMP_WORDS=(oner ch); COMP_CWORD=1; COMP_LINE='oner ch'; COMP_POINT=7
_oner oner ch oner; printf '%s\n' \"\${COMPREPLY[@]}\"")
echo "$got" | grep -qx check || { echo "bash completion of 'oner ch' gave: $got" >&2; exit 1; }

if command -v zsh >/dev/null; then
  "$ONER" completions zsh > "$WORK/_oner" && zsh -n "$WORK/_oner"
fi
if command -v fish >/dev/null; then
  "$ONER" completions fish > "$WORK/oner.fish" && fish --no-execute "$WORK/oner.fish"
fi

# Every page renders, with groff's warnings on and none printed.
mkdir -p "$WORK/man/man1"
"$ONER" man --dir "$WORK/man/man1" 2>/dev/null
for page in "$WORK"/man/man1/*.1; do
  groff -k -man -Tutf8 -ww -z "$page" 2>"$WORK/groff.err"
  if [ -s "$WORK/groff.err" ]; then
    echo "groff warns about $(basename "$page"):" >&2
    cat "$WORK/groff.err" >&2
    exit 1
  fi
done
if command -v man >/dev/null; then
  "$ONER" man check | man -l - 2>/dev/null | grep -q 'deny-warnings' \
    || { echo "man -l does not show oner-check's options" >&2; exit 1; }
fi
echo "completions load in bash; $(ls "$WORK"/man/man1 | wc -l) man pages render"
