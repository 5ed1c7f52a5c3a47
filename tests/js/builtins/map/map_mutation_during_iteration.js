// Iterating a Map while changing it: deleted entries not yet visited are skipped, entries
// added during iteration are visited, clear ends the iteration, re-added keys go to the end.
var m = new Map([[1, 'a'], [2, 'b'], [3, 'c'], [4, 'd']]);
var seen = [];
for (var [k] of m) {
  seen.push(k);
  if (k === 1) { m.delete(2); m.set(5, 'e'); }
  if (k === 3) m.delete(3);
}
print(seen.join(), [...m.keys()].join());  // expect: 1,3,4,5 1,4,5
var m2 = new Map([['x', 1], ['y', 2]]);
var seen2 = [];
m2.forEach(function (v, k) {
  seen2.push(k);
  if (k === 'x' && seen2.length === 1) { m2.delete('x'); m2.set('x', 'again'); }
});
print(seen2.join(), [...m2.keys()].join());  // expect: x,y,x y,x
var m3 = new Map([[1, 1], [2, 2], [3, 3]]);
var seen3 = [];
for (var [k3] of m3) { seen3.push(k3); if (k3 === 1) m3.clear(); }
print(seen3.join(), m3.size);  // expect: 1 0
// An iterator created before changes sees them.
var m4 = new Map([[1, 1]]);
var it = m4.keys();
m4.set(2, 2);
m4.delete(1);
print(JSON.stringify(it.next()), JSON.stringify(it.next()));
// expect: {"value":2,"done":false} {"done":true}
m4.set(3, 3);
print(JSON.stringify(it.next()));  // expect: {"done":true}
// Growing while iterating terminates when additions stop.
var g = new Map([[0, 0]]);
var count = 0;
for (var [gk] of g) { count++; if (gk < 50) g.set(gk + 1, gk + 1); }
print(count, g.size);  // expect: 51 51
