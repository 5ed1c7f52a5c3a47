'use strict';
// closures.js: closures and higher-order functions: counters and accumulators that capture
// mutable variables, function composition and currying with arrows, default parameters,
// rest/spread and destructuring, and pipelines over arrays with map, filter, reduce,
// forEach, some, every, find and findIndex. Calls through closures dominate.
const { run, Random, mix } = require('./harness.js');

const SIZE = 15000;
const ROUNDS = 16;

function makeCounter(start = 0, step = 1) {
  let value = start;
  return {
    next: () => (value += step),
    peek: () => value,
  };
}

const compose = (...fns) => (x) => fns.reduceRight((acc, f) => f(acc), x);
const curry3 = (f) => (a) => (b) => (c) => f(a, b, c);
const clamp = curry3((lo, hi, x) => (x < lo ? lo : x > hi ? hi : x));

function makeAccumulators(n) {
  const accs = [];
  for (let i = 0; i < n; i++) {
    let total = i;
    accs.push((x) => {
      total += x;
      return total;
    });
  }
  return accs;
}

function pipeline(items, round) {
  const scale = round + 1;
  const bounded = clamp(0)(5000);
  const transform = compose((x) => x % 1000, (x) => x * scale, bounded);
  const mapped = items.map(({ weight, id }) => ({ id, w: transform(weight) }));
  const heavy = mapped.filter((o) => o.w > 500);
  const total = heavy.reduce((acc, { w }) => acc + w, 0);
  let evens = 0;
  mapped.forEach((o) => {
    if ((o.id & 1) === 0) evens += o.w;
  });
  const anyZero = mapped.some((o) => o.w === 0);
  const allSmall = mapped.every((o) => o.w < 1000);
  const firstBig = mapped.find((o) => o.w > 990);
  const firstBigIndex = mapped.findIndex((o) => o.w > 990);
  let h = mix(total, evens);
  h = mix(h, heavy.length);
  h = mix(h, (anyZero ? 1 : 0) + (allSmall ? 2 : 0));
  h = mix(h, firstBig === undefined ? -1 : firstBig.id);
  return mix(h, firstBigIndex);
}

function sumAll(first, ...rest) {
  return rest.reduce((a, b) => a + b, first);
}

run('closures', function iteration() {
  const random = new Random(5);
  const items = [];
  for (let i = 0; i < SIZE; i++) items.push({ id: i, weight: random.int(10000) });

  let h = 0;
  for (let r = 0; r < ROUNDS; r++) h = mix(h, pipeline(items, r));

  const counter = makeCounter(10, 3);
  const accs = makeAccumulators(64);
  for (let i = 0; i < SIZE; i++) {
    counter.next();
    accs[i & 63](i);
  }
  h = mix(h, counter.peek());
  for (const acc of accs) h = mix(h, acc(0));

  const parts = [1, 2, 3, 4, 5, 6, 7, 8];
  let spreadSum = 0;
  for (let i = 0; i < SIZE; i++) {
    const [a, b, ...others] = parts;
    spreadSum += sumAll(a, b, ...others, i & 7);
  }
  return mix(h, spreadSum);
}, 1476104548);
