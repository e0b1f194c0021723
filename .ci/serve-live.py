#!/usr/bin/env python3
"""`oner serve` in real headless Chromium, driven over the DevTools protocol.

Opens the served page of a copy of the tutorial scene, then edits the file as an editor
would and measures how long the page takes to reload and show the new diagnostic (it must
be under a second): a rule error (saved by rename), a scene that no longer loads (saved in
place: the last good plan stays, with the error over it), hostile text in a diagnostic
(stays text), and the fix (back to clean). Checks the marker on the plan at the error's
time, no script errors or console messages, and that Ctrl-C ends the server with exit 0.

usage: serve-live.py ONER WORKDIR
"""

import asyncio
import base64
import json
import os
import re
import shutil
import signal
import subprocess
import sys
import tempfile
import time
import urllib.request

import websockets

LIMIT = 1.0  # seconds from the save to the new diagnostic on screen


def fail(message):
    print(f"serve: {message}", file=sys.stderr)
    sys.exit(1)


def save_by_rename(path, text):
    """Writes a new file beside `path` and renames it over, as vim and most IDEs save."""
    fd, staged = tempfile.mkstemp(dir=os.path.dirname(path), prefix=".save-")
    with os.fdopen(fd, "w") as f:
        f.write(text)
    os.replace(staged, path)


def save_in_place(path, text):
    """Truncates and rewrites `path`, as nano and `echo >` do."""
    with open(path, "w") as f:
        f.write(text)


def start_line(proc, pattern, what, timeout=30):
    """The first line of `proc`'s stream matching `pattern` (read on a thread)."""
    deadline = time.monotonic() + timeout
    stream = proc.stdout if what == "stdout" else proc.stderr
    while time.monotonic() < deadline:
        line = stream.readline()
        if not line:
            if proc.poll() is not None:
                fail(f"process exited ({proc.returncode}) before printing {pattern}")
            continue
        m = re.search(pattern, line)
        if m:
            return m
    fail(f"no {pattern} within {timeout} s")


class Page:
    def __init__(self, ws):
        self.ws = ws
        self.next_id = 0
        self.console = []

    async def call(self, method, **params):
        self.next_id += 1
        my_id = self.next_id
        await self.ws.send(json.dumps({"id": my_id, "method": method, "params": params}))
        while True:
            message = json.loads(await self.ws.recv())
            if message.get("id") == my_id:
                if "error" in message:
                    fail(f"{method}: {message['error']}")
                return message.get("result", {})
            self.note(message)

    def note(self, message):
        method = message.get("method", "")
        if method == "Runtime.exceptionThrown":
            self.console.append(("exception", json.dumps(message["params"])[:400]))
        elif method == "Runtime.consoleAPICalled":
            self.console.append(("console", json.dumps(message["params"])[:400]))
        elif method == "Log.entryAdded":
            entry = message["params"]["entry"]
            self.console.append((entry.get("level"), entry.get("text", "")[:400]))

    async def eval(self, expression):
        result = await self.call(
            "Runtime.evaluate", expression=expression, returnByValue=True
        )
        return result.get("result", {}).get("value")

    async def screenshot(self, path):
        """What the page looks like now, for a person to look at (not compared)."""
        shot = await self.call("Page.captureScreenshot", format="png")
        with open(path, "wb") as f:
            f.write(base64.b64decode(shot["data"]))

    async def state(self):
        return await self.eval(
            "(() => { const b = document.body; if (!b) return null;"
            " return { gen: b.getAttribute('data-live-generation'),"
            " live: b.getAttribute('data-live'), codes: b.getAttribute('data-diagnostics'),"
            " ready: b.getAttribute('data-ready'), errors: b.getAttribute('data-errors'),"
            " plan: !!document.getElementById('plan'),"
            " panel: (document.getElementById('oner-diagnostics') || {}).textContent || '' }; })()"
        )

    async def until(self, test, what, limit):
        """Polls the page until `test(state)` holds; the seconds it took."""
        start = time.monotonic()
        while True:
            try:
                s = await self.state()
            except Exception:  # the page is between documents
                s = None
            if s and test(s):
                return time.monotonic() - start, s
            if time.monotonic() - start > limit:
                fail(f"{what}: not within {limit} s; last state {s}")
            await asyncio.sleep(0.01)


async def drive(oner, work):
    scene = os.path.join(work, "tutorial.ron")
    shutil.copy("scenes/tutorial.ron", scene)
    clean = open(scene).read()
    server = subprocess.Popen(
        [oner, "serve", scene, "--port", "0"],
        stdout=subprocess.PIPE,
        stderr=subprocess.DEVNULL,
        text=True,
    )
    url = start_line(server, r"(http://127\.0\.0\.1:\d+/)", "stdout").group(1)
    print(f"serving at {url}")
    with urllib.request.urlopen(url + "diagnostics.json") as r:
        assert r.headers["Content-Type"] == "application/json"

    profile = tempfile.mkdtemp(dir=work, prefix="profile.")
    chrome = subprocess.Popen(
        [
            "chromium", "--headless", "--no-sandbox", "--disable-gpu", "--disable-quic",
            "--no-first-run", "--disable-background-networking", "--disable-component-update",
            "--disable-sync", "--disable-default-apps", "--disable-extensions",
            "--hide-scrollbars", "--mute-audio", "--window-size=1400,1000",
            f"--user-data-dir={profile}", "--remote-debugging-port=0",
            "--remote-allow-origins=*", "about:blank",
        ],
        stdout=subprocess.DEVNULL,
        stderr=subprocess.PIPE,
        text=True,
    )
    try:
        port = start_line(chrome, r"DevTools listening on ws://[^:]+:(\d+)/", "stderr").group(1)
        with urllib.request.urlopen(f"http://127.0.0.1:{port}/json/list") as r:
            targets = [t for t in json.load(r) if t.get("type") == "page"]
        async with websockets.connect(targets[0]["webSocketDebuggerUrl"], max_size=None) as ws:
            page = Page(ws)
            await page.call("Runtime.enable")
            await page.call("Log.enable")
            await page.call("Page.enable")
            await page.call("Page.navigate", url=url + "#t=0:06")
            _, s = await page.until(
                lambda s: s["gen"] == "1" and s["live"] == "connected" and s["ready"] == "1",
                "the page loads and connects", 20,
            )
            if "ok" not in s["panel"] or s["codes"]:
                fail(f"the clean scene shows diagnostics: {s}")

            # 1. A rule error, saved by rename: the move arrives too soon (M005).
            broken = clean.replace('arrive: "0:12"', 'arrive: "0:07"', 1)
            assert broken != clean
            save_by_rename(scene, broken)
            took, s = await page.until(
                lambda s: "M005" in (s["codes"] or "") and s["live"] == "connected" and s["ready"] == "1",
                "M005 shown after a save by rename", 10,
            )
            print(f"rule error (save by rename): reloaded and shown in {took:.3f} s")
            if took >= LIMIT:
                fail(f"took {took:.3f} s, more than {LIMIT} s")
            if "would need" not in s["panel"]:
                fail(f"the panel lacks the message: {s['panel'][:300]}")
            marker = "document.querySelector('#oner-markers .oner-marker[data-code=M005]')"
            if not await page.eval(f"!!{marker}"):
                fail("no M005 marker on the plan")
            # The page opened at 0:06, the move's start: the marker is bright now...
            if not await page.eval(f"{marker}.classList.contains('now')"):
                fail("the M005 marker is not lit at its time")
            await page.screenshot(os.path.join(work, "rule-error.png"))
            # ...and faint later in the take.
            await page.eval("location.hash = 't=0:40'")
            await asyncio.sleep(0.3)
            if await page.eval(f"{marker}.classList.contains('now')"):
                fail("the M005 marker is still lit at 0:40")

            # 2. The scene no longer loads (unknown mark), saved in place: the last good
            # plan stays, with the error and a note that it is stale.
            save_in_place(scene, clean.replace('to: "pantry"', 'to: "pantryy"', 1))
            took, s = await page.until(
                lambda s: "S003" in (s["codes"] or "") and s["ready"] == "1",
                "S003 shown after a save in place", 10,
            )
            print(f"load error (save in place): reloaded and shown in {took:.3f} s")
            if took >= LIMIT:
                fail(f"took {took:.3f} s, more than {LIMIT} s")
            if not s["plan"] or "last version that did" not in s["panel"]:
                fail(f"a broken scene should keep the last good plan: {s}")
            if "pantry" not in s["panel"]:
                fail("the help is missing")
            await page.screenshot(os.path.join(work, "load-error.png"))

            # 3. Hostile text in a diagnostic stays text.
            hostile = '</script><b id=pwn>x</b>'
            save_by_rename(scene, clean.replace('to: "pantry"', f'to: "{hostile}"', 1))
            took, s = await page.until(
                lambda s: "</script>" in s["panel"] and s["ready"] == "1",
                "hostile text shown", 10,
            )
            if await page.eval("!!document.getElementById('pwn')"):
                fail("scene text became markup")

            # 4. Fixed: back to clean.
            save_by_rename(scene, clean)
            took, s = await page.until(
                lambda s: not s["codes"] and "ok" in s["panel"] and s["ready"] == "1"
                and s["gen"] not in ("1", "2", "3"),
                "clean again", 10,
            )
            print(f"fixed: reloaded and clean in {took:.3f} s")
            if s["errors"] != "0":
                fail(f"script errors on the page: {s['errors']}")
            for level, text in page.console:
                # The reload drops the event stream mid-read; Chromium may say so.
                if "/events" in text:
                    continue
                fail(f"console: {level}: {text}")
    finally:
        chrome.terminate()
        chrome.wait(timeout=20)
        shutil.rmtree(profile, ignore_errors=True)

    server.send_signal(signal.SIGINT)
    code = server.wait(timeout=10)
    if code != 0:
        fail(f"Ctrl-C ended the server with exit {code}, not 0")
    print("serve: ok (Ctrl-C: exit 0)")


def main():
    oner, work = sys.argv[1], sys.argv[2]
    os.makedirs(work, exist_ok=True)
    asyncio.run(drive(os.path.abspath(oner), os.path.abspath(work)))


if __name__ == "__main__":
    main()
