#!/usr/bin/env bash
# Installs every Debian 12 package that building, testing and running the kiosk needs.
# Idempotent: when everything is present it only checks (a second run takes about a second).
set -euo pipefail

packages=(
  # build
  cmake ninja-build g++ pkg-config
  # the product's libraries (DESIGN.md §9)
  libsdl2-dev libsdl2-image-dev libimgui-dev libfreetype-dev libtomlplusplus-dev libcli11-dev
  libcurl4-openssl-dev libmd4c-dev libqrencode-dev nlohmann-json3-dev libsodium-dev libarchive-dev
  # zlib's crc32() checks a pack archive's gzip trailer, which libarchive 3.6 skips
  zlib1g-dev
  # the usage log (SQLite through SQLiteCpp; libsqlite3-dev comes with it)
  libsqlitecpp-dev
  # the systemd watchdog: sd_notify pings from the frame loop (DESIGN.md §9)
  libsystemd-dev
  # speech output (DESIGN.md §9): espeak-ng's library and its voices (libespeak-ng1 pulls in
  # espeak-ng-data anyway; named because the kiosk needs its de, en and uk voices)
  libespeak-ng-dev espeak-ng-data
  # video (DESIGN.md §9): FFmpeg's libraries; `kiosk pack validate` probes a pack's clips with
  # libavformat, the player decodes them (H.264 and VP9 in software, see content/FORMAT.md)
  libavformat-dev libavcodec-dev libavutil-dev libswscale-dev libswresample-dev
  # the opening hours are local time, daylight saving included
  tzdata
  # fonts (Latin with umlauts and ß, Cyrillic)
  fonts-noto-core
  # the .deb (deploy/build-package.sh): dpkg-shlibdeps computes its library dependencies
  dpkg-dev
  # CI builds the package after the ci build with the same flags: ccache hands it the ci build's
  # objects, so only the files that see the package's config path compile again (deploy/run-tests.sh)
  ccache
  # tests: tests/package lints the .deb's maintainer scripts; adduser and passwd (both in a
  # standard Debian, listed for minimal images) are copied into the root it installs the .deb into
  shellcheck adduser passwd
  # tests: doctest, and a virtual X display for the windowed smoke test
  doctest-dev xvfb xauth
  # tests: the libFuzzer harnesses of tests/fuzz (tests/fuzz/run-fuzzers.sh, the fuzz preset): clang
  # and its runtime libraries (libFuzzer, ASan, UBSan for clang)
  clang libclang-rt-14-dev
  # benchmarks: tests/bench/screen_poller.cpp grabs the X screen (Xlib, and MIT-SHM from libXext) to time
  # when the kiosk and its references become visible (both come with libsdl2-dev; named because we use them)
  libx11-dev libxext-dev
  # tests: the real server for the net tests (nginx-light has the WebDAV module the upload uses)
  nginx-light
  # tests: a certificate for the https tests of the sync's transport
  openssl
  # tests: tests/core makes its test clips (H.264, VP9, cut off, too large) with the ffmpeg command
  # (and tests/platform the decoder's: 2 s clips to count frames, seek and cut in half)
  ffmpeg
  # tests: tests/faults fails one write, fsync, rename or allocation at a time through libfiu's
  # POSIX preload (libfiu0, which libfiu-dev brings with the header the control library needs)
  libfiu-dev
  # tests: the editor schemas are checked against the sample content
  python3-jsonschema
  # tests: tests/deploy checks the units in deploy/systemd (systemd-analyze; minimal images have no
  # systemd) and runs the kiosk under cage, headless, as the service does: cage, grim for a
  # screenshot of its output, xwayland (cage 0.1.4 refuses to start without it), and Mesa's EGL and
  # software driver (llvmpipe), through which SDL draws on Wayland where there is no GPU
  systemd cage grim xwayland libegl-mesa0 libgl1-mesa-dri
)

missing=()
for p in "${packages[@]}"; do
  status=$(dpkg-query -W -f='${db:Status-Status}' "$p" 2>/dev/null || true)
  [ "$status" = "installed" ] || missing+=("$p")
done

if [ ${#missing[@]} -eq 0 ]; then
  echo "install-deps: all ${#packages[@]} packages are installed."
  exit 0
fi

sudo=""
if [ "$(id -u)" -ne 0 ]; then
  if command -v sudo >/dev/null; then sudo="sudo"; else
    echo "install-deps: need root to install: ${missing[*]}" >&2
    echo "install-deps: run this script as root, or install sudo." >&2
    exit 1
  fi
fi

echo "install-deps: installing ${missing[*]}"
export DEBIAN_FRONTEND=noninteractive
# nginx-light is only for the tests, which start their own on a free port: its package must not
# start a system nginx on port 80 (and fail the install where that port is taken or there is no
# init system). A policy-rc.d that says "no" keeps services from starting during the install.
policy=/usr/sbin/policy-rc.d
if [ ! -e "$policy" ]; then
  printf '#!/bin/sh\nexit 101\n' | $sudo tee "$policy" >/dev/null
  $sudo chmod 755 "$policy"
  trap '$sudo rm -f "$policy"' EXIT
fi
$sudo apt-get update -qq
$sudo apt-get install -y -qq --no-install-recommends "${missing[@]}"
echo "install-deps: done."
