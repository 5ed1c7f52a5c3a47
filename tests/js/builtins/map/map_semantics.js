// Map: SameValueZero keys (NaN equals NaN, -0 is normalized to +0), any key type, insertion
// order, size, chaining, overwriting keeps position.
var m = new Map();
var objKey = {}, fnKey = function () {};
print(m.set('a', 1) === m, m.size);  // expect: true 1
m.set(1, 'number one').set('1', 'string one').set(objKey, 'object').set(fnKey, 'function').set(NaN, 'nan').set(-0, 'zero');
m.set(null, 'null').set(undefined, 'undefined').set(true, 'true');
print(m.size, m.get(1), m.get('1'), m.get(objKey), m.get({}), m.get(fnKey), m.get(NaN), m.get(0 / 0), m.get(0), m.get(-0));
// expect: 10 number one string one object undefined function nan nan zero zero
print(m.get(null), m.get(undefined), m.get(), m.get(true), m.get('true'), m.has(NaN), m.has(+0), m.has('missing'));
// expect: null undefined undefined true undefined true true false
print(1 / [...m.keys()][6], typeof [...m.keys()][1]);  // expect: Infinity number
m.set('a', 'updated');
print([...m.keys()][0], m.get('a'), m.size);  // expect: a updated 10
print(m.delete('a'), m.delete('a'), m.size, m.has('a'));  // expect: true false 9 false
m.set('a', 'readded');
print([...m.keys()].pop());  // expect: a
// Iteration order and entries.
var ordered = new Map([['z', 1], ['a', 2], [3, 3]]);
print(JSON.stringify([...ordered]), JSON.stringify([...ordered.keys()]), JSON.stringify([...ordered.values()]), JSON.stringify([...ordered.entries()]));
// expect: [["z",1],["a",2],[3,3]] ["z","a",3] [1,2,3] [["z",1],["a",2],[3,3]]
print(ordered[Symbol.iterator] === ordered.entries, Map.prototype[Symbol.iterator] === Map.prototype.entries);
// expect: true true
var fe = [];
ordered.forEach(function (v, k, map) { fe.push(k + '=' + v + (map === ordered ? '' : '!') + (this === undefined ? '' : this.tag)); }, { tag: '#' });
print(fe.join(' '));  // expect: z=1# a=2# 3=3#
// clear.
var c = new Map([[1, 1], [2, 2]]);
c.clear();
print(c.size, c.get(1), [...c].length);  // expect: 0 undefined 0
// Constructor from iterables; errors.
print(new Map().size, new Map(null).size, new Map(undefined).size, new Map([[1, 'a'], [1, 'b']]).get(1));
// expect: 0 0 0 b
try { new Map([1, 2]); } catch (e) { print(e.name); }  // expect: TypeError
try { Map(); } catch (e) { print(e.name); }  // expect: TypeError
try { new Map(5); } catch (e) { print(e.name); }  // expect: TypeError
// Object keys are by identity; string keys by content.
var k1 = 'ab', k2 = ['a', 'b'].join('');
var byContent = new Map([[k1, 'found']]);
print(byContent.get(k2), new Map([[[1], 'x']]).get([1]));  // expect: found undefined
// Many entries.
var big = new Map();
for (var i = 0; i < 10000; i++) big.set('k' + i, i);
for (var j = 0; j < 10000; j += 2) big.delete('k' + j);
var s = 0;
big.forEach(function (v) { s += v; });
print(big.size, s, big.get('k9999'), big.get('k0'), [...big.keys()][0]);
// expect: 5000 25000000 9999 undefined k1
print(Map.length, Map.name, typeof Map.prototype.get, Object.getOwnPropertyDescriptor(Map.prototype, 'size').get !== undefined);
// expect: 0 Map function true
