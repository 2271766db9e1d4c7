#!/usr/bin/env bash
# Checks every unit in deploy/systemd with `systemd-analyze verify`, and that the units name each
# other correctly. Then it breaks copies on purpose and checks that each mistake is caught, so a
# harness that passes everything cannot go unnoticed.
#
#   verify_units.sh UNIT_DIR KIOSK_BIN
#
# verify wants every ExecStart=… binary to exist. The units name /usr/bin/kiosk, which exists only
# where the package is installed: they are checked as copies with that one path pointed at the
# build's KIOSK_BIN. Every other binary (cage, busctl, systemctl, sh) must exist on this machine, as
# on a kiosk. verify exits with 0 even for an unknown key or a value it cannot parse (it prints
# "…, ignoring."), so any line it prints about our units counts as a failure too.
set -u

unit_dir=$1
kiosk_bin=$2

if ! command -v systemd-analyze >/dev/null; then
  echo "verify_units: systemd-analyze is missing (package systemd; deploy/install-deps.sh installs it)" >&2
  exit 1
fi

work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT

# Copies the units into folder $1 with /usr/bin/kiosk pointed at the build's binary.
copy_units() {
  mkdir -p "$1"
  cp "$unit_dir"/*.service "$unit_dir"/*.timer "$1"/
  sed -i "s#/usr/bin/kiosk\\( \\|\$\\)#${kiosk_bin}\\1#g" "$1"/*.service
}

# Prints the problems of every unit in folder $1; returns 1 when there is any.
problems_in() {
  local dir=$1 found=0 unit output code names ours
  names=$(for unit in "$dir"/*.service "$dir"/*.timer; do basename "$unit"; done | sed 's/\./\\./g' | paste -sd'|')
  for unit in "$dir"/*.service "$dir"/*.timer; do
    # --man=no: Documentation=man:cage(1) is cage's page, and minimal systems have no man pages.
    # --recursive-errors=no: only the unit's own problems, not those of the system's units it
    # orders itself after (getty@.service …), which are not ours to fix.
    output=$(systemd-analyze verify --man=no --recursive-errors=no "$unit" 2>&1)
    code=$?
    ours=$(printf '%s\n' "$output" | grep -E -- "$dir|^($names)" || true)
    if [ "$code" -ne 0 ] || [ -n "$ours" ]; then
      printf '%s: systemd-analyze verify exited with %d:\n%s\n' "$(basename "$unit")" "$code" "$output"
      found=1
    fi
  done
  # OnFailure=, Conflicts=, a `systemctl start` in a command: a misspelt name of one of our units
  # is no error to systemd (a unit that does not exist is simply never started).
  local name
  for name in $(grep -ohE '\b(showroom-kiosk[a-z-]*|kiosk-[a-z-]+)\.(service|timer)\b' "$dir"/* | sort -u); do
    if [ ! -f "$dir/$name" ]; then
      echo "a unit names $name, which is not in $unit_dir"
      found=1
    fi
  done
  # After=/Before= among our units must not form a cycle (the kiosk units order themselves after
  # the fallback so that a conflicting stop finishes before a start; the other direction as well
  # would be a cycle, which verify does not notice and systemd breaks at run time by dropping a job).
  local edges loop
  edges=$(for unit in "$dir"/*.service "$dir"/*.timer; do
            awk -v self="$(basename "$unit")" -F= '
              $1 == "After"  { n = split($2, names, " "); for (i = 1; i <= n; i++) print names[i], self }
              $1 == "Before" { n = split($2, names, " "); for (i = 1; i <= n; i++) print self, names[i] }' "$unit"
          done | grep -E "^($names) ($names)\$")
  if [ -n "$edges" ] && ! loop=$(tsort <<<"$edges" 2>&1 >/dev/null); then
    echo "the units' After=/Before= form a cycle: $loop"
    found=1
  fi
  return $found
}

copy_units "$work/units"
for unit in "$work/units"/*.service; do
  if grep -q '/usr/bin/kiosk' "$unit"; then
    echo "verify_units: $(basename "$unit") still names /usr/bin/kiosk after the rewrite" >&2
    exit 1
  fi
done

if ! problems_in "$work/units"; then
  echo "verify_units: FAILED: the units in $unit_dir have the problems above" >&2
  exit 1
fi
verified=("$work/units"/*)
echo "verify_units: ${#verified[@]} units verified: ${verified[*]##*/}"

# The harness itself: each of these mistakes must be reported.
status=0
check_caught() {
  local what=$1 unit=$2 expression=$3 dir
  dir="$work/broken-$(echo "$what" | tr -c 'a-z0-9' '-')"
  copy_units "$dir"
  sed -i "$expression" "$dir/$unit"
  if cmp -s "$dir/$unit" "$work/units/$unit"; then
    echo "verify_units: the mistake '$what' could not be made in $unit (sed '$expression' changed nothing)" >&2
    status=1
  elif problems_in "$dir" >/dev/null; then
    echo "verify_units: FAILED: the mistake '$what' in $unit went unnoticed" >&2
    status=1
  else
    echo "verify_units: caught, as it should be: $what"
  fi
}
check_caught "a misspelt key" showroom-kiosk.service 's/^Restart=always/Restat=always/'
check_caught "a value systemd cannot parse" showroom-kiosk.service 's/^WatchdogSec=30/WatchdogSec=thirty/'
check_caught "a binary that does not exist" showroom-kiosk.service 's#/usr/bin/cage #/usr/bin/cage-missing #'
check_caught "a misspelt fallback unit" showroom-kiosk.service 's/^OnFailure=showroom-kiosk-fallback.service/OnFailure=showroom-kiosk-fallbak.service/'
check_caught "an ordering cycle" showroom-kiosk-fallback.service 's/^After=getty@tty7.service$/After=getty@tty7.service showroom-kiosk.service/'
exit $status
