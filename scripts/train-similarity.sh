#!/usr/bin/env bash
# Retrains the learned pair-similarity weights that ship in
# embeddings/weights/similarity.json, from TRAIN splits only (STS-B train, SICK train),
# with k-fold cross-validation choosing the regularisation and the boosted trees (count,
# depth, shrinkage, leaf size; see TrainSimilarityOptions::configs) by the mean over the
# two files of the within-file CV Spearman. Deterministic (fixed folds, no sampling).
# Uses WordNet (wordnet-base) for the word-relation features: install it first.
# Takes about 4 minutes on 2 cores. Usage:
#   scripts/train-similarity.sh [DATA_DIR (default ../shared/data)] ; then rebuild.
set -euo pipefail
cd "$(dirname "$0")/.."
DATA=${1:-../shared/data}
BUILD_DIR=${BUILD_DIR:-build}
"$BUILD_DIR/diverge" eval train-sim "$DATA/stsb/sts-train.csv" "$DATA/sick/SICK_train.txt" \
  --folds 3 --out embeddings/weights/similarity.json
