#!/usr/bin/env bash
# How the kiosk's cost grows with content (issue 9, item 5): packs of 10, 100, 1,000 and 10,000
# pages (with 10, 100, 1,000 and 2,000 pictures) made by make_scaled_pack.py, then for each the
# median of RUNS runs of
#   validate: `kiosk pack validate` of the pack (wall time and peak RSS);
#   open:     `kiosk screenshot --pack` of its start page: load every pack of the content folder,
#             open the pack, draw its start page headless and write the PNG (wall time, peak RSS).
# and per page the time, so a cost worse than linear shows as a growing "ms per page".
# Usage: tests/bench/content_scaling.sh [KIOSK_BINARY] [RUNS]   (no display needed)
set -euo pipefail
kiosk=${1:-build/release/bin/kiosk}
runs=${2:-3}
here=$(cd "$(dirname "$0")" && pwd)
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
median() { sort -n | awk '{a[NR]=$1} END {print (NR%2 ? a[(NR+1)/2] : (a[NR/2]+a[NR/2+1])/2)}'; }
# "<ms> <max RSS KiB>" of one run of the command, which must succeed.
measure() {
  local start end
  start=$(date +%s%N)
  /usr/bin/time -f '%M' -o "$work/rss" "$@" >/dev/null 2>"$work/err" || { cat "$work/err" >&2; exit 1; }
  end=$(date +%s%N)
  echo "$(( (end - start) / 1000000 )) $(cat "$work/rss")"
}

printf '%7s %7s | %9s %8s %8s | %9s %8s %8s\n' pages images "valid ms" "ms/page" "RSS MiB" "open ms" "ms/page" "RSS MiB"
for sizes in "10 10" "100 100" "1000 1000" "10000 2000"; do
  read -r pages images <<<"$sizes"
  content="$work/content-$pages"
  pack=$(python3 "$here/make_scaled_pack.py" "$content" "$pages" "$images")
  validate=() validateRss=() open=() openRss=()
  for _ in $(seq "$runs"); do
    read -r ms rss < <(measure "$kiosk" pack validate "$pack")
    validate+=("$ms") validateRss+=("$rss")
    read -r ms rss < <(SDL_VIDEODRIVER=dummy measure "$kiosk" --content "$content" --state "$work/state" \
                         screenshot --pack "scaled-$pages" --size 1920x1080 --out "$work/shot.png")
    open+=("$ms") openRss+=("$rss")
  done
  v=$(printf '%s\n' "${validate[@]}" | median) o=$(printf '%s\n' "${open[@]}" | median)
  vr=$(printf '%s\n' "${validateRss[@]}" | median) orss=$(printf '%s\n' "${openRss[@]}" | median)
  printf '%7d %7d | %9s %8.3f %8.1f | %9s %8.3f %8.1f\n' "$pages" "$images" "$v" "$(echo "$v / $pages" | bc -l)" \
    "$(echo "$vr / 1024" | bc -l)" "$o" "$(echo "$o / $pages" | bc -l)" "$(echo "$orss / 1024" | bc -l)"
  rm -rf "$content"
done
echo "medians of $runs runs; kiosk: $kiosk; $(nproc) cores; load average $(cut -d' ' -f1 /proc/loadavg)"
