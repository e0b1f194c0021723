#!/usr/bin/env bash
# Hand-offs to the desks (issue 14, points 1 and 2), read by programs that are not oner:
#
# - QLab over OSC: a python-osc UDP server (the reference Python OSC implementation, from
#   PyPI) receives `oner cues --send-osc 127.0.0.1:PORT` (plain and --timed) and the messages
#   it decodes must equal the file form (`--format qlab-osc`), for
#   every bundled scene and a scene with hostile cue labels, read with a tokenizer of its
#   own; the pre-waits add up to the cue sheet's times.
# - USITT ASCII: no independent USITT ASCII 3.0 parser is published on PyPI, npm or
#   crates.io (the open-source readers, e.g. Claude Heintz's LXConsole USITTAsciiParser or
#   Open Lighting Console's ASCII module, ship only inside their applications), so none is
#   installed here. Instead the file is read by a second reader written in Python from the
#   spec's tokenising rules (delimiters space, tab , / ; < = > @; `!` starts a comment
#   anywhere; keywords significant to 10 characters; lines of at most 80 characters), which
#   shares no code with oner, and compared with `oner cues --format json`: cue numbers,
#   labels and order.
#
# Run by .ci/e2e with ONER (the binary) and WORK (a scratch folder), from the repository root.
set -euo pipefail
: "${ONER:?}" "${WORK:?}"

out="$WORK/desk"
rm -rf "$out" && mkdir -p "$out"
out=$(realpath "$out")
fail() { echo "desk: $*" >&2; exit 1; }

if ! python3 -c 'import pythonosc' 2>/dev/null; then
  pip install --quiet --break-system-packages python-osc >/dev/null 2>&1 \
    || pip install --quiet python-osc >/dev/null
fi
python3 -c 'import pythonosc' || fail "python-osc did not install"

# A scene with hostile labels: quotes, `!`, `|`, backslashes, OSC-looking text, non-ASCII,
# a line break and 500 characters, plus the desk fields.
python3 - "$out/hostile.ron" <<'PY'
import sys
text = open("scenes/tutorial.ron", encoding="utf-8").read()
long = "Long label with words " * 23 + "end"
first = '(at: "0:00", do: Cue(dept: Lighting, number: "1", what: "Morning state up")),\n'
assert first in text
extra = first + (
    '        (at: "0:00.5", do: Cue(dept: Lighting, number: "1.5", what: "Quote \\"q\\" and ! bang | pipe\\nnew /cue/1/start ; , @ < = > \\\\ back", up: 2.5, down: 4.0, down_delay: 1.0)),\n'
    f'        (at: "0:01", do: Cue(dept: Lighting, what: "{long}", follows: true)),\n'
    '        (at: "0:01.5", do: Cue(dept: Lighting, number: "1A", what: "Café “ünïcode” 灯 — ok", link: "2", up: 90.0)),\n'
    '        (at: "0:01.8", do: Cue(dept: Sound, what: "/new \\"audio\\" ! | \\"", qlab: "audio")),\n'
)
open(sys.argv[1], "w", encoding="utf-8").write(text.replace(first, extra, 1))
PY
"$ONER" check "$out/hostile.ron" >/dev/null || fail "the hostile scene does not check"

scenes=(scenes/*.ron "$out/hostile.ron")

# --- QLab: python-osc receives what oner sends --------------------------------------------
for scene in "${scenes[@]}"; do
  id=$(basename "$scene" .ron)
  for timed in "" "--timed"; do
    tag="$id${timed:+-timed}"
    "$ONER" cues "$scene" --format qlab-osc $timed >"$out/$tag.txt"
    "$ONER" cues "$scene" --format json >"$out/$id.json"
    python3 - "$ONER" "$scene" "$out/$tag.txt" "$out/$id.json" "$timed" <<'PY'
import json, re, subprocess, sys, threading
from pythonosc import dispatcher, osc_server

oner, scene, text_file, sheet_file, timed = sys.argv[1:6]
received = []
d = dispatcher.Dispatcher()
d.set_default_handler(lambda address, *args: received.append((address, list(args))))
server = osc_server.BlockingOSCUDPServer(("127.0.0.1", 0), d)
port = server.server_address[1]
thread = threading.Thread(target=server.serve_forever, daemon=True)
thread.start()
cmd = [oner, "cues", "--send-osc", f"127.0.0.1:{port}", scene] + ([timed] if timed else [])
run = subprocess.run(cmd, capture_output=True, text=True, timeout=60)
assert run.returncode == 0, run.stderr
# Wait until every datagram is handled (the count is on stderr).
sent = int(run.stderr.split()[1])
import time
deadline = time.time() + 10
while len(received) < sent and time.time() < deadline:
    time.sleep(0.05)
server.shutdown()

# The text form: an address, then arguments; "strings" with \" and \\ escaped, numbers
# with a point floats, without one integers.
TOKEN = re.compile(r'"((?:[^"\\]|\\.)*)"|(\S+)')
expected = []
for line in open(text_file, encoding="utf-8").read().splitlines():
    address, _, rest = line.partition(" ")
    args, pos = [], 0
    for m in TOKEN.finditer(rest):
        assert rest[pos:m.start()].strip() == "", f"junk between arguments: {line!r}"
        pos = m.end()
        if m.group(1) is not None:
            args.append(re.sub(r"\\(.)", r"\1", m.group(1)))
        else:
            token = m.group(2)
            args.append(float(token) if "." in token else int(token))
    expected.append((address, args))
assert len(received) == sent == len(expected), (len(received), sent, len(expected))
# The blocking server handles datagrams one at a time, in the order they arrive (loopback
# keeps one sender's order), so the lists compare message by message.
for got, want in zip(received, expected):
    assert got[0] == want[0], (got, want)
    for a, b in zip(got[1], want[1]):
        if isinstance(b, float):
            assert abs(a - b) < 1e-3, (got, want)
        else:
            assert a == b, (got, want)
    assert len(got[1]) == len(want[1]) == 1, (got, want)
# Every cue QLab gets is a cue of the sheet; with --timed the pre-waits
# add up to the cue sheet's times, to the millisecond per cue.
sheet = json.load(open(sheet_file, encoding="utf-8"))
numbers = [args[0] for address, args in received if address == "/cue/selected/number"]
by_label = {c["label"]: c for c in sheet["cues"]}
assert numbers and all(n in by_label for n in numbers), numbers
if timed:
    clock = 0.0
    waits = [args[0] for address, args in received if address == "/cue/selected/preWait"]
    assert len(waits) == len(numbers)
    for n, wait in zip(numbers, waits):
        clock += wait
        assert abs(clock - by_label[n]["seconds"]) < 0.002, (n, clock)
print(f"qlab {scene}{' ' + timed if timed else ''}: {len(received)} messages, {len(numbers)} cues")
PY
  done
done

# --- USITT ASCII: a second reader, in Python, from the spec -------------------------------
for scene in "${scenes[@]}"; do
  id=$(basename "$scene" .ron)
  "$ONER" cues "$scene" --format usitt >"$out/$id.asc"
  "$ONER" cues "$scene" --format json --dept LX >"$out/$id-lx.json"
  python3 - "$out/$id.asc" "$out/$id-lx.json" "$scene" <<'PY'
import json, sys
asc, sheet_file, scene = sys.argv[1:4]
data = open(asc, "rb").read()
assert data.isascii(), "not ASCII"
assert data.endswith(b"ENDDATA\r\n"), "ENDDATA is not the last line"
lines = data.decode("ascii").split("\r\n")[:-1]
DELIMITERS = set(" \t,/;<=>@")
cues, current, ident = [], None, False
for n, line in enumerate(lines, 1):
    assert len(line) <= 80, f"line {n} has {len(line)} characters"
    assert "\r" not in line and "\n" not in line
    body = line.split("!", 1)[0]
    tokens, word = [], ""
    for c in body:
        if c in DELIMITERS:
            if word:
                tokens.append(word)
            word = ""
        else:
            word += c
    if word:
        tokens.append(word)
    if not tokens:
        continue
    keyword = tokens[0].upper()[:10]
    if keyword == "IDENT":
        assert tokens[1:] == ["3:0"], line
        ident = True
        continue
    assert ident, "IDENT is not first"
    if keyword == "CUE":
        current = {"number": tokens[1], "list": tokens[2] if len(tokens) > 2 else None, "text": None}
        cues.append(current)
    elif keyword == "TEXT":
        assert current is not None
        current.setdefault("texts", []).append(" ".join(tokens[1:]))
        if current["text"] is None:
            current["text"] = " ".join(tokens[1:])
    elif keyword in ("UP", "DOWN"):
        assert 2 <= len(tokens) <= 3, line
    elif keyword in ("FOLLOWON", "LINK", "PART"):
        assert len(tokens) == 2, line
    elif keyword in ("MANUFACTUR", "CONSOLE", "CLEAR", "ENDDATA"):
        pass
    else:
        raise AssertionError(f"unknown keyword {keyword} on line {n}")
sheet = json.load(open(sheet_file, encoding="utf-8"))["cues"]
numbered = [c for c in sheet]
# Every sheet cue with a desk number keeps it; the desk file is in time order.
def desk(number):
    whole, _, frac = number.partition(".")
    return whole.isdigit() and len(whole) <= 4 and (frac == "" or (frac.isdigit() and len(frac) <= 3)) and number.strip("0.") != ""
def words(s):
    out, word = [], ""
    for c in s.replace("!", "."):
        if c in DELIMITERS or c.isspace():
            if word:
                out.append(word)
            word = ""
        else:
            word += c
    return out + ([word] if word else [])
read_numbers = [c["number"] for c in cues]
for cue in sheet:
    if desk(cue["number"]) and cue["number"] in read_numbers:
        got = cues[read_numbers.index(cue["number"])]
        want = cue["what"]
        if want.isascii() and len(want) <= 75:
            assert got["text"].split() == words(want) or got["text"].split() == " ".join(words(want)).split(), (got, want)
print(f"usitt {scene}: {len(cues)} cues read, {len(sheet)} LX cues on the sheet")
if "hostile" not in scene:
    assert read_numbers == [c["number"] for c in sheet], (read_numbers, [c["number"] for c in sheet])
PY
done

# --- build writes both, equal to the commands' output -------------------------------------
"$ONER" build scenes/tutorial.ron -o "$out/build" >/dev/null
cmp "$out/build/cues-lx.asc" "$out/tutorial.asc" || fail "build's cues-lx.asc differs"
cmp "$out/build/cues-qlab.txt" "$out/tutorial.txt" || fail "build's cues-qlab.txt differs"
cmp "$out/build/cues-qlab-timed.txt" "$out/tutorial-timed.txt" || fail "build's cues-qlab-timed.txt differs"

# --- send errors: a diagnostic and exit 2, never a panic -----------------------------------
for target in host.invalid:53000 127.0.0.1 "[::1]:notaport"; do
  set +e
  err=$("$ONER" cues scenes/tutorial.ron --send-osc "$target" 2>&1 >/dev/null)
  code=$?
  set -e
  [ "$code" = 2 ] || fail "--send-osc $target exited $code"
  case "$err" in *panicked*) fail "--send-osc $target panicked: $err" ;; esac
  case "$err" in *error:*) ;; *) fail "--send-osc $target: no diagnostic: $err" ;; esac
done
echo "desk: QLab OSC and USITT ASCII hand-offs read back"
