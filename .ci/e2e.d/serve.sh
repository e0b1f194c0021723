#!/usr/bin/env bash
# `oner serve` in headless Chromium: the served page reloads and shows each new diagnostic
# within a second of a save (by rename and in place), keeps the last good plan while the
# scene does not load, marks the error on the plan at its time, keeps hostile text as text,
# and Ctrl-C ends the server with exit 0. The browser is driven over the DevTools protocol
# by .ci/serve-live.py (Python, with the `websockets` package, installed here if missing).
# Run by .ci/e2e with ONER (the binary) and WORK (a scratch folder) set, from the repository
# root.
set -euo pipefail
: "${ONER:?}" "${WORK:?}"

command -v chromium >/dev/null || { echo "serve: chromium is missing" >&2; exit 1; }
if ! python3 -c 'import websockets' 2>/dev/null; then
  pip install --quiet --break-system-packages websockets >/dev/null 2>&1 \
    || python3 -m pip install --quiet --break-system-packages websockets
fi

timeout 180 python3 .ci/serve-live.py "$ONER" "$WORK/serve"
