#!/usr/bin/env bash
# Builds the libFuzzer targets (clang, ASan + UBSan, coverage) and runs each for a
# fixed time, printing the executions and any crash. Crash inputs are copied to
# tests/data/robust/crashes/<target>/ so the ordinary test suite replays them.
#
#   scripts/fuzz.sh                  every target, FUZZ_SECONDS (default 180) each
#   scripts/fuzz.sh manifest segmenter   only these targets
# Environment: FUZZ_SECONDS, BUILD_DIR (default build-fuzz), FUZZ_JOBS (default 1).
set -euo pipefail
cd "$(dirname "$0")/.."
scripts/install-deps.sh
if ! command -v clang++ >/dev/null 2>&1; then
  SUDO=""
  [ "$(id -u)" -eq 0 ] || SUDO="sudo"
  echo "diverge: installing clang for the fuzz build" >&2
  $SUDO apt-get install -y -qq --no-install-recommends clang >/dev/null
fi

BUILD_DIR=${BUILD_DIR:-build-fuzz}
SECONDS_EACH=${FUZZ_SECONDS:-180}
CXX=clang++ cmake -S . -B "$BUILD_DIR" -G Ninja -DCMAKE_BUILD_TYPE=RelWithDebInfo \
  -DDIVERGE_BUILD_FUZZ=ON -DDIVERGE_BUILD_TESTS=OFF -DDIVERGE_BUILD_BENCH=OFF >/dev/null
all_targets=(corpus_txt corpus_html corpus_jsonl manifest segmenter model_vec model_dvec
  model_fasttext report_json)
targets=("$@")
[ ${#targets[@]} -gt 0 ] || targets=("${all_targets[@]}")
cmake --build "$BUILD_DIR" -j 2 --target "${targets[@]/#/fuzz_}"

export ASAN_OPTIONS=${ASAN_OPTIONS:-detect_leaks=1:allocator_may_return_null=1}
export UBSAN_OPTIONS=${UBSAN_OPTIONS:-print_stacktrace=1:halt_on_error=1}
status=0
printf '%-16s %8s %12s %10s %s\n' target seconds executions exec/s crashes
for t in "${targets[@]}"; do
  work="$BUILD_DIR/fuzz-work/$t"
  rm -rf "$work/artifacts"
  mkdir -p "$work/corpus" "$work/artifacts"
  # Seeds: small real inputs (fuzz/seeds) plus what earlier runs found interesting.
  cp -n fuzz/seeds/"$t"/* "$work/corpus/" 2>/dev/null || true
  log="$work/run.log"
  set +e
  jobs=()  # parallel workers write fuzz-<n>.log into the current directory
  [ "${FUZZ_JOBS:-1}" -le 1 ] || jobs=(-jobs="$FUZZ_JOBS" -workers="$FUZZ_JOBS")
  "$BUILD_DIR/fuzz/fuzz_$t" -max_total_time="$SECONDS_EACH" -max_len=16384 -timeout=10 \
    -rss_limit_mb=2048 "${jobs[@]}" -artifact_prefix="$work/artifacts/" -print_final_stats=1 \
    "$work/corpus" >"$log" 2>&1
  rc=$?
  set -e
  execs=$(grep -o 'stat::number_of_executed_units: *[0-9]*' "$log" | awk '{s+=$2} END {print s+0}')
  crashes=$(find "$work/artifacts" -type f | wc -l)
  printf '%-16s %8s %12s %10s %s\n' "$t" "$SECONDS_EACH" "$execs" \
    "$((execs / (SECONDS_EACH > 0 ? SECONDS_EACH : 1)))" "$crashes"
  if [ "$crashes" -gt 0 ] || [ "$rc" -ne 0 ]; then
    status=1
    mkdir -p "tests/data/robust/crashes/$t"
    find "$work/artifacts" -type f -exec cp {} "tests/data/robust/crashes/$t/" \;
    echo "  $t: exit $rc; inputs copied to tests/data/robust/crashes/$t/ (log: $log)" >&2
  fi
done
exit $status
