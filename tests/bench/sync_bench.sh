#!/usr/bin/env bash
# Sync cost against plain downloading: a real nginx on 127.0.0.1 with the shipped config
# (deploy/nginx/kiosk-content.conf, its root moved into a scratch folder), the 8 sample packs of
# content/ published with `kiosk catalog keygen` and `kiosk catalog publish`, then
#   (a) `kiosk sync --once` into an empty state folder,
#   (b) the same after one image of one pack changed, its version raised and the catalog
#       published again, into a copy of the state (a) left,
# each timed (wall clock, the whole process) next to one `curl` process fetching the very files
# that sync got with 200 (index.json and the archives), from the same server. Bytes are nginx's
# $body_bytes_sent of each run's requests. Runs alternate sync and curl; medians of RUNS.
# Usage: tests/bench/sync_bench.sh [KIOSK_BINARY] [RUNS]
#   (needs nginx-light, curl and python3: deploy/install-deps.sh; curl only for this benchmark)
set -euo pipefail
repo=$(cd "$(dirname "$0")/../.." && pwd)
kiosk=$(realpath "${1:-$repo/build/release/bin/kiosk}")
runs=${2:-7}
nginx=/usr/sbin/nginx
scratch=$(mktemp -d /tmp/kiosk-sync-bench-XXXXXX)
nginx_pid=
cleanup() {
  if [ -n "$nginx_pid" ]; then kill "$nginx_pid" 2>/dev/null || true; wait "$nginx_pid" 2>/dev/null || true; fi
  rm -rf "$scratch"
}
trap cleanup EXIT

# --- the server: nginx in the foreground, one process, its own prefix, log lines we can sum ----
mkdir -p "$scratch/nginx/www/kiosk" "$scratch/nginx/temp"
port=$(python3 -c 'import socket; s = socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1])')
{
  [ "$(id -u)" = 0 ] && echo "user root root;"  # as root nginx would serve as nobody, who cannot read the scratch folder
  echo "daemon off; master_process off; worker_processes 1; pid $scratch/nginx/nginx.pid;"
  echo "error_log $scratch/nginx/error.log; events { worker_connections 64; }"
  echo "http {"
  echo "  log_format bench '\$request_method \$uri \$status \$body_bytes_sent';"
  echo "  access_log $scratch/nginx/access.log bench;"
  for kind in client_body proxy fastcgi uwsgi scgi; do echo "  ${kind}_temp_path $scratch/nginx/temp/$kind;"; done
  echo "  server { listen 127.0.0.1:$port;"
  sed "s#root /srv/kiosk-content;#root $scratch/nginx/www;#" "$repo/deploy/nginx/kiosk-content.conf"
  echo "  }"
  echo "}"
} >"$scratch/nginx/nginx.conf"
"$nginx" -p "$scratch/nginx/" -c "$scratch/nginx/nginx.conf" -e "$scratch/nginx/error.log" &
nginx_pid=$!
for _ in $(seq 100); do curl -s -o /dev/null "http://127.0.0.1:$port/" && break; sleep 0.05; done
base="http://127.0.0.1:$port/kiosk/"
log="$scratch/nginx/access.log"

# --- the publisher: keys, the 8 sample packs, catalog version 1 ----------------------------------
mkdir -p "$scratch/authoring"
for pack in "$repo"/content/*/; do cp -r "$pack" "$scratch/authoring/"; done
packs=$(find "$scratch/authoring" -mindepth 1 -maxdepth 1 -type d | wc -l)
"$kiosk" catalog keygen --out "$scratch/keys" >/dev/null
publish() { "$kiosk" catalog publish --key "$scratch/keys/catalog.key" --root "$scratch/keys/root.json" --out "$scratch/nginx/www/kiosk" "$scratch/authoring" >/dev/null; }
publish

# --- measuring -----------------------------------------------------------------------------------
now_ns() { date +%s%N; }
lines() { wc -l <"$log"; }
# nginx logs a request once it has answered; after the client is done that is at most a moment.
settle() { sleep 0.2; }
# requests and body bytes of the log lines after line $1
traffic() { tail -n +"$(($1 + 1))" "$log" | awk '{n++; b += $4} END {printf "%d %d\n", n, b}'; }
# the URIs answered 200 after line $1: what curl fetches as the reference
fetched_uris() { tail -n +"$(($1 + 1))" "$log" | awk '$3 == 200 {print $2}'; }
median() { sort -n | awk '{v[NR] = $1} END {print (NR % 2) ? v[(NR + 1) / 2] : (v[NR / 2] + v[NR / 2 + 1]) / 2}'; }

config() {  # $1: the state folder
  printf '[content]\nfolders = []\n[state]\nfolder = "%s"\n[[sync.catalogs]]\nname = "hub"\nurl = "%s"\nroot = "%s"\n' \
    "$1" "$base" "$scratch/keys/root.json" >"$1.toml"
}

# One phase: $1 name, $2 a command that prepares the state folder given as its argument (untimed).
# Prints the medians "sync_us curl_us sync_requests sync_bytes curl_requests curl_bytes reported_bytes",
# then "sync_min_us sync_max_us curl_min_us curl_max_us".
phase() {
  local name=$1 prepare=$2 i
  : >"$scratch/$name.sync" ; : >"$scratch/$name.curl"
  for i in $(seq "$runs"); do
    local state="$scratch/state-$name-$i"
    "$prepare" "$state"
    config "$state"
    settle
    local before t0 t1 out
    before=$(lines)
    t0=$(now_ns)
    out=$(SDL_VIDEODRIVER=dummy "$kiosk" --config "$state.toml" sync --once 2>&1) || { echo "sync failed: $out" >&2; exit 1; }
    t1=$(now_ns)
    settle
    local reported
    reported=$(sed -n 's/.*(\([0-9]*\) bytes fetched).*/\1/p' <<<"$out")
    echo "$(((t1 - t0) / 1000)) $(traffic "$before") $reported" >>"$scratch/$name.sync"
    mapfile -t uris < <(fetched_uris "$before")
    local args=() uri
    for uri in "${uris[@]}"; do args+=(-o "$scratch/curl-$name/$(basename "$uri")" "http://127.0.0.1:$port$uri"); done
    rm -rf "$scratch/curl-$name"; mkdir -p "$scratch/curl-$name"
    before=$(lines)
    t0=$(now_ns)
    curl -s --fail "${args[@]}"
    t1=$(now_ns)
    settle
    echo "$(((t1 - t0) / 1000)) $(traffic "$before")" >>"$scratch/$name.curl"
  done
  local col
  printf '%s' "$(awk '{print $1}' "$scratch/$name.sync" | median) $(awk '{print $1}' "$scratch/$name.curl" | median)"
  for col in 2 3; do printf ' %s' "$(awk -v c=$col '{print $c}' "$scratch/$name.sync" | median)"; done
  for col in 2 3; do printf ' %s' "$(awk -v c=$col '{print $c}' "$scratch/$name.curl" | median)"; done
  printf ' %s' "$(awk '{print $4}' "$scratch/$name.sync" | median)"
  # the spread of the times: min and max of sync, then of curl
  for run in sync curl; do printf ' %s' "$(awk 'NR == 1 || $1 < lo {lo = $1} NR == 1 || $1 > hi {hi = $1} END {print lo, hi}' "$scratch/$name.$run")"; done
  echo
}

empty_state() { rm -rf "$1"; mkdir -p "$1"; }
initial=$(phase initial empty_state)

# (b): the state the last initial run left, then online-id 1.0.1 with one image redrawn.
cp -a "$scratch/state-initial-$runs" "$scratch/state-v1"
sed -i 's/^version = "1.0.0"/version = "1.0.1"/' "$scratch/authoring/online-id/pack.toml"
sed -i 's#</svg>#<!-- redrawn for the sync benchmark --></svg>#' "$scratch/authoring/online-id/images/pin-letter.svg"
publish
copy_of_v1() { rm -rf "$1"; cp -a "$scratch/state-v1" "$1"; }
changed=$(phase changed copy_of_v1)
# What issue 9's target counts against: the changed image itself plus the catalog.
image_bytes=$(stat -c %s "$scratch/authoring/online-id/images/pin-letter.svg")
catalog_bytes=$(stat -c %s "$scratch/nginx/www/kiosk/index.json")

# What any `kiosk` command costs before it does anything: loading its libraries (SDL, ImGui,
# libcurl, SQLite …) and parsing the command line.
: >"$scratch/start"
for _ in $(seq "$runs"); do t0=$(now_ns); "$kiosk" --version >/dev/null; t1=$(now_ns); echo $(((t1 - t0) / 1000)) >>"$scratch/start"; done
start_us=$(median <"$scratch/start")

row() {  # $1 label, then the phase's medians
  local label=$1; shift
  read -r sync_us curl_us sync_req sync_bytes curl_req curl_bytes reported slo shi clo chi <<<"$*"
  awk -v l="$label" -v s="$sync_us" -v c="$curl_us" -v sr="$sync_req" -v sb="$sync_bytes" -v cr="$curl_req" -v cb="$curl_bytes" -v rb="$reported" \
    -v slo="$slo" -v shi="$shi" -v clo="$clo" -v chi="$chi" \
    'BEGIN {printf "%-34s %5d %9d %9d %5d %9d %9.1f %9.1f %7.1f   %5.0f-%-5.0f %5.0f-%.0f\n", l, sr, sb, rb, cr, cb, s / 1000, c / 1000, s / c, slo / 1000, shi / 1000, clo / 1000, chi / 1000}'
}
echo "sync benchmark: $packs sample packs, $("$nginx" -v 2>&1 | sed 's/.*: //') on 127.0.0.1 (deploy/nginx/kiosk-content.conf), $(curl --version | head -1 | cut -d' ' -f1-2),"
echo "$("$kiosk" --version 2>/dev/null | head -1), state in $(df -T /tmp | awk 'NR == 2 {print $2}') /tmp; medians of $runs runs, sync and curl alternating"
echo
printf '%-34s %5s %9s %9s %5s %9s %9s %9s %7s   %-11s %s\n' "" "sync" "" "reported" "curl" "" "sync" "curl" "ratio" "sync ms" "curl ms"
printf '%-34s %5s %9s %9s %5s %9s %9s %9s %7s   %-11s %s\n' "phase" "reqs" "bytes" "by sync" "reqs" "bytes" "ms" "ms" "s/c" "min-max" "min-max"
row "(a) initial sync, empty state" "$initial"
row "(b) one image changed, version+1" "$changed"
awk -v s="$start_us" 'BEGIN {printf "\nkiosk --version alone (process start, no sync): %.1f ms\n", s / 1000}'
echo "changed image $image_bytes bytes, catalog (index.json) $catalog_bytes bytes: (b) moves the whole pack's archive"
