#!/usr/bin/env bash
# The macro benchmark and its peers (bench/README.md). Heavy (hours on 2 cores, up to
# several GiB RAM): NOT part of `scripts/run.sh test`.
#   scripts/bench-macro.sh                 # everything, results in bench/results/
#   ANALYZE_SIZES="10000" SIZES="10000" PEER_N=10000 SKLEARN_SIZES="2000 5000" \
#     scripts/bench-macro.sh               # quick
# Env: DIVERGE_DATA (default ../shared/data), ANALYZE_SIZES (synthetic sizes of the analyze
# configuration), REAL (real corpora), SIZES (component configuration), PEER_N,
# SKLEARN_SIZES, BUILD (build).
# Installs python3-sklearn, python3-torch, python3-faiss, python3-scipy with apt-get when
# missing (needs root or sudo). Peers run with /usr/bin/python3 (Debian's packages).
set -euo pipefail
cd "$(dirname "$0")/.."
DATA=${DIVERGE_DATA:-../shared/data}
SIZES=${SIZES:-"10000 100000 1000000"}
ANALYZE_SIZES=${ANALYZE_SIZES:-"10000 100000"}
REAL=${REAL:-"fnc1 basil allsides hostile"}
PEER_N=${PEER_N:-50000}
SKLEARN_SIZES=${SKLEARN_SIZES:-"5000 10000 20000"}
BUILD=${BUILD:-build}
OUT=bench/results
TMP=$(mktemp -d)
trap 'rm -rf "$TMP"' EXIT
PY=/usr/bin/python3

missing=()
for p in python3-numpy python3-scipy python3-sklearn python3-torch python3-faiss; do
  status=$(dpkg-query -W -f='${db:Status-Status}' "$p" 2>/dev/null || true)
  [ "$status" = "installed" ] || missing+=("$p")
done
if [ ${#missing[@]} -gt 0 ]; then
  SUDO=""
  [ "$(id -u)" -eq 0 ] || SUDO="sudo"
  echo "bench-macro: installing ${missing[*]}" >&2
  $SUDO apt-get update -qq
  DEBIAN_FRONTEND=noninteractive $SUDO apt-get install -y -qq --no-install-recommends "${missing[@]}" >/dev/null
fi
[ -d "$BUILD" ] || cmake -S . -B "$BUILD" -G Ninja -DCMAKE_BUILD_TYPE=RelWithDebInfo
cmake --build "$BUILD" -j2 --target macro_bench
mkdir -p "$OUT"
MACRO="$BUILD/bench/macro_bench --data $DATA"

# 0. The analyze configuration: Analyze() end to end (what `diverge analyze` runs, default
#    options) on the real corpora as they are and on synthetic corpora; per stage wall,
#    CPU, peak RSS. A corpus whose data is absent is skipped (exit 77).
for c in $REAL; do
  rc=0
  $MACRO --corpus "$c" --out "$OUT/analyze_$c.json" >/dev/null || rc=$?
  [ $rc -eq 0 ] || [ $rc -eq 77 ] || exit $rc
done
for n in $ANALYZE_SIZES; do
  $MACRO --statements "$n" --out "$OUT/analyze_synthetic_$n.json" >/dev/null
done
MACRO="$MACRO --config stages"

# 1. Threshold for the cosine-based clusterers, tuned on 10k rows (each peer's best F1 on
#    a grid; the sklearn-best value is used by every cosine clusterer, diverge's too).
$MACRO --statements 10000 --no-divergence --recall-queries 0 --vectors "$TMP/v10k.npy" >/dev/null
$PY bench/peers/peers.py "$TMP/v10k.npy" --tune >"$OUT/peers_tuning.json"
T=$($PY -c "import json,sys; print(json.load(open(sys.argv[1]))['sklearn']['threshold'])" "$OUT/peers_tuning.json")
echo "bench-macro: cosine threshold $T" >&2

# 2. diverge at each size: the analyze configuration (learned pair score, 0.70) and the
#    cosine configuration (the peers' score and threshold). One process per run: own peak RSS.
for n in $SIZES; do
  $MACRO --statements "$n" --out "$OUT/macro_learned_$n.json" >/dev/null
  $MACRO --statements "$n" --score cosine --threshold "$T" --no-divergence \
    --out "$OUT/macro_cosine_$n.json" >/dev/null
done
$MACRO --statements "$PEER_N" --recall-queries 0 --out "$OUT/macro_learned_$PEER_N.json" >/dev/null

# 3. Peers on the same vectors (diverge's embedding of the same synthetic corpus); F1 of
#    every tool on the same rows. sklearn's average linkage needs the n^2/2 condensed
#    distance matrix (float64): measured at SKLEARN_SIZES and extrapolated to PEER_N with a
#    fitted a*n^2 (summarize.py); community detection and FAISS run at PEER_N too.
: >"$OUT/peers.jsonl"
for n in $SKLEARN_SIZES $PEER_N; do
  $MACRO --statements "$n" --score cosine --threshold "$T" --no-divergence --recall-queries 0 \
    --vectors "$TMP/v$n.npy" --out "$OUT/macro_cosine_$n.json" >/dev/null
  peers="community faiss"
  [ "$n" = "$PEER_N" ] || peers="sklearn community faiss"
  for peer in $peers; do
    $PY bench/peers/peers.py "$TMP/v$n.npy" --peer $peer --threshold "$T" >>"$OUT/peers.jsonl"
  done
  rm -f "$TMP/v$n.npy"
done

# 4. Summary table and plot.
$PY bench/peers/summarize.py "$OUT" --peer-n "$PEER_N"
