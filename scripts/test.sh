#!/usr/bin/env bash
# SPDX-License-Identifier: MIT
# The README's second command: set up, build, and run the whole test suite through ctest.
# Tests run one at a time: each uses every core (LibTorch + OpenMP), and OpenMP threads of two
# processes competing for two cores slow both down many times over.
set -euo pipefail
cd "$(dirname "$0")/.."
./scripts/setup.sh
cd build
ctest --output-on-failure --timeout 1200 "$@"
