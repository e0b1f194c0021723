#!/usr/bin/env bash
# previz.glb in the programs people open it with: the Khronos glTF Validator (npm
# gltf-validator, through its node API) must report 0 errors and 0 warnings for both bundled
# scenes; Blender (Debian's package) imports each file headless, renders the scene camera's
# view with Cycles on the CPU at three moments, and checks in Python that the people
# `oner at` says the camera sees are in the picture and nobody else is. Run by .ci/e2e with
# ONER (the binary) and WORK (a scratch folder) set, from the repository root.
#
# Install cost measured on the CI image (2 cores): apt-get blender python3-numpy with no
# recommends about 110 s (including apt-get update), npm gltf-validator a few seconds; the
# checks themselves about 30 s.
set -euo pipefail
: "${ONER:?}" "${WORK:?}"
here=$(cd "$(dirname "$0")/../previz" && pwd)

need=()
command -v node >/dev/null || need+=(nodejs)
command -v npm >/dev/null || need+=(npm)
command -v blender >/dev/null || need+=(blender)
# Debian's Blender imports glTF with NumPy but does not depend on it.
python3 -c 'import numpy' 2>/dev/null || need+=(python3-numpy)
if [ ${#need[@]} -gt 0 ]; then
  if [ "$(id -u)" = 0 ]; then
    apt-get update -qq
    DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends "${need[@]}" >/dev/null
  else
    echo "missing ${need[*]} and not root: cannot install" >&2
    exit 1
  fi
fi
root=$(npm root -g)
if [ ! -d "$root/gltf-validator" ]; then
  npm install -g --silent gltf-validator >/dev/null
fi

out="$WORK/previz"
mkdir -p "$out"

# scene, the seconds between moments checked without a picture, then the moments to render
check_scene() {
  local scene=$1 every=$2 name
  shift 2
  name=$(basename "$scene" .ron)
  mkdir -p "$out/$name"
  "$ONER" previz "$scene" -o "$out/$name/previz.glb" >/dev/null
  # Deterministic: a second run gives the same bytes.
  "$ONER" previz "$scene" -o "$out/$name/again.glb" >/dev/null
  cmp "$out/$name/previz.glb" "$out/$name/again.glb"
  NODE_PATH="$root" node "$here/validate.js" "$out/$name/previz.glb"
  local snapshots=() length s
  for t in "$@"; do
    "$ONER" at "$scene" "$t" --format json > "$out/$name/shot-${t/:/-}.json"
    snapshots+=("$out/$name/shot-${t/:/-}.json")
  done
  # Every few seconds through the take, checked by projection only.
  length=$(sed -n 's/^ *length: *"\([0-9]*\):\([0-9]*\)".*/\1 \2/p' "$scene" | head -n 1)
  length=$(( ${length% *} * 60 + 10#${length#* } ))
  for (( s = 1; s < length; s += every )); do
    t=$(printf '%d:%02d.5' $(( s / 60 )) $(( s % 60 )))
    "$ONER" at "$scene" "$t" --format json > "$out/$name/at-$s.json"
    snapshots+=("$out/$name/at-$s.json")
  done
  local fps
  fps=$(sed -n 's/^ *frame_rate: *\([0-9.]*\).*/\1/p' "$scene" | head -n 1)
  blender -b --factory-startup --python "$here/blender_check.py" -- \
    "$out/$name/previz.glb" "$out/$name" "${fps:-24}" "${snapshots[@]}" \
    > "$out/$name/blender.log" 2>&1 || {
    grep -v '^Fra:' "$out/$name/blender.log" >&2
    echo "Blender's check of $scene failed" >&2
    exit 1
  }
  grep -E '^camera |^blender:|^note:' "$out/$name/blender.log"
  for png in "$out/$name"/frame-*.png; do
    head -c 4 "$png" | od -An -c | grep -q 'P   N   G' || { echo "$png is not a PNG" >&2; exit 1; }
  done
}

check_scene scenes/tutorial.ron 3 0:05 0:20 0:40
check_scene scenes/we-cry-together.ron 5 0:05 2:13 5:50
echo "previz: validator clean, Blender agrees with oner at"
