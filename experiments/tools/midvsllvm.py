#!/usr/bin/python3
"""experiments/tools/midvsllvm.py: the mid tier against the llvm tier (issue 6's goal for mid:
compile at least 5x faster than llvm while keeping at least 60% of its steady-state speed).

Runs every benchmark under --tiers=mid and --tiers=llvm with --stats and prints, per benchmark
and tier: the steady-state time (median of the second half of the iterations), the number of
compiles, the compile time (IR build + passes + backend, summed over compiles; queueing
excluded), the median compile time per bytecode instruction, and the backend's share. Then the
geometric means of llvm/mid ratios:

  speed     llvm steady / mid steady        (mid's fraction of llvm's speed; goal >= 0.60)
  per-bc    mid / llvm median compile time per bytecode, inverted (goal >= 5)
  same-fn   for functions both tiers compiled (non-OSR, first compile each, matched by name):
            geomean of llvm time / mid time (goal >= 5)

Compiles run on the main thread by default (--no-concurrent), so both tiers compile a
deterministic set of functions and compile times are not inflated by the interpreter running
beside the compiler thread; --concurrent measures the engine's default instead. Every run's
output is checked (the harness's CHECK line) before its numbers are used.

  /usr/bin/python3 experiments/tools/midvsllvm.py --strata build-rel/strata [--iterations 20]
      [--bench richards,deltablue] [--runs 1] [--concurrent]
"""
import argparse
import json
import math
import os
import statistics
import subprocess
import sys
import tempfile

BENCH_DIR = os.path.join(os.path.dirname(os.path.abspath(__file__)), '..', 'benchmarks')
DEFAULT_BENCH = 'richards,deltablue,nbody,mandelbrot,spectralnorm,fannkuch,sieve,queens'
TIERS = ('mid', 'llvm')


def run_one(strata, bench, tier, iterations, concurrent):
    """One process: (per-iteration ms list, compile records) or raises on a failed check."""
    with tempfile.TemporaryDirectory(prefix='midvsllvm-') as tmp:
        stats = os.path.join(tmp, 'stats.json')
        cmd = [strata, f'--tiers={tier}', f'--stats={stats}']
        if not concurrent:
            cmd.append('--no-concurrent')
        cmd += [os.path.join(BENCH_DIR, bench + '.js'), str(iterations)]
        p = subprocess.run(cmd, capture_output=True, text=True, timeout=900)
        times = []
        ok = False
        for line in p.stdout.splitlines():
            w = line.split()
            if len(w) == 4 and w[0] == 'BENCH':
                times.append(float(w[3]))
            elif len(w) >= 3 and w[0] == 'CHECK' and w[2] == 'ok':
                ok = True
        if p.returncode != 0 or not ok or len(times) != iterations:
            raise RuntimeError(f'{bench} under {tier} failed (exit {p.returncode}):\n'
                               f'{p.stdout[-2000:]}{p.stderr[-2000:]}')
        with open(stats) as fp:
            compiles = [c for c in json.load(fp)['compiles'] if c.get('ok')]
        return times, compiles


def compile_ms(c):
    return c['ir_build_ms'] + c['passes_ms'] + c['backend_ms']


def summarize(runs):
    """Median over runs of each number; the same-function table from the first run."""
    steady, n, total, per_bc, backend = [], [], [], [], []
    for times, compiles in runs:
        half = times[len(times) // 2:]
        steady.append(statistics.median(half))
        n.append(len(compiles))
        total.append(sum(compiles_ms for compiles_ms in map(compile_ms, compiles)))
        per_bc.append(statistics.median([compile_ms(c) * 1000.0 / max(c['bytecodes'], 1)
                                         for c in compiles]) if compiles else float('nan'))
        backend.append(sum(c['backend_ms'] for c in compiles))
    first = {}
    for c in runs[0][1]:
        if not c.get('osr') and c['function'] not in first:
            first[c['function']] = compile_ms(c)
    return {
        'steady': statistics.median(steady), 'n': int(statistics.median(n)),
        'total': statistics.median(total), 'per_bc': statistics.median(per_bc),
        'backend': statistics.median(backend), 'by_fn': first,
    }


def geomean(xs):
    xs = [x for x in xs if x > 0 and math.isfinite(x)]
    return math.exp(sum(map(math.log, xs)) / len(xs)) if xs else float('nan')


def main():
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument('--strata', required=True)
    ap.add_argument('--iterations', type=int, default=20)
    ap.add_argument('--runs', type=int, default=1, help='processes per benchmark and tier')
    ap.add_argument('--bench', default=DEFAULT_BENCH)
    ap.add_argument('--concurrent', action='store_true', help='compile on the compiler thread')
    a = ap.parse_args()
    benches = [b for b in a.bench.split(',') if b]
    print(f'# strata={a.strata} iterations={a.iterations} runs={a.runs} '
          f'{"concurrent" if a.concurrent else "no-concurrent"}')
    print(f'{"benchmark":13} {"tier":5} {"steady_ms":>10} {"compiles":>8} {"compile_ms":>11} '
          f'{"us/bc(med)":>10} {"backend_ms":>10}')
    speed, per_bc, total, same_fn = [], [], [], []
    for b in benches:
        res = {}
        for t in TIERS:
            runs = [run_one(a.strata, b, t, a.iterations, a.concurrent) for _ in range(a.runs)]
            res[t] = s = summarize(runs)
            print(f'{b:13} {t:5} {s["steady"]:10.3f} {s["n"]:8d} {s["total"]:11.1f} '
                  f'{s["per_bc"]:10.2f} {s["backend"]:10.1f}', flush=True)
        m, l = res['mid'], res['llvm']
        speed.append(l['steady'] / m['steady'])
        per_bc.append(l['per_bc'] / m['per_bc'])
        total.append(l['total'] / m['total'] if m['total'] else float('nan'))
        common = [f for f in m['by_fn'] if f in l['by_fn'] and m['by_fn'][f] > 0]
        fn_ratio = geomean([l['by_fn'][f] / m['by_fn'][f] for f in common])
        same_fn.extend(l['by_fn'][f] / m['by_fn'][f] for f in common)
        print(f'{b:13} ratio speed(mid/llvm)={speed[-1]:.2f} compile llvm/mid: per-bc={per_bc[-1]:.2f} '
              f'total={total[-1]:.2f} same-fn={fn_ratio:.2f} ({len(common)} functions)')
    print(f'geomean over {len(benches)} benchmarks: mid speed = {geomean(speed):.2f} of llvm; '
          f'compile time llvm/mid: per-bytecode {geomean(per_bc):.2f}x, total {geomean(total):.2f}x, '
          f'same functions {geomean(same_fn):.2f}x ({len(same_fn)} functions)')
    return 0


if __name__ == '__main__':
    sys.exit(main())
