#!/usr/bin/env bash
# Installs the Debian 12 packages Lotse needs to build and test; installs nothing already there.
#   scripts/install-deps.sh [--browser] [--fuzz] [--hosting] [MORE_PACKAGES...]
# --browser adds what the browser test stage (tests/browser/) needs: Chromium, a Java runtime
# for vnu, the fonts the stylesheet names (Noto, DejaVu: Latin, Cyrillic, Arabic script),
# pdftotext (poppler-utils) for the print gate, and Node.js with npm when no npm is on PATH. The
# stage's npm packages are pinned in tests/browser/package-lock.json and installed by
# tests/browser/run.sh with `npm ci`.
# --fuzz adds clang and libFuzzer for the fuzz targets (scripts/fuzz.sh).
# --hosting adds the web servers of docs/hosting/ (nginx, Apache, Caddy), rsync and curl for
# tests/hosting/run.sh, and lintian for tests/package/run.sh.
set -euo pipefail
packages=(
  g++ cmake ninja-build pkg-config
  libyaml-cpp-dev libicu-dev icu-devtools libcmark-dev libkainjow-mustache-dev
  libcli11-dev nlohmann-json3-dev libical-dev libjemalloc-dev libpugixml-dev
  libxml2-utils libcpp-httplib-dev libxlsxwriter-dev libminizip-dev libqrencode-dev libssl-dev
  googletest libgtest-dev
)
for arg in "$@"; do
  case "$arg" in
    --browser)
      packages+=(chromium default-jre-headless fonts-noto-core fonts-dejavu-core ca-certificates poppler-utils)
      command -v npm >/dev/null 2>&1 || packages+=(nodejs npm)
      ;;
    --fuzz) packages+=(clang libfuzzer-14-dev) ;;
    --hosting) packages+=(nginx apache2 caddy rsync curl lintian man-db) ;;
    *) packages+=("$arg") ;;
  esac
done
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
