"""Measures the playback page in headless Chromium over the DevTools protocol (a pipe, so only
the standard library): when the first frame with the take drawn is presented, and how many
frames a second it plays. Prints one line of JSON.

Usage: python3 play-scale.py PAGE_URL PROFILE_DIR [SECONDS]
"""
import json
import os
import subprocess
import sys
import time

url, profile = sys.argv[1], sys.argv[2]
seconds = float(sys.argv[3]) if len(sys.argv) > 3 else 4.0

# Runs before the page's own script: a requestAnimationFrame loop of its own that notes the
# first frame after the page says it is ready (`data-ready`), then every frame for a while.
MEASURE = """
window.__scale = { done: false };
(function () {
  const s = window.__scale;
  const frames = [];
  let readyAt = null;
  function loop(ts) {
    const body = document.body;
    if (readyAt === null && body && body.getAttribute('data-ready') === '1') {
      readyAt = ts;
      s.ready = performance.now();
    } else if (readyAt !== null) {
      if (s.first === undefined) { s.first = performance.now(); }
      frames.push(ts);
    }
    if (frames.length > 1 && ts - frames[0] >= %d) {
      const gaps = frames.slice(1).map((f, i) => f - frames[i]).sort((a, b) => a - b);
      s.frames = frames.length;
      s.fps = (frames.length - 1) / ((frames[frames.length - 1] - frames[0]) / 1000);
      s.p95_gap_ms = gaps[Math.floor(gaps.length * 0.95)];
      s.worst_gap_ms = gaps[gaps.length - 1];
      s.errors = body.getAttribute('data-errors');
      s.t = body.getAttribute('data-t');
      s.done = true;
      return;
    }
    requestAnimationFrame(loop);
  }
  requestAnimationFrame(loop);
})();
""" % int(seconds * 1000)

to_chrome_r, to_chrome_w = os.pipe()
from_chrome_r, from_chrome_w = os.pipe()


def child_fds():
    # Chromium reads commands on fd 3 and writes replies on fd 4. Copy first: a pipe may
    # already be fd 3 or 4, and dup2 onto itself would leave it closed on exec.
    read, write = os.dup(to_chrome_r), os.dup(from_chrome_w)
    os.dup2(read, 3)
    os.dup2(write, 4)


chrome = subprocess.Popen(
    ["chromium", "--headless", "--no-sandbox", "--disable-gpu", "--no-first-run",
     "--disable-background-networking", "--disable-component-update", "--disable-sync",
     "--disable-default-apps", "--disable-extensions", "--mute-audio", "--hide-scrollbars",
     "--remote-debugging-pipe", "--user-data-dir=" + profile, "--window-size=1400,1000"],
    preexec_fn=child_fds, close_fds=False,
    stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
os.close(to_chrome_r)
os.close(from_chrome_w)
inbox = b""
next_id = 0


def send(method, params=None, session=None):
    global next_id, inbox
    next_id += 1
    message = {"id": next_id, "method": method, "params": params or {}}
    if session:
        message["sessionId"] = session
    os.write(to_chrome_w, json.dumps(message).encode() + b"\0")
    while True:
        while b"\0" not in inbox:
            chunk = os.read(from_chrome_r, 1 << 16)
            if not chunk:
                raise SystemExit("chromium closed the pipe")
            inbox += chunk
        raw, inbox = inbox.split(b"\0", 1)
        reply = json.loads(raw)
        if reply.get("id") == next_id:
            if "error" in reply:
                raise SystemExit(f"{method}: {reply['error']}")
            return reply.get("result", {})


try:
    target = send("Target.createTarget", {"url": "about:blank"})["targetId"]
    session = send("Target.attachToTarget", {"targetId": target, "flatten": True})["sessionId"]
    send("Page.enable", session=session)
    send("Page.addScriptToEvaluateOnNewDocument", {"source": MEASURE}, session=session)
    send("Performance.enable", session=session)
    send("Page.navigate", {"url": url}, session=session)
    deadline = time.time() + 120
    result = None
    while time.time() < deadline:
        time.sleep(0.5)
        value = send("Runtime.evaluate", {
            "expression": "window.__scale && window.__scale.done ? JSON.stringify(window.__scale) : ''",
            "returnByValue": True}, session=session)["result"].get("value")
        if value:
            result = json.loads(value)
            metrics = send("Performance.getMetrics", session=session)["metrics"]
            wanted = ("LayoutCount", "RecalcStyleCount", "LayoutDuration", "RecalcStyleDuration",
                      "ScriptDuration", "TaskDuration", "JSHeapUsedSize")
            result["metrics"] = {m["name"]: round(m["value"], 3) for m in metrics if m["name"] in wanted}
            break
    print(json.dumps(result))
finally:
    chrome.kill()
    chrome.wait()
