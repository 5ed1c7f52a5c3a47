// Set: SameValueZero membership, insertion order, add returns the set, deletion during
// iteration, keys === values, entries are pairs.
var s = new Set([3, 1, 3, 2, 1]);
print(s.size, [...s].join(), s.has(3), s.has('3'));  // expect: 3 3,1,2 true false
print(s.add(4) === s, s.add(1).size, [...s].join());  // expect: true 4 3,1,2,4
s.add(NaN).add(NaN).add(0).add(-0);
print(s.size, s.has(NaN), s.has(-0), 1 / [...s].pop());  // expect: 6 true true Infinity
print(s.delete(1), s.delete(1), s.size, [...s].join());  // expect: true false 5 3,2,4,NaN,0
var o = {};
var objs = new Set([o, {}, o]);
print(objs.size, objs.has(o), objs.has({}));  // expect: 2 true false
print(JSON.stringify([...new Set('hello')]), new Set('').size, new Set([[1], [1]]).size);
// expect: ["h","e","l","o"] 0 2
print(Set.prototype.keys === Set.prototype.values, Set.prototype[Symbol.iterator] === Set.prototype.values);
// expect: true true
print(JSON.stringify([...new Set(['a', 'b']).entries()]));  // expect: [["a","a"],["b","b"]]
var fe = [];
new Set(['x', 'y']).forEach(function (v, k, set) { fe.push(v + k + set.size); });
print(fe.join());  // expect: xx2,yy2
// Deletion and addition while iterating.
var it = new Set([1, 2, 3, 4]);
var seen = [];
for (var v of it) {
  seen.push(v);
  if (v === 1) { it.delete(3); it.add(5); }
  if (v === 2 && seen.indexOf(2) === seen.length - 1) { it.delete(2); it.add(2); }
}
print(seen.join(), [...it].join());  // expect: 1,2,4,5,2 1,4,5,2
// clear.
var c = new Set([1, 2]);
c.clear();
print(c.size, c.has(1));  // expect: 0 false
// Dedup of strings built differently.
var strs = new Set(['ab', 'a' + 'b', ['a', 'b'].join(''), String.fromCharCode(97, 98)]);
print(strs.size);  // expect: 1
// Errors.
try { Set(); } catch (e) { print(e.name); }  // expect: TypeError
try { new Set(1); } catch (e) { print(e.name); }  // expect: TypeError
try { Set.prototype.add.call({}, 1); } catch (e) { print(e.name); }  // expect: TypeError
// Many elements.
var big = new Set();
for (var i = 0; i < 20000; i++) big.add(i % 5000);
print(big.size, big.has(4999), big.has(5000));  // expect: 5000 true false
print(Set.length, Set.name);  // expect: 0 Set
