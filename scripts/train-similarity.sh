#!/usr/bin/env bash
# Retrains the learned pair-similarity weights that ship in
# embeddings/weights/similarity.json, from TRAIN splits only (STS-B train, SICK train),
# with k-fold cross-validation choosing the regularisation and the number of boosted
# trees (see TrainSimilarityOptions::configs). Deterministic (fixed folds, no sampling).
# Usage: scripts/train-similarity.sh [DATA_DIR (default ../shared/data)] ; then rebuild.
set -euo pipefail
cd "$(dirname "$0")/.."
DATA=${1:-../shared/data}
BUILD_DIR=${BUILD_DIR:-build}
"$BUILD_DIR/diverge" eval train-sim "$DATA/stsb/sts-train.csv" "$DATA/sick/SICK_train.txt" \
  --folds 3 --out embeddings/weights/similarity.json
