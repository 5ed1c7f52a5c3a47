// engine-only: --gc-stress is a Strata flag (collect at every allocation)
// flags: --gc-stress
// Recursion through built-ins (map, reduce, sort comparators, getters, constructors): each
// level's half-built results are held only by the C frames of the natives below it, which the
// conservative stack scan must keep alive while deeper levels collect at every allocation.
// Those outer frames do not change between collections, so the scan takes their cells from
// its record of the previous collection (gc/roots.c): a wrong record frees a live array.
function viaMap(n) {
  if (n === 0) return ['leaf'];
  return [n, n + 1].map(function (k) { return k === n ? viaMap(n - 1).length + ':' + k : 'x' + k; });
}
var r = viaMap(60);
print(r.length, r[0], r[1]);  // expect: 2 2:60 x61

function viaReduce(n) {
  if (n === 0) return { sum: 0, tag: 'z' };
  return [1, 2, 3].reduce(function (acc, k) {
    var inner = k === 2 ? viaReduce(n - 1) : { sum: k, tag: 'k' + k };
    return { sum: acc.sum + inner.sum, tag: acc.tag + inner.tag.length };
  }, { sum: 0, tag: 't' });
}
var s = viaReduce(40);
print(s.sum, s.tag.length);  // expect: 160 4

var depth = 0;
var deep = { get next() { depth++; return depth < 50 ? [this.next, { d: depth }] : [{ d: 'end' }]; } };
var chain = deep.next, links = 0;
while (chain.length === 2) { links++; chain = chain[0]; }
print(links, chain[0].d);  // expect: 49 end

function Tree(n) { this.kids = n ? [new Tree(n - 1), 'v' + n] : []; this.n = n; }
var t = new Tree(45), count = 0;
for (var p = t; p.kids.length; p = p.kids[0]) count++;
print(count, t.kids[1], t.kids[0].kids[1]);  // expect: 45 v45 v44

var sorted = [5, 3, 9, 1, 7].sort(function (a, b) {
  var pad = [a, b, viaMap(3)];  // allocates inside every comparison
  return pad[0] - pad[1];
});
print(sorted.join(','));  // expect: 1,3,5,7,9
