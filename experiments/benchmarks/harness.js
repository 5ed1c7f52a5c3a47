'use strict';
// experiments/benchmarks/harness.js: the one harness every benchmark program uses.
//
//   const { run, Random } = require('./harness.js');
//   run('name', function iteration(i, n) { ...; return checksum; }, EXPECTED);
//
// Contract with experiments/sweep (it parses exactly these lines from stdout):
//   - the iteration count is process.argv[2] (default DEFAULT_ITERATIONS);
//   - every iteration is timed with performance.now() and printed at once as
//       BENCH <name> <iteration index from 0> <milliseconds with 3 decimals>
//   - every iteration's checksum is compared (===) with the expected constant; the first
//     mismatch (or exception) prints
//       CHECK <name> FAIL expected=<x> got=<y>
//     and exits with status 1 (so a wrong engine is never timed as if it were right);
//   - after the last iteration, when all checks passed:
//       CHECK <name> ok
// The iteration function gets (i, n) so that a benchmark may change behaviour across the
// run (typeunstable.js does, to force deoptimization halfway); it must still return the same
// checksum every iteration.
//
// Only the language subset Strata supports is used here (no regexes, no typed arrays).

const DEFAULT_ITERATIONS = 10;

function iterationCount() {
  const arg = process.argv.length > 2 ? process.argv[2] : undefined;
  if (arg === undefined) return DEFAULT_ITERATIONS;
  const n = Number(arg);
  if (!(n >= 1) || Math.floor(n) !== n) {
    console.error(`harness: bad iteration count '${arg}' (want an integer >= 1)`);
    process.exit(2);
  }
  return n;
}

function run(name, iteration, expected) {
  const n = iterationCount();
  for (let i = 0; i < n; i++) {
    const t0 = performance.now();
    let got;
    try {
      got = iteration(i, n);
    } catch (e) {
      const what = e && e.message !== undefined ? `${e.name}: ${e.message}` : String(e);
      console.log(`CHECK ${name} FAIL expected=${expected} got=exception(${what})`);
      process.exit(1);
    }
    const t1 = performance.now();
    console.log(`BENCH ${name} ${i} ${(t1 - t0).toFixed(3)}`);
    if (got !== expected) {
      console.log(`CHECK ${name} FAIL expected=${expected} got=${got}`);
      process.exit(1);
    }
  }
  console.log(`CHECK ${name} ok`);
}

// A small deterministic PRNG (xorshift32), so that inputs are identical on every engine.
// Never Math.random: its sequence differs between engines and runs.
class Random {
  constructor(seed) {
    this.state = (seed | 0) === 0 ? 0x2545f491 : seed | 0;
  }
  // Next unsigned 32-bit value.
  next() {
    let s = this.state;
    s ^= s << 13;
    s ^= s >>> 17;
    s ^= s << 5;
    this.state = s;
    return s >>> 0;
  }
  // Uniform integer in [0, n).
  int(n) {
    return this.next() % n;
  }
  // Uniform double in [0, 1).
  float() {
    return this.next() / 4294967296;
  }
}

// A 31-bit rolling hash step, used by benchmarks to fold results into an exact integer
// checksum that every engine computes identically (all intermediate values stay < 2^53).
function mix(h, v) {
  return ((h * 31) + (v | 0)) % 2147483647;
}

module.exports = { run, Random, mix };
