#!/bin/sh
# A server folder of heartbeats for the `kiosk fleet` tests, made by the real `kiosk heartbeat`:
#   OUT/server/foyer     a kiosk heard from just now, with nothing to fix (a PIN, content, fonts)
#   OUT/server/library   the same heartbeat, but it arrived two hours ago: silent
#   OUT/server/cafe      a file cut off mid-write: broken
#   OUT/server-ok/foyer  the fine kiosk alone
# Usage: make_fleet.sh KIOSK CONTENT_DIR OUT
set -eu
kiosk=$1 content=$2 out=$3
rm -rf "$out"
mkdir -p "$out/state" "$out/server/foyer" "$out/server/library" "$out/server/cafe" "$out/server-ok/foyer"
echo 2468 | "$kiosk" admin set-pin --state "$out/state" >/dev/null
"$kiosk" --content "$content" --state "$out/state" heartbeat
cp "$out/state/heartbeat.json" "$out/server/foyer/heartbeat.json"
cp "$out/state/heartbeat.json" "$out/server-ok/foyer/heartbeat.json"
cp "$out/state/heartbeat.json" "$out/server/library/heartbeat.json"
touch -d '2 hours ago' "$out/server/library/heartbeat.json"
printf '{"format": 1, "kiosk": "ca' > "$out/server/cafe/heartbeat.json"
