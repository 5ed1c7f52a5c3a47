#!/bin/sh
# tests/tools/frontend_mem.sh: whole-process time and peak memory of Strata's frontend against
# V8's parser (issue 2's speed benchmark; a measurement, not a test).
#
#   tests/tools/frontend_mem.sh [--strata BUILD/strata] [--size-mb 8] [--runs 5] [--node node]
#
# Generates a realistic JavaScript file with tests/tools/gen_big_js.py into a temporary
# directory, checks that every command accepts it (exit 0) before timing anything, then runs
#   strata --check big.js
#   strata --print-bytecode big.js >/dev/null
#   node --check big.js
# each --runs times under /usr/bin/time and prints, per command, the median wall time, the
# median CPU time (user + sys), the median peak RSS (max resident set) and that RSS divided by
# the source size. The goal of issue 2: CPU time at most node's, peak RSS under 10x the source.
# Run it on an otherwise idle machine; the numbers come with the commit and the machine.
set -eu

here=$(cd "$(dirname "$0")" && pwd)
root=$(cd "$here/../.." && pwd)
strata="$root/build/strata"
node=node
size_mb=8
runs=5
while [ $# -gt 0 ]; do
  case "$1" in
    --strata) strata=$2; shift 2 ;;
    --node) node=$2; shift 2 ;;
    --size-mb) size_mb=$2; shift 2 ;;
    --runs) runs=$2; shift 2 ;;
    -h|--help) sed -n '2,16p' "$0" | sed 's/^# \{0,1\}//'; exit 0 ;;
    *) echo "frontend_mem.sh: unknown argument '$1' (see --help)" >&2; exit 2 ;;
  esac
done
[ -x "$strata" ] || { echo "frontend_mem.sh: no strata executable at $strata (use --strata)" >&2; exit 2; }
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
if [ $have_node = 1 ]; then
  "$node" --check "$src" || { echo "frontend_mem.sh: node --check rejects the file" >&2; exit 1; }
fi

# measure NAME CMD...: runs CMD $runs times (stdout discarded) and prints one result line.
measure() {
  name=$1
  shift
  : >"$tmp/samples"
  i=0
  while [ $i -lt "$runs" ]; do
    /usr/bin/time -o "$tmp/one" -f '%e %U %S %M' "$@" >/dev/null
    cat "$tmp/one" >>"$tmp/samples"
    i=$((i + 1))
  done
  python3 - "$name" "$bytes" "$tmp/samples" <<'EOF'
import statistics, sys
name, size, path = sys.argv[1], int(sys.argv[2]), sys.argv[3]
rows = [list(map(float, l.split())) for l in open(path) if l.strip()]
wall = statistics.median(r[0] for r in rows)
cpu = statistics.median(r[1] + r[2] for r in rows)
rss = statistics.median(r[3] for r in rows) * 1024  # KiB -> bytes
print(f"{name:<34} {wall:8.3f} {cpu:8.3f} {rss / 1e6:9.1f} {rss / size:7.2f}x")
EOF
}

echo "source: $bytes bytes ($(python3 -c "print(f'{$bytes/1e6:.2f}')") MB), gen_big_js.py --size-mb $size_mb; median of $runs runs"
echo "strata: $strata ($("$strata" --version 2>/dev/null || echo '?'))"
[ $have_node = 1 ] && echo "node:   $("$node" --version)"
echo "commit: $(git -C "$root" rev-parse --short HEAD 2>/dev/null || echo '?')$(git -C "$root" diff --quiet 2>/dev/null || echo ' (+ uncommitted changes)'); machine: $(uname -m), $(nproc) cores"
printf '%-34s %8s %8s %9s %8s\n' "command" "wall s" "cpu s" "peak MB" "/source"
measure "strata --check" "$strata" --check "$src"
measure "strata --print-bytecode >/dev/null" "$strata" --print-bytecode "$src"
[ $have_node = 1 ] && measure "node --check" "$node" --check "$src"
exit 0
