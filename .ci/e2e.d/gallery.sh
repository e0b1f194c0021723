#!/usr/bin/env bash
# The gallery in the programs a class opens it in: every bundled scene builds, every plan
# of every gallery scene renders in rsvg-convert, and Chromium loads the gallery page
# offline with one card per scene, each linking its study pack.
# Run by .ci/e2e with ONER (the binary) and WORK (a scratch folder) set, from the repository
# root; installs what it needs when run as root.
set -euo pipefail
: "${ONER:?}" "${WORK:?}"

need=()
command -v rsvg-convert >/dev/null || need+=(librsvg2-bin)
command -v chromium >/dev/null || need+=(chromium)
if [ ${#need[@]} -gt 0 ]; then
  if [ "$(id -u)" = 0 ]; then
    apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq "${need[@]}" >/dev/null
  else
    echo "gallery: missing ${need[*]} and not root" >&2
    exit 1
  fi
fi

fail() { echo "gallery: $*" >&2; exit 1; }

out="$WORK/gallery"
mkdir -p "$out"
out=$(realpath "$out")

scenes=(scenes/*.ron)
for scene in "${scenes[@]}"; do
  id=$(basename "$scene" .ron)
  "$ONER" check --deny-warnings "$scene" >/dev/null 2>&1 || fail "$scene is not clean"
  "$ONER" build "$scene" -o "$out/$id" >/dev/null 2>&1 || fail "$scene does not build"
  for svg in "$out/$id/plan.svg" "$out/$id"/beats/*.svg; do
    rsvg-convert -w 1200 "$svg" -o "$WORK/gallery-render.png" 2>/dev/null \
      || fail "rsvg-convert cannot render $svg"
    [ -s "$WORK/gallery-render.png" ] || fail "$svg rendered empty"
  done
done

"$ONER" gallery "${scenes[@]}" -o "$out" 2>/dev/null || fail "oner gallery failed"

profile=$(mktemp -d "$out/profile.XXXXXX")
timeout 120 chromium --headless --no-sandbox --disable-gpu --no-first-run \
  --disable-background-networking --disable-extensions --allow-file-access-from-files \
  --user-data-dir="$profile" --virtual-time-budget=5000 \
  --run-all-compositor-stages-before-draw \
  --dump-dom "file://$out/index.html" > "$WORK/gallery-dom.html" 2>/dev/null \
  || fail "chromium could not load the gallery"
rm -rf "$profile"

cards=$(grep -o '<article class="card scene">' "$WORK/gallery-dom.html" | wc -l)
[ "$cards" -eq "${#scenes[@]}" ] || fail "$cards cards for ${#scenes[@]} scenes"
for scene in "${scenes[@]}"; do
  id=$(basename "$scene" .ron)
  grep -q "href=\"$id/index.html\"" "$WORK/gallery-dom.html" || fail "no link to $id's study pack"
done
echo "gallery: ${#scenes[@]} scenes built, every plan renders, $cards cards in Chromium"
