#!/usr/bin/env bash
# Installs the Debian 12 packages Lotse needs to build and test; installs nothing already there.
set -euo pipefail
packages=(
  g++ cmake ninja-build pkg-config
  libyaml-cpp-dev libicu-dev icu-devtools libcmark-dev libkainjow-mustache-dev
  libcli11-dev nlohmann-json3-dev libical-dev
  googletest libgtest-dev
)
packages+=("$@")
missing=()
for p in "${packages[@]}"; do
  dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q "install ok installed" || missing+=("$p")
done
[ ${#missing[@]} -eq 0 ] && exit 0
as_root=()
[ "$(id -u)" -eq 0 ] || as_root=(sudo)
echo "installing: ${missing[*]}"
"${as_root[@]}" apt-get update -qq
DEBIAN_FRONTEND=noninteractive "${as_root[@]}" apt-get install -y -qq --no-install-recommends "${missing[@]}"
