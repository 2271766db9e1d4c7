#!/usr/bin/env bash
# The references of issue 9 (item 8), measured the same way in the same run as the kiosk: Chromium
# in kiosk mode on a static copy of the home screen (tests/bench/reference/home.html), the kiosk on
# the sample content (it boots into its attract loop), and bench_minimal_app (SDL2 + Dear ImGui and
# nothing else, tests/bench/minimal_app.cpp). One Xvfb of its own, 1920x1080x24; RUNS rounds, the
# three subjects one after another in each round. Per run and subject:
#   visible  launch to the moment the X screen first equals what it shows once settled
#            (bench_screen_poller grabs the root window every few ms; SETTLE_SECONDS, default 4)
#   log      the app's own "first frame presented N ms after start" line (not for the browser)
#   PSS      sum of Pss (/proc/PID/smaps_rollup) of all its processes after settling
#   idle CPU utime+stime of all its processes over IDLE_SECONDS, as % of one core
# "All its processes": the launched one and its descendants, plus any whose command line names the
# run's scratch folder (Chromium's crash handlers detach from the tree but keep their database there).
#
# Usage: tests/bench/reference_run.sh [--tsv FILE] KIOSK MINIMAL_APP [RUNS] [IDLE_SECONDS]
#   e.g. tests/bench/reference_run.sh build/ci/bin/kiosk build/ci/tests/bench_minimal_app 5 60
#   bench_screen_poller is taken from beside MINIMAL_APP (or POLLER=path). --tsv FILE (or
#   REFERENCE_TSV=FILE) also writes "key<TAB>value" lines, e.g. "browser_visible_ms<TAB>912".
#   REFERENCE_SCREENSHOTS=DIR saves each subject's settled screen of run 1 as DIR/SUBJECT.png
#   (imagemagick's import), to see that each showed what it should.
#   Needs: Xvfb (xvfb), chromium. The renderer is whatever SDL picks, for the kiosk and the minimal
#   app alike (OpenGL on Mesa's llvmpipe under Xvfb); SDL_RENDER_DRIVER=software forces SDL's own.
set -euo pipefail

tsv=${REFERENCE_TSV:-}
if [ "${1:-}" = --tsv ]; then tsv=${2:?--tsv needs a file}; shift 2; fi
if [ $# -lt 2 ]; then
  echo "usage: $0 [--tsv FILE] KIOSK MINIMAL_APP [RUNS] [IDLE_SECONDS]" >&2
  exit 2
fi
kiosk=$(realpath "$1")
minimal=$(realpath "$2")
runs=${3:-5}
idle=${4:-20}
settle=${SETTLE_SECONDS:-4}
poller=$(realpath "${POLLER:-$(dirname "$minimal")/bench_screen_poller}")
repo=$(cd "$(dirname "$0")/../.." && pwd)
page="$repo/tests/bench/reference/home.html"
for tool in "$kiosk" "$minimal" "$poller"; do
  [ -x "$tool" ] || { echo "reference_run: $tool is not an executable (build the bench_ targets first)" >&2; exit 2; }
done
for command in Xvfb chromium; do
  command -v "$command" >/dev/null || { echo "reference_run: $command not found (apt-get install xvfb chromium)" >&2; exit 2; }
done
[[ $runs =~ ^[1-9][0-9]*$ && $idle =~ ^[1-9][0-9]*$ ]] || { echo "reference_run: RUNS and IDLE_SECONDS must be whole numbers over 0" >&2; exit 2; }

scratch=$(mktemp -d /tmp/reference-run.XXXXXX)
xvfb_pid="" poller_pid="" subject_pid="" subject_dir=""
own_session=$(ps -o sid= -p $$ | tr -d ' ')

# Everything the subject started: its process tree, and processes that name its scratch folder.
members() {
  # Processes of this script's own session (ps, awk, the poller) never count, even if they name the folder.
  ps -eo pid=,ppid=,sid=,args= | awk -v root="$1" -v marker="$2" -v own="$own_session" '
    { pid[NR] = $1; parent[NR] = $2; if (marker != "" && $3 != own && index($0, marker)) inside[$1] = 1 }
    END {
      inside[root] = 1
      do { grown = 0; for (i = 1; i <= NR; i++) if (!(pid[i] in inside) && (parent[i] in inside)) { inside[pid[i]] = 1; grown = 1 } } while (grown)
      for (p in inside) print p
    }'
}

stop_subject() {
  [ -n "$subject_pid" ] || return 0
  local pids
  pids=$(members "$subject_pid" "$subject_dir")
  # shellcheck disable=SC2086  # one pid a word
  kill -TERM $pids 2>/dev/null || true
  for _ in $(seq 50); do
    local alive=""
    for p in $pids; do [ -e "/proc/$p" ] && [ "$(awk '{print $3}' "/proc/$p/stat" 2>/dev/null)" != Z ] && alive="$alive $p"; done
    [ -z "$alive" ] && break
    sleep 0.1
  done
  # shellcheck disable=SC2086
  kill -KILL $pids 2>/dev/null || true
  wait "$subject_pid" 2>/dev/null || true
  subject_pid=""
}

cleanup() {
  stop_subject
  [ -n "$poller_pid" ] && kill "$poller_pid" 2>/dev/null
  [ -n "$xvfb_pid" ] && kill "$xvfb_pid" 2>/dev/null && wait "$xvfb_pid" 2>/dev/null
  rm -rf "$scratch"
}
trap cleanup EXIT
trap 'exit 130' INT
trap 'exit 143' TERM

# -displayfd: Xvfb picks a free display itself and says which, so two runs never collide.
Xvfb -displayfd 3 -screen 0 1920x1080x24 -nolisten tcp -br 3>"$scratch/display" >"$scratch/xvfb.log" 2>&1 &
xvfb_pid=$!
for _ in $(seq 100); do [ -s "$scratch/display" ] && break; sleep 0.05; done
[ -s "$scratch/display" ] || { echo "reference_run: Xvfb did not start:" >&2; cat "$scratch/xvfb.log" >&2; exit 1; }
DISPLAY=":$(head -1 "$scratch/display")"
export DISPLAY

launch() {  # subject run_dir: starts it in a session of its own, sets subject_pid
  local subject=$1 dir=$2
  mkdir -p "$dir"
  case $subject in
    browser)
      # --no-sandbox: as root in a container Chromium refuses its sandbox (no user namespaces for it).
      # --window-position/--window-size: --kiosk asks a window manager for fullscreen, and this Xvfb
      # has none. HOME and XDG_*: the crash handler's database goes there, not into root's home.
      HOME=$dir XDG_CONFIG_HOME=$dir/config XDG_CACHE_HOME=$dir/cache \
        setsid chromium --kiosk --no-first-run --disable-background-networking --disable-component-update --disable-sync \
        --user-data-dir="$dir/profile" --no-sandbox --window-position=0,0 --window-size=1920,1080 \
        "file://$page" >"$dir/log" 2>&1 &
      ;;
    kiosk)
      setsid "$kiosk" --windowed --size 1920x1080 --content "$repo/content" --state "$dir/state" >"$dir/log" 2>&1 &
      ;;
    minimal)
      setsid "$minimal" --size 1920x1080 >"$dir/log" 2>&1 &
      ;;
  esac
  subject_pid=$!
}

ticks() {  # pids...: "pid utime+stime" (the command name may hold spaces: fields after its ')')
  for p in "$@"; do
    [ -r "/proc/$p/stat" ] && sed 's/^.*) //' "/proc/$p/stat" 2>/dev/null | awk -v p="$p" '{print p, $12 + $13}'
  done
  return 0
}

pss_kib() {  # pids...: the sum of their Pss
  for p in "$@"; do cat "/proc/$p/smaps_rollup" 2>/dev/null || true; done | awk '/^Pss:/ {s += $2} END {print s + 0}'
}

measure() {  # subject run: appends "subject visible_ms log_ms pss_mib cpu_pct processes" to results
  local subject=$1 run=$2 dir="$scratch/$1-$2" samples="$scratch/$1-$2.screen"
  "$poller" "$samples" "$settle" 5 2>>"$scratch/poller.log" &
  poller_pid=$!
  for _ in $(seq 200); do [ -e "$samples.ready" ] && break; sleep 0.01; done
  subject_dir=$dir
  local t0_us=${EPOCHREALTIME/./}
  launch "$subject" "$dir"
  wait "$poller_pid" || { echo "reference_run: the screen poller failed:" >&2; cat "$scratch/poller.log" >&2; exit 1; }
  poller_pid=""
  [ -e "/proc/$subject_pid" ] || { echo "reference_run: $subject ended early:" >&2; tail -20 "$dir/log" >&2; exit 1; }

  # The first grab from which the screen stayed as it is at the end; its time is when it was taken.
  local visible
  visible=$(awk -v t0="$t0_us" '{t[NR] = $1; h[NR] = $2} END {
      i = NR; while (i > 1 && h[i - 1] == h[NR]) i--
      if (i == 1) print "NA"; else printf "%.0f\n", (t[i] / 1000 - t0) / 1000 }' "$samples")
  local first_frame
  first_frame=$(sed -n 's/.*first frame presented \([0-9]*\) ms after start.*/\1/p' "$dir/log" | head -1)

  local pids
  # shellcheck disable=SC2207
  pids=($(members "$subject_pid" "$dir"))
  local pss
  pss=$(pss_kib "${pids[@]}")
  if [ -n "${REFERENCE_SCREENSHOTS:-}" ] && [ "$run" = 1 ]; then
    mkdir -p "$REFERENCE_SCREENSHOTS" && import -display "$DISPLAY" -window root "$REFERENCE_SCREENSHOTS/$subject.png"
  fi
  ticks "${pids[@]}" >"$dir.ticks-before"
  sleep "$idle"
  # shellcheck disable=SC2207
  pids=($(members "$subject_pid" "$dir"))
  ticks "${pids[@]}" >"$dir.ticks-after"
  local cpu
  cpu=$(awk -v seconds="$idle" -v hz="$(getconf CLK_TCK)" '
      NR == FNR {before[$1] = $2; next} {used += $2 - before[$1]}
      END {printf "%.2f\n", 100 * used / (seconds * hz)}' "$dir.ticks-before" "$dir.ticks-after")
  [ "$run" = 1 ] && cp "$dir/log" "$scratch/$subject.first-log"
  stop_subject
  rm -rf "$dir"
  echo "$subject $visible ${first_frame:-NA} $(awk -v k="$pss" 'BEGIN {printf "%.1f", k / 1024}') $cpu ${#pids[@]}" >>"$scratch/results"
  printf '  run %s %-8s visible %5s ms  log %4s ms  PSS %7.1f MiB  idle CPU %5s %%  %s processes\n' \
    "$run" "$subject" "$visible" "${first_frame:--}" "$(awk -v k="$pss" 'BEGIN {print k / 1024}')" "$cpu" "${#pids[@]}"
}

echo "reference run: display $DISPLAY (Xvfb 1920x1080x24), $runs runs, settle ${settle} s, idle ${idle} s, $(nproc) cores, load $(cut -d' ' -f1 /proc/loadavg)"
echo "  browser: $(chromium --version 2>/dev/null | head -1); kiosk: $("$kiosk" --version 2>/dev/null | head -1)"
for run in $(seq "$runs"); do
  for subject in browser kiosk minimal; do measure "$subject" "$run"; done
done

median() {  # column of results for one subject; NA values are left out
  awk -v s="$1" -v c="$2" '$1 == s && $c != "NA" {print $c}' "$scratch/results" | sort -g |
    awk '{a[NR] = $1} END {if (NR == 0) print "NA"; else if (NR % 2) print a[(NR + 1) / 2]; else print (a[NR / 2] + a[NR / 2 + 1]) / 2}'
}
range() {
  awk -v s="$1" -v c="$2" '$1 == s && $c != "NA" {print $c}' "$scratch/results" | sort -g | awk 'NR == 1 {lo = $1} {hi = $1} END {print (NR ? lo "-" hi : "-")}'
}
ratio() { awk -v a="$1" -v b="$2" 'BEGIN {if (a == "NA" || b == "NA" || b + 0 == 0) print "-"; else printf "%.1f\n", a / b}'; }

declare -A figure
for subject in browser kiosk minimal; do
  figure[${subject}_visible_ms]=$(median "$subject" 2)
  figure[${subject}_first_frame_ms]=$(median "$subject" 3)
  figure[${subject}_pss_mib]=$(median "$subject" 4)
  figure[${subject}_idle_cpu_pct]=$(median "$subject" 5)
  figure[${subject}_processes]=$(median "$subject" 6)
done
renderer=$(sed -n "s/.*renderer '\([^']*\)'.*/\1/p" "$scratch/kiosk.first-log" | head -1)
poll_ms=$(awk 'NR > 1 {print ($1 - last) / 1e6} {last = $1}' "$scratch"/*.screen 2>/dev/null | sort -g | awk '{a[NR] = $1} END {if (NR) printf "%.1f", a[int((NR + 1) / 2)]; else print "?"}')

echo
echo "medians of $runs runs (min-max); visible: launch to the settled screen, screen grabbed every $poll_ms ms (median);"
echo "log: the app's own first-frame line; kiosk renderer: ${renderer:-?}; idle CPU over $idle s, % of one core"
echo
printf '%-9s %10s %13s %10s %11s %13s %10s %6s\n' subject "visible ms" "min-max" "log ms" "PSS MiB" "min-max" "idle CPU %" procs
for subject in browser kiosk minimal; do
  printf '%-9s %10s %13s %10s %11s %13s %10s %6s\n' "$subject" "${figure[${subject}_visible_ms]}" "$(range "$subject" 2)" \
    "${figure[${subject}_first_frame_ms]}" "${figure[${subject}_pss_mib]}" "$(range "$subject" 4)" \
    "${figure[${subject}_idle_cpu_pct]}" "${figure[${subject}_processes]}"
done
echo
for what in visible_ms pss_mib idle_cpu_pct; do
  figure[ratio_browser_kiosk_$what]=$(ratio "${figure[browser_$what]}" "${figure[kiosk_$what]}")
  figure[ratio_kiosk_minimal_$what]=$(ratio "${figure[kiosk_$what]}" "${figure[minimal_$what]}")
done
figure[ratio_kiosk_minimal_first_frame_ms]=$(ratio "${figure[kiosk_first_frame_ms]}" "${figure[minimal_first_frame_ms]}")
printf '%-16s %10s %10s %10s %12s\n' ratio "visible" "log" "PSS" "idle CPU"
printf '%-16s %10s %10s %10s %12s\n' browser/kiosk "${figure[ratio_browser_kiosk_visible_ms]}" - \
  "${figure[ratio_browser_kiosk_pss_mib]}" "${figure[ratio_browser_kiosk_idle_cpu_pct]}"
printf '%-16s %10s %10s %10s %12s\n' kiosk/minimal "${figure[ratio_kiosk_minimal_visible_ms]}" "${figure[ratio_kiosk_minimal_first_frame_ms]}" \
  "${figure[ratio_kiosk_minimal_pss_mib]}" "${figure[ratio_kiosk_minimal_idle_cpu_pct]}"
echo "(\"-\": nothing to divide by, e.g. 0.00 % idle CPU)"

if [ -n "$tsv" ]; then
  {
    printf 'runs\t%s\nidle_seconds\t%s\nsettle_seconds\t%s\npoll_interval_ms\t%s\nkiosk_renderer\t%s\n' \
      "$runs" "$idle" "$settle" "$poll_ms" "${renderer:-unknown}"
    for key in $(printf '%s\n' "${!figure[@]}" | sort); do printf '%s\t%s\n' "$key" "${figure[$key]}"; done
  } >"$tsv"
  echo "figures written to $tsv"
fi
