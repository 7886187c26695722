#!/usr/bin/env bash
# Second README command: installs what the tests need, builds Lotse with AddressSanitizer and
# UndefinedBehaviorSanitizer, and runs the whole test suite: ctest, then each libFuzzer target for
# 20 seconds and its regression inputs (scripts/fuzz.sh, built with clang), then the browser quality
# gates on the sample site (tests/browser/run.sh: axe-core, vnu, links, phone layout, weight,
# keyboard, Content-Security-Policy in headless Chromium), whose last line is "browser: N passed, M
# failed"; then the hosting snippets of docs/hosting/ in nginx, Apache and Caddy (tests/hosting/run.sh)
# and the Debian package (tests/package/run.sh: its own Release folder build-package/, cpack, dpkg -x).
set -euo pipefail
cd "$(dirname "$0")/.."
scripts/install-deps.sh --browser --fuzz --hosting
cmake -S . -B build-test -G Ninja -DCMAKE_BUILD_TYPE=RelWithDebInfo -DLOTSE_SANITIZE=ON -DLOTSE_TESTS=ON
cmake --build build-test
export ASAN_OPTIONS=detect_leaks=1:abort_on_error=1 UBSAN_OPTIONS=print_stacktrace=1:halt_on_error=1
ctest --test-dir build-test --output-on-failure -j "$(nproc)"
scripts/fuzz.sh
bash tests/browser/run.sh build-test/lotse
bash tests/hosting/run.sh build-test/lotse
bash tests/package/run.sh
