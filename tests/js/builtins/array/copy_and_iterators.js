// toReversed, toSpliced, with (change-array-by-copy); keys/values/entries and the array and
// string iterators.
function fmt(v) {
  if (typeof v === 'string') return '"' + v + '"';
  if (Array.isArray(v)) return show(v);
  return String(v);
}
function show(a) {
  var parts = [];
  for (var i = 0; i < a.length; i++) parts.push(i in a ? fmt(a[i]) : '_');
  return '[' + parts.join(',') + ']';
}
function err(f) {
  try { f(); return 'no error'; } catch (e) { return e.constructor.name; }
}

var a = [1, 2, , 4];
print(show(a.toReversed()), show(a), show([].toReversed())); // expect: [4,undefined,2,1] [1,2,_,4] []
print(show(a.toSpliced(1, 2, 'x')), show(a.toSpliced()), show(a.toSpliced(2)), show(a.toSpliced(-1, 0, 'y', 'z'))); // expect: [1,"x",4] [1,2,undefined,4] [1,2] [1,2,undefined,"y","z",4]
print(show(a.with(0, 'first')), show(a.with(-1, 'last')), show(a)); // expect: ["first",2,undefined,4] [1,2,undefined,"last"] [1,2,_,4]
print(err(() => a.with(4, 0)), err(() => a.with(-5, 0)), show([1].with('0', 2))); // expect: RangeError RangeError [2]
print(show(Array.prototype.toReversed.call({ length: 2, 0: 'a', 1: 'b' }))); // expect: ["b","a"]
print(Array.prototype.with.call({ length: 1, 0: 'o' }, 0, 'n')[0]); // expect: n

// iterators
var it = ['a', 'b'][Symbol.iterator]();
var r1 = it.next(), r2 = it.next(), r3 = it.next(), r4 = it.next();
print(r1.value, r1.done, r2.value, r2.done, r3.value, r3.done, r4.done); // expect: a false b false undefined true true
print(Object.keys(r1).join(','), Object.getPrototypeOf(r1) === Object.prototype); // expect: value,done true
print(Array.prototype[Symbol.iterator] === Array.prototype.values, Array.prototype.values.name); // expect: true values
print(show(Array.from(['x', 'y'].keys())), show(Array.from(['x', 'y'].entries())), show(Array.from([, 1].values()))); // expect: [0,1] [[0,"x"],[1,"y"]] [undefined,1]
var AIP = Object.getPrototypeOf([][Symbol.iterator]());
var IP = Object.getPrototypeOf(AIP);
print(typeof AIP.next, AIP.hasOwnProperty(Symbol.iterator), IP[Symbol.iterator]() === IP, IP === Object.getPrototypeOf(Object.getPrototypeOf(''[Symbol.iterator]()))); // expect: function false true true
print(err(() => AIP.next.call({})), err(() => AIP.next.call(''[Symbol.iterator]()))); // expect: TypeError TypeError
// an exhausted iterator stays exhausted, even when the array grows
var g = [1];
var gi = g.values();
gi.next();
gi.next();
g.push(2);
print(gi.next().done); // expect: true
// a live iterator sees changes
var live = [1, 2];
var li = live.values();
li.next();
live.push(3);
var seen = [];
for (var r = li.next(); !r.done; r = li.next()) seen.push(r.value);
print(seen.join(',')); // expect: 2,3
// array-likes
var al = Array.prototype.values.call({ length: 2, 0: 'p', 1: 'q' });
print(al.next().value, al.next().value, al.next().done); // expect: p q true

// for-of over arrays, holes, and mutation during the loop
var out = [];
for (var v of [1, , 3]) out.push(v);
print(out.join('|')); // expect: 1||3
var m = [1, 2, 3];
var count = 0;
for (var x of m) { if (count++ < 2) m.push(x * 10); }
print(m.join(','), count); // expect: 1,2,3,10,20 5
// overriding next on the prototype is observed by for-of
var saved = AIP.next;
AIP.next = function () { return { done: true }; };
var n = 0;
for (var y of [1, 2, 3]) n++;
AIP.next = saved;
print(n); // expect: 0
for (var z of [4, 5]) n += z;
print(n); // expect: 9

// string iteration is by code point
var s = 'a\uD83D\uDE00\uD800b';
var cps = [];
for (var c of s) cps.push(c.length);
print(cps.join(','), [...'héllo'].length); // expect: 1,2,1,1 5
var si = 'ab'[Symbol.iterator]();
print(si.next().value, si.next().value, si.next().done, typeof si[Symbol.iterator]); // expect: a b true function
print(err(() => String.prototype[Symbol.iterator].call(null))); // expect: TypeError

// spread and destructuring use the same protocol
var [p, , q = 'd', ...rest] = [1, 2, undefined, 4, 5];
print(p, q, show(rest), show([...'ab', ...[1, , 2]])); // expect: 1 d [4,5] ["a","b",1,undefined,2]
