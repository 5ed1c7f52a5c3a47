#!/bin/bash
# The whole JS corpus under AddressSanitizer + UndefinedBehaviorSanitizer with leak checking, in
# every tier, then the bad-input table (tests/fuzz/README.md, "Sanitizers").
#
#   tests/tools/memcheck_asan.sh BUILD [CONFIG...]     e.g. tests/tools/memcheck_asan.sh build-asan
#
# BUILD is a -DSTRATA_SANITIZE=ON build with both plugins (the backends run under ASan too):
#   cmake -S . -B build-asan -G Ninja -DCMAKE_BUILD_TYPE=Debug -DSTRATA_SANITIZE=ON -DSTRATA_BENCH=OFF
# CONFIGs are run_tests.py configuration names (default: every tier and its deopt variant, then
# bad_input for tests/tools/bad_input.py). Each one writes LOGDIR/<config>.log (the runner's
# output and its time) and its sanitizer reports as LOGDIR/<config>/{asan,ubsan}.<pid>
# (log_path), so a report is counted even when the test it broke was expected to fail.
# LOGDIR: $MEMCHECK_ASAN_LOGDIR or a fresh directory under $TMPDIR. Exit status 1 if any test
# failed or any report was written.
#
# The environment, and why:
#   ulimit -s 32768           ASan's frames are bigger: 10,000-deep JS recursion in compiled code
#                             overflows 8 MiB. Not more: at 64 MiB JSON.stringify of 100,000 nested
#                             arrays no longer overflows (bad_input/deep_data.js expects it to).
#   detect_leaks=1            LeakSanitizer at exit (after --free-at-exit's teardown).
#   intercept_tls_get_addr=0  GCC 12's libsanitizer guesses the bounds of dynamic TLS blocks from
#                             the 16 bytes before them ("glibc >= 2.19" header) when a block
#                             starts 16 bytes into a page; glibc 2.36 malloc()s them with no
#                             such header, so LSan reads ASan's chunk header as {begin, size}
#                             (e.g. {0x835, 0x3000001102}) and its stop-the-world tracer crashes
#                             scanning it: "Tracer caught signal 11", "LeakSanitizer has
#                             encountered a fatal error" (libLLVM's thread_local, first touched
#                             in codegen). The blocks are ordinary heap chunks reachable from
#                             the thread's DTV, so nothing is lost for leak detection.
#   lsan.supp                 libgccjit's own allocations (see the file).
#   print_suppressions=0      keeps LSan's table off stderr, which tests compare.
set -u
BUILD=${1:?usage: memcheck_asan.sh BUILD [CONFIG...]}
shift
ROOT=$(cd "$(dirname "$0")/../.." && pwd)
case $BUILD in /*) ;; *) BUILD=$(pwd)/$BUILD ;; esac
STRATA=$BUILD/strata
[ -x "$STRATA" ] || { echo "memcheck_asan.sh: no $STRATA" >&2; exit 2; }
CONFIGS=${*:-mid llvm gccjit llvm-deopt gccjit-deopt interp baseline bad_input}
LOGDIR=${MEMCHECK_ASAN_LOGDIR:-$(mktemp -d "${TMPDIR:-/tmp}/strata-asan.XXXXXX")}
mkdir -p "$LOGDIR"

ulimit -s 32768 || exit 2
export LSAN_OPTIONS=suppressions=$ROOT/tests/fuzz/lsan.supp:print_suppressions=0
status=0
printf '%-14s %-28s %8s %s\n' config result reports 'wall / cpu (s)'
for c in $CONFIGS; do
  d=$LOGDIR/$c
  rm -rf "$d" && mkdir -p "$d"
  if [ "$c" = bad_input ]; then
    cmd=(python3 "$ROOT/tests/tools/bad_input.py" --strata "$STRATA")
  else
    cmd=(python3 "$ROOT/tests/run_tests.py" --strata "$STRATA" --config "$c" -j2 --timeout 300)
  fi
  ASAN_OPTIONS=detect_leaks=1:intercept_tls_get_addr=0:log_path=$d/asan \
    UBSAN_OPTIONS=print_stacktrace=1:log_path=$d/ubsan \
    /usr/bin/time -f 'time: wall %e s, user %U s, sys %S s' "${cmd[@]}" > "$LOGDIR/$c.log" 2>&1
  rc=$?
  reports=$(find "$d" -type f | wc -l)
  result=$(grep -E '^[0-9]+ passed, [0-9]+ failed' "$LOGDIR/$c.log" | tail -1)
  times=$(sed -n 's/^time: wall \([0-9.]*\) s, user \([0-9.]*\) s, sys \([0-9.]*\) s$/\1 \/ \2+\3/p' "$LOGDIR/$c.log")
  printf '%-14s %-28s %8s %s\n' "$c" "${result:-exit status $rc}" "$reports" "$times"
  [ "$rc" -eq 0 ] && [ "$reports" -eq 0 ] || status=1
done
echo "logs: $LOGDIR"
exit $status
