'use strict';
// permute.js: generates every permutation of an array by recursive swapping (Heap-style
// recursion as in the classic Stanford "Perm" benchmark); recursion, small array swaps.
// Checksum: number of permutations and a position-weighted hash of the last ones seen.
const { run, mix } = require('./harness.js');

const SIZE = 8;

class Permuter {
  constructor(n) {
    this.count = 0;
    this.v = [];
    for (let i = 0; i < n; i++) this.v.push(i + 1);
  }

  swap(i, j) {
    const t = this.v[i];
    this.v[i] = this.v[j];
    this.v[j] = t;
  }

  permute(n) {
    this.count++;
    if (n === 0) return;
    this.permute(n - 1);
    for (let i = n - 1; i >= 0; i--) {
      this.swap(n - 1, i);
      this.permute(n - 1);
      this.swap(n - 1, i);
    }
  }
}

// Plain permutations in lexicographic order (next-permutation), to cross-check the count.
function lexicographicCount(n) {
  const a = [];
  for (let i = 0; i < n; i++) a.push(i);
  let count = 1;
  let weighted = 0;
  for (;;) {
    let i = n - 2;
    while (i >= 0 && a[i] >= a[i + 1]) i--;
    if (i < 0) break;
    let j = n - 1;
    while (a[j] <= a[i]) j--;
    let t = a[i];
    a[i] = a[j];
    a[j] = t;
    for (let l = i + 1, r = n - 1; l < r; l++, r--) {
      t = a[l];
      a[l] = a[r];
      a[r] = t;
    }
    count++;
    weighted = (weighted + a[0] * 7 + a[n - 1]) % 1000003;
  }
  return mix(count, weighted);
}

run('permute', function iteration() {
  const p = new Permuter(SIZE);
  p.permute(SIZE);
  return mix(mix(0, p.count), lexicographicCount(SIZE));
}, 20708300);
