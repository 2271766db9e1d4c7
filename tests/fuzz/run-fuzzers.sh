#!/usr/bin/env bash
# Builds the fuzz preset (clang, libFuzzer, ASan + UBSan), makes the seeds (make-seeds.py) and runs
# every harness of tests/fuzz for a while, one after the other, then prints one line per harness:
# executions, executions per second, corpus size, and PASS or the file of the input that crashed.
# Exits 1 on any crash, leak, timeout or out-of-memory, 2 on wrong arguments.
#
#   tests/fuzz/run-fuzzers.sh                       10 s each (CI)
#   tests/fuzz/run-fuzzers.sh --seconds 3600        the long run: an hour each
#   tests/fuzz/run-fuzzers.sh --only archive        one harness
#   tests/fuzz/run-fuzzers.sh --kiosk PATH          the kiosk that signs the catalog seeds
#                                                   (default: the first of build/{ci,release,dev}/bin/kiosk)
#
# What each run found stays: build/fuzz/corpus/NAME (grows from run to run), crashes in
# build/fuzz/crashes/NAME/, libFuzzer's output in build/fuzz/logs/NAME.log.
set -euo pipefail
cd "$(dirname "$0")/../.."

usage() { sed -n '7,12s/^#  *//p' "$0" >&2; exit 2; }
seconds=10
only=""
kiosk=""
while [ $# -gt 0 ]; do
  case "$1" in
    --seconds)
      if [ $# -lt 2 ] || ! [[ "$2" =~ ^[1-9][0-9]*$ ]]; then usage; fi
      seconds=$2; shift 2 ;;
    --only)
      if [ $# -lt 2 ]; then usage; fi
      only=$2; shift 2 ;;
    --kiosk)
      if [ $# -lt 2 ] || [ ! -x "$2" ]; then echo "run-fuzzers: --kiosk needs a built kiosk" >&2; exit 2; fi
      kiosk=$2; shift 2 ;;
    *) usage ;;
  esac
done

# One list of harnesses, the one the build uses.
read -r -a harnesses <<<"$(sed -n 's/^set(KIOSK_FUZZ_HARNESSES \(.*\))$/\1/p' tests/fuzz/harnesses.cmake)"
if [ -n "$only" ]; then
  [[ " ${harnesses[*]} " == *" $only "* ]] || { echo "run-fuzzers: no harness '$only' (there are: ${harnesses[*]})" >&2; exit 2; }
  harnesses=("$only")
fi

out=build/fuzz
mkdir -p "$out/logs"
if [ -z "${CMAKE_CXX_COMPILER_LAUNCHER:-}" ] && command -v ccache >/dev/null; then
  export CMAKE_CXX_COMPILER_LAUNCHER=ccache CCACHE_BASEDIR=$PWD CCACHE_NOHASHDIR=true
fi
started=$SECONDS
echo "run-fuzzers: building the fuzz preset (log: $out/logs/build.log)"
if ! { cmake --preset fuzz && cmake --build --preset fuzz; } >"$out/logs/build.log" 2>&1; then
  tail -n 40 "$out/logs/build.log" >&2
  echo "run-fuzzers: the build failed" >&2
  exit 1
fi
echo "run-fuzzers: built in $((SECONDS - started)) s"

if [ -z "$kiosk" ]; then
  for candidate in build/ci/bin/kiosk build/release/bin/kiosk build/dev/bin/kiosk; do
    if [ -x "$candidate" ]; then kiosk=$candidate; break; fi
  done
fi
rm -rf "$out/seeds"
python3 tests/fuzz/make-seeds.py "$out/seeds" ${kiosk:+--kiosk "$kiosk"}

# The harnesses' scratch folders (tests/fuzz/fuzz_scratch.hpp), in tmpfs when there is one; removed
# at the end even when a crash left one behind.
scratch=$(mktemp -d "$( [ -d /dev/shm ] && echo /dev/shm || echo /tmp )/kiosk-fuzz-run.XXXXXX")
trap 'rm -rf "$scratch"' EXIT

dictionary() {
  case "$1" in
    pack_page | pack_flow | pack_toml | config) echo tests/fuzz/dicts/toml.dict ;;
    catalog | archive_manifest) echo tests/fuzz/dicts/json.dict ;;
    *) echo "tests/fuzz/dicts/$1.dict" ;;
  esac
}
# Just over each reader's own cap where it has one (256 KiB for TOML), so the refusal is reached.
max_len() {
  case "$1" in
    archive) echo 1048576 ;;
    markdown | webvtt) echo 65536 ;;
    *) echo 270000 ;;
  esac
}

failed=0
summary=()
for name in "${harnesses[@]}"; do
  corpus=$out/corpus/$name
  crashes=$out/crashes/$name
  log=$out/logs/$name.log
  mkdir -p "$corpus" "$crashes" "$scratch/$name"
  dict=$(dictionary "$name")
  dict_args=()
  if [ -f "$dict" ]; then dict_args=(-dict="$dict"); fi
  echo "run-fuzzers: $name for $seconds s"
  status=0
  # New inputs go into the first folder (kept between runs); the seeds are read, never written.
  TMPDIR=$scratch/$name ASAN_OPTIONS=detect_leaks=1:abort_on_error=0 UBSAN_OPTIONS=print_stacktrace=1:halt_on_error=1 \
    "$out/tests/fuzz/fuzz_$name" "$corpus" "$out/seeds/$name" \
    -max_total_time="$seconds" -timeout=10 -rss_limit_mb=2048 -max_len="$(max_len "$name")" \
    "${dict_args[@]}" -artifact_prefix="$crashes/" -print_final_stats=1 \
    >"$log" 2>&1 || status=$?
  runs=$(sed -n 's/^stat::number_of_executed_units: *//p' "$log" | tail -n 1)
  rate=$(sed -n 's/^stat::average_exec_per_sec: *//p' "$log" | tail -n 1)
  corp=$(grep -o 'corp: [0-9]*/[0-9]*[a-zA-Z]*' "$log" | tail -n 1 | cut -d' ' -f2 || true)
  # crash-, leak-, timeout-, oom-…: what libFuzzer writes when it stops; a slow unit is only noted.
  artifact=$(sed -n 's/.*Test unit written to \(.*\)$/\1/p' "$log" | grep -v '/slow-unit-' | tail -n 1 || true)
  if [ "$status" -eq 0 ] && [ -z "$artifact" ]; then
    verdict=PASS
  else
    failed=1
    verdict="FAIL: ${artifact:-exit code $status, no input written} (log: $log)"
  fi
  summary+=("$(printf '%-18s %12s runs %8s/s  corpus %-14s %s' "$name" "${runs:-?}" "${rate:-?}" "${corp:-?}" "$verdict")")
done

echo
printf '%s\n' "${summary[@]}"
echo "run-fuzzers: $((SECONDS - started)) s in all"
exit "$failed"
