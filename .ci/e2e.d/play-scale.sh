#!/usr/bin/env bash
# The playback page at Russian-Ark size (35 rooms, 2,000 performers, 96 minutes, 100,000
# events; benches/support/synthetic.rs) in real headless Chromium: the first frame with the
# take drawn within 2 s of opening the page, and playback at 30 frames a second or more,
# both measured in the page with requestAnimationFrame timestamps (.ci/play-scale.py drives
# Chromium over the DevTools pipe). Also writes the study scene's figures for comparison.
# Run by .ci/e2e with ONER (the binary) and WORK (a scratch folder) set, from the repository
# root. FIRST_FRAME_MS and MIN_FPS override the targets.
set -euo pipefail
: "${ONER:?}" "${WORK:?}"

out="$WORK/play-scale"
mkdir -p "$out"
out=$(realpath "$out")
first_limit=${FIRST_FRAME_MS:-2000}
fps_limit=${MIN_FPS:-30}

# The generator is tiny; a debug build is quick where `cargo test` has run.
cargo run -q --example synthetic_scene -- ark >"$out/ark.ron"
start=$(date +%s%N)
"$ONER" play "$out/ark.ron" -o "$out/ark.html" >/dev/null
"$ONER" play scenes/we-cry-together.ron -o "$out/study.html" >/dev/null
echo "play-scale: oner play wrote $(du -h "$out/ark.html" | cut -f1) for the big take ($((($(date +%s%N) - start) / 1000000)) ms for both pages)"

measure() { # measure NAME PAGE: one JSON line of figures
  python3 .ci/play-scale.py "file://$2#t=0:05&play" "$(mktemp -d "$out/profile.XXXXXX")" 4
}

fail() { echo "play-scale: $*" >&2; exit 1; }

for name in study ark; do
  result=$(measure "$name" "$out/$name.html")
  [ -n "$result" ] && [ "$result" != null ] || fail "$name: no measurement (the page did not get ready)"
  echo "$result" >"$out/$name.json"
  python3 - "$name" "$out/$name.json" "$first_limit" "$fps_limit" <<'PY'
import json, sys
name, path, first_limit, fps_limit = sys.argv[1], sys.argv[2], float(sys.argv[3]), float(sys.argv[4])
r = json.load(open(path))
print(f"play-scale: {name}: ready {r['ready']:.0f} ms, first frame {r['first']:.0f} ms, "
      f"{r['fps']:.1f} frames/s over {r['frames']} frames (95th percentile gap "
      f"{r['p95_gap_ms']:.0f} ms), {r['metrics']['LayoutCount']:.0f} layouts, script errors {r['errors']}")
problems = []
if r["errors"] != "0":
    problems.append("script errors")
if name == "ark":
    if r["first"] > first_limit:
        problems.append(f"first frame at {r['first']:.0f} ms, wanted at most {first_limit:.0f}")
    if r["fps"] < fps_limit:
        problems.append(f"{r['fps']:.1f} frames/s, wanted at least {fps_limit:.0f}")
if problems:
    sys.exit(f"play-scale: {name}: " + "; ".join(problems))
PY
done
echo "play-scale: the big take opens and plays in time"
