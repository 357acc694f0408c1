#!/usr/bin/env bash
# Builds one folder holding the sample corpus and news-dev together (issue 17: "the sample
# corpus and news-dev analysed together"), for a check that mixed folders score as their
# parts. The sample's document ids collide with news-dev's (001-004), so its files and
# ids get an "s" prefix, and a copy of gold-dev.json names them so.
#
#   scripts/joint-corpus.sh DIR     # DIR/corpus (docs + manifest.tsv), DIR/gold-dev.json
#   build/diverge analyze DIR/corpus --out DIR/out
#   build/diverge eval gold DIR/out/report.json ../shared/corpora/news-dev/gold.json
#   build/diverge eval gold DIR/out/report.json DIR/gold-dev.json
#
# Reads ../shared (never copied into the repository); DIR should be outside it.
set -euo pipefail
cd "$(dirname "$0")/.."
dir=${1:?usage: scripts/joint-corpus.sh DIR}
nd=../shared/corpora/news-dev
seeds=../shared/seeds
[ -d "$nd" ] && [ -d "$seeds" ] || { echo "joint-corpus: ../shared not found" >&2; exit 4; }
rm -rf "$dir/corpus"
mkdir -p "$dir/corpus"
cp "$nd"/docs/* "$dir/corpus/"
cp "$nd/manifest.tsv" "$dir/corpus/manifest.tsv"
# Sample rows: id and file prefixed with "s", other columns as they are (columns in the
# order of news-dev's header, matched by name).
awk -F'\t' -v OFS='\t' '
  FNR == 1 { if (NR == 1) { for (i = 1; i <= NF; i++) col[$i] = i; n = NF; split($0, head, "\t") }
             else { for (i = 1; i <= NF; i++) src[$i] = i }
             next }
  NR != FNR { line = ""
              for (i = 1; i <= n; i++) {
                v = (head[i] in src) ? $(src[head[i]]) : ""
                if (head[i] == "id" || head[i] == "file") v = "s" v
                line = line (i > 1 ? OFS : "") v }
              print line }' "$nd/manifest.tsv" "$seeds/manifest.tsv" >> "$dir/corpus/manifest.tsv"
awk -F'\t' 'NR > 1 { print $2 }' "$seeds/manifest.tsv" | while read -r f; do
  cp "$seeds/$f" "$dir/corpus/s$f"
done
sed -E 's/"doc": *"([^"]*)"/"doc": "s\1"/g' "$seeds/gold-dev.json" > "$dir/gold-dev.json"
echo "joint corpus in $dir/corpus, sample gold with prefixed ids in $dir/gold-dev.json"
