// push, pop, shift, unshift, splice, reverse, fill, copyWithin: on dense arrays, holey
// arrays, and generic array-likes (the spec's step-by-step path).
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
function keys(o) { return Object.keys(o).join(',') + ' len=' + o.length; }
function err(f) {
  try { f(); return 'no error'; } catch (e) { return e.constructor.name; }
}

var a = [1, 2];
print(a.push(3, 4), show(a), a.push(), show(a)); // expect: 4 [1,2,3,4] 4 [1,2,3,4]
print(a.pop(), a.pop(), show(a), a.length); // expect: 4 3 [1,2] 2
print([].pop(), [].shift(), [].length); // expect: undefined undefined 0
print(a.shift(), show(a), a.unshift(7, 8), show(a), a.unshift(), show(a)); // expect: 1 [2] 3 [7,8,2] 3 [7,8,2]

// holes move with the elements
var h = [1, , 3];
print(h.shift(), show(h), h.length); // expect: 1 [_,3] 2
h.unshift(0, undefined);
print(show(h), h.length); // expect: [0,undefined,_,3] 4
var h2 = [, 2];
print(h2.pop(), h2.pop(), show(h2)); // expect: 2 undefined []

// a big array through the fast paths
var big = [];
for (var i = 0; i < 10000; i++) big.push(i);
var s = 0;
while (big.length > 5000) s += big.pop();
while (big.length > 10) s += big.shift();
print(s, big.length, big[0], big[9]); // expect: 49945055 10 4990 4999

// generic receivers
var o = { length: 2, 0: 'a', 1: 'b' };
print(Array.prototype.push.call(o, 'c'), keys(o)); // expect: 3 0,1,2,length len=3
print(Array.prototype.pop.call(o), keys(o)); // expect: c 0,1,length len=2
print(Array.prototype.shift.call(o), keys(o)); // expect: a 0,length len=1
print(Array.prototype.unshift.call(o, 'x', 'y'), keys(o), o[0], o[2]); // expect: 3 0,1,2,length len=3 x b
var empty = {};
print(Array.prototype.pop.call(empty), empty.length); // expect: undefined 0
var str = { length: '3', 0: 0, 2: 2 };
print(Array.prototype.reverse.call(str) === str, keys(str), str[0]); // expect: true 0,2,length len=3 2

// splice
var b = [0, 1, 2, 3, 4, 5];
print(show(b.splice(1, 2)), show(b)); // expect: [1,2] [0,3,4,5]
print(show(b.splice(1, 0, 'p', 'q')), show(b)); // expect: [] [0,"p","q",3,4,5]
print(show(b.splice(-2)), show(b)); // expect: [4,5] [0,"p","q",3]
print(show(b.splice(1, 1, 'r', 's', 't')), show(b)); // expect: ["p"] [0,"r","s","t","q",3]
print(show(b.splice()), show(b)); // expect: [] [0,"r","s","t","q",3]
print(show(b.splice(0, Infinity)), show(b), b.length); // expect: [0,"r","s","t","q",3] [] 0
var hb = [0, , 2, , 4];
print(show(hb.splice(1, 2, 'x')), show(hb)); // expect: [_,2] [0,"x",_,4]
var ob = { length: 4, 0: 'a', 1: 'b', 2: 'c', 3: 'd' };
print(show(Array.prototype.splice.call(ob, 1, 2, 'z')), keys(ob), ob[1], ob[2]); // expect: ["b","c"] 0,1,2,length len=3 z d

// reverse
print(show([1, 2, 3, 4].reverse()), show([1, , 3, 4, , ].reverse()), show([].reverse())); // expect: [4,3,2,1] [_,4,3,_,1] []

// fill
print(show([1, 2, 3, 4].fill(0)), show([1, 2, 3, 4].fill(9, 1, -1)), show(Array(3).fill('x', -2))); // expect: [0,0,0,0] [1,9,9,4] [_,"x","x"]
print(show([1, 2, 3].fill(5, 3)), show([1, 2, 3].fill(5, NaN, NaN))); // expect: [1,2,3] [1,2,3]
var fo = { length: 3 };
Array.prototype.fill.call(fo, 1);
print(keys(fo)); // expect: 0,1,2,length len=3

// copyWithin
print(show([1, 2, 3, 4, 5].copyWithin(0, 3)), show([1, 2, 3, 4, 5].copyWithin(1, 0, 3))); // expect: [4,5,3,4,5] [1,1,2,3,5]
print(show([1, 2, 3, 4, 5].copyWithin(-2, -4, -3)), show([1, , 3, 4].copyWithin(2, 0))); // expect: [1,2,3,2,5] [1,_,1,_]
var co = { length: 5, 3: 1 };
print(keys(Array.prototype.copyWithin.call(co, 0, 3))); // expect: 0,3,length len=5

// frozen arrays refuse mutation with a TypeError
var f = Object.freeze([1, 2, 3]);
print(err(() => f.push(4)), err(() => f.pop()), err(() => f.shift()), err(() => f.unshift(0))); // expect: TypeError TypeError TypeError TypeError
print(err(() => f.splice(0, 1)), err(() => f.reverse()), err(() => f.fill(0)), show(f)); // expect: TypeError TypeError TypeError [1,2,3]
var ro = [1, 2];
Object.defineProperty(ro, 'length', { writable: false });
print(err(() => ro.push(3)), show(ro)); // expect: TypeError [1,2]
var sealed = Object.seal([1, 2, 3]);
print(err(() => sealed.pop()), show(sealed), sealed.reverse() === sealed, show(sealed)); // expect: TypeError [1,2,3] true [3,2,1]
