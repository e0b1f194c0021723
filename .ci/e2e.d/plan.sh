#!/usr/bin/env bash
# Floor plans open in the programs people use: rsvg-convert renders every SVG the build makes,
# and headless Chromium shows the overview plan. Neither may come out blank.
set -euo pipefail
here="$(cd "$(dirname "$0")/.." && pwd)"
for scene in scenes/*.ron; do
  name=$(basename "$scene" .ron)
  out="$WORK/build-$name"
  "$ONER" build "$scene" -o "$out" >/dev/null
  find "$out" -name '*.svg' | sort | while read -r svg; do
    rsvg-convert -w 800 "$svg" -o "$svg.png"
    python3 "$here/png_ink.py" "$svg.png" 0.02 >/dev/null || { echo "blank render: $svg" >&2; exit 1; }
  done
  profile=$(mktemp -d)
  chromium --headless --no-sandbox --disable-gpu --disable-quic --no-first-run \
    --disable-background-networking --disable-component-update --disable-sync \
    --user-data-dir="$profile" --window-size=1400,1000 \
    --screenshot="$out/plan-chromium.png" "file://$out/plan.svg" >/dev/null 2>&1
  rm -rf "$profile"
  python3 "$here/png_ink.py" "$out/plan-chromium.png" 0.05
done
