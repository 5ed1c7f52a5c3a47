// Map: the constructor takes any iterable of entry objects through `set`; the iterators
// are live views that survive deletion, re-insertion and clear() during iteration.
var m = new Map([['a', 1], ['b', 2]]);
var it = m.entries();
print(JSON.stringify(it.next()), typeof it[Symbol.iterator], it[Symbol.iterator]() === it);
// expect: {"value":["a",1],"done":false} function true
var proto = Object.getPrototypeOf(it);
print(Object.getPrototypeOf(proto) === Object.getPrototypeOf(Object.getPrototypeOf([][Symbol.iterator]())), typeof proto.next, proto.hasOwnProperty(Symbol.iterator));
// expect: true function false
print(Object.getPrototypeOf(m.keys()) === proto, Object.getPrototypeOf(new Set().values()) === proto);  // expect: true false
m.delete('b');
m.set('c', 3);
print(JSON.stringify(it.next()), JSON.stringify(it.next()), JSON.stringify(it.next()));
// expect: {"value":["c",3],"done":false} {"done":true} {"done":true}
m.set('d', 4);
print(JSON.stringify(it.next()));  // expect: {"done":true}
// clear() during iteration: the iterator continues with entries added afterwards.
var m2 = new Map([[1, 1], [2, 2], [3, 3]]);
var keys = m2.keys();
keys.next();
m2.clear();
m2.set(9, 9);
print(JSON.stringify(keys.next()), JSON.stringify(keys.next()));  // expect: {"value":9,"done":false} {"done":true}
// Delete-and-re-add moves a key to the end, so it is visited again.
var m3 = new Map([['x', 1], ['y', 2]]);
var visits = [];
for (var [k, v] of m3) {
  visits.push(k + v);
  if (k === 'x' && v === 1) { m3.delete('x'); m3.set('x', 10); }
  if (visits.length > 5) break;
}
print(visits.join());  // expect: x1,y2,x10
// Heavy deletion while iterating (the table compacts underneath the iterator).
var big = new Map();
for (var i = 0; i < 1000; i++) big.set(i, i);
var seen = [];
for (var key of big.keys()) {
  seen.push(key);
  if (key === 10) for (var j = 0; j < 990; j++) big.delete(j);
}
print(seen.length, seen.slice(9).join());  // expect: 21 9,10,990,991,992,993,994,995,996,997,998,999
// forEach sees additions and skips deletions.
var fe = [];
var m4 = new Map([[1, 'a'], [2, 'b'], [3, 'c']]);
m4.forEach(function (v, k) { fe.push(k); if (k === 1) { m4.delete(2); m4.set(4, 'd'); } });
print(fe.join());  // expect: 1,3,4
// The constructor calls a user `set` (subclass) and closes the iterator on an error.
class LoggingMap extends Map {
  set(k, v) { this.log = (this.log || '') + k; return super.set(k, v); }
}
var lm = new LoggingMap([['p', 1], ['q', 2]]);
print(lm.log, lm.size, lm instanceof Map, Object.getPrototypeOf(lm) === LoggingMap.prototype);  // expect: pq 2 true true
var closed = false;
var iterable = {};
iterable[Symbol.iterator] = function () {
  var n = 0;
  return { next: function () { n++; return n === 1 ? { value: ['ok', 1], done: false } : { value: 'bad', done: false }; },
           return: function () { closed = true; return {}; } };
};
try { new Map(iterable); } catch (e) { print(e.name, closed); }  // expect: TypeError true
var setCalls = 0;
var savedSet = Map.prototype.set;
Map.prototype.set = function (k, v) { setCalls++; return savedSet.call(this, k, v); };
new Map([[1, 1], [2, 2]]);
Map.prototype.set = savedSet;
print(setCalls);  // expect: 2
var entryGets = [];
var entry = { get 0() { entryGets.push('0'); return 'k'; }, get 1() { entryGets.push('1'); return 'v'; } };
print(new Map([entry]).get('k'), entryGets.join());  // expect: v 0,1
try { new Map({}); } catch (e) { print(e.name); }  // expect: TypeError
try { Map.prototype.get.call(new Set(), 1); } catch (e) { print(e.name); }  // expect: TypeError
try { Map.prototype.size; } catch (e) { print(e.name); }  // expect: TypeError
try { new Map().keys().next.call({}); } catch (e) { print(e.name); }  // expect: TypeError
var d = Object.getOwnPropertyDescriptor(Map.prototype, 'size');
print(typeof d.get, d.set, d.enumerable, d.configurable, d.get.name);  // expect: function undefined false true get size
print(Map.prototype.entries === Map.prototype[Symbol.iterator], Map.prototype.keys.length, Map.prototype.set.length, Map.prototype.forEach.length);
// expect: true 0 2 1
var zero = new Map([[-0, 'z']]);
print(Object.is([...zero.keys()][0], 0), zero.get(0), zero.get(-0));  // expect: true z z
var objs = [{}, {}, function () {}, Symbol('s')];
var om = new Map(objs.map(function (o, i) { return [o, i]; }));
print(om.get(objs[0]), om.get(objs[1]), om.get(objs[2]), om.get(objs[3]), om.get({}));  // expect: 0 1 2 3 undefined
