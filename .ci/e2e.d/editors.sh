#!/usr/bin/env bash
# The editor's and the writer's hand-off read by the programs their users run (issue 14,
# points 3 and 4): OpenTimelineIO (its Python package and its CMX 3600 EDL adapter) loads
# cues.otio and cues.edl, and every cue's marker must sit on the cue sheet's frame, with
# OTIO's own timecode arithmetic (drop-frame included); screenplain (an independent Fountain
# parser) reads script.fountain and must find the scene's lines in order from the right
# speakers; a screenplay of our own goes through `oner import` and back out the same.
# Run by .ci/e2e with ONER (the binary) and WORK (a scratch folder).
set -euo pipefail
: "${ONER:?}" "${WORK:?}"

if ! python3 -c 'import opentimelineio, otio_cmx3600_adapter, screenplain' 2>/dev/null; then
  pip install --quiet --break-system-packages opentimelineio otio-cmx3600-adapter screenplain
fi

dir="$WORK/editors"
rm -rf "$dir" && mkdir -p "$dir"

# The bundled scenes, the tutorial at 29.97 (drop-frame) and 59.94, and a hostile one.
cp scenes/tutorial.ron scenes/we-cry-together.ron "$dir/"
sed 's/frame_rate: 24,/frame_rate: 29.97,/' scenes/tutorial.ron > "$dir/tutorial-2997.ron"
sed 's/frame_rate: 24,/frame_rate: 59.94,/' scenes/tutorial.ron > "$dir/tutorial-5994.ron"
long=$(printf 'x%.0s' $(seq 1 420))
sed -e "s/what: \"Morning state up\"/what: \"Up |M:fake |D:9 \\\\\"q\\\\\" \\\\n002  001  V  C  00:00:00:00 \\\\n!bang [[note \/* bone $long\"/" \
    -e "s/says: \"He asks whether she has seen the news\"/says: \"(whispers)\\\\nCUT TO:\\\\n.INT. FAKE\\\\n@FAKE [[x]] \/* y\"/" \
    -e "s/name: \"Ben\"/name: \"INT. BEN | \\\\\"B\\\\\"\"/" \
    scenes/tutorial.ron > "$dir/hostile.ron"
"$ONER" check "$dir/hostile.ron" >/dev/null 2>&1 || { echo "hostile.ron does not check" >&2; exit 1; }

# The screenplay of our own, imported, checked and exported.
"$ONER" import tests/fixtures/fountain/late-train.fountain -o "$dir/late-train.ron" 2>/dev/null
"$ONER" check "$dir/late-train.ron" >/dev/null 2>&1

for scene in tutorial we-cry-together tutorial-2997 tutorial-5994 hostile late-train; do
  src="$dir/$scene.ron"
  "$ONER" cues --format otio -o "$dir/$scene.otio" "$src" >/dev/null
  "$ONER" cues --format edl -o "$dir/$scene.edl" "$src" >/dev/null
  "$ONER" cues --format fountain -o "$dir/$scene.fountain" "$src" >/dev/null
  "$ONER" cues --format json --timecode smpte -o "$dir/$scene.json" "$src" >/dev/null
done

# oner build writes the same files as oner cues, for both bundled scenes.
for scene in tutorial we-cry-together; do
  "$ONER" build "$dir/$scene.ron" -o "$dir/build-$scene" >/dev/null
  cmp "$dir/build-$scene/cues.otio" "$dir/$scene.otio"
  cmp "$dir/build-$scene/cues.edl" "$dir/$scene.edl"
  cmp "$dir/build-$scene/script.fountain" "$dir/$scene.fountain"
done

python3 - "$dir" <<'PY'
import html, io, json, re, sys
import opentimelineio as otio
from screenplain.parsers import fountain
import screenplain.types as stypes

d = sys.argv[1]
failures = []

def check(ok, message):
    if not ok:
        failures.append(message)

def rational_rate(rate):
    # The take's real frame rate as OTIO counts it (29.97 is 30000/1001).
    return {29.97: 30000 / 1001, 59.94: 60000 / 1001, 23.976: 24000 / 1001}.get(rate, rate)

for scene in ["tutorial", "we-cry-together", "tutorial-2997", "tutorial-5994", "hostile", "late-train"]:
    sheet = json.load(open(f"{d}/{scene}.json"))
    rate = rational_rate(sheet["frame_rate"])
    drop = sheet["frame_rate"] in (29.97, 59.94)

    # ---- OpenTimelineIO: the .otio file
    timeline = otio.adapters.read_from_file(f"{d}/{scene}.otio")
    start = timeline.global_start_time
    check(otio.opentime.to_timecode(start, rate, drop) in ("01:00:00:00", "01:00:00;00"),
          f"{scene}: timeline starts at {otio.opentime.to_timecode(start, rate, drop)}")
    markers = list(timeline.tracks.markers)
    cue_markers = {m.metadata["oner"]["label"]: m for m in markers if m.metadata["oner"]["kind"] == "cue"}
    check(len(cue_markers) == len(sheet["cues"]), f"{scene}: {len(cue_markers)} cue markers, {len(sheet['cues'])} cues")
    for row in sheet["cues"]:
        m = cue_markers.get(row["label"])
        if m is None:
            failures.append(f"{scene}: no marker for {row['label']}")
            continue
        # OTIO's own reading of the sheet's SMPTE time (drop-frame by its `;`).
        want = otio.opentime.from_timecode(row["time"], rate)
        got = m.marked_range.start_time
        check(round(got.value) == round(want.value) and abs(got.rate - rate) < 1e-9,
              f"{scene} {row['label']}: marker at frame {got.value}, sheet {row['time']} is {want.value}")
        check(m.name.startswith(row["label"]), f"{scene}: marker name {m.name!r}")
        check(m.color in ("RED", "YELLOW", "GREEN", "CYAN", "BLUE", "PURPLE", "MAGENTA"), f"{scene}: colour {m.color}")
        # The record timecode OTIO prints for the marker is the one oner wrote.
        record = otio.opentime.to_timecode(start + got, rate, drop)
        check(record == m.metadata["oner"]["record_timecode"],
              f"{scene} {row['label']}: OTIO says {record}, oner {m.metadata['oner']['record_timecode']}")

    # ---- OpenTimelineIO: the marker EDL through the CMX 3600 adapter
    edl = otio.adapters.read_from_file(f"{d}/{scene}.edl", "cmx_3600", rate=rate)
    clips = list(edl.find_clips())
    frames = sorted({round(m.marked_range.start_time.value) for m in markers})
    check(len(clips) == len(frames), f"{scene}: {len(clips)} EDL events for {len(frames)} marked frames")
    by_frame = {}
    for clip in clips:
        frame = round((clip.source_range.start_time - start).value)
        comments = clip.metadata.get("cmx_3600", {}).get("comments", [])
        check(len(comments) == 1, f"{scene}: event at {frame} has comments {comments}")
        fields = re.fullmatch(r"\|C:(ResolveColor\w+) \|M:(.*) \|D:(\d+)", comments[0] if comments else "")
        check(fields is not None, f"{scene}: marker line {comments}")
        by_frame[frame] = fields.group(2) if fields else ""
    check(sorted(by_frame) == frames, f"{scene}: EDL frames differ from the OTIO markers")
    for row in sheet["cues"]:
        frame = round(otio.opentime.from_timecode(row["time"], rate).value)
        check(row["label"] in by_frame.get(frame, ""), f"{scene}: {row['label']} not in the EDL event at {row['time']}")

    # ---- screenplain: the Fountain screenplay
    text = open(f"{d}/{scene}.fountain", encoding="utf-8").read()
    play = fountain.parse(io.StringIO(text))
    spoken = []
    for para in play:
        blocks = [para] if isinstance(para, stypes.Dialog) else (
            [para.left, para.right] if isinstance(para, stypes.DualDialog) else [])
        for dialog in blocks:
            who = html.unescape(dialog.character.to_html())
            who = re.sub(r"\s*\(.*\)\s*$", "", who).strip()
            spoken.append(who)
            check(any(not p for p, _ in dialog.blocks), f"{scene}: {who} says nothing but a parenthetical: {dialog.blocks}")
    scene_text = open(f"{d}/{scene}.ron", encoding="utf-8").read()
    expected_count = scene_text.count("do: Line(")
    check(len(spoken) == expected_count, f"{scene}: screenplain finds {len(spoken)} dialogue blocks, the scene has {expected_count}: {spoken}")
    if scene == "hostile":
        check(spoken.count("INT. BEN | \"B\"") == 2, f"hostile: Ben's lines as his: {spoken}")
    slugs = [p for p in play if isinstance(p, stypes.Slug)]
    check(len(slugs) >= 1, f"{scene}: no scene heading")
    if scene != "late-train":
        # No transition in oner's scenes: none may appear from scene text.
        check(not any(isinstance(p, stypes.Transition) for p in play), f"{scene}: a transition appeared")

# The screenplay of our own: the same speakers in the same order after import and export.
def speakers(path):
    out = []
    for para in fountain.parse(io.StringIO(open(path, encoding="utf-8").read())):
        blocks = [para] if isinstance(para, stypes.Dialog) else (
            [para.left, para.right] if isinstance(para, stypes.DualDialog) else [])
        for dialog in blocks:
            who = html.unescape(dialog.character.to_html()).lstrip("@")
            who = re.sub(r"\s*\(.*\)\s*$", "", who).strip().upper()
            said = " ".join(html.unescape(t.to_html()) for p, t in dialog.blocks if not p)
            out.append((who, said))
    return out
original = speakers("tests/fixtures/fountain/late-train.fountain")
exported = speakers(f"{d}/late-train.fountain")
check(len(original) == 10, f"the fixture has {len(original)} dialogue blocks: {original}")
check(original == exported, f"import/export changed the dialogue:\n{original}\n{exported}")

if failures:
    print("\n".join(failures), file=sys.stderr)
    sys.exit(1)
print("editors: OTIO, EDL (cmx_3600) and screenplain agree with the cue sheet and the scenes")
PY
