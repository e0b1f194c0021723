"""Reads the playback page in headless Chromium over the DevTools protocol (a pipe, so only the
standard library) at many moments, and prints one JSON line per moment: where each figure is
(metres), each camera's drawn view (the polygon page.js computed), and every live label's box
as laid out (metres), with the walls and the plan's own labels once.

Usage: python3 play-check.py PAGE_FILE PROFILE_DIR T1 T2 ...   (times in seconds)
"""
import json
import os
import subprocess
import sys
import time

page, profile, moments = sys.argv[1], sys.argv[2], [float(a) for a in sys.argv[3:]]

# Runs in the page after each seek: everything in the live layer's units (metres).
READ = r"""
(function () {
  const live = document.getElementById('live');
  const m = live.transform.baseVal.consolidate().matrix;
  const toMetres = (x, y) => [(x - m.e) / m.a, (y - m.f) / m.a];
  const out = { t: Number(document.body.getAttribute('data-t')), errors: document.body.getAttribute('data-errors') };
  const take = JSON.parse(document.getElementById('take').textContent);
  out.figures = [];
  const groups = document.querySelectorAll('#people g.who');
  const people = take.people.filter((p) => !p.extra);
  groups.forEach((g, i) => {
    const tr = (g.getAttribute('transform') || '').match(/translate\(([-\d.e]+) ([-\d.e]+)\)/);
    if (tr) { out.figures.push({ id: people[i].id, kind: people[i].kind, radius: people[i].radius, at: [Number(tr[1]), Number(tr[2])] }); }
  });
  out.views = [];
  document.querySelectorAll('#views path').forEach((p, i) => {
    const pts = [];
    const re = /[ML]([-\d.e]+) ([-\d.e]+)/g;
    let k;
    while ((k = re.exec(p.getAttribute('d') || '')) !== null) { pts.push([Number(k[1]), Number(k[2])]); }
    out.views.push(pts);
  });
  out.cameras = take.cameras.map((c) => take.people[c.person].id);
  out.labels = [];
  document.querySelectorAll('#labels text').forEach((el) => {
    if (el.getAttribute('visibility') === 'hidden' || !el.textContent) { return; }
    const b = el.getBBox();
    if (b.width <= 0) { return; }
    out.labels.push({ text: el.textContent, kind: el.getAttribute('class'), box: [b.x, b.y, b.x + b.width, b.y + b.height] });
  });
  if (window.__walls === undefined) {
    window.__walls = [];
    document.querySelectorAll('#plan path.wall').forEach((p) => {
      const half = parseFloat(getComputedStyle(p).strokeWidth) / 2 / m.a;
      const re = /M([-\d.e]+) ([-\d.e]+) L([-\d.e]+) ([-\d.e]+)/g;
      let k;
      while ((k = re.exec(p.getAttribute('d') || '')) !== null) {
        window.__walls.push({ a: toMetres(Number(k[1]), Number(k[2])), b: toMetres(Number(k[3]), Number(k[4])), half });
      }
    });
    out.walls = window.__walls;
  }
  /* The plan's own labels as drawn now: a door's label changes with the door. */
  out.floor_labels = [];
  document.querySelectorAll('#plan .floor-labels text').forEach((el) => {
    if (el.getClientRects().length === 0 || getComputedStyle(el).visibility === 'hidden' || !el.textContent.trim()) { return; }
    const b = el.getBBox();
    if (b.width <= 0) { return; }
    const a = toMetres(b.x, b.y);
    const z = toMetres(b.x + b.width, b.y + b.height);
    out.floor_labels.push({ text: el.textContent.trim().replace(/\s+/g, ' '), box: [a[0], a[1], z[0], z[1]] });
  });
  return JSON.stringify(out);
})()
"""

to_chrome_r, to_chrome_w = os.pipe()
from_chrome_r, from_chrome_w = os.pipe()


def child_fds():
    # Chromium reads commands on fd 3 and writes replies on fd 4 (see play-scale.py).
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


def evaluate(session, expression):
    return send("Runtime.evaluate", {"expression": expression, "returnByValue": True},
                session=session)["result"].get("value")


def wait_for(session, expression, seconds=60):
    deadline = time.time() + seconds
    while time.time() < deadline:
        if evaluate(session, expression):
            return True
        time.sleep(0.05)
    return False


try:
    target = send("Target.createTarget", {"url": "about:blank"})["targetId"]
    session = send("Target.attachToTarget", {"targetId": target, "flatten": True})["sessionId"]
    send("Page.enable", session=session)
    send("Page.navigate", {"url": "file://" + os.path.abspath(page) + "#t=0:00"}, session=session)
    if not wait_for(session, "document.body && document.body.getAttribute('data-ready') === '1'"):
        raise SystemExit("the page did not get ready")
    for t in moments:
        minutes, seconds = divmod(t, 60)
        evaluate(session, f"location.hash = '#t={int(minutes)}:{seconds:04.1f}'")
        if not wait_for(session, f"Math.abs(Number(document.body.getAttribute('data-t')) - Math.min({t}, JSON.parse(document.getElementById('take').textContent).length)) < 0.001", 20):
            raise SystemExit(f"the page did not seek to {t}")
        print(evaluate(session, READ), flush=True)
finally:
    chrome.kill()
    chrome.wait()
