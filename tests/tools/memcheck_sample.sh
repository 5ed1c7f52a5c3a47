#!/bin/sh
# valgrind memcheck on a sample of the JS corpus (tests/fuzz/README.md, "Sanitizers").
#
#   tests/tools/memcheck_sample.sh BUILD/strata [N]
#
# The sample: every file of tests/js whose annotations need no particular tier, sorted, then
# every k-th one so that about N (default 30) are taken, spread over the folders. Each runs
# under --tiers=interp; the first three also under --tiers=baseline --eager and --tiers=llvm
# --eager when the binary has those tiers (JIT code runs natively under valgrind; the tier's
# compiler itself is checked too). A test's own `// flags:` and `// args:` are passed; its exit
# status is not checked (the corpus runner does that), only valgrind's: any memcheck error makes
# valgrind exit 99, and the script prints the log and exits 1 at the end.
#
# Errors inside LLVM or libgccjit that are theirs, not ours, are suppressed by
# tests/tools/memcheck.supp (each entry says why). Build: RelWithDebInfo, plugins on, e.g.
#   cmake -S . -B build-h4 -G Ninja -DCMAKE_BUILD_TYPE=RelWithDebInfo -DSTRATA_BENCH=OFF
set -u
STRATA=${1:?usage: memcheck_sample.sh BUILD/strata [N]}
N=${2:-30}
case $STRATA in /*) ;; *) STRATA=$(pwd)/$STRATA ;; esac
ROOT=$(cd "$(dirname "$0")/../.." && pwd)
SUPP=$ROOT/tests/tools/memcheck.supp
LOGDIR=$(mktemp -d "${TMPDIR:-/tmp}/strata-memcheck.XXXXXX")
TIMEOUT=${MEMCHECK_TIMEOUT:-600}

# Candidates: no {tier} in flags, no requires-tier, not engine-only-for-node stuff that needs a
# module directory, not the deep-recursion and huge-allocation bad-input files (minutes under
# valgrind and nothing memcheck adds to ASan there).
list=$(cd "$ROOT/tests/js" && find . -name '*.js' ! -path '*/modules/*' ! -path '*/_*' \
         ! -name '_*' ! -path './bad_input/*' | sort | while read -r f; do
         grep -q -e 'requires-tier' -e '{tier}' -e 'flags:.*--tiers' "$f" || echo "$f"; done)
total=$(echo "$list" | wc -l)
step=$(( total / N )); [ "$step" -ge 1 ] || step=1
sample=$(echo "$list" | awk -v s="$step" -v n="$N" 'NR % s == 1 && c < n { print; c++ }')

has_tier() { "$STRATA" --tiers="$1" -e '' 2>/dev/null && [ -z "$("$STRATA" --tiers="$1" -e '' 2>&1)" ]; }
jit_tiers=""
for t in baseline llvm; do has_tier "$t" && jit_tiers="$jit_tiers $t"; done

runs=0 errors=0 i=0
run_one() { # file, label, engine flags...
  f=$1 label=$2; shift 2
  dir=$(dirname "$ROOT/tests/js/$f")
  flags=$(sed -n 's,^.*//[[:space:]]*flags:\(.*\)$,\1,p' "$ROOT/tests/js/$f" | head -1)
  args=$(sed -n 's,^.*//[[:space:]]*args:\(.*\)$,\1,p' "$ROOT/tests/js/$f" | head -1)
  log=$LOGDIR/$(echo "$f" | tr '/.' '__')-$label.log
  # shellcheck disable=SC2086 # flags and args are word lists
  (cd "$dir" && timeout "$TIMEOUT" valgrind -q --error-exitcode=99 --suppressions="$SUPP" \
     --log-file="$log" "$STRATA" "$@" $flags "$(basename "$f")" $args >/dev/null 2>&1)
  rc=$?
  runs=$((runs + 1))
  if [ $rc -eq 99 ]; then
    errors=$((errors + 1)); echo "ERROR $f [$label]: memcheck errors, log $log"; cat "$log"
  elif [ $rc -eq 124 ]; then
    errors=$((errors + 1)); echo "TIMEOUT $f [$label] after ${TIMEOUT}s"
  elif [ $rc -ge 128 ]; then
    errors=$((errors + 1)); echo "CRASH $f [$label]: signal $((rc - 128))"; cat "$log"
  else
    echo "ok $f [$label] (exit $rc)"
  fi
}

for f in $sample; do
  f=${f#./}
  run_one "$f" interp --tiers=interp
  i=$((i + 1))
  if [ $i -le 3 ]; then
    for t in $jit_tiers; do run_one "$f" "$t" --tiers="$t" --eager --no-concurrent; done
  fi
done
echo "memcheck: $runs runs, $errors with errors (tiers besides interp:${jit_tiers:- none})"
[ $errors -eq 0 ] && rm -rf "$LOGDIR"
[ $errors -eq 0 ]
