#!/usr/bin/env bash
# A build is one unit from the reader's side (issue 10.4). Builds are killed (SIGKILL) at
# random moments into a folder that holds a previous build; after each kill the folder
# must hold exactly one complete build, the old or the new (compared by the hash of every
# file, manifest included), and no temporary file. Then builds of two versions race into
# one folder. Run by .ci/e2e with ONER (the binary) and WORK (a scratch folder).
set -euo pipefail
: "${ONER:?}" "${WORK:?}"
kills=${KILLS:-30}
races=${RACES:-10}

dir="$WORK/build-kill"
rm -rf "$dir" && mkdir -p "$dir"
scene_a=scenes/we-cry-together.ron
scene_b="$dir/we-cry-together.ron"
# Version B differs in its title and a beat: different bytes in most files.
sed -e 's/title: "We Cry Together/title: "We Cry Together (B)/' "$scene_a" > "$scene_b"
cmp -s "$scene_a" "$scene_b" && { echo "version B is not different" >&2; exit 1; }

# The fingerprint of a folder: every file under it (hidden ones too) with its hash.
fingerprint() {
  (cd "$1" && find . -type f -print0 | sort -z | xargs -0 sha256sum)
}

"$ONER" build "$scene_a" -o "$dir/ref-a" >/dev/null
"$ONER" build "$scene_b" -o "$dir/ref-b" >/dev/null
fp_a=$(fingerprint "$dir/ref-a")
fp_b=$(fingerprint "$dir/ref-b")
[ "$fp_a" != "$fp_b" ] || { echo "the two versions build the same files" >&2; exit 1; }
# Each reference holds exactly what its manifest lists, plus the manifest.
for ref in ref-a ref-b; do
  listed=$( (cat "$dir/$ref/.oner-files"; echo .oner-files) | sort)
  present=$(cd "$dir/$ref" && find . -type f | sed 's|^\./||' | sort)
  [ "$listed" = "$present" ] || { echo "$ref: files differ from its manifest" >&2; exit 1; }
done

out="$dir/out"
"$ONER" build "$scene_a" -o "$out" >/dev/null
start=$(date +%s%N)
"$ONER" build "$scene_b" -o "$out" >/dev/null
took_ms=$(( ($(date +%s%N) - start) / 1000000 + 1 ))
echo "a build takes ${took_ms} ms; killing $kills builds at random moments within it"

check_folder() {
  local what=$1 fp
  fp=$(fingerprint "$out")
  if [ "$fp" != "$fp_a" ] && [ "$fp" != "$fp_b" ]; then
    echo "$what: the folder holds neither whole build" >&2
    diff <(echo "$fp_a") <(echo "$fp") | head -20 >&2 || true
    exit 1
  fi
  if find "$out" -name '.oner-*' ! -path "$out/.oner-files" | grep -q .; then
    echo "$what: temporary files in the folder:" >&2
    find "$out" -name '.oner-*' ! -path "$out/.oner-files" >&2
    exit 1
  fi
}

old_or_new=0
for i in $(seq 1 "$kills"); do
  if [ $((i % 2)) = 0 ]; then scene=$scene_a; else scene=$scene_b; fi
  delay_ms=$(( RANDOM % (took_ms + took_ms / 4 + 1) ))
  "$ONER" build "$scene" -o "$out" >/dev/null 2>&1 &
  pid=$!
  sleep "$(awk -v ms="$delay_ms" 'BEGIN { printf "%.3f", ms / 1000 }')"
  kill -9 "$pid" 2>/dev/null || true
  wait "$pid" 2>/dev/null || true
  check_folder "kill $i after ${delay_ms} ms"
  old_or_new=$((old_or_new + 1))
done
echo "$old_or_new kills: the folder held one whole build every time"

# The next build removes what killed builds left beside the folder.
"$ONER" build "$scene_a" -o "$out" >/dev/null
check_folder "after the kills"
if find "$dir" -maxdepth 1 -name '.out.oner-*' | grep -q .; then
  echo "staging folders of killed builds were not removed:" >&2
  find "$dir" -maxdepth 1 -name '.out.oner-*' >&2
  exit 1
fi

# Two versions at once, into one folder: both succeed, the last swap wins, never a mix.
for i in $(seq 1 "$races"); do
  "$ONER" build "$scene_a" -o "$out" >/dev/null 2>&1 &
  pa=$!
  "$ONER" build "$scene_b" -o "$out" >/dev/null 2>&1 &
  pb=$!
  wait "$pa" || { echo "race $i: build A failed" >&2; exit 1; }
  wait "$pb" || { echo "race $i: build B failed" >&2; exit 1; }
  check_folder "race $i"
done
echo "$races races of two builds: one whole build every time"

# A symlinked beats/ inside the folder leads to no write or delete outside it.
outside="$dir/outside"
mkdir -p "$outside"
echo precious > "$outside/keep.txt"
rm -rf "$out/beats"
ln -s "$outside" "$out/beats"
"$ONER" build "$scene_b" -o "$out" >/dev/null
[ "$(ls -A "$outside")" = keep.txt ] || { echo "a build wrote through a symlink" >&2; exit 1; }
[ "$(cat "$outside/keep.txt")" = precious ] || { echo "a build changed a file through a symlink" >&2; exit 1; }
[ -d "$out/beats" ] && [ ! -L "$out/beats" ] || { echo "beats/ is still a symlink" >&2; exit 1; }
check_folder "after a symlinked beats/"
echo "build-kill: ok"
