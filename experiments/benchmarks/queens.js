'use strict';
// queens.js: counts all solutions of the N-queens problem by backtracking over boolean
// arrays for the free rows and the two diagonal directions (as in the Stanford "Queens"
// benchmark, but exhaustive). 8 queens have 92 solutions, 9 have 352, 10 have 724.
const { run, mix } = require('./harness.js');

const SIZES = [8, 9, 10, 10, 10];
const KNOWN = new Map([[8, 92], [9, 352], [10, 724]]);

class Queens {
  constructor(n) {
    this.n = n;
    this.freeRows = [];
    this.freeMaxs = [];
    this.freeMins = [];
    this.queenRows = [];
    for (let i = 0; i < n; i++) {
      this.freeRows.push(true);
      this.queenRows.push(-1);
    }
    for (let i = 0; i < 2 * n; i++) {
      this.freeMaxs.push(true);
      this.freeMins.push(true);
    }
    this.solutions = 0;
    this.firstSolution = '';
  }

  isFree(r, c) {
    return this.freeRows[r] && this.freeMaxs[c + r] && this.freeMins[c - r + this.n];
  }

  set(r, c, value) {
    this.freeRows[r] = value;
    this.freeMaxs[c + r] = value;
    this.freeMins[c - r + this.n] = value;
  }

  place(c) {
    if (c === this.n) {
      if (this.solutions === 0) this.firstSolution = this.queenRows.join('');
      this.solutions++;
      return;
    }
    for (let r = 0; r < this.n; r++) {
      if (this.isFree(r, c)) {
        this.queenRows[c] = r;
        this.set(r, c, false);
        this.place(c + 1);
        this.set(r, c, true);
      }
    }
  }
}

run('queens', function iteration() {
  let h = 0;
  for (const n of SIZES) {
    const q = new Queens(n);
    q.place(0);
    if (q.solutions !== KNOWN.get(n)) throw new Error(`queens(${n}): ${q.solutions} solutions`);
    h = mix(h, q.solutions);
    h = mix(h, Number(q.firstSolution));
  }
  return h;
}, 630099018);
