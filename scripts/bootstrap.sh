#!/usr/bin/env bash
# First README command: installs what is missing, builds Lotse (Release) and writes the sample
# site (the repository's own content/, i18n/ and templates/) to public/.
set -euo pipefail
cd "$(dirname "$0")/.."
scripts/install-deps.sh
cmake -S . -B build -G Ninja -DCMAKE_BUILD_TYPE=Release -DLOTSE_TESTS=OFF
cmake --build build
build/lotse check .
build/lotse build . --out public
echo "open public/index.html in a browser, or serve public/ with any web server"
