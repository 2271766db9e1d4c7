#!/usr/bin/env bash
# Sets up everything and runs the kiosk, windowed, on the built-in sample content.
# Extra arguments go to the kiosk, e.g. deploy/run-sample.sh --lang en --size 1920x1080
set -euo pipefail
cd "$(dirname "$0")/.."

deploy/install-deps.sh
cmake --preset release >/dev/null
cmake --build --preset release

kiosk=build/release/bin/kiosk
if [ -z "${DISPLAY:-}" ] && [ -z "${WAYLAND_DISPLAY:-}" ]; then
  "$kiosk" screenshot --size 1920x1080 --out build/release/home.png >/dev/null 2>&1 || true
  cat >&2 <<MSG

This machine has no display (neither DISPLAY nor WAYLAND_DISPLAY is set), so the kiosk window
cannot open here. The kiosk is built; you can:

  * look at it as a picture:      $kiosk screenshot --pack address-change --out page.png
                                  (a picture of the home screen is already in build/release/home.png)
  * run it in a desktop session:  DISPLAY=:0 deploy/run-sample.sh   (or from a terminal on the desktop)
  * check it runs on a virtual display (draws 60 frames, then exits):
        xvfb-run -a -s '-screen 0 1920x1080x24' $kiosk --windowed --frames 60
MSG
  exit 4
fi
exec "$kiosk" --windowed "$@"
