'use strict';
// mapset.js: Map and Set as programs use them: a random graph stored as a Map from node
// to neighbour arrays, explored breadth-first with a Set of visited nodes; word counting
// with string keys; set union and intersection; iteration with for-of over entries and
// destructuring. Insertion order is part of the checksum, as the language requires.
const { run, Random, mix } = require('./harness.js');

const NODES = 3000;
const EDGES_PER_NODE = 4;
const WORDS = 40000;

function buildGraph(random) {
  const graph = new Map();
  for (let i = 0; i < NODES; i++) graph.set(i, []);
  for (let i = 0; i < NODES; i++) {
    for (let e = 0; e < EDGES_PER_NODE; e++) {
      const j = random.int(NODES);
      graph.get(i).push(j);
      graph.get(j).push(i);
    }
  }
  return graph;
}

function bfs(graph, start) {
  const seen = new Set([start]);
  let frontier = [start];
  let depth = 0;
  let h = 0;
  while (frontier.length > 0) {
    const next = [];
    for (const node of frontier) {
      for (const m of graph.get(node)) {
        if (!seen.has(m)) {
          seen.add(m);
          next.push(m);
        }
      }
    }
    h = mix(h, next.length);
    frontier = next;
    depth++;
  }
  return mix(mix(h, seen.size), depth);
}

function countWords(random) {
  const syllables = ['ka', 'lo', 'mi', 'ne', 'tu', 'ra', 'so', 'vi'];
  const counts = new Map();
  for (let i = 0; i < WORDS; i++) {
    const n = 1 + random.int(3);
    let w = '';
    for (let k = 0; k < n; k++) w += syllables[random.int(syllables.length)];
    counts.set(w, (counts.get(w) ?? 0) + 1);
  }
  let h = 0;
  for (const [word, count] of counts) {
    h = mix(h, word.length * 1000 + count);
  }
  return mix(h, counts.size);
}

function setAlgebra(random) {
  const a = new Set();
  const b = new Set();
  for (let i = 0; i < 5000; i++) {
    a.add(random.int(8000));
    b.add(random.int(8000));
  }
  const union = new Set([...a, ...b]);
  const inter = new Set();
  for (const x of a) if (b.has(x)) inter.add(x);
  let h = mix(union.size, inter.size);
  for (const x of inter) {
    a.delete(x);
    h = mix(h, x);
  }
  return mix(h, a.size);
}

run('mapset', function iteration() {
  const random = new Random(8);
  const graph = buildGraph(random);
  let h = 0;
  for (let s = 0; s < 12; s++) h = mix(h, bfs(graph, s * 101));
  h = mix(h, countWords(random));
  h = mix(h, setAlgebra(random));
  return h;
}, 650974255);
