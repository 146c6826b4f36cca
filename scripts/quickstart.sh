#!/usr/bin/env bash
# SPDX-License-Identifier: MIT
# The README's first command: set up, build, and start the studio on the embedded default preset
# (digits-quick: the UCI digits set ships inside the program, no download), searching at once.
# Without a display (ssh, a container) it runs the same search in the headless CLI instead.
set -euo pipefail
cd "$(dirname "$0")/.."
./scripts/setup.sh
if [[ -n "${DISPLAY:-}${WAYLAND_DISPLAY:-}" ]]; then
    exec ./build/bin/sparsenas-studio --preset digits-quick --start --runs runs "$@"
fi
echo "quickstart: no display found; running the digits-quick search in the CLI instead" >&2
exec ./build/bin/sparsenas search --preset digits-quick "$@"
