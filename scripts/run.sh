#!/usr/bin/env bash
# The README's two commands: installs what is missing, configures, builds, then
#   scripts/run.sh demo   analyzes the sample corpus with the default model
#   scripts/run.sh test   runs the whole test suite
#   scripts/run.sh odr    links the diverge binary and the test runner with -flto and
#                         One Definition Rule violations as errors (DIVERGE_ODR_CHECK), in
#                         build-odr/ without optimisation or debug info (CI runs it)
# Environment: BUILD_DIR (default build), CMAKE_ARGS (extra configure flags).
set -euo pipefail
cd "$(dirname "$0")/.."
what=${1:-}
case "$what" in demo|test|build|odr) ;; *) echo "usage: scripts/run.sh demo|test|build|odr" >&2; exit 2 ;; esac

scripts/install-deps.sh
if [ "$what" = odr ]; then
  BUILD_DIR=${BUILD_DIR:-build-odr}
  # shellcheck disable=SC2086
  cmake -S . -B "$BUILD_DIR" -G Ninja -DCMAKE_BUILD_TYPE=None -DDIVERGE_ODR_CHECK=ON \
    -DDIVERGE_BUILD_BENCH=OFF ${CMAKE_ARGS:-} >/dev/null
  cmake --build "$BUILD_DIR" -j "$(nproc)" --target diverge diverge_tests
  echo "diverge: no One Definition Rule violation in diverge and diverge_tests"
  exit 0
fi
BUILD_DIR=${BUILD_DIR:-build}
# shellcheck disable=SC2086
cmake -S . -B "$BUILD_DIR" -G Ninja -DCMAKE_BUILD_TYPE=RelWithDebInfo ${CMAKE_ARGS:-} >/dev/null
cmake --build "$BUILD_DIR" -j "$(nproc)"
scripts/fetch-model.sh "$BUILD_DIR/diverge"

case "$what" in
  demo)
    "$BUILD_DIR/diverge" analyze corpus/csto --out out/csto
    echo "diverge: report written to $(pwd)/out/csto/report.md (also report.html, report.json)"
    ;;
  test)
    ctest --test-dir "$BUILD_DIR" --output-on-failure -j "$(nproc)"
    ;;
esac
