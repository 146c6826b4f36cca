#!/usr/bin/env bash
# SPDX-License-Identifier: MIT
# Installs what SparseNAS Studio needs on Debian 12 / Ubuntu 24.04 (skips what is present)
# and builds the project in Release into build/. libopenblas0-openmp replaces the reference
# BLAS that Debian's LibTorch would otherwise run its matrix products on (OpenMP matches
# LibTorch's own parallel backend). file (CPack's shared-library dependencies), lintian,
# bash-completion and zsh are for the packaging tests (tests/packaging), which skip what is
# missing. Extra CMake arguments: SPARSENAS_CMAKE_ARGS.
set -euo pipefail
cd "$(dirname "$0")/.."

PKGS=(build-essential cmake ninja-build pkg-config
      qt6-base-dev qt6-svg-dev qt6-tools-dev qt6-tools-dev-tools qt6-l10n-tools
      libqt6svg6 qt6-translations-l10n
      libtorch-dev libopenblas0-openmp libgloo-dev
      libqcustomplot-dev libgraphviz-dev graphviz libcairo2-dev
      nlohmann-json3-dev libcli11-dev zlib1g-dev
      clang-format
      dataset-fashion-mnist
      file lintian bash-completion zsh)

missing=()
for p in "${PKGS[@]}"; do
  dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q "install ok installed" || missing+=("$p")
done
if [ ${#missing[@]} -gt 0 ]; then
  SUDO=""
  [ "$(id -u)" -ne 0 ] && SUDO="sudo"
  echo "setup: installing ${missing[*]}"
  $SUDO apt-get update -qq
  DEBIAN_FRONTEND=noninteractive $SUDO apt-get install -y -qq --no-install-recommends "${missing[@]}"
fi

JOBS=${JOBS:-$(nproc)}
cmake -S . -B build -G Ninja -DCMAKE_BUILD_TYPE=Release ${SPARSENAS_CMAKE_ARGS:-}
cmake --build build -j "$JOBS"
