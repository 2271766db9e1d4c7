#!/usr/bin/env bash
# Idle CPU: starts the kiosk on the sample content, lets it settle, then reads the CPU time the
# process used over SECONDS from /proc. A kiosk with nothing to do should use ~0 %.
#   SCREEN attract (default): nobody there, the attract loop turns a picture every 8 s.
#   SCREEN page: a visitor's static page (xdotool taps the attract loop, then the first tile);
#   the idle time is raised so no prompt or reset happens while it measures.
# Usage: tests/bench/idle_cpu.sh [KIOSK_BINARY] [SECONDS] [attract|page]
#   (needs a display, else run under xvfb-run -a; `page` needs xdotool: apt-get install xdotool)
set -euo pipefail
kiosk=${1:-build/release/bin/kiosk}
seconds=${2:-30}
screen=${3:-attract}
# A state folder of its own: the usage log and heartbeat of a real kiosk stay untouched.
state=$(mktemp -d)
"$kiosk" --windowed --size 1280x720 --idle-seconds 3600 --state "$state" >/dev/null 2>&1 &
pid=$!
trap 'kill $pid 2>/dev/null || true; rm -rf "$state"' EXIT
sleep 3
if [ "$screen" = page ]; then
  window=$(xdotool search --sync --pid "$pid" | head -1)
  xdotool mousemove --window "$window" 640 360 click 1   # wakes the attract loop: home
  sleep 1
  xdotool mousemove --window "$window" 230 400 click 1   # the first tile: its start page
  sleep 1
  xdotool mousemove --window "$window" 1270 710           # the pointer out of the way
fi
# The first heartbeat comes 10 s after the start (kiosk/app/heartbeat_sender.hpp) and takes about
# 80 ms of CPU (it looks at the content and the disk): the steady idle is measured after it. The
# later ones come every heartbeat.interval_minutes; RESULTS.md counts their share separately.
for _ in $(seq 100); do [ -e "$state/heartbeat.json" ] && break; sleep 0.2; done
sleep 2
ticks() { awk '{print $14 + $15}' "/proc/$pid/stat"; }
before=$(ticks)
sleep "$seconds"
after=$(ticks)
hz=$(getconf CLK_TCK)
echo "idle CPU on the $screen screen over ${seconds} s: $((after - before)) ticks of $((seconds * hz)) = $(awk -v t=$((after - before)) -v n=$((seconds * hz)) 'BEGIN {printf "%.2f", 100 * t / n}') % of one core"
