#!/usr/bin/env bash
# Browser quality gates: builds the sample site with a built lotse (--date 2026-11-22) into a
# temporary folder, serves it on 127.0.0.1 and checks it in headless Chromium and with vnu
# (see tests/browser/README.md). scripts/test.sh runs this after ctest.
#
#   tests/browser/run.sh [LOTSE_BINARY]     default: build-test/lotse, else build/lotse
#   BROWSER_SCREENSHOTS=DIR                 where the screenshots go (default build-test/browser-screenshots)
#   BROWSER_SITE=DIR                        check this already built site instead of building one
#
# Needs /usr/bin/chromium, java and node/npm (scripts/install-deps.sh --browser installs them);
# a missing one fails the stage, it is never skipped. Last line: "browser: N passed, M failed".
set -euo pipefail
here="$(cd "$(dirname "$0")" && pwd)"
repo="$(cd "$here/../.." && pwd)"

fail() {
  echo "browser: ERROR: $*" >&2
  echo "browser: 0 passed, 1 failed"
  exit 1
}

lotse="${1:-}"
if [ -z "$lotse" ]; then
  for c in "$repo/build-test/lotse" "$repo/build/lotse"; do
    if [ -x "$c" ]; then lotse="$c"; break; fi
  done
fi
[ -x /usr/bin/chromium ] || fail "/usr/bin/chromium is missing: run scripts/install-deps.sh --browser"
command -v java >/dev/null 2>&1 || fail "java is missing (vnu needs it): run scripts/install-deps.sh --browser"
java -version >/dev/null 2>&1 || fail "java does not run: $(java -version 2>&1 | head -1)"
command -v node >/dev/null 2>&1 || fail "node is missing: run scripts/install-deps.sh --browser"
command -v npm >/dev/null 2>&1 || fail "npm is missing: run scripts/install-deps.sh --browser"
command -v pdftotext >/dev/null 2>&1 || fail "pdftotext is missing (the print gate reads the PDF with it): run scripts/install-deps.sh --browser"
node_major="$(node -p 'process.versions.node.split(".")[0]')"
[ "$node_major" -ge 18 ] || fail "node $(node --version) is too old (18 or newer needed)"

# The npm packages are pinned by package-lock.json; install them again only when it changed.
# --ignore-scripts: no install script may download anything (vnu-jar's would fetch a JDK).
stamp="$here/node_modules/.lotse-package-lock.json"
if ! cmp -s "$here/package-lock.json" "$stamp"; then
  echo "browser: npm ci in tests/browser"
  (cd "$here" && npm ci --ignore-scripts --no-audit --no-fund --loglevel=error) || fail "npm ci failed in tests/browser"
  cp "$here/package-lock.json" "$stamp"
fi

work="$(mktemp -d "${TMPDIR:-/tmp}/lotse-browser.XXXXXX")"
trap 'rm -rf "$work"' EXIT

site="${BROWSER_SITE:-}"
if [ -z "$site" ]; then
  [ -n "$lotse" ] && [ -x "$lotse" ] || fail "no lotse binary: build first (build-test/ or build/) or pass its path"
  site="$work/site"
  echo "browser: $lotse build $repo --out $site --date 2026-11-22"
  if ! "$lotse" build "$repo" --out "$site" --date 2026-11-22 >"$work/build.log" 2>&1; then
    cat "$work/build.log" >&2
    fail "lotse build failed"
  fi
  tail -n 1 "$work/build.log"
fi

# The sample with Tigrinya added, a language without a catalog, for the languages check.
ti_site="${BROWSER_TI_SITE:-}"
if [ -z "$ti_site" ]; then
  [ -n "$lotse" ] && [ -x "$lotse" ] || fail "no lotse binary: build first (build-test/ or build/) or pass its path"
  mkdir -p "$work/ti"
  cp -r "$repo/content" "$work/ti/content"
  sed -i 's/^languages: \[\(.*\)\]$/languages: [\1, ti]/' "$work/ti/content/site.yaml"
  grep -q '^languages: \[.*, ti\]$' "$work/ti/content/site.yaml" || fail "could not add ti to the sample's languages"
  ti_site="$work/ti-site"
  if ! "$lotse" build "$work/ti" --out "$ti_site" --date 2026-11-22 >"$work/build-ti.log" 2>&1; then
    cat "$work/build-ti.log" >&2
    fail "lotse build of the sample with ti failed"
  fi
fi

# The sample with 30 more courses starting in January 2027, so that the printed month page needs
# several sheets (the print gate).
print_site="${BROWSER_PRINT_SITE:-}"
if [ -z "$print_site" ]; then
  [ -n "$lotse" ] && [ -x "$lotse" ] || fail "no lotse binary: build first (build-test/ or build/) or pass its path"
  mkdir -p "$work/print"
  cp -r "$repo/content" "$work/print/content"
  for i in $(seq 10 39); do
    cat >"$work/print/content/courses/druck-$i.yaml" <<EOF
type: integration
provider: vhs
level: {from: A1, to: B1}
start: $(printf '2027-01-%02d' $((i - 9)))
end: 2027-07-30
schedule:
  - {days: [mon, tue, wed, thu], from: "08:30", to: "11:45"}
lessons: 700
seats: open
registration: {phone: "+49 000 5678-$i", email: deutschkurse-$i@vhs-beispielstadt.example, url: https://vhs-beispielstadt.example/deutsch/anmeldung/integrationskurs-$i}
checked: 2026-11-10
EOF
  done
  print_site="$work/print-site"
  if ! "$lotse" build "$work/print" --out "$print_site" --date 2026-11-22 >"$work/build-print.log" 2>&1; then
    cat "$work/build-print.log" >&2
    fail "lotse build of the sample with a long month failed"
  fi
fi

shots="${BROWSER_SCREENSHOTS:-$repo/build-test/browser-screenshots}"
rc=0
# The list filters and the languages first (a minute or two); the gates' summary line stays the last line.
TMPDIR="$work" timeout --kill-after=10 120 node "$here/filters.mjs" --site "$site" || rc=1
TMPDIR="$work" timeout --kill-after=10 240 node "$here/languages.mjs" --site "$ti_site" || rc=1
TMPDIR="$work" timeout --kill-after=10 120 node "$here/csp.mjs" --site "$site" || rc=1
TMPDIR="$work" timeout --kill-after=10 120 node "$here/offline.mjs" --site "$site" --screenshots "${BROWSER_SCREENSHOTS:-$repo/build-test/browser-screenshots}" || rc=1
TMPDIR="$work" timeout --kill-after=10 120 node "$here/search.mjs" --site "$site" --screenshots "${BROWSER_SCREENSHOTS:-$repo/build-test/browser-screenshots}" || rc=1
# Chromium's fresh profile goes into $work (playwright makes it under TMPDIR) and is removed with it.
TMPDIR="$work" timeout --kill-after=30 660 \
  node "$here/gates.mjs" --site "$site" --content "$repo/content" --screenshots "$shots" --print-site "$print_site" || rc=$?
if [ "$rc" -eq 124 ] || [ "$rc" -eq 137 ]; then
  echo "browser: ERROR: the stage took longer than 11 minutes and was stopped" >&2
  echo "browser: 0 passed, 1 failed"
fi
exit "$rc"
