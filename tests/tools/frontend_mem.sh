#!/bin/sh
# tests/tools/frontend_mem.sh: whole-process time and peak memory of Strata's frontend against
# V8's parser (issue 2's speed benchmark; a measurement, not a test).
#
#   tests/tools/frontend_mem.sh [--strata BUILD/strata] [--baseline OTHER/strata] [--size-mb 8]
#                               [--runs 5] [--node node]
#
# Generates a realistic JavaScript file with tests/tools/gen_big_js.py into a temporary
# directory, checks that every command accepts it (exit 0) before timing anything, then runs
#   strata --check big.js
#   strata --print-bytecode big.js >/dev/null
#   node --check big.js
# each --runs times under /usr/bin/time and prints, per command, the median wall time, the
# median CPU time (user + sys), the median peak RSS (max resident set) and that RSS divided by
# the source size. The goal of issue 2: CPU time at most node's, peak RSS under 10x the source.
# --baseline adds the two strata rows for a second executable (e.g. a build of the previous
# commit), measured in the same run, alternating run by run, so that a before/after comparison
# sees the same machine load.
# Run it on an otherwise idle machine; the numbers come with the commit and the machine.
set -eu

here=$(cd "$(dirname "$0")" && pwd)
root=$(cd "$here/../.." && pwd)
strata="$root/build/strata"
baseline=
node=node
size_mb=8
runs=5
while [ $# -gt 0 ]; do
  case "$1" in
    --strata) strata=$2; shift 2 ;;
    --baseline) baseline=$2; shift 2 ;;
    --node) node=$2; shift 2 ;;
    --size-mb) size_mb=$2; shift 2 ;;
    --runs) runs=$2; shift 2 ;;
    -h|--help) sed -n '2,19p' "$0" | sed 's/^# \{0,1\}//'; exit 0 ;;
    *) echo "frontend_mem.sh: unknown argument '$1' (see --help)" >&2; exit 2 ;;
  esac
done
[ -x "$strata" ] || { echo "frontend_mem.sh: no strata executable at $strata (use --strata)" >&2; exit 2; }
if [ -n "$baseline" ] && [ ! -x "$baseline" ]; then
  echo "frontend_mem.sh: no executable at $baseline (--baseline)" >&2
  exit 2
fi
[ -x /usr/bin/time ] || { echo "frontend_mem.sh: needs /usr/bin/time (Debian package: time)" >&2; exit 2; }
have_node=1
command -v "$node" >/dev/null 2>&1 || have_node=0

tmp=$(mktemp -d "${TMPDIR:-/tmp}/frontend_mem.XXXXXX")
trap 'rm -rf "$tmp"' EXIT INT TERM
src="$tmp/big.js"
python3 "$here/gen_big_js.py" --size-mb "$size_mb" --out "$src"
bytes=$(wc -c <"$src")

# Output checked before timing: every command must accept the file.
"$strata" --check "$src" || { echo "frontend_mem.sh: strata --check rejects the file" >&2; exit 1; }
"$strata" --print-bytecode "$src" >/dev/null || { echo "frontend_mem.sh: strata --print-bytecode failed" >&2; exit 1; }
if [ -n "$baseline" ]; then
  "$baseline" --check "$src" || { echo "frontend_mem.sh: the baseline rejects it" >&2; exit 1; }
  # Both should print the same bytecode, or the comparison is not of the same work.
  "$strata" --print-bytecode "$src" >"$tmp/bc.new"
  "$baseline" --print-bytecode "$src" >"$tmp/bc.base"
  cmp -s "$tmp/bc.new" "$tmp/bc.base" ||
    echo "frontend_mem.sh: note: the baseline's --print-bytecode output differs" >&2
  rm -f "$tmp/bc.new" "$tmp/bc.base"
fi
if [ $have_node = 1 ]; then
  "$node" --check "$src" || { echo "frontend_mem.sh: node --check rejects the file" >&2; exit 1; }
fi

# run_one FILE CMD...: one timed run of CMD (stdout discarded), its sample appended to FILE.
run_one() {
  out=$1
  shift
  /usr/bin/time -o "$tmp/one" -f '%e %U %S %M' "$@" >/dev/null
  cat "$tmp/one" >>"$out"
}

# report NAME FILE: the result line of NAME's samples.
report() {
  python3 - "$1" "$bytes" "$2" <<'EOF'
import statistics, sys
name, size, path = sys.argv[1], int(sys.argv[2]), sys.argv[3]
rows = [list(map(float, l.split())) for l in open(path) if l.strip()]
wall = statistics.median(r[0] for r in rows)
cpu = statistics.median(r[1] + r[2] for r in rows)
rss = statistics.median(r[3] for r in rows) * 1024  # KiB -> bytes
print(f"{name:<34} {wall:8.3f} {cpu:8.3f} {rss / 1e6:9.1f} {rss / size:7.2f}x")
EOF
}

# measure NAME CMD...: runs CMD $runs times and prints one result line.
measure() {
  name=$1
  shift
  : >"$tmp/samples"
  i=0
  while [ $i -lt "$runs" ]; do
    run_one "$tmp/samples" "$@"
    i=$((i + 1))
  done
  report "$name" "$tmp/samples"
}

# measure_pair NAME ARGS...: strata and the baseline with the same arguments, alternately.
measure_pair() {
  name=$1
  shift
  : >"$tmp/samples"
  : >"$tmp/samples.base"
  i=0
  while [ $i -lt "$runs" ]; do
    run_one "$tmp/samples" "$strata" "$@"
    run_one "$tmp/samples.base" "$baseline" "$@"
    i=$((i + 1))
  done
  report "$name" "$tmp/samples"
  report "(baseline) $name" "$tmp/samples.base"
}

echo "source: $bytes bytes ($(python3 -c "print(f'{$bytes/1e6:.2f}')") MB), gen_big_js.py --size-mb $size_mb; median of $runs runs"
echo "strata: $strata ($("$strata" --version 2>/dev/null || echo '?'))"
[ $have_node = 1 ] && echo "node:   $("$node" --version)"
echo "commit: $(git -C "$root" rev-parse --short HEAD 2>/dev/null || echo '?')$(git -C "$root" diff --quiet 2>/dev/null || echo ' (+ uncommitted changes)'); machine: $(uname -m), $(nproc) cores"
printf '%-34s %8s %8s %9s %8s\n' "command" "wall s" "cpu s" "peak MB" "/source"
if [ -n "$baseline" ]; then
  echo "baseline: $baseline ($("$baseline" --version 2>/dev/null || echo '?'))"
  measure_pair "strata --check" --check "$src"
  measure_pair "strata --print-bytecode >/dev/null" --print-bytecode "$src"
else
  measure "strata --check" "$strata" --check "$src"
  measure "strata --print-bytecode >/dev/null" "$strata" --print-bytecode "$src"
fi
[ $have_node = 1 ] && measure "node --check" "$node" --check "$src"
exit 0
