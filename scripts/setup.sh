#!/usr/bin/env bash
# Installs (idempotently) every Debian package Strata needs, then configures and builds a
# Release build in build/. Safe to run again: packages already present are skipped, and
# the build is incremental.
#
#   scripts/setup.sh            install missing packages, configure, build (Release)
#   scripts/setup.sh --deps     install missing packages only
#   BUILD_DIR=... BUILD_TYPE=... CMAKE_ARGS=... scripts/setup.sh   override the build
set -euo pipefail
here=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)

packages=(
  cmake ninja-build pkg-config gcc g++ clang make git
  llvm-19-dev libzstd-dev libgccjit-12-dev libjemalloc-dev libbenchmark-dev
  valgrind hyperfine binutils
  python3 python3-numpy python3-scipy python3-matplotlib
  nodejs
)

missing=()
for p in "${packages[@]}"; do
  # nodejs: any node on PATH will do (the peer engine for benchmarks and test oracles).
  if [ "$p" = nodejs ] && command -v node >/dev/null 2>&1; then continue; fi
  if ! dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q "install ok installed"; then
    missing+=("$p")
  fi
done

if [ ${#missing[@]} -gt 0 ]; then
  echo "setup: installing ${missing[*]}"
  sudo=""
  if [ "$(id -u)" != 0 ]; then sudo="sudo"; fi
  $sudo apt-get update -qq
  DEBIAN_FRONTEND=noninteractive $sudo apt-get install -y -qq --no-install-recommends "${missing[@]}"
fi

if [ "${1:-}" = "--deps" ]; then exit 0; fi

build_dir=${BUILD_DIR:-$here/build}
build_type=${BUILD_TYPE:-Release}
if [ ! -f "$build_dir/build.ninja" ]; then
  cmake -S "$here" -B "$build_dir" -G Ninja -DCMAKE_BUILD_TYPE="$build_type" ${CMAKE_ARGS:-}
fi
cmake --build "$build_dir"
