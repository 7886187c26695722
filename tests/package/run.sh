#!/usr/bin/env bash
# The Debian package as municipal IT gets it: configures a Release build folder of its own
# (build-package/, or $LOTSE_PACKAGE_BUILD), builds only the lotse program, runs `cpack -G DEB`,
# checks the package's fields and files, unpacks it with dpkg -x into a scratch folder, builds the
# sample site with the unpacked program and compares it with the build folder program's site (the
# same bytes), shows that the unpacked program reads the templates unpacked beside it, and renders
# the manual page. Reports what lintian says, if it is installed, without failing on it.
#   tests/package/run.sh
# Ends with "package: N passed, M failed".
set -euo pipefail
root=$(cd "$(dirname "$0")/../.." && pwd)
build=${LOTSE_PACKAGE_BUILD:-$root/build-package}
launcher=()
command -v ccache >/dev/null 2>&1 && launcher=(-DCMAKE_CXX_COMPILER_LAUNCHER=ccache)
cmake -S "$root" -B "$build" -G Ninja -DCMAKE_BUILD_TYPE=Release -DLOTSE_TESTS=OFF "${launcher[@]}" >/dev/null
cmake --build "$build" --target lotse
rm -f "$build"/lotse_*.deb
(cd "$build" && cpack -G DEB >/dev/null)
deb=$(ls "$build"/lotse_*.deb)
echo "package: $deb"

scratch=$(mktemp -d /tmp/lotse-package-XXXXXX)
trap 'rm -rf "$scratch"' EXIT
passed=0 failed=0
ok() {  # ok NAME COMMAND...: passes if the command succeeds
  local name=$1; shift
  if "$@" >/dev/null 2>&1; then passed=$((passed + 1)); else failed=$((failed + 1)); echo "FAILED: $name"; fi
}

dpkg-deb --info "$deb" >"$scratch/info"
dpkg-deb --contents "$deb" | awk '{print $6}' >"$scratch/contents"
ok "Package: lotse" grep -qx ' Package: lotse' "$scratch/info"
ok "Architecture: $(dpkg --print-architecture)" grep -qx " Architecture: $(dpkg --print-architecture)" "$scratch/info"
depends=", $(sed -n 's/^ Depends: //p' "$scratch/info")"
for dep in icu-devtools libcpp-httplib libxlsxwriter libminizip libqrencode libssl3 libstdc++6 libc6; do
  ok "Depends names $dep" test "${depends/, $dep/}" != "$depends"
done
for file in ./usr/bin/lotse ./usr/share/lotse/templates/layout.mustache ./usr/share/lotse/templates/assets/style.css \
  ./usr/share/lotse/i18n/de.txt ./usr/share/lotse/i18n/ar.txt ./usr/share/man/man1/lotse.1.gz; do
  ok "contains $file" grep -qx "$file" "$scratch/contents"
done
[ $failed -eq 0 ] || { cat "$scratch/info"; }

# Unpacked anywhere, the program finds its templates and catalogs beside itself. The sample's
# content/ alone: the source tree's templates/ and i18n/ would be the site's own, over the built-in
# ones. .lotse-output is the build's own record, which names the program; the site is the rest.
dpkg -x "$deb" "$scratch/root"
unset LOTSE_DATA_DIR
mkdir "$scratch/site"
cp -r "$root/content" "$scratch/site/content"
"$build/lotse" build "$scratch/site" --out "$scratch/from-build" --date 2026-11-22 >/dev/null 2>&1
ok "the unpacked lotse builds the sample site" "$scratch/root/usr/bin/lotse" build "$scratch/site" --out "$scratch/from-package" --date 2026-11-22
ok "the unpacked lotse's site is the build folder lotse's, byte for byte" \
  diff -r --exclude=.lotse-output "$scratch/from-build" "$scratch/from-package"
echo "User-agent: *  # unpacked" >"$scratch/root/usr/share/lotse/templates/robots.mustache"
"$scratch/root/usr/bin/lotse" build "$scratch/site" --out "$scratch/from-package" --date 2026-11-22 >/dev/null 2>&1 || true
ok "the unpacked lotse reads the templates unpacked beside it" grep -q "# unpacked" "$scratch/from-package/robots.txt"
ok "the unpacked lotse says its version" sh -c "'$scratch/root/usr/bin/lotse' --version | grep -q '^lotse '"

# The manual page renders, without groff warnings, and names every command.
MANWIDTH=80 man --warnings -l "$scratch/root/usr/share/man/man1/lotse.1.gz" >"$scratch/man.txt" 2>"$scratch/man.err"
ok "man -l renders without warnings" test ! -s "$scratch/man.err"
for command in "lotse check" "lotse build" "lotse serve" "lotse import courses" "lotse digest" "lotse i18n status" \
  "lotse i18n export" "lotse i18n import" "lotse i18n confirm"; do
  ok "the manual page shows $command" grep -q "$command" "$scratch/man.txt"
done
[ ! -s "$scratch/man.err" ] || cat "$scratch/man.err"

if command -v lintian >/dev/null 2>&1; then
  echo "lintian (reported, not a failure):"
  lintian --tag-display-limit 0 "$deb" 2>&1 | sed 's/^/  /' || true
fi
echo "package: $passed passed, $failed failed"
[ "$failed" -eq 0 ]
