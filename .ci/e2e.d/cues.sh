#!/usr/bin/env bash
# Cue sheets in the programs crews open them with: poppler reads the PDFs back (the scene's
# title and the cues' words are there as text, a department's sheet holds only its cues), and
# Chromium plays the WebVTT captions in a <track>, cue for cue.
# Run by .ci/e2e with ONER (the binary) and WORK (a scratch folder) set, from the repository
# root.
set -euo pipefail
: "${ONER:?}" "${WORK:?}"

out="$WORK/cues"
mkdir -p "$out"
out=$(realpath "$out")
fail() { echo "cues: $*" >&2; exit 1; }

for scene in scenes/*.ron; do
  id=$(basename "$scene" .ron)
  "$ONER" cues "$scene" --format pdf -o "$out/$id.pdf" >/dev/null
  "$ONER" cues "$scene" --format json >"$out/$id.json"
  pdftotext -layout "$out/$id.pdf" "$out/$id.txt"
  "$ONER" cues "$scene" --dept SQ --format pdf -o "$out/$id-sq.pdf" >/dev/null
  pdftotext -layout "$out/$id-sq.pdf" "$out/$id-sq.txt"
  python3 - "$out/$id" <<'PY'
import json, re, sys
base = sys.argv[1]
sheet = json.load(open(base + ".json"))
squash = lambda s: re.sub(r"\s+", " ", s)
text, sound = squash(open(base + ".txt").read()), squash(open(base + "-sq.txt").read())
assert sheet["title"] in text, f"{base}.pdf lacks the title {sheet['title']!r}"
assert sheet["cues"], "no cues"
# Short descriptions sit on one line of the What column: each must be in the PDF's text.
short = [c for c in sheet["cues"] if len(c["what"]) <= 30]
assert len(short) >= 3, "too few short cues to check"
for cue in short:
    assert cue["what"] in text, f"{base}.pdf lacks {cue['label']}: {cue['what']!r}"
# The sound department's sheet has its cues and no other department's.
for cue in short:
    inside = cue["what"] in sound
    if cue["dept"] == "SQ":
        assert inside, f"the SQ sheet lacks {cue['label']}"
    elif not any(c["what"] == cue["what"] for c in sheet["cues"] if c["dept"] == "SQ"):
        assert not inside, f"the SQ sheet has {cue['label']}: {cue['what']!r}"
print(f"cues: {base.rsplit('/', 1)[-1]}.pdf reads back: title and {len(short)} cues")
PY
done

# The captions in a real <track>: Chromium parses cues.vtt and finds one caption per cue.
scene=scenes/tutorial.ron
"$ONER" cues "$scene" --format vtt -o "$out/cues.vtt" >/dev/null
count=$("$ONER" cues "$scene" --format json | python3 -c 'import json,sys; print(len(json.load(sys.stdin)["cues"]))')
cat >"$out/captions.html" <<'HTML'
<!DOCTYPE html>
<html><body data-cues="none">
<video id="v" width="320" height="180" muted><track id="t" kind="captions" src="cues.vtt" srclang="en" label="Cues" default /></video>
<script>
const el = document.getElementById('t');
const report = (what) => document.body.setAttribute('data-cues', what);
el.addEventListener('load', () => {
  const cues = Array.from(el.track.cues || []);
  report(cues.length + ' ' + (cues[0] ? cues[0].startTime + ':' + cues[0].text.split('\n')[0] : ''));
});
el.addEventListener('error', () => report('error'));
el.track.mode = 'hidden';
</script>
</body></html>
HTML
profile=$(mktemp -d "$out/profile.XXXXXX")
timeout 120 chromium --headless --no-sandbox --disable-gpu --disable-quic --no-first-run \
  --disable-background-networking --disable-component-update --disable-sync \
  --allow-file-access-from-files --user-data-dir="$profile" --virtual-time-budget=5000 \
  --dump-dom "file://$out/captions.html" >"$out/captions.dom" 2>/dev/null
rm -rf "$profile"
seen=$(grep -o 'data-cues="[^"]*"' "$out/captions.dom" | head -1)
echo "cues: Chromium read the captions: $seen"
case "$seen" in
  "data-cues=\"$count 0:LX 1: Morning state up\"") ;;
  *) fail "the <track> did not play cues.vtt as $count captions starting with LX 1 (got $seen)" ;;
esac

# The calling script as poppler reads it: every called cue (the JSON's GO lines) is called
# warning → standby → GO, each exactly once as GO, on lines of their own.
for scene in scenes/we-cry-together.ron tests/fixtures/calls/calling.ron; do
  id=$(basename "$scene" .ron)
  "$ONER" cues "$scene" --calls --format pdf -o "$out/$id-calls.pdf" >/dev/null
  "$ONER" cues "$scene" --calls --format json >"$out/$id-calls.json"
  pdftotext -layout "$out/$id-calls.pdf" "$out/$id-calls.txt"
  python3 - "$out/$id-calls" <<'PY'
import json, re, sys
base = sys.argv[1]
script = json.load(open(base + ".json"))
called = [c["label"] for e in script["entries"] if e["type"] == "block"
          for call in e["calls"] if call["call"] == "go" for c in call["cues"]]
assert len(called) == script["called"] and called, "every called cue has one GO"
seen = {}
for line in open(base + ".txt"):
    m = re.search(r"(Warning|Standby)\s+((?:(?:LX|SQ|CAM|SM|PROPS|FX) [0-9A-Z.]+(?:, )?)+)|((?:(?:LX|SQ|CAM|SM|PROPS|FX) [0-9A-Z.]+(?:, )?)+) GO\b", line)
    if not m:
        continue
    kind = m.group(1) or "GO"
    for label in (m.group(2) or m.group(3)).split(", "):
        seen.setdefault(label.strip(), []).append(kind)
for label in called:
    assert seen.get(label) == ["Warning", "Standby", "GO"], f"{base}.pdf calls {label}: {seen.get(label)}"
print(f"cues: {base.rsplit('/', 1)[-1]}.pdf calls {len(called)} cues warning → standby → GO")
PY
done
