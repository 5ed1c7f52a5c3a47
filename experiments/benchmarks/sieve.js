'use strict';
// sieve.js: the sieve of Eratosthenes over a boolean array, repeated; a tight loop of
// array loads and stores with a stride. Checksum: prime counts and the largest prime.
const { run, mix } = require('./harness.js');

const LIMIT = 250000;
const RUNS = 2;

function sieve(limit) {
  const composite = [];
  for (let i = 0; i <= limit; i++) composite.push(false);
  let count = 0;
  let largest = 0;
  for (let i = 2; i <= limit; i++) {
    if (!composite[i]) {
      count++;
      largest = i;
      for (let k = i * i; k <= limit; k += i) composite[k] = true;
    }
  }
  return mix(count, largest);
}

run('sieve', function iteration() {
  let h = 0;
  for (let r = 0; r < RUNS; r++) h = mix(h, sieve(LIMIT - r * 1000));
  return h;
}, 29863814);
