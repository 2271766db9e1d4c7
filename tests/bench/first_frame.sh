#!/usr/bin/env bash
# Start-up time: from exec to the first presented frame of the home screen with the sample packs,
# as the kiosk logs it, and the whole process (start, one frame, exit), median of N runs.
# Usage: tests/bench/first_frame.sh [KIOSK_BINARY] [RUNS]   (needs a display; else run under xvfb-run -a)
# Renderer: SDL picks one; SDL_RENDER_DRIVER=software forces the software renderer.
set -euo pipefail
kiosk=${1:-build/release/bin/kiosk}
runs=${2:-9}
median() { sort -n | awk '{a[NR]=$1} END {print (NR%2 ? a[(NR+1)/2] : (a[NR/2]+a[NR/2+1])/2)}'; }

first=() whole=()
for _ in $(seq "$runs"); do
  start=$(date +%s%N)
  log=$("$kiosk" --frames 1 2>&1)
  end=$(date +%s%N)
  first+=("$(printf '%s\n' "$log" | sed -n 's/.*first frame presented \([0-9]*\) ms.*/\1/p')")
  whole+=("$(( (end - start) / 1000000 ))")
done
renderer=$(printf '%s\n' "$log" | sed -n "s/.*renderer '\([^']*\)'.*/\1/p")
echo "renderer: $renderer, runs: $runs"
echo "first frame after start (ms), median: $(printf '%s\n' "${first[@]}" | median)  [$(echo "${first[@]}")]"
echo "whole process incl. exit (ms), median: $(printf '%s\n' "${whole[@]}" | median)  [$(echo "${whole[@]}")]"
