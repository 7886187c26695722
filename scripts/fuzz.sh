#!/usr/bin/env bash
# Builds the libFuzzer targets (tests/fuzz) with clang in build-fuzz and runs each for a fixed
# time, starting from its seed corpus; first it runs every regression input once.
#   scripts/fuzz.sh [SECONDS] [TARGET...]      (default: 20 seconds each; record markdown catalog cache)
# Prints per target the executions and the time libFuzzer reports. Exits non-zero on any crash,
# leak, timeout or memory limit; the input that caused it is kept in build-fuzz/artifacts/.
# The corpus is copied to a scratch folder, so the repository stays as it is.
set -euo pipefail
cd "$(dirname "$0")/.."
seconds=${1:-20}
[ $# -gt 0 ] && shift
targets=("$@")
[ ${#targets[@]} -gt 0 ] || targets=(record markdown catalog cache)

scripts/install-deps.sh --fuzz
CC=clang CXX=clang++ cmake -S . -B build-fuzz -G Ninja -DCMAKE_BUILD_TYPE=RelWithDebInfo -DLOTSE_FUZZ=ON -DLOTSE_TESTS=OFF >/dev/null
cmake --build build-fuzz -j2 --target "${targets[@]/#/fuzz_}"

# The targets write their inputs to files: a memory-backed folder where there is one.
base=${TMPDIR:-/tmp}
[ -z "${TMPDIR:-}" ] && [ -d /dev/shm ] && [ -w /dev/shm ] && base=/dev/shm
scratch=$(mktemp -d "$base/lotse-fuzz-XXXXXX")
trap 'rm -rf "$scratch"' EXIT
export TMPDIR="$scratch"
export ASAN_OPTIONS=detect_leaks=1 UBSAN_OPTIONS=print_stacktrace=1:halt_on_error=1
options=(-timeout=10 -rss_limit_mb=2048)
failed=0
for t in "${targets[@]}"; do
  fuzzer=build-fuzz/tests/fuzz/fuzz_$t
  artifacts=build-fuzz/artifacts/$t
  mkdir -p "$scratch/$t" "$artifacts"
  cp -r "tests/fuzz/corpus/$t" "$scratch/$t/corpus"
  log=$scratch/$t/log
  regressions=()
  [ -d "tests/fuzz/regressions/$t" ] && mapfile -t regressions < <(find "tests/fuzz/regressions/$t" -type f | sort)
  if [ ${#regressions[@]} -gt 0 ] && ! "$fuzzer" "${options[@]}" -artifact_prefix="$artifacts/" "${regressions[@]}" >"$log" 2>&1; then
    tail -n 40 "$log"
    echo "fuzz: $t: a regression input fails again"
    failed=1
    continue
  fi
  if "$fuzzer" "${options[@]}" -max_total_time="$seconds" -artifact_prefix="$artifacts/" "$scratch/$t/corpus" >"$log" 2>&1; then
    done_line=$(grep -o 'Done [0-9]* runs in [0-9]* second(s)' "$log" | tail -n 1)
    echo "fuzz: $t: ${done_line:-no summary}; ${#regressions[@]} regression inputs pass"
  else
    tail -n 60 "$log"
    echo "fuzz: $t: FAILED; the input is in $artifacts/"
    failed=1
  fi
done
exit $failed
