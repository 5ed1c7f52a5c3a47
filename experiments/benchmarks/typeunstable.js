'use strict';
// typeunstable.js: deliberately type-unstable, so that speculating JIT tiers must
// deoptimize. The same hot functions run throughout the process, but what flows through
// them changes as the run progresses (counted in rounds over the whole run, so a run of one
// iteration changes too):
//   - the numeric kernel sees small integers for the first third of the rounds, then
//     doubles (every value + 0.25), then fixed-width digit strings (where + concatenates
//     and < compares lexicographically, which equals numeric order for equal widths);
//   - the object kernel sees objects of one shape for the first half, then objects whose
//     properties were added in another order, one extra property added and one deleted.
// Each mode's results are mapped back to the same canonical integers, so the checksum is
// identical in every iteration although the types are not.
const { run, Random, mix } = require('./harness.js');

const VALUES = 4000;
const WIDTH = 6; // digits per string value
const ROUNDS = 120; // kernel rounds per iteration
const OBJECTS = 2000;

const random = new Random(77);
const INTS = [];
for (let i = 0; i < VALUES; i++) INTS.push(random.int(100000));
const DOUBLES = INTS.map((v) => v + 0.25);
const STRINGS = INTS.map((v) => String(v).padStart(WIDTH, '0'));
const THRESHOLD = 50000;

// The type-unstable kernel: + and < on whatever it is given.
function kernel(values, zero, threshold) {
  let acc = zero;
  let max = values[0];
  let above = 0;
  for (let i = 0; i < values.length; i++) {
    const v = values[i];
    acc = acc + v;
    if (max < v) max = v;
    if (threshold < v) above++;
  }
  return [acc, max, above];
}

function numericRound(mode) {
  if (mode === 0) {
    const [acc, max, above] = kernel(INTS, 0, THRESHOLD);
    return [acc, max, above];
  }
  if (mode === 1) {
    const [acc, max, above] = kernel(DOUBLES, 0, THRESHOLD + 0.25);
    return [acc - 0.25 * VALUES, max - 0.25, above];
  }
  const [acc, max, above] = kernel(STRINGS, '', String(THRESHOLD).padStart(WIDTH, '0'));
  let sum = 0;
  for (let k = 0; k < acc.length; k += WIDTH) sum += parseInt(acc.slice(k, k + WIDTH), 10);
  return [sum, parseInt(max, 10), above];
}

// The shape-unstable kernel: property loads on objects whose hidden class changes.
function weigh(o) {
  return o.x * 3 + o.y * 5 + o.z * 7;
}

function makeObjects(shapeMode, seed) {
  const objs = [];
  for (let i = 0; i < OBJECTS; i++) {
    const x = (i + seed) % 97;
    const y = (i * 7) % 89;
    const z = (i * 13 + seed) % 83;
    if (shapeMode === 0) {
      objs.push({ x, y, z });
    } else if ((i & 1) === 0) {
      const o = { z, y, x };
      o.tag = i;
      objs.push(o);
    } else {
      const o = { x, y, z, tmp: 0 };
      delete o.tmp;
      objs.push(o);
    }
  }
  return objs;
}

function objectRound(shapeMode, seed) {
  const objs = makeObjects(shapeMode, seed);
  let total = 0;
  for (let i = 0; i < objs.length; i++) total += weigh(objs[i]);
  return total;
}

run('typeunstable', function iteration(i, n) {
  const totalRounds = n * ROUNDS;
  let h = 0;
  for (let r = 0; r < ROUNDS; r++) {
    const global = i * ROUNDS + r;
    const mode = Math.floor((3 * global) / totalRounds);
    const shapeMode = 2 * global >= totalRounds ? 1 : 0;
    const [sum, max, above] = numericRound(mode);
    h = mix(h, sum);
    h = mix(h, max);
    h = mix(h, above);
    h = mix(h, objectRound(shapeMode, r));
  }
  return h;
}, 982629049);
