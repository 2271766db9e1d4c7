#!/usr/bin/env bash
# Sets up everything and runs every test: installs Debian packages, builds with the ci preset
# (warnings are errors in our code), runs CTest. This is the README's test command and what CI runs.
set -euo pipefail
cd "$(dirname "$0")/.."

deploy/install-deps.sh
cmake --preset ci
cmake --build --preset ci
ctest --preset ci
