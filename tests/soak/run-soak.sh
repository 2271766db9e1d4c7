#!/usr/bin/env bash
# The long soak (issue 10, item 5): builds kiosk_soak with the release preset and runs it for
# N minutes (default 15) with --check, printing the table as it goes. Keeps in OUT (default a
# new folder under /tmp): soak.txt (the table, summary and verdict), soak.csv (every report
# line), kiosk.log (what the kiosk logged) and state/ (its usage.sqlite, synced packs, status).
#
#   tests/soak/run-soak.sh [--minutes N] [OUT]
#
# KIOSK_SOAK_BUILD=DIR uses the kiosk_soak already built in DIR instead of building the preset;
# KIOSK_SOAK_SEED=N picks other visitors (default 1). Exit code: kiosk_soak's (0: no growth,
# 1: the verdict failed, 3: it could not run).
set -euo pipefail
cd "$(dirname "$0")/../.."
minutes=15
if [ "${1:-}" = --minutes ]; then minutes=$2; shift 2; fi
out=${1:-$(mktemp -d /tmp/kiosk-soak.XXXXXX)}
mkdir -p "$out"

if [ -n "${KIOSK_SOAK_BUILD:-}" ]; then
  soak=$KIOSK_SOAK_BUILD/tests/soak/kiosk_soak
else
  echo "building kiosk_soak with the release preset (RelWithDebInfo, -O2) ..." >&2
  cmake --preset release >/dev/null
  cmake --build --preset release --target kiosk_soak >"$out/build.log" 2>&1 || { tail -30 "$out/build.log" >&2; exit 3; }
  soak=build/release/tests/soak/kiosk_soak
fi

seconds=$((minutes * 60))
# A line every 30 s (at least 30 lines), a publication and sync every 30 s: a kiosk syncs every
# 15 minutes, so an hour here is a month of syncs, and as many visitors as a busy week.
every=$(( seconds / 30 < 30 ? (seconds / 30 > 5 ? seconds / 30 : 5) : 30 ))
echo "soak for $minutes minute(s) into $out" >&2
status=0
SDL_VIDEODRIVER=dummy SDL_AUDIODRIVER=dummy "$soak" --seconds "$seconds" --report-every "$every" --sync-every 30 \
  --seed "${KIOSK_SOAK_SEED:-1}" --state "$out/state" --csv "$out/soak.csv" --check 2>"$out/kiosk.log" | tee "$out/soak.txt" || status=$?
echo "kept: $out/soak.txt, $out/soak.csv, $out/kiosk.log, $out/state" >&2
exit "$status"
