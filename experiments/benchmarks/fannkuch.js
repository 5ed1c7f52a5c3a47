'use strict';
// fannkuch.js: fannkuch-redux for N: over all permutations of 1..N (generated in the
// benchmarks game's order), count the prefix reversals ("pancake flips") until 1 is first;
// report the maximum flip count and a signed checksum. Small integer arrays, tight loops.
const { run } = require('./harness.js');

const N = 8;
const RUNS = 3;

function fannkuch(n) {
  const perm1 = [];
  const perm = [];
  const count = [];
  for (let i = 0; i < n; i++) {
    perm1.push(i);
    perm.push(0);
    count.push(0);
  }
  let maxFlips = 0;
  let checksum = 0;
  let permCount = 0;
  let r = n;
  for (;;) {
    while (r !== 1) {
      count[r - 1] = r;
      r--;
    }
    for (let i = 0; i < n; i++) perm[i] = perm1[i];
    let flips = 0;
    let k = perm[0];
    while (k !== 0) {
      // Reverse perm[0..k].
      let i = 0;
      let j = k;
      while (i < j) {
        const t = perm[i];
        perm[i] = perm[j];
        perm[j] = t;
        i++;
        j--;
      }
      flips++;
      k = perm[0];
    }
    if (flips > maxFlips) maxFlips = flips;
    checksum += permCount % 2 === 0 ? flips : -flips;
    // Next permutation in the rotation order.
    for (;;) {
      if (r === n) return `${checksum}:${maxFlips}`;
      const first = perm1[0];
      for (let i = 0; i < r; i++) perm1[i] = perm1[i + 1];
      perm1[r] = first;
      count[r]--;
      if (count[r] > 0) break;
      r++;
    }
    permCount++;
  }
}

run('fannkuch', function iteration() {
  let result = '';
  for (let i = 0; i < RUNS; i++) result = fannkuch(N);
  return result;
}, '1616:22');
