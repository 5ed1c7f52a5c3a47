// Set: values/keys/[Symbol.iterator] are one function, entries pairs each value with
// itself, iteration survives mutation, the constructor goes through `add`.
print(Set.prototype.keys === Set.prototype.values, Set.prototype[Symbol.iterator] === Set.prototype.values, Set.prototype.values.name);
// expect: true true values
var s = new Set('hello');
print(s.size, [...s].join(''), JSON.stringify([...s.entries()].slice(0, 2)));  // expect: 4 helo [["h","h"],["e","e"]]
print(s.add('z') === s, s.has('z'), s.delete('z'), s.delete('z'), s.has('z'));  // expect: true true true false false
var nums = new Set([NaN, 0, -0, 0 / 0, 1, '1']);
print(nums.size, nums.has(NaN), nums.has(-0), Object.is([...nums][1], 0));  // expect: 4 true true true
var it = s.values();
it.next();
s.delete('e');
s.add('!');
var rest = [];
for (var x of it) rest.push(x);
print(rest.join(''));  // expect: lo!
// Adding during for-of visits the new values; re-adding an existing one does not move it.
var grow = new Set([1]);
var seen = [];
for (var v of grow) { seen.push(v); if (v < 5) grow.add(v + 1); grow.add(1); }
print(seen.join());  // expect: 1,2,3,4,5
var fe = [];
new Set(['a', 'b']).forEach(function (v, k, set) { fe.push(v + k + (set instanceof Set) + (this && this.t)); }, { t: '#' });
print(fe.join(' '));  // expect: aatrue# bbtrue#
class Tracking extends Set {
  add(v) { this.added = (this.added || 0) + 1; return super.add(v); }
}
var t = new Tracking([1, 1, 2]);
print(t.added, t.size);  // expect: 3 2
var savedAdd = Set.prototype.add;
delete Set.prototype.add;
try { new Set([1]); } catch (e) { print(e.name); }  // expect: TypeError
print(new Set().size, new Set(null).size);  // expect: 0 0
Set.prototype.add = savedAdd;
try { Set(); } catch (e) { print(e.name); }  // expect: TypeError
try { new Set(1); } catch (e) { print(e.name); }  // expect: TypeError
try { Set.prototype.has.call(new Map(), 1); } catch (e) { print(e.name); }  // expect: TypeError
var big = new Set();
for (var i = 0; i < 4000; i++) big.add('v' + (i % 2000));
for (i = 0; i < 2000; i += 2) big.delete('v' + i);
print(big.size, big.has('v1'), big.has('v0'), [...big][0], [...big].pop());  // expect: 1000 true false v1 v1999
big.clear();
print(big.size, [...big].length);  // expect: 0 0
