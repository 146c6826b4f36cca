#!/usr/bin/env bash
# SPDX-License-Identifier: MIT
# The README's first command: set up, build, and run the main job on the embedded default
# (a digits-quick search: the UCI digits set ships inside the program, no download).
set -euo pipefail
cd "$(dirname "$0")/.."
./scripts/setup.sh
exec ./build/bin/sparsenas search --preset digits-quick "$@"
