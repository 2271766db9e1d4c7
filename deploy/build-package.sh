#!/usr/bin/env bash
# Builds the showroom-kiosk .deb for this machine's architecture: installs Debian packages, builds
# with the package preset (the ci flags, no tests, the config in /etc), packs with CPack. The last
# line of its output is the .deb's path, e.g. build/package/showroom-kiosk_0.2.0_amd64.deb.
# Install it with `apt install ./build/package/showroom-kiosk_*.deb` (README, "Deployment: a kiosk").
set -euo pipefail
cd "$(dirname "$0")/.."

deploy/install-deps.sh
cmake --preset package >/dev/null
cmake --build --preset package

version=$(sed -n 's/^CMAKE_PROJECT_VERSION:STATIC=//p' build/package/CMakeCache.txt)
deb="build/package/showroom-kiosk_${version}_$(dpkg --print-architecture).deb"
# An older .deb must not pass for this build's if CPack fails.
rm -f build/package/showroom-kiosk_*.deb
cpack --preset package >/dev/null
if [ ! -f "$deb" ]; then
  echo "build-package: cpack finished but wrote no $deb" >&2
  exit 1
fi
echo "build-package: built $deb ($(du -h "$deb" | cut -f1))" >&2
echo "$deb"
