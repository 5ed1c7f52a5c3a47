'use strict';
// storage.js: builds a tree of arrays (every inner node an array of four children, every
// leaf a pre-sized, holey array of 1..10 elements), in the manner of the Storage benchmark
// of "Are We Fast Yet": allocation of many arrays of varied lengths, with a live set the
// collector must trace. Checksum: number of arrays built and total leaf capacity.
const { run, Random, mix } = require('./harness.js');

const DEPTH = 8;
const TREES = 8;

class Builder {
  constructor(random) {
    this.random = random;
    this.arrays = 0;
    this.leafSlots = 0;
  }

  build(depth) {
    this.arrays++;
    if (depth === 1) {
      const n = this.random.int(10) + 1;
      this.leafSlots += n;
      const leaf = new Array(n);
      leaf[n - 1] = depth; // touch the last slot so the leaf really has its length
      return leaf;
    }
    const node = new Array(4);
    for (let i = 0; i < 4; i++) node[i] = this.build(depth - 1);
    return node;
  }
}

function countLeaves(tree) {
  if (tree.length === 4 && Array.isArray(tree[0])) {
    let sum = 0;
    for (let i = 0; i < 4; i++) sum += countLeaves(tree[i]);
    return sum;
  }
  return 1;
}

run('storage', function iteration() {
  const random = new Random(1234);
  let h = 0;
  // Two trees are alive at a time: the collector traces a sizeable live set while most
  // of what is allocated dies young.
  let previous = null;
  for (let t = 0; t < TREES; t++) {
    const b = new Builder(random);
    const tree = b.build(DEPTH);
    h = mix(h, b.arrays);
    h = mix(h, b.leafSlots);
    if (previous !== null) h = mix(h, countLeaves(previous));
    previous = tree;
  }
  return mix(h, countLeaves(previous));
}, 1173225614);
