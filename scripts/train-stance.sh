#!/usr/bin/env bash
# Retrains the claim/article stance weights that ship in
# analyzer/divergence/weights/stance.json (two-stage boosted trees: related, then
# refutes), from the FNC-1 TRAIN split only, with 5-fold cross-validation grouped by
# article (Body ID); the refutes stage's depth, class weight, tree count and the threshold
# are chosen by an inner grouped cross-validation inside each training part.
# Deterministic (no sampling, no threads): a rerun writes the same file. Usage: scripts/train-stance.sh [DATA_DIR (default ../shared/data)] ;
# then rebuild.
set -euo pipefail
cd "$(dirname "$0")/.."
DATA=${1:-../shared/data}
BUILD_DIR=${BUILD_DIR:-build}
"$BUILD_DIR/diverge" eval train-stance "$DATA/fnc1/train_stances.csv" --folds 5 \
  --out analyzer/divergence/weights/stance.json
