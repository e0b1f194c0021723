#!/usr/bin/env bash
# study-pack.pdf opens in the programs people use (issue 12.7): pdftotext reads its contents page
# and every page's foot line, pdftoppm renders every page, none blank. On Letter the A4 plans
# do not fit at their scale and are tiled. Run by .ci/e2e with ONER and WORK.
set -euo pipefail
: "${ONER:?}" "${WORK:?}"
here="$(cd "$(dirname "$0")/.." && pwd)"
for scene in scenes/*.ron; do
  name=$(basename "$scene" .ron)
  for paper in A4 Letter; do
    out="$WORK/pack-$name-$paper"
    rm -rf "$out"
    "$ONER" build "$scene" -o "$out" --paper "$paper" >/dev/null
    pdf="$out/study-pack.pdf"
    pages=$(pdfinfo "$pdf" | awk '/^Pages:/ {print $2}')
    [ "$pages" -ge 4 ] || { echo "$pdf: $pages pages" >&2; exit 1; }
    # Text into files first: grep -q closing a pipe early would fail the pipeline.
    pdftotext -f 1 -l 1 "$pdf" "$out/contents.txt"
    grep -q "Overview plan" "$out/contents.txt" || { echo "$pdf: no contents" >&2; exit 1; }
    grep -q "Cue sheet" "$out/contents.txt" || { echo "$pdf: no cue sheet" >&2; exit 1; }
    for n in $(seq 1 "$pages"); do
      pdftotext -f "$n" -l "$n" "$pdf" "$out/page-$n.txt"
      grep -q "Page $n of $pages" "$out/page-$n.txt" \
        || { echo "$pdf: page $n has no foot line" >&2; exit 1; }
    done
    if [ "$paper" = Letter ]; then
      cat "$out"/page-*.txt | grep -c "joins page" >/dev/null || { echo "$pdf: no tiles" >&2; exit 1; }
    fi
    pdftoppm -r 50 -png "$pdf" "$out/page"
    for png in "$out"/page-*.png; do
      python3 "$here/png_ink.py" "$png" 0.01 >/dev/null || { echo "blank page: $png" >&2; exit 1; }
    done
    echo "$name on $paper: $pages pages"
  done
done
