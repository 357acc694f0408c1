#!/usr/bin/env bash
# Renders the README pictures with headless Chromium (scripts/install-deps.sh installs
# it): the report of the sample corpus (corpus/csto) and the review page of
# `diverge serve` on it, as docs/img/report.png and docs/img/review.png. Run it from any
# directory after building (build/diverge, or set DIVERGE) and commit the
# PNGs whenever the report or the review page changes. Each picture is one window
# (report 1100 x 1500 CSS pixels: summary, kinds and the matrix; review page 1100 x 900),
# so each stays well under 300 KB.
#
#   scripts/screenshots.sh            # writes docs/img/report.png, docs/img/review.png
#   DIVERGE=/path/to/diverge CHROMIUM=/usr/bin/chromium scripts/screenshots.sh
set -euo pipefail

root=$(cd "$(dirname "$0")/.." && pwd)
diverge=${DIVERGE:-$root/build/diverge}
chromium=${CHROMIUM:-/usr/bin/chromium}
img=$root/docs/img
for exe in "$diverge" "$chromium"; do
  [[ -x $exe ]] || { echo "screenshots.sh: $exe not found (build first; scripts/install-deps.sh)" >&2; exit 2; }
done
mkdir -p "$img"
work=$(mktemp -d)
serve_pid=
cleanup() {
  [[ -n $serve_pid ]] && kill "$serve_pid" 2>/dev/null && wait "$serve_pid" 2>/dev/null
  rm -rf "$work"
}
trap cleanup EXIT

# Chromium, headless, one screenshot of `url` into `png`. The virtual time budget lets
# the review page's script run (filters, counts) before the picture is taken.
shoot() {
  local url=$1 png=$2 height=$3
  "$chromium" --headless --no-sandbox --disable-gpu --disable-dev-shm-usage --no-first-run \
    --disable-background-networking --disable-component-update --disable-sync \
    --hide-scrollbars --force-device-scale-factor=1 --window-size=1100,"$height" \
    --virtual-time-budget=3000 --user-data-dir="$work/profile" \
    --screenshot="$png" "$url" >/dev/null 2>&1
  [[ -s $png ]] || { echo "screenshots.sh: chromium wrote no $png" >&2; exit 1; }
  echo "$png: $(stat -c %s "$png") bytes"
}

# The report, analysed in a copy of the sample corpus so its links stay inside $work.
cp -r "$root/corpus/csto" "$work/csto"
(cd "$work" && "$diverge" analyze csto --out out -q >/dev/null)
shoot "file://$work/out/report.html" "$img/report.png" 1500

# The review page: `diverge serve` on a free port, its first line names the URL.
"$diverge" serve "$work/out" --port 0 --reviewer readme >"$work/serve.log" 2>&1 &
serve_pid=$!
url=
for _ in $(seq 100); do
  line=$(head -n 1 "$work/serve.log" 2>/dev/null || true)
  if [[ $line == "serving http://"* ]]; then url=${line#serving }; url=${url%% *}; break; fi
  sleep 0.1
done
[[ -n $url ]] || { echo "screenshots.sh: diverge serve did not start" >&2; cat "$work/serve.log" >&2; exit 1; }
shoot "$url" "$img/review.png" 900
