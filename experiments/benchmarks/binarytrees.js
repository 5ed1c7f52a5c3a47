'use strict';
// binarytrees.js: allocate and walk many perfect binary trees (the benchmarks game's
// binary-trees): one long-lived tree survives the whole iteration while short-lived trees
// of increasing depth are built and discarded, which is mostly work for the allocator and
// the garbage collector. Checksum: the node counts of every tree walked.
const { run, mix } = require('./harness.js');

const MAX_DEPTH = 13;
const MIN_DEPTH = 4;

class TreeNode {
  constructor(left, right) {
    this.left = left;
    this.right = right;
  }
  check() {
    return this.left === null ? 1 : 1 + this.left.check() + this.right.check();
  }
}

function bottomUpTree(depth) {
  return depth > 0
    ? new TreeNode(bottomUpTree(depth - 1), bottomUpTree(depth - 1))
    : new TreeNode(null, null);
}

run('binarytrees', function iteration() {
  let h = mix(0, bottomUpTree(MAX_DEPTH + 1).check());
  const longLived = bottomUpTree(MAX_DEPTH);
  for (let depth = MIN_DEPTH; depth <= MAX_DEPTH; depth += 2) {
    const trees = 1 << (MAX_DEPTH - depth + MIN_DEPTH);
    let check = 0;
    for (let i = 0; i < trees; i++) check += bottomUpTree(depth).check();
    h = mix(h, trees);
    h = mix(h, check);
  }
  return mix(h, longLived.check());
}, 476761410);
