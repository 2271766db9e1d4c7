#!/usr/bin/env bash
# Idle CPU: starts the kiosk on the sample content, lets it settle, then reads the CPU time the
# process used over SECONDS from /proc. A kiosk with nothing to do should use ~0 %.
# Usage: tests/bench/idle_cpu.sh [KIOSK_BINARY] [SECONDS]   (needs a display; else run under xvfb-run -a)
set -euo pipefail
kiosk=${1:-build/release/bin/kiosk}
seconds=${2:-30}
"$kiosk" --windowed >/dev/null 2>&1 &
pid=$!
trap 'kill $pid 2>/dev/null || true' EXIT
sleep 5
ticks() { awk '{print $14 + $15}' "/proc/$pid/stat"; }
before=$(ticks)
sleep "$seconds"
after=$(ticks)
hz=$(getconf CLK_TCK)
echo "idle CPU over ${seconds} s: $((after - before)) ticks of $((seconds * hz)) = $(awk -v t=$((after - before)) -v n=$((seconds * hz)) 'BEGIN {printf "%.2f", 100 * t / n}') % of one core"
