#!/usr/bin/env bash
# `oner call` in a real terminal: tmux runs it in an 80 × 24 pane, the script types keys the
# way a stage manager would (jump to beat 2, nudge, start, pause, quit) and reads the screen
# back with capture-pane. Without a terminal it prints the plain log at once (--no-wait).
# Run by .ci/e2e with ONER (the binary) and WORK (a scratch folder) set, from the
# repository root.
set -euo pipefail
: "${ONER:?}" "${WORK:?}"

fail() { echo "call: $*" >&2; exit 1; }
scene=tests/fixtures/calls/calling.ron
oner=$(realpath "$ONER")

# The log, at once: the calls in time order.
log=$("$oner" call --no-wait --from 0:30 "$scene")
echo "$log" | grep -q "0:32.0  SQ 2 GO — as Ben slams the pantry door" || fail "log lacks SQ 2 GO: $log"
echo "$log" | grep -q "0:45.0  end of the take" || fail "log does not reach the end"
echo "call: the log from 0:30 reads $(echo "$log" | wc -l) lines"

session="oner-call-$$"
socket="$WORK/tmux-$$"
tm() { tmux -S "$socket" "$@"; }
trap 'tm kill-server 2>/dev/null || true' EXIT
tm new-session -d -s "$session" -x 80 -y 24 "$oner call $scene"
screen() { tm capture-pane -p -t "$session"; }
# Waits until the screen shows $1 (a fixed string), at most five seconds.
wait_for() {
  for _ in $(seq 50); do
    if screen | grep -qF -- "$1"; then return 0; fi
    sleep 0.1
  done
  screen >&2
  fail "the screen never showed: $1"
}
wait_for "0:00.0 / 0:45.0"
wait_for "paused"
# Jump to beat 2 (The news, 0:20): SQ 2's standby is next, 8 s away, its GO 12 s away.
tm send-keys -t "$session" b
wait_for "jump to beat"
tm send-keys -t "$session" 2 Enter
wait_for "Beat 2/2: The news"
wait_for "in 8.0 s  0:28.0  Standby SQ 2"
wait_for "next: SQ 2 GO  in 12.0 s"
# A nudge on: one second less to wait.
tm send-keys -t "$session" k
wait_for "in 7.0 s  0:28.0  Standby SQ 2"
# Run to the slam at double speed is not needed: jump by time instead, just past the GO.
tm send-keys -t "$session" t
wait_for "jump to time"
tm send-keys -t "$session" 0:32.5 Enter
wait_for "SQ 2 GO  ◀◀"
# Start and pause: the clock moves.
tm send-keys -t "$session" Space
sleep 1.2
tm send-keys -t "$session" Space
wait_for "paused"
if screen | grep -qF "0:32.5 / 0:45.0"; then fail "the clock did not run"; fi
tm send-keys -t "$session" q
for _ in $(seq 50); do
  tm has-session -t "$session" 2>/dev/null || break
  sleep 0.1
done
if tm has-session -t "$session" 2>/dev/null; then fail "q did not quit"; fi
echo "call: tmux 80×24: beat jump, countdown, nudge, time jump, GO, start/pause and quit"
