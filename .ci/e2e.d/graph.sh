#!/usr/bin/env bash
# Study pack in the programs people open it with: Graphviz reads graph.dot (laid out afresh
# with dot, and at the plan positions with neato -n2), librsvg draws timeline.svg and
# graph.svg. Run by .ci/e2e with ONER (the binary) and WORK (a scratch folder) set, from the
# repository root.
set -euo pipefail
: "${ONER:?}" "${WORK:?}"

check_png() {
  [ -s "$1" ] || { echo "$1 is empty" >&2; exit 1; }
  # A PNG starts with \x89PNG.
  head -c 4 "$1" | od -An -c | grep -q 'P   N   G' || { echo "$1 is not a PNG" >&2; exit 1; }
}

study() {
  local scene=$1 out=$2
  mkdir -p "$out"
  "$ONER" timeline "$scene" -o "$out/timeline.svg" >/dev/null
  "$ONER" graph "$scene" -o "$out/graph.svg" >/dev/null
  "$ONER" graph --format dot "$scene" -o "$out/graph.dot" >/dev/null
  # Graphviz exits non-zero on a syntax error; warnings on stderr fail the check too.
  dot -Tsvg "$out/graph.dot" -o "$out/graph-dot.svg" 2>"$out/dot.err"
  neato -n2 -Tsvg "$out/graph.dot" -o "$out/graph-neato.svg" 2>>"$out/dot.err"
  if [ -s "$out/dot.err" ]; then
    echo "Graphviz complained about $scene:" >&2
    cat "$out/dot.err" >&2
    exit 1
  fi
  for svg in timeline graph graph-dot graph-neato; do
    rsvg-convert "$out/$svg.svg" -o "$out/$svg.png"
    check_png "$out/$svg.png"
  done
}

for scene in scenes/*.ron; do
  study "$scene" "$WORK/study/$(basename "$scene" .ron)"
done

# Scene text that could break out of a DOT string or an SVG element.
hostile="$WORK/study-hostile.ron"
cat > "$hostile" <<'RON'
(
    title: "</text><script>alert(1)</script> \"quoted\" & ampersand \\N",
    frame_rate: 24,
    length: "0:10",
    set: (
        rooms: {
            "a\"b\\": (name: "\"quoted\" & <b>ampersand</b>", shape: Rect(x: 0.0, y: 0.0, w: 4.0, h: 4.0)),
            "c]; d [e": (name: "C \\l \\N", shape: Rect(x: 4.0, y: 0.0, w: 4.0, h: 4.0)),
        },
        doors: [
            (id: "x\"", name: "Door \" -- ]", kind: Opening, rooms: ("a\"b\\", "c]; d [e"), at: (4.0, 2.0), width: 1.0),
        ],
        marks: { "m1": (room: "a\"b\\", at: (1.0, 2.0)), "m2": (room: "c]; d [e", at: (7.0, 2.0)) },
    ),
    cast: { "p": (name: "</title>\"P\"", colour: "#c0392b", starts_at: "m1") },
    timeline: [ (at: "0:01", do: Move(who: "p", to: "m2", arrive: "0:04")) ],
)
RON
study "$hostile" "$WORK/study/hostile"
grep -q '<script' "$WORK/study/hostile/timeline.svg" "$WORK/study/hostile/graph.svg" \
  && { echo "scene markup leaked into an SVG" >&2; exit 1; }
echo "study pack: Graphviz and librsvg read every file"
