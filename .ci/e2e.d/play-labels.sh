#!/usr/bin/env bash
# The playback page at many moments, in real headless Chromium (.ci/play-check.py reads the
# page over the DevTools pipe), for every bundled scene:
# - the camera's view that page.js draws agrees with the simulation: everyone `oner at` says
#   a camera sees stands inside the drawn view, everyone it does not stands outside, except
#   within a body's radius (cast: any part of the body counts) or 5 cm of the view's edge;
# - the live labels (names, props) sit on no other label (live or the plan's own) and on no
#   wall, at every moment read.
# Run by .ci/e2e with ONER (the binary) and WORK (a scratch folder) set, from the repository
# root. MOMENTS (how many moments a scene, evenly spread, default 60) and SCENES (the scene
# files, default scenes/*.ron) override what is read.
set -euo pipefail
: "${ONER:?}" "${WORK:?}"

command -v chromium >/dev/null || {
  [ "$(id -u)" = 0 ] || { echo "play-labels: needs chromium" >&2; exit 1; }
  apt-get install -y -qq chromium >/dev/null
}

out="$WORK/play-labels"
mkdir -p "$out"
out=$(realpath "$out")
count=${MOMENTS:-60}
status=0

for scene in ${SCENES:-scenes/*.ron}; do
  name=$(basename "$scene" .ron)
  "$ONER" play "$scene" -o "$out/$name.html" >/dev/null
  length=$(python3 -c "import json,re,sys; s=open(sys.argv[1]).read(); \
print(json.loads(re.search(r'<script[^>]*id=\"take\"[^>]*>(.*?)</script>', s, re.S).group(1))['length'])" "$out/$name.html")
  # Moments spread over the take, each on one of the page's facing samples (10 a second), so
  # the drawn facing is the simulation's, not an interpolation.
  moments=$(python3 -c "import sys; n, c = float(sys.argv[1]), int(sys.argv[2]); \
print(' '.join(sorted({f'{round((k + 0.5) * n / c, 1):.1f}' for k in range(c)}, key=float)))" "$length" "$count")
  python3 .ci/play-check.py "$out/$name.html" "$(mktemp -d "$out/profile.XXXXXX")" $moments >"$out/$name.jsonl"
  : >"$out/$name.sim.jsonl"
  for t in $moments; do
    clock=$(awk -v t="$t" 'BEGIN { m = int(t / 60); printf "%d:%04.1f", m, t - 60 * m }')
    "$ONER" at "$scene" "$clock" --format json | python3 -c "import json,sys; print(json.dumps(json.load(sys.stdin)['cameras']))" >>"$out/$name.sim.jsonl"
  done
  python3 - "$name" "$out/$name.jsonl" "$out/$name.sim.jsonl" <<'PY' || status=1
import json, math, sys

name, page_path, sim_path = sys.argv[1:4]
TOL = 0.05   # metres: the drawn view's edge (1-degree rays, millimetre rounding)
EPS = 0.005  # metres: boxes that only touch do not overlap

def inside(poly, p):
    hit = False
    for i in range(len(poly)):
        (ax, ay), (bx, by) = poly[i], poly[i - 1]
        if (ay > p[1]) != (by > p[1]) and p[0] < ax + (p[1] - ay) * (bx - ax) / (by - ay):
            hit = not hit
    return hit

def seg_dist(p, a, b):
    dx, dy = b[0] - a[0], b[1] - a[1]
    k = 0 if dx == dy == 0 else max(0, min(1, ((p[0] - a[0]) * dx + (p[1] - a[1]) * dy) / (dx * dx + dy * dy)))
    return math.hypot(p[0] - a[0] - k * dx, p[1] - a[1] - k * dy)

def edge_dist(poly, p):
    return min(seg_dist(p, poly[i - 1], poly[i]) for i in range(len(poly)))

def overlap(a, b):
    return min(a[2], b[2]) - max(a[0], b[0]) > EPS and min(a[3], b[3]) - max(a[1], b[1]) > EPS

def box_on_segment(box, a, b, half):
    x0, y0, x1, y1 = box[0] - half + EPS, box[1] - half + EPS, box[2] + half - EPS, box[3] + half - EPS
    t0, t1 = 0.0, 1.0
    dx, dy = b[0] - a[0], b[1] - a[1]
    for p, q in ((-dx, a[0] - x0), (dx, x1 - a[0]), (-dy, a[1] - y0), (dy, y1 - a[1])):
        if abs(p) < 1e-12:
            if q < 0:
                return False
        else:
            r = q / p
            if p < 0:
                t0 = max(t0, r)
            else:
                t1 = min(t1, r)
            if t0 > t1:
                return False
    return True

pages = [json.loads(line) for line in open(page_path)]
sims = [json.loads(line) for line in open(sim_path)]
walls = pages[0]["walls"]
problems, checked, seen_count, labels_read = [], 0, 0, 0
for page, sim in zip(pages, sims):
    t = page["t"]
    if page["errors"] not in (None, "0"):
        problems.append(f"{t}: script errors {page['errors']}")
    where = {f["id"]: f for f in page["figures"]}
    for cam_id, view in zip(page["cameras"], page["views"]):
        said = next(c for c in sim if c["id"] == cam_id)
        seen = set(said["sees"]) | set(said["crew_in_view"])
        for f in page["figures"]:
            if f["id"] == cam_id or f["kind"] == "camera" or len(view) < 3:
                continue
            checked += 1
            seen_count += f["id"] in seen
            p, d = f["at"], edge_dist(view, f["at"])
            drawn = inside(view, p)
            slack = TOL + (f["radius"] if f["kind"] == "cast" else 0.0)
            if f["id"] in seen and not drawn and d > slack:
                problems.append(f"{t}s: {cam_id} sees {f['id']} but the drawn view misses them by {d:.2f} m")
            if f["id"] not in seen and drawn and d > TOL:
                problems.append(f"{t}s: the drawn view of {cam_id} holds {f['id']} ({d:.2f} m inside) but the simulation says unseen")
    labels = page["labels"]
    labels_read += len(labels)
    for i, a in enumerate(labels):
        for b in labels[i + 1:]:
            if overlap(a["box"], b["box"]):
                problems.append(f"{t}s: label “{a['text']}” on label “{b['text']}”")
        for b in page["floor_labels"]:
            if overlap(a["box"], b["box"]):
                problems.append(f"{t}s: label “{a['text']}” on the plan's “{b['text']}”")
        for w in walls:
            if box_on_segment(a["box"], w["a"], w["b"], w["half"]):
                problems.append(f"{t}s: label “{a['text']}” on a wall")
                break
print(f"play-labels: {name}: {len(pages)} moments, {checked} camera-person answers compared, "
      f"({seen_count} seen), {labels_read} labels read, {len(problems)} problems")
for p in problems[:40]:
    print(f"play-labels: {name}: {p}", file=sys.stderr)
sys.exit(1 if problems else 0)
PY
done
[ "$status" = 0 ] || { echo "play-labels: problems found" >&2; exit 1; }
echo "play-labels: the drawn views agree with the simulation and no label sits on a label or a wall"
