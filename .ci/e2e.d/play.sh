#!/usr/bin/env bash
# The playback page in real Chromium, offline: it loads with no console messages and no
# script errors, opens at the time in its address, draws the take differently at 0:05 and
# 5:50 of the study scene exactly where the camera is then, and plays, scrubs, jumps to a
# beat and follows the address when driven like a user. Hostile scene text stays text.
# Run by .ci/e2e with ONER (the binary) and WORK (a scratch folder) set, from the repository
# root.
set -euo pipefail
: "${ONER:?}" "${WORK:?}"

out="$WORK/play"
mkdir -p "$out"
out=$(realpath "$out")

# A fresh profile each run, nothing in the background, no network.
chrome() {
  local profile
  profile=$(mktemp -d "$out/profile.XXXXXX")
  timeout 120 chromium --headless --no-sandbox --disable-gpu --disable-quic --no-first-run \
    --disable-background-networking --disable-component-update --disable-sync \
    --disable-default-apps --disable-extensions --hide-scrollbars --mute-audio \
    --user-data-dir="$profile" --window-size="${WINDOW:-1400,1000}" "$@"
  rm -rf "$profile"
}

# The <body> start tag of the page after it ran: the page keeps its state in data-*.
body_of() {
  grep -o '<body[^>]*>' "$1" | head -1
}

attr() { # attr NAME FILE: an attribute of the dumped <body>
  body_of "$2" | sed -n "s/.* $1=\"\\([^\"]*\\)\".*/\\1/p"
}

fail() { echo "play: $*" >&2; exit 1; }

for scene in scenes/*.ron; do
  id=$(basename "$scene" .ron)
  "$ONER" play "$scene" -o "$out/$id.html" >/dev/null
  page="$out/$id.html"
  if grep -Eq 'https?://' "$page"; then fail "$page refers to the network"; fi
  # Load it with console logging on: the page logs nothing, so any console line is a fault
  # (an uncaught error, a refused fetch, a CSP violation).
  chrome --enable-logging=stderr --v=0 --virtual-time-budget=3000 --dump-dom \
    "file://$page#t=0:03" >"$out/$id.dom" 2>"$out/$id.log"
  if grep -E 'CONSOLE|Uncaught|Refused to' "$out/$id.log"; then fail "$id: console messages"; fi
  [ "$(attr data-ready "$out/$id.dom")" = 1 ] || fail "$id: the script did not finish"
  [ "$(attr data-errors "$out/$id.dom")" = 0 ] || fail "$id: script errors"
  [ "$(attr data-t "$out/$id.dom")" = 3.000 ] || fail "$id: #t=0:03 not read"
done

# The study scene at two moments: at 0:05 everyone is in the kitchen; at 5:50 the south flat
# is struck and the camera has backed out onto the stage floor.
page="$out/we-cry-together.html"
for t in 0:05 5:50; do
  name=${t/:/-}
  chrome --virtual-time-budget=3000 --screenshot="$out/$name.png" "file://$page#t=$t&probe" 2>/dev/null
  # A screenshot's viewport is the window; a dumped page's is the window less the browser's
  # own bars: grow the window until the page reports the screenshot's 1400 x 1000.
  height=1000
  for _ in 1 2 3; do
    WINDOW=1400,$height chrome --virtual-time-budget=3000 --dump-dom \
      "file://$page#t=$t&probe" >"$out/$name.dom" 2>/dev/null
    seen=$(body_of "$out/$name.dom" | sed -n 's/.*viewport&quot;:\[1400,\([0-9]*\)\].*/\1/p')
    [ -n "$seen" ] || fail "no probe at $t"
    [ "$seen" = 1000 ] && break
    height=$((height + 1000 - seen))
  done
  [ "$seen" = 1000 ] || fail "cannot match the screenshot's viewport (got 1400 x $seen)"
  [ "$(attr data-errors "$out/$name.dom")" = 0 ] || fail "script errors at $t"
  body_of "$out/$name.dom" | sed -n 's/.* data-probe="\([^"]*\)".*/\1/p' | sed 's/&quot;/"/g' >"$out/$name.json"
done

python3 - "$out" <<'PY'
import json, struct, sys, zlib

def png(path):
    """Decodes an 8-bit RGB or RGBA PNG (what Chromium writes) with the standard library."""
    data = open(path, "rb").read()
    assert data[:8] == b"\x89PNG\r\n\x1a\n", path
    pos, idat = 8, b""
    while pos < len(data):
        length, kind = struct.unpack(">I4s", data[pos:pos + 8])
        chunk = data[pos + 8:pos + 8 + length]
        if kind == b"IHDR":
            w, h, depth, colour = struct.unpack(">IIBB", chunk[:10])
        elif kind == b"IDAT":
            idat += chunk
        pos += 12 + length
    assert depth == 8 and colour in (2, 6), (depth, colour)
    bpp = 3 if colour == 2 else 4
    raw, stride = zlib.decompress(idat), w * bpp
    rows, prev = [], bytearray(stride)
    for y in range(h):
        f, line = raw[y * (stride + 1)], bytearray(raw[y * (stride + 1) + 1:(y + 1) * (stride + 1)])
        for x in range(stride):
            a = line[x - bpp] if x >= bpp else 0
            b, c = prev[x], prev[x - bpp] if x >= bpp else 0
            if f == 1: line[x] = (line[x] + a) & 255
            elif f == 2: line[x] = (line[x] + b) & 255
            elif f == 3: line[x] = (line[x] + (a + b) // 2) & 255
            elif f == 4:
                p = a + b - c
                pa, pb, pc = abs(p - a), abs(p - b), abs(p - c)
                line[x] = (line[x] + (a if pa <= pb and pa <= pc else b if pb <= pc else c)) & 255
        rows.append(bytes(line)); prev = line
    return w, h, bpp, rows

def pixel(img, x, y):
    w, h, bpp, rows = img
    return tuple(rows[y][x * bpp:x * bpp + 3])

def changed(a, b, cx, cy, r=10):
    """How many pixels differ clearly in the square of side 2r around (cx, cy)."""
    n = 0
    for y in range(max(cy - r, 0), min(cy + r, a[1])):
        for x in range(max(cx - r, 0), min(cx + r, a[0])):
            if max(abs(p - q) for p, q in zip(pixel(a, x, y), pixel(b, x, y))) > 40:
                n += 1
    return n

out = sys.argv[1]
early, late = png(f"{out}/0-05.png"), png(f"{out}/5-50.png")
assert early[:2] == late[:2] == (1400, 1000), (early[:2], late[:2])
at = {t: {p["id"]: (p["x"], p["y"]) for p in json.load(open(f"{out}/{t}.json"))["people"]}
      for t in ("0-05", "5-50")}
cam_early, cam_late = at["0-05"]["cam"], at["5-50"]["cam"]
assert cam_early != cam_late, "the camera did not move"
# The camera is drawn where the page says it is, and the floor it left or reached differs.
for where in (cam_early, cam_late):
    n = changed(early, late, *where)
    assert n > 40, f"the screenshots do not differ at the camera's place {where}: {n} pixels"
print("play: 0:05 and 5:50 differ where the camera was and went "
      f"({changed(early, late, *cam_early)} and {changed(early, late, *cam_late)} pixels)")
PY

# Driven like a user, in a frame of a test page beside it (file pages may reach each other
# only with --allow-file-access-from-files).
cat >"$out/drive.html" <<'HTML'
<!DOCTYPE html>
<html><body>
<iframe id="f" src="we-cry-together.html#t=0:05" width="1400" height="1000"></iframe>
<script>
const f = document.getElementById('f');
const results = [];
const check = (name, ok) => results.push(name + '=' + (ok ? 'ok' : 'FAIL'));
f.addEventListener('load', () => {
  const w = f.contentWindow, d = f.contentDocument, body = d.body;
  const t = () => Number(body.getAttribute('data-t'));
  check('ready', body.getAttribute('data-ready') === '1');
  check('opens-at-hash', Math.abs(t() - 5) < 0.01);
  const jump = d.getElementById('jump');
  jump.selectedIndex = jump.options.length - 1;
  jump.dispatchEvent(new Event('change'));
  check('jumps-to-beat', Math.abs(t() - Number(jump.value)) < 0.01 && t() > 300);
  check('beat-title', d.getElementById('beat-title').textContent.length > 0);
  check('writes-hash', w.location.hash === '#t=5:35');
  const scrub = d.getElementById('scrub');
  scrub.value = '133';
  scrub.dispatchEvent(new Event('input'));
  check('scrubs', d.getElementById('clock').textContent === '2:13.0');
  check('one-current-cue-or-more', d.querySelectorAll('#cues li.current').length >= 1);
  w.location.hash = '#t=1:00';
  setTimeout(() => {
    check('follows-hash', Math.abs(t() - 60) < 0.01);
    d.querySelector('[data-speed="4"]').click();
    d.getElementById('play').click();
    check('playing', body.classList.contains('playing'));
    setTimeout(() => {
      d.getElementById('play').click();
      check('plays-forward', t() > 60.5);
      check('pauses', !body.classList.contains('playing'));
      check('no-errors', body.getAttribute('data-errors') === '0');
      document.body.setAttribute('data-result', results.join(' '));
    }, 1500);
  }, 300);
});
</script>
</body></html>
HTML
chrome --allow-file-access-from-files --virtual-time-budget=10000 --dump-dom \
  "file://$out/drive.html" >"$out/drive.dom" 2>/dev/null
result=$(attr data-result "$out/drive.dom")
echo "play: driven: $result"
[ -n "$result" ] || fail "the test page did not finish"
if [[ "$result" == *FAIL* ]]; then fail "driving the page failed: $result"; fi

# Scene text that tries to break out of the page's elements stays text.
hostile="$out/hostile.ron"
cat >"$hostile" <<'RON'
(
    title: "</script><script>document.body.setAttribute('data-pwned','1')</script>",
    frame_rate: 24,
    length: "0:10",
    set: (
        rooms: {
            "a": (name: "<img src=x onerror=document.body.setAttribute('data-pwned','2')>", shape: Rect(x: 0.0, y: 0.0, w: 4.0, h: 4.0)),
            "b": (name: "<!--<script>", shape: Rect(x: 4.0, y: 0.0, w: 4.0, h: 4.0)),
        },
        doors: [ (id: "d", name: "</svg><svg onload=alert(1)>", kind: Opening, rooms: ("a", "b"), at: (4.0, 2.0), width: 1.0) ],
        marks: { "m1": (room: "a", at: (1.0, 2.0)), "m2": (room: "b", at: (7.0, 2.0)) },
    ),
    cast: { "p": (name: "</script><img src=x onerror=alert(3)>", colour: "#c0392b", starts_at: "m1") },
    timeline: [
        (at: "0:01", do: Move(who: "p", to: "m2", arrive: "0:04")),
        (at: "0:02", do: Line(who: "p", says: "<img src=x onerror=alert(4)>", until: "0:05")),
    ],
)
RON
"$ONER" play "$hostile" -o "$out/hostile.html" >/dev/null
chrome --virtual-time-budget=3000 --dump-dom "file://$out/hostile.html#t=0:03" >"$out/hostile.dom" 2>/dev/null
[ "$(attr data-ready "$out/hostile.dom")" = 1 ] || fail "the hostile page did not run"
[ "$(attr data-errors "$out/hostile.dom")" = 0 ] || fail "script errors on the hostile page"
if body_of "$out/hostile.dom" | grep -q data-pwned || grep -q '<img' "$out/hostile.dom"; then
  fail "scene text ran as markup"
fi
echo "play: the page runs clean offline in Chromium"
