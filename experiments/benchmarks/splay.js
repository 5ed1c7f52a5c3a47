'use strict';
// splay.js: a splay-tree workload in the manner of Octane's Splay: a tree of a few thousand
// nodes, each carrying a freshly allocated payload (a small tree of objects, an array and
// a string), is repeatedly modified by inserting new random keys and removing old ones.
// Top-down splaying keeps recently used keys near the root; the payloads make it a test
// of allocation and of a GC that must trace a large, changing live set.
const { run, Random, mix } = require('./harness.js');

const TREE_SIZE = 4000;
const MODIFICATIONS = 4000;
const PAYLOAD_DEPTH = 3;

class SplayNode {
  constructor(key, value) {
    this.key = key;
    this.value = value;
    this.left = null;
    this.right = null;
  }
}

class SplayTree {
  constructor() {
    this.root = null;
    this.size = 0;
  }

  isEmpty() { return this.root === null; }

  // Top-down splay: afterwards the node with key (or the last node on its search path)
  // is the root.
  splay(key) {
    if (this.root === null) return;
    const header = new SplayNode(0, null);
    let left = header;
    let right = header;
    let current = this.root;
    for (;;) {
      if (key < current.key) {
        if (current.left === null) break;
        if (key < current.left.key) {
          const tmp = current.left; // rotate right
          current.left = tmp.right;
          tmp.right = current;
          current = tmp;
          if (current.left === null) break;
        }
        right.left = current; // link right
        right = current;
        current = current.left;
      } else if (key > current.key) {
        if (current.right === null) break;
        if (key > current.right.key) {
          const tmp = current.right; // rotate left
          current.right = tmp.left;
          tmp.left = current;
          current = tmp;
          if (current.right === null) break;
        }
        left.right = current; // link left
        left = current;
        current = current.right;
      } else {
        break;
      }
    }
    left.right = current.left;
    right.left = current.right;
    current.left = header.right;
    current.right = header.left;
    this.root = current;
  }

  insert(key, value) {
    if (this.root === null) {
      this.root = new SplayNode(key, value);
      this.size++;
      return true;
    }
    this.splay(key);
    if (this.root.key === key) return false;
    const node = new SplayNode(key, value);
    if (key > this.root.key) {
      node.left = this.root;
      node.right = this.root.right;
      this.root.right = null;
    } else {
      node.right = this.root;
      node.left = this.root.left;
      this.root.left = null;
    }
    this.root = node;
    this.size++;
    return true;
  }

  remove(key) {
    if (this.root === null) return null;
    this.splay(key);
    if (this.root.key !== key) return null;
    const removed = this.root;
    if (this.root.left === null) {
      this.root = this.root.right;
    } else {
      const right = this.root.right;
      this.root = this.root.left;
      this.splay(key); // brings the maximum of the left subtree to the root
      this.root.right = right;
    }
    this.size--;
    return removed;
  }

  find(key) {
    if (this.root === null) return null;
    this.splay(key);
    return this.root.key === key ? this.root : null;
  }

  findMax(start) {
    let node = start === undefined ? this.root : start;
    if (node === null) return null;
    while (node.right !== null) node = node.right;
    return node;
  }

  // The node with the largest key smaller than key, or null.
  findGreatestLessThan(key) {
    if (this.root === null) return null;
    this.splay(key);
    if (this.root.key < key) return this.root;
    if (this.root.left !== null) return this.findMax(this.root.left);
    return null;
  }

  // In-order traversal without recursion depth limits.
  forEach(fn) {
    const stack = [];
    let node = this.root;
    while (node !== null || stack.length > 0) {
      while (node !== null) {
        stack.push(node);
        node = node.left;
      }
      node = stack.pop();
      fn(node);
      node = node.right;
    }
  }
}

function makePayload(depth, key) {
  if (depth === 0) {
    return { array: [0, 1, 2, 3, 4, 5, 6, 7, 8, 9], text: `String for key ${key} in leaf node` };
  }
  return { left: makePayload(depth - 1, key), right: makePayload(depth - 1, key) };
}

function insertNewNode(tree, random) {
  let key;
  do {
    key = random.int(1000000);
  } while (tree.find(key) !== null);
  tree.insert(key, makePayload(PAYLOAD_DEPTH, key));
  return key;
}

run('splay', function iteration() {
  const random = new Random(42);
  const tree = new SplayTree();
  for (let i = 0; i < TREE_SIZE; i++) insertNewNode(tree, random);
  let h = 0;
  for (let i = 0; i < MODIFICATIONS; i++) {
    const key = insertNewNode(tree, random);
    const greatest = tree.findGreatestLessThan(key);
    const victim = greatest === null ? tree.findMax().key : greatest.key;
    const removed = tree.remove(victim);
    if (removed === null || removed.key !== victim) throw new Error('splay: remove failed');
    h = mix(h, victim);
  }
  let count = 0;
  let previous = -1;
  tree.forEach((node) => {
    if (node.key <= previous) throw new Error('splay: tree out of order');
    previous = node.key;
    count++;
    h = mix(h, node.value.left.left.right.text.length);
  });
  if (count !== tree.size) throw new Error('splay: size mismatch');
  return mix(h, count);
}, 828212477);
